// A step's changes to cases on 共通シート, written by a meeting's outcome and
// by a plan step alike (neither owns it: both call it).
import type { Cell } from '../domain/cell';
import { FOLLOW_KEYS, type OutcomeChange } from '../domain/caseOutcome';
import type { Book } from '../sheets/book';
import { writeEachRow } from '../sheets/tables';
import { instantToDateCell } from '../sheets/zonedDate';
import type { CaseTable } from './sidebar/caseTable';

export interface CaseUpdate {
  readonly index: number;
  readonly caseId: string;
  readonly changes: readonly OutcomeChange[];
}

/**
 * Writes the updated cases' rows (read whole) over the columns the updates
 * touch, stamped with 最終更新 and 更新者: one setValues per case, never the
 * rows between (共通シート is read only in part). `user` is the 更新者.
 */
export function writeCaseUpdates(book: Book, cases: CaseTable, updates: readonly CaseUpdate[], user: string): void {
  if (updates.length === 0) return;
  const stamp: Record<string, Cell> = { updatedAt: instantToDateCell(new Date(), book.timeZone), updatedBy: user };
  const columnOf = (key: string): number => cases.columnOf.get(key)!;
  const columns = [...FOLLOW_KEYS, 'updatedAt', 'updatedBy'].map(columnOf);
  const rows = new Map(updates.map((update) => {
    const row = [...cases.rows[update.index]!];
    for (const change of update.changes) row[columnOf(change.key)] = change.cell;
    for (const [key, cell] of Object.entries(stamp)) row[columnOf(key)] = cell;
    return [update.index, row] as const;
  }));
  writeEachRow(cases.sheet, book.timeZone, rows, Math.min(...columns), Math.max(...columns), cases.size);
}
