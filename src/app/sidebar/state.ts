// What the sidebar needs to open: the town's lists and the case on the
// selected row. The cases a 支援記録 can be attached to come page by page
// from searchCases.
import { CASE_FIELDS, TAB } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import { sheetRow } from '../../domain/table';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import { readCaseDraft } from '../../sheets/caseDraft';
import { loadCaseArgs, parseArgs, sidebarStateArgs } from '../contracts';
import type { LoadedCase, SidebarState } from '../sidebarTypes';
import type { Settings } from '../../domain/settings';
import { readCaseRows, readCaseTable, type CaseTable } from './caseTable';

function formOf(table: CaseTable, index: number): LoadedCase {
  const text = table.textOf(index);
  return { row: sheetRow(index), caseId: text.caseId ?? '', record: Object.fromEntries(CASE_FIELDS.map((f) => [f.key, text[f.key] ?? ''])) };
}

/**
 * The case on the row the user has selected in 共通シート, if that is where
 * they are. Only the header and that row are read: opening the sidebar costs
 * the same on a sheet of 50,000 cases; the header alone still refuses a
 * 共通シート without its standard columns.
 */
function selectedCase(book: Book, settings: Settings): LoadedCase | null {
  const range = book.spreadsheet.getActiveRange();
  const row = range && range.getSheet().getName() === TAB.cases ? range.getRow() : 0;
  const table = readCaseTable(book, settings, { first: row, count: row >= 2 ? 1 : 0 });
  const index = row - 2;
  return row >= 2 && table.filled.includes(index) ? formOf(table, index) : null;
}

export function getSidebarState(rawArgs?: unknown): SidebarState {
  const args = parseArgs(sidebarStateArgs, rawArgs);
  const book = openBook();
  const { settings, notes } = readBookSettings(book);
  return { today: args.today ?? todayInTokyo(), settings, selected: selectedCase(book, settings), settingsNotes: notes, draft: readCaseDraft() };
}

export function loadSelectedCase(rawArgs?: unknown): LoadedCase | null {
  const args = parseArgs(loadCaseArgs, rawArgs);
  const book = openBook();
  const { settings } = readBookSettings(book);
  if (args.caseId === undefined) return selectedCase(book, settings);
  const table = readCaseRows(book, settings, [args.caseId]);
  const index = table.indexOfCase(args.caseId);
  return index < 0 ? null : formOf(table, index);
}
