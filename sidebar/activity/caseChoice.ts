// The cases offered for a 支援記録: named by ケースID, 年代 and つなぎ元機関,
// never by the person's name.
import type { CaseChoice } from '../../src/app/sidebarTypes';

/** 「2024-0012（40代・地域包括支援センター）」 */
export function caseChoiceLabel(choice: CaseChoice): string {
  const details = [choice.ageBand, choice.referrerAgency].map((s) => s.trim()).filter((s) => s !== '');
  return details.length ? `${choice.caseId}（${details.join('・')}）` : choice.caseId;
}
