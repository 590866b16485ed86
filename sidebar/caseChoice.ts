// The open cases offered for a 支援記録: named by ケースID, 年代 and つなぎ元機関,
// never by the person's name.
import type { CaseChoice } from '../src/app/sidebarTypes';
import { isClosedStatus } from '../src/domain/fields';

/** 「2024-0012（40代・地域包括支援センター）」 */
export function caseChoiceLabel(choice: CaseChoice): string {
  const details = [choice.ageBand, choice.referrerAgency].map((s) => s.trim()).filter((s) => s !== '');
  return details.length ? `${choice.caseId}（${details.join('・')}）` : choice.caseId;
}

/** The open cases after a case was saved: added or updated when open, removed when closed. */
export function withSavedCase(choices: readonly CaseChoice[], saved: CaseChoice, status: string): CaseChoice[] {
  const others = choices.filter((c) => c.caseId !== saved.caseId);
  if (isClosedStatus(status)) return others;
  const index = choices.findIndex((c) => c.caseId === saved.caseId);
  if (index < 0) return [...others, saved].sort((a, b) => a.caseId.localeCompare(b.caseId));
  return choices.map((c) => (c.caseId === saved.caseId ? saved : c));
}
