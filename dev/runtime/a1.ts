// A1 notation, as Sheets spells it: columns A…Z, AA…; sheet names quoted
// with '' escaping when they contain anything but letters, digits and _.

export interface GridRect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function a1Notation(rect: GridRect): string {
  const start = `${columnLetters(rect.column)}${rect.row}`;
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${columnLetters(rect.column + rect.numColumns - 1)}${rect.row + rect.numRows - 1}`;
}

export function quoteSheetName(name: string): string {
  return `'${name.replace(/'/g, "''")}'`;
}

export interface ParsedA1 {
  /** The sheet named before `!`, if any. */
  readonly sheetName?: string;
  readonly rect: GridRect;
}

const REFERENCE = /^(?:(?:'((?:[^']|'')+)'|([^'!]+))!)?\$?([A-Za-z]*)\$?(\d*)(?::\$?([A-Za-z]*)\$?(\d*))?$/;

/**
 * Parses `A1`, `A1:B2`, `A:B`, `2:3`, `A2:B` (open-ended to the sheet's
 * edge), optionally prefixed with a sheet name. `bounds` gives the sheet's
 * size for the open-ended forms.
 */
export function parseA1(text: string, bounds: (sheetName?: string) => { maxRows: number; maxColumns: number }): ParsedA1 {
  const m = REFERENCE.exec(text.trim());
  if (!m) throw new Error(`Range not found: ${text}`);
  const sheetName = m[1] !== undefined ? m[1].replace(/''/g, "'") : m[2];
  const [c1 = '', r1 = '', c2, r2] = [m[3], m[4], m[5], m[6]];
  const isRange = c2 !== undefined;
  if ((!c1 && !r1) || (isRange && !c2 && !r2) || (!isRange && (!c1 || !r1))) {
    throw new Error(`Range not found: ${text}`);
  }
  const { maxRows, maxColumns } = bounds(sheetName);
  const startRow = r1 ? Number(r1) : 1;
  const startColumn = c1 ? columnNumber(c1) : 1;
  const endRow = isRange ? (r2 ? Number(r2) : r1 && !c1 ? startRow : maxRows) : startRow;
  const endColumn = isRange ? (c2 ? columnNumber(c2) : maxColumns) : startColumn;
  const top = Math.min(startRow, endRow);
  const left = Math.min(startColumn, endColumn);
  const rect = {
    row: top,
    column: left,
    numRows: Math.max(startRow, endRow) - top + 1,
    numColumns: Math.max(startColumn, endColumn) - left + 1,
  };
  return sheetName === undefined ? { rect } : { sheetName, rect };
}

/** `$A$2:$A$200`, the absolute form used in validation formulas. */
export function absoluteA1(rect: GridRect): string {
  const corner = (row: number, column: number): string => `$${columnLetters(column)}$${row}`;
  const start = corner(rect.row, rect.column);
  if (rect.numRows === 1 && rect.numColumns === 1) return start;
  return `${start}:${corner(rect.row + rect.numRows - 1, rect.column + rect.numColumns - 1)}`;
}
