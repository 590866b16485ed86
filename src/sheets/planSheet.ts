// The プラン_<ケースID> tab: the person's copy written in one setValues and
// laid out for an A4 portrait page, like the 次第 tab: columns as wide as the
// page, wrapped text, borders on the task table, no gridlines. A fixed number
// of calls, whatever the size of the workbook.
import { PLAN_PRINT_COLUMNS, type PlanPrintLayout } from '../domain/plan/printView';
import { replaceTab } from './agendaSheet';
import type { Book } from './book';
import { PRINT_FONT_SIZE, ruleApprovals } from './printStyle';
import { writeRows } from './tables';

export const PLAN_PRINT_PROTECTION = 'tsunagi: 本人用のプラン（作り直すと置き換わります。手で直す場合はタブを複製してください）';

const BACKGROUND: Readonly<Record<string, string>> = { header: '#e8f0fe', session: '#f1f3f4', approval: '#f1f3f4' };
const BOLD: ReadonlySet<string> = new Set(['title', 'header', 'session', 'footer']);
const TITLE_FONT_SIZE = 16;
const NAME_FONT_SIZE = 13;

export function writePlanPrintSheet(book: Book, name: string, layout: PlanPrintLayout): GoogleAppsScript.Spreadsheet.Sheet {
  const width = PLAN_PRINT_COLUMNS.length;
  const sheet = replaceTab(book, name);
  const { rows } = layout;
  writeRows(sheet, 1, rows.map((r) => PLAN_PRINT_COLUMNS.map((_, c) => r.cells[c] ?? '')), book.timeZone);
  sheet.getRange(1, 1, rows.length, width)
    .setWrap(true)
    .setVerticalAlignment('top')
    .setFontWeights(rows.map((r) => PLAN_PRINT_COLUMNS.map(() => (BOLD.has(r.role) ? 'bold' : 'normal'))))
    .setBackgrounds(rows.map((r) => PLAN_PRINT_COLUMNS.map(() => BACKGROUND[r.role] ?? null)))
    .setFontSize(PRINT_FONT_SIZE);
  sheet.getRange(1, 1).setFontSize(TITLE_FONT_SIZE);
  sheet.getRange(2, 1).setFontSize(NAME_FONT_SIZE);
  rows.forEach((r, i) => {
    if (r.cells.length < width) sheet.getRange(i + 1, r.cells.length, 1, width - r.cells.length + 1).merge();
  });
  const [first, last] = layout.ruled;
  sheet.getRange(first + 1, 1, last - first + 1, width).setBorder(true, true, true, true, true, true);
  ruleApprovals(sheet, rows, width);
  PLAN_PRINT_COLUMNS.forEach((column, i) => sheet.setColumnWidth(i + 1, column.width));
  sheet.setFrozenRows(layout.headerRows);
  sheet.setHiddenGridlines(true);
  sheet.protect().setDescription(PLAN_PRINT_PROTECTION).setWarningOnly(true);
  return sheet;
}
