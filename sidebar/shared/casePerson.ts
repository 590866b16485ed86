// Who a case is, named in full where a choice decides whose record a save
// writes (beside 記録を保存 in 支援記録): the lists name cases without names,
// this line does not, as staff see the sheet anyway.
import type { LoadedCase } from '../../src/app/sidebarTypes';

export const present = (parts: readonly string[]): string[] => parts.map((s) => s.trim()).filter((s) => s !== '');

/** Who a case is, as the line beside 記録を保存 names them. */
export interface CasePerson {
  readonly caseId: string;
  readonly ageBand: string;
  readonly sex: string;
  readonly personName: string;
}

/** 「ケース 2024-0012（40代・女性）試験 花子 さん」: whose record a save writes. */
export function recordForText(choice: CasePerson): string {
  const details = present([choice.ageBand, choice.sex]);
  const name = choice.personName.trim();
  const who = details.length ? `（${details.join('・')}）` : ' ';
  return `ケース ${choice.caseId}${name ? `${who}${name} さん` : who.trim()}`;
}

/** The person of a case read from the sheet. */
export function personOf(caseId: string, record: LoadedCase['record']): CasePerson {
  return { caseId, ageBand: record.ageBand ?? '', sex: record.sex ?? '', personName: record.personName ?? '' };
}
