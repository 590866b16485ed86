// What the sidebar needs to open: the town's lists, the case on the selected
// row, and the open cases a 支援記録 can be attached to (no names).
import { CASE_FIELDS, isClosedStatus, TAB } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import { sheetRow } from '../../domain/table';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import { readCaseDraft } from '../../sheets/caseDraft';
import { loadCaseArgs, parseArgs, sidebarStateArgs } from '../contracts';
import type { CaseChoice, LoadedCase, SidebarState } from '../sidebarTypes';
import { readCaseTable, type CaseTable } from './caseTable';

function formOf(table: CaseTable, index: number): LoadedCase {
  const text = table.textOf(index);
  return { row: sheetRow(index), caseId: text.caseId ?? '', record: Object.fromEntries(CASE_FIELDS.map((f) => [f.key, text[f.key] ?? ''])) };
}

/** The case on the row the user has selected in 共通シート, if that is where they are. */
function selectedCase(book: Book, table: CaseTable): LoadedCase | null {
  const range = book.spreadsheet.getActiveRange();
  if (!range || range.getSheet().getName() !== TAB.cases) return null;
  const index = range.getRow() - 2;
  return table.filled.includes(index) ? formOf(table, index) : null;
}

export function getSidebarState(rawArgs?: unknown): SidebarState {
  const args = parseArgs(sidebarStateArgs, rawArgs);
  const book = openBook();
  const { settings, notes } = readBookSettings(book);
  const table = readCaseTable(book, settings);
  const openCases: CaseChoice[] = table.filled
    .map((index) => table.textOf(index))
    .filter((text) => text.caseId && !isClosedStatus(text.status ?? ''))
    .map((text) => ({ caseId: text.caseId!, ageBand: text.ageBand ?? '', referrerAgency: text.referrerAgency ?? '' }));
  return { today: args.today ?? todayInTokyo(), settings, selected: selectedCase(book, table), openCases, settingsNotes: notes, draft: readCaseDraft() };
}

export function loadSelectedCase(rawArgs?: unknown): LoadedCase | null {
  const args = parseArgs(loadCaseArgs, rawArgs);
  const book = openBook();
  const table = readCaseTable(book, readBookSettings(book).settings);
  if (args.caseId === undefined) return selectedCase(book, table);
  const index = table.indexOfCase(args.caseId);
  return index < 0 ? null : formOf(table, index);
}
