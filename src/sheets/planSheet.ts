// The プラン_<ケースID> tab: the person's copy, written as every paper's tab is.
import { PLAN_PRINT_COLUMNS, type PlanPrintLayout } from '../domain/plan/printView';
import type { Book } from './book';
import { writePaperSheet } from './paperSheet';

export const PLAN_PRINT_PROTECTION = 'tsunagi: 本人用のプラン（作り直すと置き換わります。手で直す場合はタブを複製してください）';

export function writePlanPrintSheet(book: Book, name: string, layout: PlanPrintLayout): GoogleAppsScript.Spreadsheet.Sheet {
  return writePaperSheet(book, name, { ...layout, columns: PLAN_PRINT_COLUMNS, protection: PLAN_PRINT_PROTECTION });
}
