// Where the table is on a hand-made tab (SPEC §7): most are laid out for
// printing, with a title and a 作成日 line above the header, a header of two
// rows under merged group cells, blank and 【4月】 separator rows, 合計 rows,
// the header repeated after page breaks and formulas filled far below the
// last case. This finds the header row and sorts every other row into cases
// and rows left out, each with the reason a person reads.
import { cellText, isBlankCell, type Cell } from '../cell';
import { CASE_FIELDS } from '../fields';
import { HEADER_QUESTIONS, headerKey, matchHeaders } from '../headers';

/** A merged range, 0-based from the tab's first row and column. */
export interface Merge {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** A tab as read, from its first row: values, text as shown, formulas and merges. */
export interface SourceGrid {
  readonly values: readonly (readonly Cell[])[];
  /** What the person sees (getDisplayValues): `0012` where the value is 12 under a `0000` format. */
  readonly shown: readonly (readonly string[])[];
  readonly formulas: readonly (readonly string[])[];
  readonly merges: readonly Merge[];
}

export interface LeftOutRow {
  /** Sheet row, 1-based. */
  readonly row: number;
  readonly reason: string;
}

export interface TableLayout {
  /** 0-based index of the header row (the lower one of a two-row header). */
  readonly headerIndex: number;
  /** 0-based index of the group row above a two-row header, or null. */
  readonly groupIndex: number | null;
  /** By column: the sub-header a column is recognised by (the group's text where the header cell was merged down). */
  readonly headerText: readonly string[];
  /** By column: the header as the person reads it (「受付／受付日」 under a group). */
  readonly sourceNames: readonly string[];
  /** 0-based indexes of the rows that are cases, in order. */
  readonly caseRows: readonly number[];
  readonly leftOutRows: readonly LeftOutRow[];
}

/** Rows the header is looked for in (SPEC §7). */
const HEADER_SEARCH_ROWS = 20;
const TOTAL_WORDS = new Set(['合計', '計', '小計', '総計', '累計', '件数', '合計件数']);
const BRACKETED = /^[【［[〔(（<＜].+[】］\]〕)）>＞]$/;
const MONTH_LINE = /^(?:(?:令和|平成|R|H)?\d+年(?:度)?)?\d{1,2}月(?:分)?$/;

const textAt = (grid: SourceGrid, row: number, column: number): string => cellText(grid.values[row]?.[column] ?? '').trim();
const isBlankAt = (grid: SourceGrid, row: number, column: number): boolean => isBlankCell(grid.values[row]?.[column] ?? '');

function widthOf(grid: SourceGrid): number {
  return grid.values.reduce((most, row) => Math.max(most, row.length), 0);
}

/** The merge whose area holds the cell, if any. */
export function mergeAt(merges: readonly Merge[], row: number, column: number): Merge | undefined {
  return merges.find((m) => row >= m.row && row < m.row + m.numRows && column >= m.column && column < m.column + m.numColumns);
}

const RECOGNISED = new Set([
  ...CASE_FIELDS.map((f) => headerKey(f.header)),
  ...Object.keys(HEADER_QUESTIONS).map(headerKey),
]);

function isRecognised(text: string): boolean {
  return text !== '' && (RECOGNISED.has(headerKey(text)) || matchHeaders(CASE_FIELDS, [text]).columnOf.size > 0);
}

/**
 * Whether row `group` is the upper row of a two-row header over row `header`:
 * a cell of it merged down into the header row (氏名 over two rows), or two
 * filled cells with one merged across columns (受付 over 番号 and 受付日). A
 * title merged across the whole width has one filled cell and is not a group.
 */
function isGroupRow(grid: SourceGrid, group: number, header: number, width: number): boolean {
  if (group < 0 || header !== group + 1) return false;
  const starting = grid.merges.filter((m) => m.row === group);
  if (starting.some((m) => m.numRows >= 2 && !isBlankAt(grid, group, m.column))) return true;
  const filled = Array.from({ length: width }, (_, c) => c).filter((c) => !isBlankAt(grid, group, c)).length;
  return filled >= 2 && starting.some((m) => m.numColumns >= 2);
}

/** The group's text over a column: its own cell, or the merged cell that covers it. */
function groupTextAt(grid: SourceGrid, group: number, column: number): string {
  const merge = mergeAt(grid.merges, group, column);
  return merge ? textAt(grid, merge.row, merge.column) : textAt(grid, group, column);
}

function headerReading(grid: SourceGrid, header: number, width: number): { group: number | null; text: string[]; names: string[] } {
  const group = isGroupRow(grid, header - 1, header, width) ? header - 1 : null;
  const text: string[] = [];
  const names: string[] = [];
  for (let c = 0; c < width; c++) {
    const sub = textAt(grid, header, c);
    const over = group === null ? '' : groupTextAt(grid, group, c);
    const mergedDown = group !== null && mergeAt(grid.merges, group, c)?.numRows === 2;
    // The group names the column only where the header cell is the group's own cell merged down.
    text.push(sub || (mergedDown ? over : ''));
    names.push(sub && over && over !== sub ? `${over}／${sub}` : sub || (mergedDown ? over : ''));
  }
  return { group, text, names };
}

/** The header: the row among the first 20 with the most recognised headers (a two-row header read as one). */
function findHeader(grid: SourceGrid, width: number): { index: number; group: number | null; text: string[]; names: string[] } {
  let best = { index: 0, score: -1, ...headerReading(grid, 0, width) };
  for (let r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.values.length); r++) {
    const reading = headerReading(grid, r, width);
    const score = reading.text.filter(isRecognised).length;
    // On a tie, the lower row of a two-row header wins over its group row.
    if (score > best.score || (score === best.score && score > 0 && reading.group === best.index)) best = { index: r, score, ...reading };
  }
  return best;
}

