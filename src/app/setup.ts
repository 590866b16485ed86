// Creates the standard tabs a workbook lacks and furnishes them (シートを準備,
// and the last step of 標準化).
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, TAB } from '../domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../domain/plan/fields';
import { createTab, STANDARD_TABS, type Book, type BookSettings } from '../sheets/book';
import { LOG_PROTECTION } from '../sheets/changeLog';
import { furnishPlainTab, furnishTabs } from '../sheets/furniture';

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

/** Furnishes the standard tabs named (all of them unless told), those that exist. */
export function furnishStandardTabs(book: Book, settings: BookSettings, only?: readonly string[]): void {
  const wanted = (name: string): boolean => !only || only.includes(name);
  const furnished = [
    [TAB.cases, CASE_FIELDS], [TAB.activities, ACTIVITY_FIELDS], [TAB.meetings, MEETING_FIELDS],
    [TAB.plans, PLAN_FIELDS], [TAB.tasks, TASK_FIELDS],
  ] as const;
  furnishTabs(book, furnished.flatMap(([name, fields]) => {
    const sheet = wanted(name) ? book.sheets.get(name) : undefined;
    return sheet ? [[sheet, fields] as const] : [];
  }), settings);
  for (const name of [TAB.settings, TAB.changeLog]) {
    const sheet = wanted(name) ? book.sheets.get(name) : undefined;
    if (sheet) furnishPlainTab(sheet);
  }
}
