// シートを準備: makes a workbook a 共通シート workbook without touching data.
import { TAB } from '../domain/fields';
import { openBook, readBookSettings, STANDARD_TABS, type Book } from '../sheets/book';
import { logChanges, type ChangeEntry } from '../sheets/changeLog';
import { withDocumentLock } from '../sheets/lock';
import { readTable, writeTable } from '../sheets/tables';
import { parseArgs, prepareArgs } from './contracts';
import { assertFurnishable, createMissingTabs, furnishStandardTabs } from './setup';

export interface PrepareResult {
  readonly createdTabs: string[];
  /** The empty tab that became 共通シート, if any. */
  readonly renamedTab: string | null;
}

/**
 * A brand-new spreadsheet has one empty tab (シート1): it becomes 共通シート
 * rather than staying behind empty.
 */
function emptyOnlyTab(book: Book): { name: string; sheet: GoogleAppsScript.Spreadsheet.Sheet } | null {
  if (book.sheets.has(TAB.cases) || book.sheets.size !== 1) return null;
  const [name, sheet] = [...book.sheets][0]!;
  return readTable(sheet, book.timeZone).header.length > 0 ? null : { name, sheet };
}

function adoptAsCases(book: Book, { name, sheet }: { name: string; sheet: GoogleAppsScript.Spreadsheet.Sheet }): string {
  sheet.setName(TAB.cases);
  const initial = STANDARD_TABS.find((t) => t.name === TAB.cases)!.initial();
  writeTable(sheet, initial, book.timeZone, { rows: 0, columns: 0 });
  book.sheets.delete(name);
  book.sheets.set(TAB.cases, sheet);
  return name;
}

export function prepareWorkbook(rawArgs?: unknown): PrepareResult {
  parseArgs(prepareArgs, rawArgs);
  return withDocumentLock(() => {
    const book = openBook();
    // Everything is read and sized first: a tab too large is refused before any change.
    const emptyTab = emptyOnlyTab(book);
    const settings = readBookSettings(book);
    assertFurnishable(book, emptyTab?.sheet ?? book.sheets.get(TAB.cases));
    const renamedTab = emptyTab ? adoptAsCases(book, emptyTab) : null;
    const createdTabs = createMissingTabs(book);
    // A 設定 tab made just now has the default lists: read it once more.
    furnishStandardTabs(book, createdTabs.includes(TAB.settings) ? readBookSettings(book) : settings);
    const entry = (sheet: string, after: string): ChangeEntry =>
      ({ operation: 'シートを準備', sheet, caseId: '', field: '', before: '', after });
    logChanges(book, [
      ...(renamedTab ? [entry(TAB.cases, `「${renamedTab}」を共通シートにしました`)] : []),
      ...createdTabs.map((name) => entry(name, 'タブを作成しました')),
    ]);
    return { createdTabs, renamedTab };
  });
}
