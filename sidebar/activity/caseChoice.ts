// The cases offered for a 支援記録: named in the list by ケースID, 年代 and
// つなぎ元機関, never by the person's name (shared/casePerson names the one picked).
import type { CaseChoice } from '../../src/app/sidebarTypes';
import { present } from '../shared/casePerson';

/** 「2024-0012（40代・地域包括支援センター）」 */
export function caseChoiceLabel(choice: CaseChoice): string {
  const details = present([choice.ageBand, choice.referrerAgency]);
  return details.length ? `${choice.caseId}（${details.join('・')}）` : choice.caseId;
}
