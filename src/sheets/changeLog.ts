// 変更履歴: one appended row per change the add-on makes (SPEC §10). The tab is
// protected (warning-only, because every editor's own executions append to it)
// and the add-on only ever appends. Because that protection only warns, the
// add-on remembers how many rows it left, and says so in the log when the tab
// was deleted or rows were removed since.
import { TAB } from '../domain/fields';
import { activeUserEmail } from './activeUser';
import { createTab, STANDARD_TABS, type Book } from './book';
import type { PropertyStore } from './recentSaves';
import { appendRows } from './tables';
import { instantToDateCell } from './zonedDate';

export interface ChangeEntry {
  readonly operation: string;
  readonly sheet: string;
  readonly caseId: string;
  readonly field: string;
  readonly before: string;
  readonly after: string;
}

export const LOG_PROTECTION = 'tsunagi: 変更履歴（アドオンが追記します。編集しないでください）';

/** Who is making the change (SPEC §10); when Apps Script cannot tell, （不明）: the change is logged, never lost. */
export function currentUser(): string {
  return activeUserEmail() || '（不明）';
}

/** Data rows 変更履歴 had when the add-on last appended to it (document property). */
const ROWS_KEY = 'tsunagi.changeLogRows';

export const logGapNote = (rows: number): string =>
  `変更履歴が見つからない（または短くなっている）ため作り直しました（以前 ${rows} 行）`;

/**
 * Appends `entries`. A save passes the document properties it holds and the
 * person it already asked Apps Script for, so neither is asked for twice.
 */
export function logChanges(book: Book, entries: readonly ChangeEntry[], context: { properties?: PropertyStore; user?: string } = {}): void {
  if (entries.length === 0) return;
  const properties = context.properties ?? PropertiesService.getDocumentProperties();
  const expected = Number(properties.getProperty(ROWS_KEY) ?? '0') || 0;
  let sheet = book.sheets.get(TAB.changeLog);
  if (!sheet) {
    const spec = STANDARD_TABS.find((t) => t.name === TAB.changeLog)!;
    sheet = createTab(book, TAB.changeLog, spec.initial());
    sheet.setFrozenRows(1);
    sheet.protect().setDescription(LOG_PROTECTION).setWarningOnly(true);
  }
  const at = instantToDateCell(new Date(), book.timeZone);
  const user = context.user ?? currentUser();
  const lastRow = sheet.getLastRow();
  const rowsNow = Math.max(0, lastRow - 1);
  const gap: ChangeEntry[] = rowsNow < expected
    ? [{ operation: logGapNote(expected), sheet: TAB.changeLog, caseId: '', field: '', before: String(expected), after: String(rowsNow) }]
    : [];
  const rows = [...gap, ...entries].map((e) => [at, user, e.operation, e.sheet, e.caseId, e.field, e.before, e.after]);
  // Row 1 is the header's even in a tab someone emptied: rowsNow counts from row 2.
  appendRows(sheet, rows, book.timeZone, { lastRow: Math.max(lastRow, 1) });
  properties.setProperty(ROWS_KEY, String(rowsNow + rows.length));
}
