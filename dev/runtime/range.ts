// Range: a rectangle of cells on a sheet, read and written as Apps Script does.
import { a1Notation, quoteSheetName, type GridRect } from './a1';
import { LABEL, SERVICE, type Emulated } from './bridge';
import { CELLS, type CellCount } from './calls';
import { FORMAT_KEYS, cellAt, ensureCell, isFormula, setField, type CellData, type ProtectionModel } from './model';
import { Protection, assertMayEdit } from './protection';
import { RichTextValue, asRichTextValue } from './richText';
import type { Sheet } from './sheet';
import { TextFinder } from './textFinder';
import { DataValidation } from './validation';
import { GENERAL_FORMAT, displayValue, enteredValue, formulaOf, storedValue } from './values';

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';
const GRID_READS = new Set(['getValues', 'getDisplayValues', 'getFormulas', 'getRichTextValues', 'getBackgrounds', 'getFontColors', 'getNotes', 'getNumberFormats', 'getDataValidations']);
const DEFAULT_FONT_SIZE = 10;

function checkShape(data: unknown, rect: GridRect, method: string): unknown[][] {
  if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
    throw new Error(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  if (data.length !== rect.numRows) {
    throw new Error(`The number of rows in the data does not match the number of rows in the range. The data has ${data.length} but the range has ${rect.numRows}.`);
  }
  for (const row of data as unknown[][]) {
    if (row.length !== rect.numColumns) {
      throw new Error(`The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${rect.numColumns}.`);
    }
  }
  return data as unknown[][];
}

function normalizeColor(color: unknown): string | undefined {
  if (color === null || color === undefined || color === '') return undefined;
  const text = String(color).trim().toLowerCase();
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(text);
  return short ? `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}` : text;
}

const optionalText = (value: unknown): string | undefined =>
  value === null || value === undefined || value === '' ? undefined : String(value);

export class Range implements Emulated {
  readonly [SERVICE] = 'Range';

  constructor(readonly sheet: Sheet, readonly rect: GridRect) {}

  [LABEL](): string {
    return `${quoteSheetName(this.sheet.getName())}!${a1Notation(this.rect)}`;
  }

  /** Every cell of the range for a whole-range read or write; one cell for getValue/getNote. */
  [CELLS](method: string): CellCount {
    const area = this.rect.numRows * this.rect.numColumns;
    if (method === 'getValue' || method === 'getNote') return { read: 1, written: 0 };
    if (GRID_READS.has(method)) return { read: area, written: 0 };
    if (/^(?:set|clear|merge$)/.test(method)) return { read: 0, written: area };
    return { read: 0, written: 0 };
  }

  getValues(): unknown[][] {
    return this.#read(storedValue, true);
  }

  createTextFinder(findText: string): TextFinder {
    return new TextFinder(this, findText);
  }

  getDisplayValues(): string[][] {
    const timeZone = this.sheet.spreadsheet.model.timeZone;
    return this.#read((cell) => displayValue(cell, timeZone), true);
  }

  getFormulas(): string[][] {
    return this.#read(formulaOf);
  }

  getValue(): unknown {
    return this.#read(storedValue, true)[0]![0];
  }

  /**
   * As Sheets: a merged range keeps only its top-left value, so a value written
   * into one of its other cells is lost (the add-on must unmerge first). Writing
   * a value also drops the cell's old link.
   */
  setValues(values: unknown[][]): Range {
    assertMayEdit(this.sheet, this.rect);
    const hidden = this.sheet.model.merges.filter((m) => overlaps(m, this.rect));
    const isHidden = (row: number, column: number): boolean =>
      hidden.some((m) => contains(m, { row, column, numRows: 1, numColumns: 1 }) && (row !== m.row || column !== m.column));
    const { row, column } = this.rect;
    return this.#write(values, 'setValues', (cell, v, i, j) => {
      if (isHidden(row + i, column + j)) setField(cell, 'value', undefined);
      else this.#enter(cell, v);
      setField(cell, 'link', undefined);
    });
  }

  getRichTextValues(): RichTextValue[][] {
    return this.#read((cell) => new RichTextValue(cell?.value === undefined ? '' : String(storedValue(cell)), cell?.link ?? null), true);
  }

  /** Sets the cell's text as text (never parsed) and its link; for a one-cell range. */
  setRichTextValue(value: unknown): Range {
    const rich = asRichTextValue(value);
    return this.#fill((cell) => {
      setField(cell, 'value', rich.getText() || undefined);
      setField(cell, 'link', rich.getLinkUrl() ?? undefined);
    });
  }

  /** The merged ranges that meet this range. */
  getMergedRanges(): Range[] {
    return this.sheet.model.merges.filter((m) => overlaps(m, this.rect)).map((m) => new Range(this.sheet, { ...m }));
  }

  /** Undoes the merges inside the range (one reaching out of it is refused, as Sheets does). */
  breakApart(): Range {
    assertMayEdit(this.sheet, this.rect);
    const merges = this.sheet.model.merges;
    const overlapping = merges.filter((m) => overlaps(m, this.rect));
    if (overlapping.some((m) => !contains(this.rect, m))) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.model.merges = merges.filter((m) => !overlapping.includes(m));
    return this;
  }

  setValue(value: unknown): Range {
    return this.#fill((cell) => this.#enter(cell, value));
  }

  getBackgrounds(): string[][] {
    return this.#read((cell) => cell?.background ?? DEFAULT_BACKGROUND);
  }

  setBackgrounds(colors: unknown[][]): Range {
    return this.#write(colors, 'setBackgrounds', (cell, c) => setField(cell, 'background', normalizeColor(c)));
  }

  setBackground(color: string | null): Range {
    const background = normalizeColor(color);
    return this.#fill((cell) => setField(cell, 'background', background));
  }

  getFontColors(): string[][] {
    return this.#read((cell) => cell?.fontColor ?? DEFAULT_FONT_COLOR);
  }

  setFontColors(colors: unknown[][]): Range {
    return this.#write(colors, 'setFontColors', (cell, c) => {
      const color = normalizeColor(c);
      setField(cell, 'fontColor', color === DEFAULT_FONT_COLOR ? undefined : color);
    });
  }

  getNotes(): string[][] {
    return this.#read((cell) => cell?.note ?? '');
  }

  getNote(): string {
    return cellAt(this.sheet.model, this.rect.row, this.rect.column)?.note ?? '';
  }

  setNotes(notes: unknown[][]): Range {
    return this.#write(notes, 'setNotes', (cell, n) => setField(cell, 'note', optionalText(n)));
  }

  setNote(note: string | null): Range {
    const text = optionalText(note);
    return this.#fill((cell) => setField(cell, 'note', text));
  }

  getNumberFormats(): string[][] {
    return this.#read((cell) => cell?.numberFormat ?? GENERAL_FORMAT);
  }

  setNumberFormat(numberFormat: string): Range {
    const format = numberFormat === GENERAL_FORMAT ? undefined : optionalText(numberFormat);
    return this.#fill((cell) => setField(cell, 'numberFormat', format));
  }

  setNumberFormats(numberFormats: unknown[][]): Range {
    return this.#write(numberFormats, 'setNumberFormats', (cell, f) =>
      setField(cell, 'numberFormat', f === GENERAL_FORMAT ? undefined : optionalText(f)));
  }

  getDataValidations(): (DataValidation | null)[][] {
    const spreadsheet = this.sheet.spreadsheet;
    return this.#read((cell) => (cell?.validation ? new DataValidation(spreadsheet, cell.validation) : null));
  }

  setDataValidation(rule: DataValidation | null): Range {
    const validation = ruleOf(rule, 'setDataValidation');
    return this.#fill((cell) => setField(cell, 'validation', validation));
  }

  setDataValidations(rules: unknown[][]): Range {
    return this.#write(rules, 'setDataValidations', (cell, r) => setField(cell, 'validation', ruleOf(r, 'setDataValidations')));
  }

  clearDataValidations(): Range {
    return this.#modify((cell) => setField(cell, 'validation', undefined));
  }

  clearContent(): Range {
    return this.#modify((cell) => { setField(cell, 'value', undefined); setField(cell, 'link', undefined); });
  }

  clearNote(): Range {
    return this.#modify((cell) => setField(cell, 'note', undefined));
  }

  clearFormat(): Range {
    return this.#modify((cell) => FORMAT_KEYS.forEach((key) => setField(cell, key, undefined)));
  }

  setFontWeight(fontWeight: string | null): Range {
    return this.#fill((cell) => setField(cell, 'bold', fontWeight === 'bold' || undefined));
  }

  setFontWeights(fontWeights: unknown[][]): Range {
    return this.#write(fontWeights, 'setFontWeights', (cell, w) => setField(cell, 'bold', w === 'bold' || undefined));
  }

  setFontSize(size: number): Range {
    if (typeof size !== 'number' || !(size > 0)) throw new Error("The parameters don't match the method signature for SpreadsheetApp.Range.setFontSize.");
    return this.#fill((cell) => setField(cell, 'fontSize', size === DEFAULT_FONT_SIZE ? undefined : size));
  }

  /**
   * Merges the range into one cell holding the top-left value, as Sheets does
   * (the other values are dropped). Merges inside the range are replaced; one
   * reaching out of it is refused with Sheets' message.
   */
  merge(): Range {
    assertMayEdit(this.sheet, this.rect);
    const merges = this.sheet.model.merges;
    const overlapping = merges.filter((m) => overlaps(m, this.rect));
    if (overlapping.some((m) => !contains(this.rect, m))) throw new Error('You must select all cells in a merged range to merge or unmerge them.');
    this.sheet.model.merges = [...merges.filter((m) => !overlapping.includes(m)), { ...this.rect }];
    const { row, column } = this.rect;
    return this.#modify((cell) => { if (cell !== cellAt(this.sheet.model, row, column)) setField(cell, 'value', undefined); });
  }

  /**
   * setBorder(top, left, bottom, right, vertical, horizontal[, color, style]):
   * true draws an edge, false removes it, null leaves it; vertical and
   * horizontal are the lines between the cells. Colour and style are not kept.
   */
  setBorder(top: boolean | null, left: boolean | null, bottom: boolean | null, right: boolean | null, vertical: boolean | null, horizontal: boolean | null): Range {
    assertMayEdit(this.sheet, this.rect);
    const { row, column, numRows, numColumns } = this.rect;
    const edge = (outer: boolean, outerValue: boolean | null, innerValue: boolean | null): boolean | null => (outer ? outerValue : innerValue);
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        const cell = ensureCell(this.sheet.model, row + i, column + j);
        const wanted = {
          top: edge(i === 0, top, horizontal), bottom: edge(i === numRows - 1, bottom, horizontal),
          left: edge(j === 0, left, vertical), right: edge(j === numColumns - 1, right, vertical),
        };
        const borders: Record<string, true> = { ...cell.borders };
        for (const [side, value] of Object.entries(wanted)) {
          if (value === true) borders[side] = true;
          else if (value === false) delete borders[side];
        }
        setField(cell, 'borders', Object.keys(borders).length ? borders : undefined);
      }
    }
    return this;
  }

  setWrap(wrap: boolean): Range {
    return this.#fill((cell) => setField(cell, 'wrap', wrap === true || undefined));
  }

  setVerticalAlignment(alignment: string | null): Range {
    return this.#fill((cell) => setField(cell, 'verticalAlignment', optionalText(alignment)));
  }

  setHorizontalAlignment(alignment: string | null): Range {
    return this.#fill((cell) => setField(cell, 'horizontalAlignment', optionalText(alignment)));
  }

  protect(): Protection {
    const protection: ProtectionModel = { type: 'RANGE', rect: { ...this.rect }, description: '', warningOnly: false, editors: [this.sheet.spreadsheet.state.user] };
    this.sheet.model.protections.push(protection);
    return new Protection(this.sheet, protection);
  }

  getRow(): number {
    return this.rect.row;
  }

  getColumn(): number {
    return this.rect.column;
  }

  getLastRow(): number {
    return this.rect.row + this.rect.numRows - 1;
  }

  getLastColumn(): number {
    return this.rect.column + this.rect.numColumns - 1;
  }

  getNumRows(): number {
    return this.rect.numRows;
  }

  getNumColumns(): number {
    return this.rect.numColumns;
  }

  getA1Notation(): string {
    return a1Notation(this.rect);
  }

  getSheet(): Sheet {
    return this.sheet;
  }

  activate(): Range {
    this.sheet.spreadsheet.active = { sheetId: this.sheet.model.id, rect: this.rect };
    return this;
  }

  #enter(cell: CellData, input: unknown): void {
    const entered = enteredValue(input, cell.numberFormat, this.sheet.spreadsheet.model.timeZone);
    setField(cell, 'value', entered.value);
    if (entered.numberFormat) setField(cell, 'numberFormat', entered.numberFormat);
  }

  /**
   * With `values`, a formula without a computed result is refused: Sheets
   * always has one, and the runtime never evaluates or guesses (SPEC §13).
   */
  #read<T>(fn: (cell: CellData | undefined) => T, values = false): T[][] {
    const { row, column, numRows, numColumns } = this.rect;
    const cells = this.sheet.model.cells;
    const grid: T[][] = new Array<T[]>(numRows);
    for (let i = 0; i < numRows; i++) {
      const line = cells[row - 1 + i];
      const out = (grid[i] = new Array<T>(numColumns));
      for (let j = 0; j < numColumns; j++) {
        const cell = line?.[column - 1 + j];
        if (values && isFormula(cell?.value) && cell.value.result === undefined) {
          const where = `${quoteSheetName(this.sheet.getName())}!${a1Notation({ row: row + i, column: column + j, numRows: 1, numColumns: 1 })}`;
          throw new Error(`ローカル実行環境：${where} の数式（${cell.value.formula}）には計算結果が保存されていないため、読めません（結果を推測しません）。Excel や Google スプレッドシートでファイルを開いて保存し直してから、もう一度実行してください。`);
        }
        out[j] = fn(cell);
      }
    }
    return grid;
  }

  /** Applies `fn` to every cell of the range, creating cells as needed. */
  #fill(fn: (cell: CellData) => void): Range {
    assertMayEdit(this.sheet, this.rect);
    const { row, column, numRows, numColumns } = this.rect;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) fn(ensureCell(this.sheet.model, row + i, column + j));
    }
    return this;
  }

  /** Applies `fn` to the cells that exist; for clearing, which never needs new cells. */
  #modify(fn: (cell: CellData) => void): Range {
    assertMayEdit(this.sheet, this.rect);
    const { row, column, numRows, numColumns } = this.rect;
    for (let i = 0; i < numRows; i++) {
      for (let j = 0; j < numColumns; j++) {
        const cell = cellAt(this.sheet.model, row + i, column + j);
        if (cell) fn(cell);
      }
    }
    return this;
  }

  /** Writes a 2D array after checking its shape, all or nothing, as Apps Script does. */
  #write(data: unknown, method: string, fn: (cell: CellData, value: unknown, i: number, j: number) => void): Range {
    const grid = checkShape(data, this.rect, method);
    assertMayEdit(this.sheet, this.rect);
    const { row, column } = this.rect;
    grid.forEach((values, i) => values.forEach((value, j) => fn(ensureCell(this.sheet.model, row + i, column + j), value, i, j)));
    return this;
  }
}

function overlaps(a: GridRect, b: GridRect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

function contains(outer: GridRect, inner: GridRect): boolean {
  return inner.row >= outer.row && inner.column >= outer.column
    && inner.row + inner.numRows <= outer.row + outer.numRows && inner.column + inner.numColumns <= outer.column + outer.numColumns;
}

function ruleOf(rule: unknown, method: string): DataValidation['rule'] | undefined {
  if (rule === null || rule === undefined) return undefined;
  if (!(rule instanceof DataValidation)) {
    throw new Error(`The parameters don't match the method signature for SpreadsheetApp.Range.${method}.`);
  }
  return rule.rule;
}
