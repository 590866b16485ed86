// The 次第 tab: the agenda's table written in one setValues, then laid out
// for an A4 portrait page. Apps Script cannot set a sheet's paper, margins or
// footer, so the tab does what a sheet can: columns as wide as the page,
// wrapped text, the header rows frozen (Sheets repeats frozen rows on every
// printed page), borders instead of gridlines, and 取扱注意 at the top and
// the foot. Every call here is made once per tab, never once per case.
import { AGENDA_COLUMNS, type AgendaLayout, type RowRole } from '../domain/agenda/render';
import type { Book } from './book';
import { PRINT_FONT_SIZE, ruleApprovals } from './printStyle';
import { writeRows } from './tables';

export const AGENDA_PROTECTION = 'tsunagi: 会議次第（作り直すと置き換わります。手で直す場合はタブを複製してください）';

const BACKGROUND: Partial<Record<RowRole, string>> = { header: '#e8f0fe', session: '#f1f3f4', approval: '#f1f3f4' };
const CONFIDENTIAL_BACKGROUND = '#fce8e6';
const BOLD: ReadonlySet<RowRole> = new Set(['title', 'header', 'notice', 'footer']);
const TAB_COLOR = { confidential: '#d93025', other: '#1a73e8' } as const;
const TITLE_FONT_SIZE = 14;

/** A fresh tab `name` where a tab of that name stood (or at the end); generated tabs are rebuilt this way. */
export function replaceTab(book: Book, name: string): GoogleAppsScript.Spreadsheet.Sheet {
  const old = book.sheets.get(name);
  const index = old ? old.getIndex() - 1 : book.spreadsheet.getNumSheets();
  if (old) {
    book.spreadsheet.deleteSheet(old);
    book.sheets.delete(name);
  }
  const sheet = book.spreadsheet.insertSheet(name, index);
  book.sheets.set(name, sheet);
  return sheet;
}

/**
 * Writes the tab `name`, replacing a tab of that name where it stood (or
 * adding it at the end), and makes it the active tab.
 */
export function writeAgendaSheet(book: Book, name: string, layout: AgendaLayout): GoogleAppsScript.Spreadsheet.Sheet {
  const width = AGENDA_COLUMNS.length;
  const sheet = replaceTab(book, name);

  const { rows, confidential } = layout;
  writeRows(sheet, 1, rows.map((r) => AGENDA_COLUMNS.map((_, c) => r.cells[c] ?? '')), book.timeZone);
  const colourOf = (role: RowRole): string | null =>
    (role === 'footer' || role === 'notice') && confidential ? CONFIDENTIAL_BACKGROUND : BACKGROUND[role] ?? null;
  sheet.getRange(1, 1, rows.length, width)
    .setWrap(true)
    .setVerticalAlignment('top')
    .setFontWeights(rows.map((r) => AGENDA_COLUMNS.map(() => (BOLD.has(r.role) ? 'bold' : 'normal'))))
    .setBackgrounds(rows.map((r) => AGENDA_COLUMNS.map(() => colourOf(r.role))))
    .setFontSize(PRINT_FONT_SIZE);
  sheet.getRange(1, 1).setFontSize(TITLE_FONT_SIZE);
  rows.forEach((r, i) => {
    if (r.cells.length < width) sheet.getRange(i + 1, r.cells.length, 1, width - r.cells.length + 1).merge();
  });
  // The table is ruled whole, column heads to its last line (出席予定, 取扱注意), so that a printed page has no open edge.
  const firstRuled = rows.findIndex((r) => r.role === 'header');
  const approvalAt = rows.findIndex((r) => r.role === 'approval');
  const end = approvalAt < 0 ? rows.length : approvalAt;
  sheet.getRange(firstRuled + 1, 1, end - firstRuled, width).setBorder(true, true, true, true, true, true);
  ruleApprovals(sheet, rows, width);
  AGENDA_COLUMNS.forEach((column, i) => sheet.setColumnWidth(i + 1, column.width));
  sheet.setFrozenRows(layout.headerRows);
  sheet.setHiddenGridlines(true);
  sheet.setTabColor(confidential ? TAB_COLOR.confidential : TAB_COLOR.other);
  sheet.protect().setDescription(AGENDA_PROTECTION).setWarningOnly(true);
  return sheet;
}
