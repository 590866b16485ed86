// The one module that reads and writes tabs: whole tables by header, one
// getValues per tab read and one setValues per tab write. A part of a tab is
// read with Sheet.getSheetValues: one call where getRange + getValues are two.
import { isDateCell, type Cell } from '../domain/cell';
import type { Table } from '../domain/table';
import { formatFor } from './cellFormat';
import { dataExtentWithinLimits, dataRangeWithinLimits } from './limits';
import { dateConverter, type DateConverter } from './zonedDate';

type SheetValue = string | number | boolean | Date;

export function fromSheetValue(value: unknown, dates: DateConverter): Cell {
  if (value instanceof Date) return dates.toCell(value);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  return '';
}

/** Dates become instants; text goes raw, into a plain-text cell (cellFormat). */
export function toSheetValue(cell: Cell, dates: DateConverter): SheetValue {
  return isDateCell(cell) ? dates.toInstant(cell) : cell;
}

/**
 * Reads a whole tab. An empty tab is a table with no header and no rows; one
 * too large for a run is refused in Japanese before its values are read.
 */
export function readTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string): Table & { rows: Cell[][] } {
  const dates = dateConverter(timeZone);
  // Converted in place: a copy of a 50,000-row tab is garbage the run pays for.
  const cells: unknown[][] = dataRangeWithinLimits(sheet).getValues();
  for (const row of cells) {
    for (let i = 0; i < row.length; i++) row[i] = fromSheetValue(row[i], dates);
  }
  const [header = [], ...rows] = cells as Cell[][];
  return asTable(header, rows);
}

/** Row 1's texts, trimmed, as far as the tab's last column: for finding one column by its header. */
export function headerTexts(sheet: GoogleAppsScript.Spreadsheet.Sheet): string[] {
  return sheet.getSheetValues(1, 1, 1, Math.max(1, sheet.getLastColumn()))[0]!.map((v) => String(v).trim());
}

/** The cells of an area (1-based, as Sheet.getSheetValues takes it), in one call. */
function readArea(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, dates: DateConverter, row: number, column: number, rows: number, columns: number,
): Cell[][] {
  return sheet.getSheetValues(row, column, rows, columns).map((values) => values.map((v) => fromSheetValue(v, dates)));
}

/**
 * Reads a tab like readTable, but of its rows only the columns `pick` chooses
 * from the header; the others read as blank. One getValues per run of
 * adjacent columns, so the calls depend on the header, not on the rows, and
 * an operation that needs 14 of 31 columns reads fewer than half the cells.
 */
export function readTableColumns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, pick: (header: readonly Cell[]) => readonly number[],
): Table & { rows: Cell[][] } {
  const dates = dateConverter(timeZone);
  const { rows: height, columns: width } = dataExtentWithinLimits(sheet);
  const header = readArea(sheet, dates, 1, 1, 1, width)[0]!;
  const rows = Array.from({ length: height - 1 }, () => new Array<Cell>(width).fill(''));
  if (rows.length > 0) {
    for (const { first, count } of runsOf(pick(header))) {
      const values = sheet.getSheetValues(2, first + 1, rows.length, count);
      values.forEach((line, r) => {
        const row = rows[r]!;
        for (let c = 0; c < count; c++) row[first + c] = fromSheetValue(line[c], dates);
      });
    }
  }
  return asTable(header, rows);
}

/**
 * Reads the data rows `indexes` (from 0) of a table into its `rows`, whole (as
 * wide as its header), one getValues each: an operation about one case reads
 * that case's few rows, not the tab, and its calls depend on how many rows the
 * case has, never on the size of the tab or where the rows lie.
 */
export function readRowsInto(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, table: { header: readonly Cell[]; rows: Cell[][] }, indexes: readonly number[]): void {
  const dates = dateConverter(timeZone);
  const width = table.header.length;
  if (width === 0) return;
  for (const index of indexes) {
    table.rows[index] = readArea(sheet, dates, index + 2, 1, 1, width)[0]!;
  }
}

/**
 * The data rows (index from 0, of the first `height` data rows) whose cell in
 * `column` (from 0) shows exactly `text`, ignoring case, as Sheets finds them:
 * it searches on its side and hands back only the matches, so the caller
 * checks the cells once it reads them. A whole-cell match, because part of
 * one would find ケースID 2025-1000 in 2025-10000…2025-10009 once a year
 * passes 9,999 cases; a cell with spaces around its text is not found. Four
 * calls and one per match, whatever the length of the tab.
 */
export function rowsShowing(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, height: number, text: string): number[] {
  if (height < 1 || text === '') return [];
  return finderIn(sheet, column, height, text).matchEntireCell(true).findAll().map((cell) => cell.getRow() - 2);
}

/** Whether any of the first `height` data rows' cell in `column` (from 0) shows `text` (partly, ignoring case): three calls. */
export function anyRowShows(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, height: number, text: string): boolean {
  return height >= 1 && finderIn(sheet, column, height, text).findNext() !== null;
}

/** Sheets' search for `text` over the first `height` data rows of `column` (from 0). */
function finderIn(sheet: GoogleAppsScript.Spreadsheet.Sheet, column: number, height: number, text: string): GoogleAppsScript.Spreadsheet.TextFinder {
  return sheet.getRange(2, column + 1, height, 1).createTextFinder(text);
}

