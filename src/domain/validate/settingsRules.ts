// Rules on the 設定 tab itself (SPEC §4): a meeting type's 本人同意 must be
// exactly 必要 or 不要. Anything else is read as 必要 (the gate fails safe),
// and reported here so the town sees what it typed is not what it meant.
import { cellText } from '../cell';
import { SETTINGS_HEADERS } from '../settings';
import { TAB } from '../fields';
import { sheetRow, type Table } from '../table';
import { finding, placeFinding, say, type Problem } from './problem';

export const MEETING_CONSENT_VALUES: readonly string[] = ['必要', '不要'];

export function checkSettingsTable(table: Table | null): Problem[] {
  if (!table) return [];
  const columnOf = (name: string): number => table.header.findIndex((h) => cellText(h).trim() === name);
  const nameColumn = columnOf(SETTINGS_HEADERS.meetingName);
  const consentColumn = columnOf(SETTINGS_HEADERS.meetingConsent);
  if (nameColumn < 0) return [];
  const problem = (value: string, row: number): Problem =>
    placeFinding(finding('meetingConsent', 'unknown_value', say.meetingConsentFlag(value)), TAB.settings, row, SETTINGS_HEADERS.meetingConsent, consentColumn);
  const named = table.rows.map((cells, index) => ({ cells, index })).filter(({ cells }) => cellText(cells[nameColumn] ?? '').trim() !== '');
  // Without the column every meeting type needs consent: said once, on the header row.
  if (consentColumn < 0) return named.length ? [problem('', 1)] : [];
  return named
    .map(({ cells, index }) => ({ value: cellText(cells[consentColumn] ?? '').trim(), row: sheetRow(index) }))
    .filter(({ value }) => !MEETING_CONSENT_VALUES.includes(value))
    .map(({ value, row }) => problem(value, row));
}
