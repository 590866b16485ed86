// Creates the standard tabs a workbook lacks and furnishes them (シートを準備,
// and the last step of 標準化).
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, TAB } from '../domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../domain/plan/fields';
import { createTab, STANDARD_TABS, type Book, type BookSettings } from '../sheets/book';
import { LOG_PROTECTION } from '../sheets/changeLog';
import { furnishPlainTab, furnishTab } from '../sheets/furniture';
import { assertWithinLimits } from '../sheets/limits';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const FURNISHED = [
  [TAB.cases, CASE_FIELDS], [TAB.activities, ACTIVITY_FIELDS], [TAB.meetings, MEETING_FIELDS],
  [TAB.plans, PLAN_FIELDS], [TAB.tasks, TASK_FIELDS],
] as const;

/** Creates every missing standard tab with its defaults; returns the names created. */
export function createMissingTabs(book: Book): string[] {
  const created: string[] = [];
  for (const tab of STANDARD_TABS) {
    if (book.sheets.has(tab.name)) continue;
    const sheet = createTab(book, tab.name, tab.initial());
    if (tab.name === TAB.changeLog) sheet.protect().setDescription(LOG_PROTECTION).setWarningOnly(true);
    created.push(tab.name);
  }
  return created;
}

/**
 * Furniture sets a format and a rule on every row of a tab's grid, empty rows
 * too: a grid too large for one run is refused before anything is changed.
 * `cases` is the tab that will be 共通シート (標準化 renames it afterwards).
 */
export function assertFurnishable(book: Book, cases: Sheet | undefined = book.sheets.get(TAB.cases)): void {
  for (const [name, fields] of FURNISHED) {
    const sheet = name === TAB.cases ? cases : book.sheets.get(name);
    if (sheet) assertWithinLimits(sheet, sheet.getMaxRows(), fields.length);
  }
}

export function furnishStandardTabs(book: Book, settings: BookSettings): void {
  for (const [name, fields] of FURNISHED) {
    const sheet = book.sheets.get(name);
    if (sheet) furnishTab(book, sheet, fields, settings);
  }
  for (const name of [TAB.settings, TAB.changeLog]) {
    const sheet = book.sheets.get(name);
    if (sheet) furnishPlainTab(sheet);
  }
}
