// The cases offered for a 支援記録: named in the list by ケースID, 年代 and
// つなぎ元機関, never by the person's name; the picked one is named in full
// beside 記録を保存, so staff see whose record they are about to save.
import type { CaseChoice } from '../../src/app/sidebarTypes';

const present = (parts: readonly string[]): string[] => parts.map((s) => s.trim()).filter((s) => s !== '');

/** 「2024-0012（40代・地域包括支援センター）」 */
export function caseChoiceLabel(choice: Pick<CaseChoice, 'caseId' | 'ageBand' | 'referrerAgency'>): string {
  const details = present([choice.ageBand, choice.referrerAgency]);
  return details.length ? `${choice.caseId}（${details.join('・')}）` : choice.caseId;
}

/** 「ケース 2024-0012（40代・女性）試験 花子 さん」: whose record a save writes. */
export function recordForText(choice: Pick<CaseChoice, 'caseId' | 'ageBand' | 'sex' | 'personName'>): string {
  const details = present([choice.ageBand, choice.sex]);
  const name = choice.personName.trim();
  const who = details.length ? `（${details.join('・')}）` : ' ';
  return `ケース ${choice.caseId}${name ? `${who}${name} さん` : who.trim()}`;
}
