// Sheet: one tab of the spreadsheet.
import { parseA1, quoteSheetName, type GridRect } from './a1';
import { LABEL, SERVICE, type Emulated } from './bridge';
import { CELLS, type CellCount } from './calls';
import { EmbeddedChart, EmbeddedChartBuilder } from './charts';
import {
  DEFAULT_COLUMN_WIDTH, FORMAT_KEYS, addSheet, assertCellsFit, copyCells, lastColumnWithContent, lastRowWithContent, setField,
  type CellData, type Model, type SheetModel,
} from './model';
import { Protection, assertMayEdit } from './protection';
import { Range } from './range';
import { RangeList } from './rangeList';
import type { Spreadsheet } from './spreadsheet';

/** Sheets keeps sheet names unique regardless of case. */
export function assertNameFree(model: Model, name: string, except?: SheetModel): void {
  if (model.sheets.some((s) => s !== except && s.name.toLowerCase() === name.toLowerCase())) {
    throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
  }
}

/** A range on `sheet`, refused with Apps Script's messages when it does not fit. */
export function rangeOn(sheet: Sheet, rect: GridRect): Range {
  const { row, column, numRows, numColumns } = rect;
  if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
  if (numColumns < 1) throw new Error('The number of columns in the range must be at least 1.');
  if (row < 1) throw new Error('The starting row of the range is too small.');
  if (column < 1) throw new Error('The starting column of the range is too small.');
  if (row + numRows - 1 > sheet.model.maxRows || column + numColumns - 1 > sheet.model.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new Range(sheet, { row, column, numRows, numColumns });
}

/** `items` with `count` empty slots at `at`; not splice(…, ...spread), whose arguments overflow the stack for a big count. */
function withBlanks<T>(items: readonly (T | undefined)[], at: number, count: number): (T | undefined)[] {
  return items.slice(0, at).concat(new Array<undefined>(count), items.slice(at));
}

interface Span {
  readonly start: number;
  readonly size: number;
}

/** A run of rows or columns after `count` lines are inserted after line `after`. */
function spanAfterInsert(span: Span, after: number, count: number): Span {
  if (span.start > after) return { start: span.start + count, size: span.size };
  if (span.start + span.size - 1 > after) return { start: span.start, size: span.size + count };
  return span;
}

/** A run of rows after rows first…first+count-1 are deleted; undefined when nothing is left. */
function spanAfterDelete(span: Span, first: number, count: number): Span | undefined {
  const last = first + count - 1;
  const end = span.start + span.size - 1;
  const start = span.start < first ? span.start : span.start > last ? span.start - count : first;
  const newEnd = end < first ? end : end > last ? end - count : first - 1;
  return newEnd >= start ? { start, size: newEnd - start + 1 } : undefined;
}

export class Sheet implements Emulated {
  readonly [SERVICE] = 'Sheet';

  constructor(readonly spreadsheet: Spreadsheet, readonly model: SheetModel) {}

  [LABEL](): string {
    return quoteSheetName(this.model.name);
  }

  /** appendRow writes its row; copyTo writes the copy's used area. */
  [CELLS](method: string, args: readonly unknown[]): CellCount {
    if (method === 'appendRow') return { read: 0, written: Array.isArray(args[0]) ? args[0].length : 0 };
    if (method === 'copyTo') return { read: 0, written: lastRowWithContent(this.model) * lastColumnWithContent(this.model) };
    if (method === 'getSheetValues') return { read: Number(args[2]) * Number(args[3]), written: 0 };
    return { read: 0, written: 0 };
  }

  getName(): string {
    return this.model.name;
  }

  setName(name: string): Sheet {
    assertMayEdit(this, null);
    const text = String(name);
    assertNameFree(this.spreadsheet.model, text, this.model);
    this.model.name = text;
    return this;
  }

  getIndex(): number {
    return this.spreadsheet.model.sheets.indexOf(this.model) + 1;
  }

  getSheetId(): number {
    return this.model.id;
  }

  activate(): Sheet {
    this.spreadsheet.active = { sheetId: this.model.id };
    return this;
  }

  getRange(rowOrA1: number | string, column?: number, numRows = 1, numColumns = 1): Range {
    if (typeof rowOrA1 === 'string') {
      const { sheetName, rect } = parseA1(rowOrA1, () => this.model);
      if (sheetName !== undefined && sheetName !== this.model.name) throw new Error(`Range not found: ${rowOrA1}`);
      return rangeOn(this, rect);
    }
    if (column === undefined) throw new Error('The parameters (number) don\'t match the method signature for SpreadsheetApp.Sheet.getRange.');
    return rangeOn(this, { row: rowOrA1, column, numRows, numColumns });
  }

  /** Ranges by A1 notation, all on this sheet; Sheets refuses an empty list. */
  getRangeList(a1Notations: string[]): RangeList {
    if (!Array.isArray(a1Notations) || a1Notations.length === 0 || !a1Notations.every((a) => typeof a === 'string')) {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getRangeList.");
    }
    return new RangeList(a1Notations.map((a1) => this.getRange(a1)));
  }

  /**
   * getRange(…).getValues() in one call. The reference lets -1 stand for "to
   * the last row or column with data"; the add-on always gives the size, so
   * anything but whole numbers of at least 1 is refused here (stricter).
   */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number): unknown[][] {
    if (![startRow, startColumn, numRows, numColumns].every((n) => Number.isInteger(n) && n >= 1)) {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.getSheetValues.");
    }
    return rangeOn(this, { row: startRow, column: startColumn, numRows, numColumns }).getValues();
  }

  getDataRange(): Range {
    return rangeOn(this, {
      row: 1,
      column: 1,
      numRows: Math.max(lastRowWithContent(this.model), 1),
      numColumns: Math.max(lastColumnWithContent(this.model), 1),
    });
  }

  getLastRow(): number {
    return lastRowWithContent(this.model);
  }

  getLastColumn(): number {
    return lastColumnWithContent(this.model);
  }

  getMaxRows(): number {
    return this.model.maxRows;
  }

  getMaxColumns(): number {
    return this.model.maxColumns;
  }

  /** Writes a row under the last row with content, growing the grid when it is full, as Sheets does. */
  appendRow(rowContents: unknown[]): Sheet {
    assertMayEdit(this, null);
    if (!Array.isArray(rowContents) || rowContents.length === 0) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.appendRow.");
    const row = lastRowWithContent(this.model) + 1;
    if (row > this.model.maxRows) assertCellsFit(this.spreadsheet.model, this.model.maxColumns);
    this.model.maxRows = Math.max(this.model.maxRows, row);
    this.model.maxColumns = Math.max(this.model.maxColumns, rowContents.length);
    this.getRange(row, 1, 1, rowContents.length).setValues([rowContents]);
    return this;
  }

  insertRowsAfter(afterPosition: number, howMany: number): Sheet {
    assertMayEdit(this, null);
    if (afterPosition < 1 || afterPosition > this.model.maxRows || howMany < 1) throw new Error('Those rows are out of bounds.');
    assertCellsFit(this.spreadsheet.model, howMany * this.model.maxColumns);
    this.model.cells = withBlanks(this.model.cells, afterPosition, howMany);
    if (this.model.rowLayout.length > afterPosition) this.model.rowLayout = withBlanks(this.model.rowLayout, afterPosition, howMany);
    this.model.maxRows += howMany;
    this.model.frozenRows = spanAfterInsert({ start: 1, size: this.model.frozenRows }, afterPosition, howMany).size;
    for (const p of this.model.protections) {
      if (!p.rect) continue;
      const rows = spanAfterInsert({ start: p.rect.row, size: p.rect.numRows }, afterPosition, howMany);
      p.rect = { ...p.rect, row: rows.start, numRows: rows.size };
    }
    return this;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sheet {
    assertMayEdit(this, null);
    if (afterPosition < 1 || afterPosition > this.model.maxColumns || howMany < 1) throw new Error('Those columns are out of bounds.');
    assertCellsFit(this.spreadsheet.model, howMany * this.model.maxRows);
    this.model.cells = this.model.cells.map((row) => (row && row.length > afterPosition ? withBlanks(row, afterPosition, howMany) : row));
    if (this.model.columnWidths.length > afterPosition) {
      this.model.columnWidths = withBlanks(this.model.columnWidths, afterPosition, howMany);
    }
    if (this.model.columnLayout.length > afterPosition) {
      this.model.columnLayout = withBlanks(this.model.columnLayout, afterPosition, howMany);
    }
    this.model.maxColumns += howMany;
    for (const p of this.model.protections) {
      if (!p.rect) continue;
      const columns = spanAfterInsert({ start: p.rect.column, size: p.rect.numColumns }, afterPosition, howMany);
      p.rect = { ...p.rect, column: columns.start, numColumns: columns.size };
    }
    return this;
  }

  deleteRows(rowPosition: number, howMany: number): void {
    assertMayEdit(this, { row: rowPosition, column: 1, numRows: howMany, numColumns: this.model.maxColumns });
    if (rowPosition < 1 || howMany < 1 || rowPosition + howMany - 1 > this.model.maxRows) {
      throw new Error('Those rows are out of bounds.');
    }
    const frozen = spanAfterDelete({ start: 1, size: this.model.frozenRows }, rowPosition, howMany)?.size ?? 0;
    if (this.model.maxRows - howMany <= frozen) throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    this.model.cells.splice(rowPosition - 1, howMany);
    this.model.rowLayout.splice(rowPosition - 1, howMany);
    this.model.maxRows -= howMany;
    this.model.frozenRows = frozen;
    // A protected range that loses all its rows goes, as in Sheets.
    this.model.protections = this.model.protections.filter((p) => {
      if (!p.rect) return true;
      const rows = spanAfterDelete({ start: p.rect.row, size: p.rect.numRows }, rowPosition, howMany);
      if (rows) p.rect = { ...p.rect, row: rows.start, numRows: rows.size };
      return rows !== undefined;
    });
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    assertMayEdit(this, { row: 1, column: columnPosition, numRows: this.model.maxRows, numColumns: howMany });
    if (columnPosition < 1 || howMany < 1 || columnPosition + howMany - 1 > this.model.maxColumns) {
      throw new Error('Those columns are out of bounds.');
    }
    if (this.model.maxColumns - howMany < 1) throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    for (const row of this.model.cells) row?.splice(columnPosition - 1, howMany);
    this.model.columnWidths.splice(columnPosition - 1, howMany);
    this.model.columnLayout.splice(columnPosition - 1, howMany);
    this.model.maxColumns -= howMany;
    this.model.protections = this.model.protections.filter((p) => {
      if (!p.rect) return true;
      const columns = spanAfterDelete({ start: p.rect.column, size: p.rect.numColumns }, columnPosition, howMany);
      if (columns) p.rect = { ...p.rect, column: columns.start, numColumns: columns.size };
      return columns !== undefined;
    });
  }

  /** Contents and formats; notes and validation rules stay. */
  clear(): Sheet {
    assertMayEdit(this, null);
    this.#eachCell((cell) => [...FORMAT_KEYS, 'value' as const].forEach((key) => setField(cell, key, undefined)));
    return this;
  }

  clearContents(): Sheet {
    assertMayEdit(this, null);
    this.#eachCell((cell) => setField(cell, 'value', undefined));
    return this;
  }

  clearNotes(): Sheet {
    assertMayEdit(this, null);
    this.#eachCell((cell) => setField(cell, 'note', undefined));
    return this;
  }

  clearFormats(): Sheet {
    assertMayEdit(this, null);
    this.#eachCell((cell) => FORMAT_KEYS.forEach((key) => setField(cell, key, undefined)));
    return this;
  }

  setFrozenRows(rows: number): void {
    if (rows < 0 || rows >= this.model.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.model.frozenRows = rows;
  }

  getFrozenRows(): number {
    return this.model.frozenRows;
  }

  setColumnWidth(columnPosition: number, width: number): Sheet {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sheet {
    if (startColumn < 1 || startColumn + numColumns - 1 > this.model.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    for (let c = startColumn; c < startColumn + numColumns; c++) this.model.columnWidths[c - 1] = Math.round(width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    return this.model.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  /** The sheet's protection; the existing one when the sheet is already protected. */
  protect(): Protection {
    let protection = this.model.protections.find((p) => p.type === 'SHEET');
    if (!protection) {
      protection = { type: 'SHEET', description: '', warningOnly: false, editors: [this.spreadsheet.state.user] };
      this.model.protections.push(protection);
    }
    return new Protection(this, protection);
  }

  getProtections(type: string): Protection[] {
    return this.model.protections.filter((p) => p.type === String(type)).map((p) => new Protection(this, p));
  }

  /** A copy at the end, named "Copy of X": contents, formats, notes, rules, merges, widths, frozen rows; not protections. */
  copyTo(spreadsheet: Spreadsheet): Sheet {
    const model = spreadsheet.model;
    let name = `Copy of ${this.model.name}`;
    for (let n = 2; model.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase()); n++) name = `Copy of ${this.model.name} ${n}`;
    const copy = addSheet(model, name);
    copy.cells = copyCells(this.model.cells);
    copy.maxRows = this.model.maxRows;
    copy.maxColumns = this.model.maxColumns;
    copy.frozenRows = this.model.frozenRows;
    copy.columnWidths = [...this.model.columnWidths];
    copy.merges = this.model.merges.map((m) => ({ ...m }));
    copy.hiddenGridlines = this.model.hiddenGridlines;
    copy.rowLayout = [...this.model.rowLayout];
    copy.columnLayout = [...this.model.columnLayout];
    copy.fileParts = this.model.fileParts;
    return spreadsheet.sheetFor(copy);
  }

  hideSheet(): Sheet {
    if (!this.spreadsheet.model.sheets.some((s) => s !== this.model && !s.hidden)) {
      throw new Error("You can't hide all the sheets in a document.");
    }
    this.model.hidden = true;
    return this;
  }

  showSheet(): Sheet {
    this.model.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    return this.model.hidden;
  }

  setHiddenGridlines(hideGridlines: boolean): Sheet {
    this.model.hiddenGridlines = hideGridlines === true;
    return this;
  }

  setTabColor(color: string | null): Sheet {
    this.model.tabColor = color ? String(color).toLowerCase() : null;
    return this;
  }

  newChart(): EmbeddedChartBuilder {
    return new EmbeddedChartBuilder(this);
  }

  /** Puts a built chart on this sheet with a new id, unique in the spreadsheet. */
  insertChart(chart: EmbeddedChart): void {
    if (!(chart instanceof EmbeddedChart)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Sheet.insertChart.");
    const ids = this.spreadsheet.model.sheets.flatMap((s) => s.charts.map((c) => c.id));
    this.model.charts.push({ ...chart.data, id: Math.max(0, ...ids) + 1 });
  }

  getCharts(): EmbeddedChart[] {
    return this.model.charts.map((data) => new EmbeddedChart(this, data));
  }

  removeChart(chart: EmbeddedChart): void {
    const at = chart instanceof EmbeddedChart ? this.model.charts.indexOf(chart.data) : -1;
    if (at < 0) throw new Error('The chart is not on this sheet.');
    this.model.charts.splice(at, 1);
  }

  #eachCell(fn: (cell: CellData) => void): void {
    for (const row of this.model.cells) row?.forEach((cell) => cell && fn(cell));
  }
}
