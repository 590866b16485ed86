// A step's changes to cases on 共通シート, written by a meeting's outcome and
// by a plan step alike (neither owns it: both call it).
import type { Cell } from '../domain/cell';
import { FOLLOW_KEYS, type OutcomeChange } from '../domain/caseOutcome';
import { sheetRow } from '../domain/table';
import type { Book } from '../sheets/book';
import { currentUser } from '../sheets/changeLog';
import { writeBlock } from '../sheets/tables';
import { instantToDateCell } from '../sheets/zonedDate';
import type { CaseTable } from './sidebar/caseTable';

export interface CaseUpdate {
  readonly index: number;
  readonly caseId: string;
  readonly changes: readonly OutcomeChange[];
}

/** One setValues over the rows and columns the updates touch, stamped with 最終更新 and 更新者. */
export function writeCaseUpdates(book: Book, cases: CaseTable, updates: readonly CaseUpdate[]): void {
  if (updates.length === 0) return;
  const stamp: Record<string, Cell> = { updatedAt: instantToDateCell(new Date(), book.timeZone), updatedBy: currentUser() };
  const columnOf = (key: string): number => cases.columnOf.get(key)!;
  const columns = [...FOLLOW_KEYS, 'updatedAt', 'updatedBy'].map(columnOf);
  const [top, bottom] = [Math.min(...updates.map((u) => u.index)), Math.max(...updates.map((u) => u.index))];
  const [left, right] = [Math.min(...columns), Math.max(...columns)];
  // The rows between are written back as they were read a moment ago under the lock.
  const block = cases.rows.slice(top, bottom + 1).map((row) => Array.from({ length: right - left + 1 }, (_, c) => row[left + c] ?? ''));
  for (const update of updates) {
    const row = block[update.index - top]!;
    for (const change of update.changes) row[columnOf(change.key) - left] = change.cell;
    for (const [key, cell] of Object.entries(stamp)) row[columnOf(key) - left] = cell;
  }
  writeBlock(cases.sheet, sheetRow(top), left + 1, block, book.timeZone);
}