function leftOutReason(grid: SourceGrid, row: number, width: number, header: readonly string[], groupTexts: readonly string[]): string | null {
  const filled: { column: number; text: string }[] = [];
  let formulas = 0;
  for (let c = 0; c < width; c++) {
    if ((grid.formulas[row]?.[c] ?? '') !== '') formulas++;
    if (!isBlankAt(grid, row, c)) filled.push({ column: c, text: textAt(grid, row, c) });
  }
  if (filled.length === 0) return formulas > 0 ? '数式だけで値のない行（数式の結果が空）' : '空の行';
  if (filled.every((f) => (grid.formulas[row]?.[f.column] ?? '') !== '')) return '数式の結果だけの行（ケースの値がありません）';
  const words = filled.map((f) => headerKey(f.text));
  if (filled.length === 1 && (BRACKETED.test(words[0]!) || MONTH_LINE.test(words[0]!))) return `区切りの行（${filled[0]!.text}）`;
  const total = filled.find((f) => TOTAL_WORDS.has(headerKey(f.text)));
  if (total) return `合計の行（${total.text}）`;
  if (filled.length >= 2 && filled.every((f) => f.text === header[f.column] || f.text === groupTexts[f.column])) return '見出しの繰り返し';
  return null;
}

export function findTableLayout(grid: SourceGrid): TableLayout {
  const width = widthOf(grid);
  const header = findHeader(grid, width);
  const groupTexts = Array.from({ length: width }, (_, c) => (header.group === null ? '' : groupTextAt(grid, header.group, c)));
  const headerCells = Array.from({ length: width }, (_, c) => textAt(grid, header.index, c));
  const caseRows: number[] = [];
  const leftOutRows: LeftOutRow[] = [];
  for (let r = 0; r < header.index; r++) {
    if (r === header.group) continue;
    const hasValue = Array.from({ length: width }, (_, c) => c).some((c) => !isBlankAt(grid, r, c));
    if (hasValue) leftOutRows.push({ row: r + 1, reason: '表の上にある表題・日付などの行' });
  }
  for (let r = header.index + 1; r < grid.values.length; r++) {
    const reason = leftOutReason(grid, r, width, headerCells, groupTexts);
    if (reason) leftOutRows.push({ row: r + 1, reason });
    else caseRows.push(r);
  }
  return { headerIndex: header.index, groupIndex: header.group, headerText: header.text, sourceNames: header.names, caseRows, leftOutRows };
}
