// The one module that reads and writes tabs: whole tables by header, one
// getValues per tab read and one setValues per tab write.
import { isDateCell, type Cell } from '../domain/cell';
import type { Table } from '../domain/table';
import { dateConverter, type DateConverter } from './zonedDate';

type SheetValue = string | number | boolean | Date;

export function fromSheetValue(value: unknown, dates: DateConverter): Cell {
  if (value instanceof Date) return dates.toCell(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

/**
 * Every non-empty text is written behind Sheets' text prefix `'`, so nothing
 * the add-on writes is ever read as a formula (`=`, `+`, `-`, `@` …, SPEC §10)
 * or silently turned into a number or date (`0012` stays `0012`).
 */
export function toSheetValue(cell: Cell, dates: DateConverter): SheetValue {
  if (isDateCell(cell)) return dates.toInstant(cell);
  if (typeof cell === 'string' && cell !== '') return `'${cell}`;
  return cell;
}

/** Reads a whole tab. An empty tab is a table with no header and no rows. */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): Table & { rows: Cell[][] } {
  const dates = dateConverter(timeZone);
  const cells = sheet.getDataRange().getValues().map((row) => row.map((v) => fromSheetValue(v, dates)));
  const [header = [], ...rows] = cells;
  const isEmpty = header.every((c) => c === '') && rows.length === 0;
  return { header: isEmpty ? [] : header, rows };
}

/**
 * Reads the header row and the rows `first`…`first + count − 1` (sheet row
 * numbers; those past the last row are left out), for an operation about a
 * few rows of a long tab. `rows[0]` is sheet row `first`.
 */
export function readHeaderAndRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, first: number, count: number): Table & { rows: Cell[][] } {
  const width = sheet.getLastColumn();
  if (width < 1) return { header: [], rows: [] };
  const dates = dateConverter(timeZone);
  const read = (row: number, rows: number): Cell[][] =>
    sheet.getRange(row, 1, rows, width).getValues().map((values) => values.map((v) => fromSheetValue(v, dates)));
  const available = Math.min(count, sheet.getLastRow() - first + 1);
  return { header: read(1, 1)[0]!, rows: first >= 2 && available > 0 ? read(first, available) : [] };
}

/**
 * Writes a block of rows with its top-left cell at (`startRow`, `startColumn`)
 * in one call, all as wide as the widest, growing the sheet first when they
 * reach past its last row or column.
 */
export function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, startRow: number, startColumn: number, rows: readonly (readonly Cell[])[], timeZone: string,
): void {
  const width = rows.reduce((most, r) => Math.max(most, r.length), 0);
  if (rows.length === 0 || width === 0) return;
  const dates = dateConverter(timeZone);
  const values = rows.map((row) => Array.from({ length: width }, (_, i) => toSheetValue(row[i] ?? '', dates)));
  const [maxRows, maxColumns] = [sheet.getMaxRows(), sheet.getMaxColumns()];
  const lastRow = startRow + values.length - 1;
  const lastColumn = startColumn + width - 1;
  if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  if (lastColumn > maxColumns) sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
  sheet.getRange(startRow, startColumn, values.length, width).setValues(values);
}

/** Writes whole rows from `startRow`, column A onwards, in one call. */
export function writeRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, startRow: number, rows: readonly (readonly Cell[])[], timeZone: string): void {
  writeBlock(sheet, startRow, 1, rows, timeZone);
}

/** Writes header and rows from A1, and clears what lay beyond the new table's right edge. */
export function writeTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  table: { header: readonly Cell[]; rows: readonly (readonly Cell[])[] },
  timeZone: string,
  previous: { rows: number; columns: number },
): void {
  const width = table.header.length;
  writeRows(sheet, 1, [table.header, ...table.rows.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? ''))], timeZone);
  if (previous.columns > width && previous.rows > 0) {
    sheet.getRange(1, width + 1, previous.rows, previous.columns - width).clearContent();
  }
}

/**
 * Appends one row under the last used row in one call. Sheets grows the tab
 * itself and never lets two executions' appends land on the same row.
 */
export function appendRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: readonly Cell[], timeZone: string): void {
  const dates = dateConverter(timeZone);
  sheet.appendRow(row.map((cell) => toSheetValue(cell, dates)));
}

/** Appends rows under the last used row of a tab, in one write. */
export function appendRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly (readonly Cell[])[], timeZone: string): void {
  if (rows.length > 0) writeRows(sheet, sheet.getLastRow() + 1, rows, timeZone);
}
