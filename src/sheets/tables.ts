// The one module that reads and writes tabs: whole tables by header, one
// getValues per tab read and one setValues per tab write.
import { isDateCell, type Cell } from '../domain/cell';
import type { Table } from '../domain/table';
import { dateCellToInstant, instantToDateCell } from './zonedDate';

type SheetValue = string | number | boolean | Date;

export function fromSheetValue(value: unknown, timeZone: string): Cell {
  if (value instanceof Date) return instantToDateCell(value, timeZone);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

/**
 * Every non-empty text is written behind Sheets' text prefix `'`, so nothing
 * the add-on writes is ever read as a formula (`=`, `+`, `-`, `@` …, SPEC §10)
 * or silently turned into a number or date (`0012` stays `0012`).
 */
export function toSheetValue(cell: Cell, timeZone: string): SheetValue {
  if (isDateCell(cell)) return dateCellToInstant(cell, timeZone);
  if (typeof cell === 'string' && cell !== '') return `'${cell}`;
  return cell;
}

/** Reads a whole tab. An empty tab is a table with no header and no rows. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): Table & { rows: Cell[][] } {
  const values = sheet.getDataRange().getValues();
  const cells = values.map((row) => row.map((v) => fromSheetValue(v, timeZone)));
  const [header = [], ...rows] = cells;
  const isEmpty = header.every((c) => c === '') && rows.length === 0;
  return { header: isEmpty ? [] : header, rows };
}

/**
 * Writes header and rows from A1 in one call, growing the sheet when the table
 * is larger, and clears what lay beyond the new table's right edge.
 */
export function writeTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: { header: readonly Cell[]; rows: readonly (readonly Cell[])[] },
  timeZone: string,
  previous: { rows: number; columns: number },
): void {
  const width = table.header.length;
  const values = [table.header, ...table.rows].map((row) =>
    Array.from({ length: width }, (_, i) => toSheetValue(row[i] ?? '', timeZone)));
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  if (values.length > maxRows) sheet.insertRowsAfter(maxRows, values.length - maxRows);
  if (width > maxColumns) sheet.insertColumnsAfter(maxColumns, width - maxColumns);
  sheet.getRange(1, 1, values.length, width).setValues(values);
  if (previous.columns > width && previous.rows > 0) {
    sheet.getRange(1, width + 1, previous.rows, previous.columns - width).clearContent();
  }
}

/** Appends rows under the last used row of a tab, in one write. */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly (readonly Cell[])[], timeZone: string): void {
  if (rows.length === 0) return;
  const width = rows.reduce((most, r) => Math.max(most, r.length), 0);
  const values = rows.map((row) => Array.from({ length: width }, (_, i) => toSheetValue(row[i] ?? '', timeZone)));
  const start = sheet.getLastRow() + 1;
  const maxRows = sheet.getMaxRows();
  const needed = start + values.length - 1;
  if (needed > maxRows) sheet.insertRowsAfter(maxRows, needed - maxRows);
  sheet.getRange(start, 1, values.length, width).setValues(values);
}
