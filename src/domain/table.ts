import type { Cell } from './cell';
import { isBlankCell } from './cell';

/** A tab as read: its header row and the data rows below it (sheet row = index + 2). */
export interface Table {
  readonly header: readonly Cell[];
  readonly rows: readonly (readonly Cell[])[];
}

/** The sheet row number of a data row index. */
export const sheetRow = (index: number): number => index + 2;

/** A row with no value in any column is ignored everywhere (SPEC §3). */
export function isBlankRow(row: readonly Cell[]): boolean {
  return row.every(isBlankCell);
}
