// 変更履歴: one appended row per change the add-on makes (SPEC §10). The tab is
// protected (warning-only, because every editor's own executions append to it)
// and the add-on only ever appends.
import { TAB } from '../domain/fields';
import { activeUserEmail } from './activeUser';
import { createTab, STANDARD_TABS, type Book } from './book';
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

export function logChanges(book: Book, entries: readonly ChangeEntry[]): void {
  if (entries.length === 0) return;
  let sheet = book.sheets.get(TAB.changeLog);
  if (!sheet) {
    const spec = STANDARD_TABS.find((t) => t.name === TAB.changeLog)!;
    sheet = createTab(book, TAB.changeLog, spec.initial());
    sheet.setFrozenRows(1);
    sheet.protect().setDescription(LOG_PROTECTION).setWarningOnly(true);
  }
  const at = instantToDateCell(new Date(), book.timeZone);
  const user = currentUser();
  appendRows(sheet, entries.map((e) => [at, user, e.operation, e.sheet, e.caseId, e.field, e.before, e.after]), book.timeZone);
}
