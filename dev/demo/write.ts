// Puts a generated demo into a workbook's tabs, as if staff had typed it:
// straight into the file, so no Apps Script call is spent or counted.
import { isDateCell, type Cell } from '../../src/domain/cell';
import { TAB } from '../../src/domain/fields';
import { SETTINGS_HEADERS } from '../../src/domain/settings';
import { dateCellToInstant } from '../../src/sheets/zonedDate';
import { ensureCell, findSheet, type Model, type Scalar } from '../runtime/model';
import { DEMO_AREAS, generateDemo, type DemoOptions } from './generate';

function toFileValue(cell: Cell, timeZone: string): Scalar {
  return isDateCell(cell) ? dateCellToInstant(cell, timeZone) : cell;
}

/** Writes rows under the header of a tab, from row 2, or one column from row 2. */
function writeRows(model: Model, tab: string, rows: readonly (readonly Cell[])[], firstColumn = 1): void {
  const sheet = findSheet(model, tab);
  if (!sheet) throw new Error(`demo: the workbook has no tab ${tab}`);
  sheet.maxRows = Math.max(sheet.maxRows, rows.length + 1);
  rows.forEach((row, r) => row.forEach((cell, c) => {
    if (cell !== '') ensureCell(sheet, r + 2, firstColumn + c).value = toFileValue(cell, model.timeZone);
  }));
}

export function writeDemo(model: Model, options: DemoOptions): { cases: number; activities: number; meetings: number; plans: number; tasks: number; planted: number } {
  const demo = generateDemo(options);
  writeRows(model, TAB.cases, demo.cases);
  writeRows(model, TAB.activities, demo.activities);
  writeRows(model, TAB.meetings, demo.meetings);
  writeRows(model, TAB.plans, demo.plans);
  writeRows(model, TAB.tasks, demo.tasks);
  // The demo town lists its 圏域, so the dropdown has something to offer.
  const settings = findSheet(model, TAB.settings);
  const areaColumn = settings?.cells[0]?.findIndex((c) => c?.value === SETTINGS_HEADERS.area) ?? -1;
  if (areaColumn >= 0) writeRows(model, TAB.settings, DEMO_AREAS.map((a) => [a]), areaColumn + 1);
  // And yearly targets, so the 集計 tab shows 目標 and 達成率: labels as 設定's dropdown offers them, and one as staff shorten it.
  const targetColumn = settings?.cells[0]?.findIndex((c) => c?.value === SETTINGS_HEADERS.targetMetric) ?? -1;
  const perYear = Math.max(10, Math.round(options.cases / 20) * 10);
  const targets: [string, number][] = [['新規相談', perYear], ['プラン作成（件）', Math.round(perYear / 2)], ['アウトリーチ 実人数（人）', Math.round(perYear / 3)]];
  if (targetColumn >= 0 && settings?.cells[0]?.[targetColumn + 1]?.value === SETTINGS_HEADERS.targetValue) writeRows(model, TAB.settings, targets, targetColumn + 1);
  return { cases: demo.cases.length, activities: demo.activities.length, meetings: demo.meetings.length, plans: demo.plans.length, tasks: demo.tasks.length, planted: demo.planted.length };
}