/** Indexes as runs of adjacent indexes, in order. */
export function runsOf(columns: readonly number[]): { first: number; count: number }[] {
  const runs: { first: number; count: number }[] = [];
  for (const column of [...new Set(columns)].sort((a, b) => a - b)) {
    const last = runs[runs.length - 1];
    if (last && last.first + last.count === column) last.count++;
    else runs.push({ first: column, count: 1 });
  }
  return runs;
}

function asTable(header: Cell[], rows: Cell[][]): Table & { rows: Cell[][] } {
  const isEmpty = header.every((c) => c === '') && rows.length === 0;
  return { header: isEmpty ? [] : header, rows };
}

/**
 * Reads the header row and the rows `first`…`first + count − 1` (sheet row
 * numbers; those past the last row are left out), or with `first` 'last' the
 * last `count` rows, for an operation about a few rows of a long tab.
 * `rows[0]` is sheet row `first`; `lastRow` is the tab's last row with content.
 */
export function readHeaderAndRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, first: number | 'last', count: number,
): Table & { rows: Cell[][]; first: number; lastRow: number } {
  const width = sheet.getLastColumn();
  if (width < 1) return { header: [], rows: [], first: 2, lastRow: 0 };
  const dates = dateConverter(timeZone);
  const read = (row: number, rows: number): Cell[][] => readArea(sheet, dates, row, 1, rows, width);
  const lastRow = sheet.getLastRow();
  const from = first === 'last' ? Math.max(2, lastRow - count + 1) : first;
  const available = Math.min(count, lastRow - from + 1);
  return { header: read(1, 1)[0]!, rows: from >= 2 && available > 0 ? read(from, available) : [], first: from, lastRow };
}

/**
 * Rows and columns a tab is known to have, from a read earlier in the same
 * run (a data range never reaches past the grid): a write inside them needs
 * no call to ask the grid's size.
 */
export interface KnownSize {
  readonly rows: number;
  readonly columns: number;
}

const NOTHING_KNOWN: KnownSize = { rows: 0, columns: 0 };

/**
 * Writes a block of rows with its top-left cell at (`startRow`, `startColumn`),
 * all as wide as the widest, growing the sheet first when they reach past its
 * last row or column (asked only where `known` does not cover the block): the
 * block's formats are read and set as its values need (cellFormat), then the
 * values go in one setValues.
 */
export function writeBlock(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, startRow: number, startColumn: number, rows: readonly (readonly Cell[])[], timeZone: string,
  known: KnownSize = NOTHING_KNOWN,
): void {
  const width = rows.reduce((most, r) => Math.max(most, r.length), 0);
  if (rows.length === 0 || width === 0) return;
  const dates = dateConverter(timeZone);
  const values = rows.map((row) => Array.from({ length: width }, (_, i) => toSheetValue(row[i] ?? '', dates)));
  const lastRow = startRow + values.length - 1;
  const lastColumn = startColumn + width - 1;
  if (lastRow > known.rows) {
    const maxRows = sheet.getMaxRows();
    if (lastRow > maxRows) sheet.insertRowsAfter(maxRows, lastRow - maxRows);
  }
  if (lastColumn > known.columns) {
    const maxColumns = sheet.getMaxColumns();
    if (lastColumn > maxColumns) sheet.insertColumnsAfter(maxColumns, lastColumn - maxColumns);
  }
  const range = sheet.getRange(startRow, startColumn, values.length, width);
  const current = range.getNumberFormats();
  range.setNumberFormats(current.map((line, r) => line.map((format, c) => formatFor(rows[r]?.[c] ?? '', format))));
  range.setValues(values);
}

/**
 * Writes data rows (index from 0 → the row's cells, from column A) over the
 * columns `left`…`right` (from 0), one block each: a row not given is never
 * written, so a tab read only in part (the rows of one case) is written
 * without touching the rows between, in calls that do not depend on where
 * the rows lie.
 */
export function writeEachRow(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, rows: ReadonlyMap<number, readonly Cell[]>, left: number, right: number, known?: KnownSize,
): void {
  for (const [index, row] of rows) writeBlock(sheet, index + 2, left + 1, [row.slice(left, right + 1)], timeZone, known);
}

/** Writes whole rows from `startRow`, column A onwards, in one call. */
export function writeRows(sheet: GoogleAppsScript.Spreadsheet.Sheet, startRow: number, rows: readonly (readonly Cell[])[], timeZone: string, known?: KnownSize): void {
  writeBlock(sheet, startRow, 1, rows, timeZone, known);
}

/** Writes header and rows from A1, and clears what lay beyond the new table's right and bottom edges. */
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
  const written = table.rows.length + 1;
  if (previous.rows > written) sheet.getRange(written + 1, 1, previous.rows - written, Math.max(width, previous.columns)).clearContent();
}

/**
 * Appends one row under the last used row. Its cells' formats must be chosen
 * before the values go in, which Sheet.appendRow cannot do, so callers hold
 * the document lock (as every add-on write does) and the row is written there.
 */
export function appendRow(sheet: GoogleAppsScript.Spreadsheet.Sheet, row: readonly Cell[], timeZone: string, known?: KnownSize): void {
  appendRows(sheet, [row], timeZone, { known });
}

/**
 * Appends rows under the last used row of a tab, in one write. The last row is
 * asked at the moment of writing (a row a colleague typed since the tab was
 * read is never overwritten) unless the caller has just asked it (`lastRow`).
 */
export function appendRows(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly (readonly Cell[])[], timeZone: string, at: { lastRow?: number; known?: KnownSize } = {},
): void {
  if (rows.length > 0) writeRows(sheet, (at.lastRow ?? sheet.getLastRow()) + 1, rows, timeZone, at.known);
}
