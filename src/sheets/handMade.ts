// A hand-made tab as 標準化 needs it (SPEC §7): beside its values, what a
// person sees (a number shown as 0012 or as a date), its formulas, its merged
// cells, and what belongs to each cell and must move with the value: notes,
// backgrounds, font colours and links. One call per kind over the used area.
import type { Merge, SourceGrid } from '../domain/standardize/layout';
import { columnIndexOf, columnLetter } from '../domain/validate/problem';
import { dataExtentWithinLimits } from './limits';
import { fromSheetValue } from './tables';
import { dateConverter } from './zonedDate';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** What belongs to a cell besides its value, by 0-based row and column of the tab. */
export interface CellBelongings {
  readonly notes: readonly (readonly string[])[];
  readonly backgrounds: readonly (readonly string[])[];
  readonly fontColors: readonly (readonly string[])[];
  readonly links: readonly { row: number; column: number; url: string }[];
}

export interface HandMadeTab {
  readonly grid: SourceGrid;
  readonly belongings: CellBelongings;
  /** The used area, header and title rows included. */
  readonly rows: number;
  readonly columns: number;
}

/** `C3:F4` (or `C3`) as a 0-based merge. */
function mergeOf(a1: string): Merge {
  const [, c1, r1, c2 = c1, r2 = r1] = /^([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?$/.exec(a1)!;
  const [row, column] = [Number(r1) - 1, columnIndexOf(c1!)];
  return { row, column, numRows: Number(r2) - row, numColumns: columnIndexOf(c2!) - column + 1 };
}

export function readHandMadeTab(sheet: Sheet, timeZone: string): HandMadeTab {
  const { range, rows, columns } = dataExtentWithinLimits(sheet);
  const dates = dateConverter(timeZone);
  const values = range.getValues().map((row) => row.map((v) => fromSheetValue(v, dates)));
  const links = range.getRichTextValues().flatMap((row, r) => row.flatMap((rich, c) => {
    const url = rich?.getLinkUrl();
    return url ? [{ row: r, column: c, url }] : [];
  }));
  return {
    grid: {
      values,
      shown: range.getDisplayValues(),
      formulas: range.getFormulas(),
      merges: range.getMergedRanges().map((m) => mergeOf(m.getA1Notation())),
    },
    belongings: { notes: range.getNotes(), backgrounds: range.getBackgrounds(), fontColors: range.getFontColors(), links },
    rows,
    columns,
  };
}

/** Undoes every merge of the tab (the top-left cell keeps the value, as it held it). */
export function unmergeAll(sheet: Sheet): void {
  sheet.getRange(1, 1, sheet.getMaxRows(), sheet.getMaxColumns()).breakApart();
}

const DEFAULT_BACKGROUND = '#ffffff';
const DEFAULT_FONT_COLOR = '#000000';

/**
 * Puts each cell's note, background and font colour where its value now is:
 * `sourceRow(r)` and `sourceColumn(c)` give, for a cell of the new table, the
 * 0-based row and column it came from (null: a new cell). `height` × `width`
 * covers the old area as well, so nothing stays at a position whose value left.
 */
export function moveBelongings(
  sheet: Sheet, belongings: CellBelongings, height: number, width: number,
  sourceRow: (row: number) => number | null, sourceColumn: (column: number) => number | null,
): void {
  const has = (grid: readonly (readonly string[])[], fallback: string) => grid.some((row) => row.some((v) => v !== '' && v !== fallback));
  const moved = <T>(grid: readonly (readonly string[])[], fallback: string, empty: T) =>
    Array.from({ length: height }, (_, r) => Array.from({ length: width }, (_, c) => {
      const [from, column] = [sourceRow(r), sourceColumn(c)];
      const value = from === null || column === null ? '' : grid[from]?.[column] ?? '';
      return value === '' || value === fallback ? empty : value;
    }));
  const range = sheet.getRange(1, 1, height, width);
  if (has(belongings.notes, '')) range.setNotes(moved(belongings.notes, '', ''));
  if (has(belongings.backgrounds, DEFAULT_BACKGROUND)) range.setBackgrounds(moved(belongings.backgrounds, DEFAULT_BACKGROUND, null));
  if (has(belongings.fontColors, DEFAULT_FONT_COLOR)) range.setFontColors(moved(belongings.fontColors, DEFAULT_FONT_COLOR, DEFAULT_FONT_COLOR));
}

/** Puts each link back on its cell, now at `column` of sheet row `row` (1-based), with the text the cell holds. */
export function restoreLinks(sheet: Sheet, links: readonly { row: number; column: number; url: string; text: string }[]): void {
  for (const link of links) {
    sheet.getRange(link.row, link.column).setRichTextValue(SpreadsheetApp.newRichTextValue().setText(link.text).setLinkUrl(link.url).build());
  }
}

export const cellName = (row: number, column: number): string => `${columnLetter(column)}${row + 1}`;
