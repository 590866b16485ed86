// What getValues alone would lose from a hand-made tab: formulas that carry no
// result (Sheets gives ''), link targets, and merged cells (which, left in
// place, would cover other columns' values once the columns are reordered).
import { columnLetter } from '../domain/validate/problem';

export interface HandMadeExtras {
  /** `A1` of every merged range in the tab. */
  readonly merges: readonly string[];
  /** Formulas without a result, by 0-based row (header = 0) and column. */
  readonly uncachedFormulas: readonly { row: number; column: number; formula: string }[];
  /** Links, by 0-based row (header = 0) and column. */
  readonly links: readonly { row: number; column: number; url: string }[];
}

/** Reads them in three calls over the tab's used area (values were read already). */
export function readHandMadeExtras(sheet: GoogleAppsScript.Spreadsheet.Sheet, values: readonly (readonly unknown[])[]): HandMadeExtras {
  const range = sheet.getDataRange();
  const merges = range.getMergedRanges().map((m) => m.getA1Notation());
  const uncachedFormulas = range.getFormulas().flatMap((row, r) => row.flatMap((formula, c) =>
    (formula && (values[r]?.[c] ?? '') === '' ? [{ row: r, column: c, formula }] : [])));
  const links = range.getRichTextValues().flatMap((row, r) => row.flatMap((rich, c) => {
    const url = rich?.getLinkUrl();
    return url ? [{ row: r, column: c, url }] : [];
  }));
  return { merges, uncachedFormulas, links };
}

/** Undoes every merge of the tab (the top-left cell keeps the value, as it held it). */
export function unmergeAll(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
}

/** Puts each link back on its cell, now at `column` of sheet row `row` (1-based), with the text the cell holds. */
export function restoreLinks(sheet: GoogleAppsScript.Spreadsheet.Sheet, links: readonly { row: number; column: number; url: string; text: string }[]): void {
  for (const link of links) {
    sheet.getRange(link.row, link.column).setRichTextValue(SpreadsheetApp.newRichTextValue().setText(link.text).setLinkUrl(link.url).build());
  }
}

export const cellName = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;
