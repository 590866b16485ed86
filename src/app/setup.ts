// Creates the standard tabs a workbook lacks and furnishes them (シートを準備,
// and the last step of 標準化).
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, TAB } from '../domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../domain/plan/fields';
import { createTab, STANDARD_TABS, type Book, type BookSettings } from '../sheets/book';
import { LOG_PROTECTION } from '../sheets/changeLog';
import { furnishPlainTab, furnishSettingsTab, furnishTabs } from '../sheets/furniture';
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

/** Whether `name` is among the tabs named (every tab when none are). */
const isNamed = (only: readonly string[] | undefined, name: string): boolean => !only || only.includes(name);

/**
 * Furniture sets a format and a rule on every row of a tab's grid, empty rows
 * too: a grid too large for one run is refused before anything is changed.
 * `cases` is the tab that will be 共通シート (標準化 renames it afterwards);
 * `only` names the tabs to be furnished, as for furnishStandardTabs.
 */
export function assertFurnishable(book: Book, cases: Sheet | undefined, only?: readonly string[]): void {
  for (const [name, fields] of FURNISHED) {
    const sheet = name === TAB.cases ? cases : book.sheets.get(name);
    if (sheet && isNamed(only, name)) assertWithinLimits(sheet, sheet.getMaxRows(), fields.length);
  }
}

/** Furnishes the standard tabs named (all of them unless told), those that exist. */
export function furnishStandardTabs(book: Book, settings: BookSettings, only?: readonly string[]): void {
  furnishTabs(book, FURNISHED.flatMap(([name, fields]) => {
    const sheet = isNamed(only, name) ? book.sheets.get(name) : undefined;
    return sheet ? [[sheet, fields] as const] : [];
  }), settings);
  const settingsSheet = isNamed(only, TAB.settings) ? book.sheets.get(TAB.settings) : undefined;
  if (settingsSheet) furnishSettingsTab(settingsSheet, settings);
  const changeLog = isNamed(only, TAB.changeLog) ? book.sheets.get(TAB.changeLog) : undefined;
  if (changeLog) furnishPlainTab(changeLog);
}
