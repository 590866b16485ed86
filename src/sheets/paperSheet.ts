// A printed paper's tab (プラン, ケース票): its table written in one setValues
// and laid out for an A4 portrait page, like the 次第 tab: columns as wide as
// the page, wrapped text, borders on its table and its 決裁欄, the header rows
// frozen (Sheets repeats frozen rows on every printed page), no gridlines. A
// fixed number of calls, whatever the size of the workbook.
import type { LayoutRow } from '../domain/paper/layout';
import { replaceTab } from './agendaSheet';
import type { Book } from './book';
import { PRINT_FONT_SIZE, ruleApprovals } from './printStyle';
import { writeRows } from './tables';

export interface PaperTab {
  readonly columns: readonly { readonly width: number }[];
  readonly rows: readonly LayoutRow[];
  readonly headerRows: number;
  /** The rows that get borders, 0-based, inclusive. */
  readonly ruled: readonly [number, number];
  /** The warning on the tab's protection: it is rebuilt, not edited. */
  readonly protection: string;
}

const BACKGROUND: Readonly<Record<string, string>> = { header: '#e8f0fe', session: '#f1f3f4', approval: '#f1f3f4' };
const BOLD: ReadonlySet<string> = new Set(['title', 'header', 'session', 'footer', 'notice']);
const TITLE_FONT_SIZE = 16;
const SECOND_LINE_FONT_SIZE = 13;

export function writePaperSheet(book: Book, name: string, paper: PaperTab): GoogleAppsScript.Spreadsheet.Sheet {
  const { columns, rows } = paper;
  const width = columns.length;
  const sheet = replaceTab(book, name);
  writeRows(sheet, 1, rows.map((r) => columns.map((_, c) => r.cells[c] ?? '')), book.timeZone);
  sheet.getRange(1, 1, rows.length, width)
    .setWrap(true)
    .setVerticalAlignment('top')
    .setFontWeights(rows.map((r) => columns.map(() => (BOLD.has(r.role) ? 'bold' : 'normal'))))
    .setBackgrounds(rows.map((r) => columns.map(() => BACKGROUND[r.role] ?? null)))
    .setFontSize(PRINT_FONT_SIZE);
  sheet.getRange(1, 1).setFontSize(TITLE_FONT_SIZE);
  sheet.getRange(2, 1).setFontSize(SECOND_LINE_FONT_SIZE);
  rows.forEach((r, i) => {
    if (r.cells.length < width) sheet.getRange(i + 1, r.cells.length, 1, width - r.cells.length + 1).merge();
  });
  const [first, last] = paper.ruled;
  sheet.getRange(first + 1, 1, last - first + 1, width).setBorder(true, true, true, true, true, true);
  ruleApprovals(sheet, rows, width);
  columns.forEach((column, i) => sheet.setColumnWidth(i + 1, column.width));
  sheet.setFrozenRows(paper.headerRows);
  sheet.setHiddenGridlines(true);
  sheet.protect().setDescription(paper.protection).setWarningOnly(true);
  return sheet;
}
