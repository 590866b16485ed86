import { columnIndexOf } from '../domain/validate/problem';

// What one Apps Script execution can finish (SPEC §13): a read of the whole
// tab must fit in memory and, with the work after it, in the 6-minute limit.
// The cells are the measure (the bench estimates 入力チェック of 50,000 cases,
// 1.55 M cells in 共通シート and 2 M in 支援記録 at five records a case,
// within it); the row cap stops a stray value far below a narrow table
// (A1048576) well before Sheets hands over a million rows.
export const MAX_DATA_ROWS = 300_000;
export const MAX_CELLS = 2_500_000;

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/**
 * Throws a Japanese message, before anything is changed, when `rows` × `columns`
 * of a tab (header row included) are too many to handle in one run.
 */
export function assertWithinLimits(sheet: Sheet, rows: number, columns: number): void {
  if (rows - 1 <= MAX_DATA_ROWS && rows * columns <= MAX_CELLS) return;
  throw new Error(
    `タブ「${sheet.getName()}」は ${rows.toLocaleString('ja-JP')}行 × ${columns}列あり、一度に処理できる大きさ（${MAX_DATA_ROWS.toLocaleString('ja-JP')}行、${MAX_CELLS.toLocaleString('ja-JP')}セル）を超えています。`
    + `何も変更していません。${rows.toLocaleString('ja-JP')}行目や右端の列に不要な値が残っていないか確かめ、空の行・列を削除してから、もう一度お試しください。`,
  );
}

/**
 * The tab's data range and its size (header row included), once it is known
 * to fit: every whole-tab read starts here, so no operation takes in a tab too
 * large for a run. The size comes from the range's A1 notation (`A1:Z1000`):
 * one call, where getNumRows and getNumColumns would be two.
 */
export function dataExtentWithinLimits(sheet: Sheet): { range: GoogleAppsScript.Spreadsheet.Range; rows: number; columns: number } {
  const range = sheet.getDataRange();
  const [, letters, digits] = /([A-Z]+)(\d+)$/.exec(range.getA1Notation())!;
  const [rows, columns] = [Number(digits), columnIndexOf(letters!) + 1];
  assertWithinLimits(sheet, rows, columns);
  return { range, rows, columns };
}

export function dataRangeWithinLimits(sheet: Sheet): GoogleAppsScript.Spreadsheet.Range {
  return dataExtentWithinLimits(sheet).range;
}
