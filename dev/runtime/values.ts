// How a value written through Range.setValues is stored, and how a stored
// value reads back through getValues / getDisplayValues.
import { dateCell } from '../../src/domain/cell';
import { dateCellToInstant } from '../../src/sheets/zonedDate';
import { formatJavaPattern, hasTimeOfDay, sheetFormatToPattern } from './dates';
import { isFormula, type CellData, type CellValue, type Scalar } from './model';
import { parseTyped } from './typed';

export const PLAIN_TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

/** What a cell holds after a write: its value (undefined: blank) and, when Sheets picked one, its new format. */
export interface Entered {
  readonly value: CellValue | undefined;
  readonly numberFormat?: string;
}

/**
 * Stores a written value as Sheets does (SPEC §13). In a plain-text ('@')
 * cell a string is kept exactly, a leading `'` included. Elsewhere `'` forces
 * text (and is dropped), `=` starts a formula, and any other string is parsed
 * as if typed (parseTyped): `0012` becomes 12, `2024-04` a date.
 */
export function enteredValue(input: unknown, numberFormat: string | undefined, timeZone: string): Entered {
  if (input === null || input === undefined || input === '') return { value: undefined };
  if (input instanceof Date) return { value: new Date(input.getTime()) };
  if (typeof input === 'number' || typeof input === 'boolean') return { value: input };
  const text = String(input);
  if (numberFormat === PLAIN_TEXT_FORMAT) return { value: text };
  if (text.startsWith("'")) return { value: text.length > 1 ? text.slice(1) : undefined };
  if (text.startsWith('=') && text.length > 1) return { value: { formula: text } };
  const typed = parseTyped(text, timeZone);
  // A format the cell already has (a date format on a date column) stays; an automatic cell takes Sheets' pick.
  return numberFormat === undefined && typed.numberFormat ? typed : { value: typed.value };
}

/** What getValues gives for a cell: '' for blank, a formula's last result (or ''). */
export function storedValue(cell: CellData | undefined): Scalar {
  const value = cell?.value;
  if (value === undefined) return '';
  const scalar = isFormula(value) ? value.result ?? '' : value;
  return scalar instanceof Date ? new Date(scalar.getTime()) : scalar;
}

export function formulaOf(cell: CellData | undefined): string {
  return isFormula(cell?.value) ? cell.value.formula : '';
}

/** Sheets' day 0. */
const SERIAL_EPOCH = Date.UTC(1899, 11, 30);

/**
 * A number as its cell's format shows it: zero-padded by `0000`-style formats
 * (12 → 0012), a day count as a date under a date format (45383 → 2024/04/01);
 * any other format shows the plain number.
 */
function shownNumber(value: number, numberFormat: string | undefined, timeZone: string): string {
  if (numberFormat === undefined) return String(value);
  if (/^0+$/.test(numberFormat) && Number.isInteger(value) && value >= 0) return String(value).padStart(numberFormat.length, '0');
  const pattern = /[yd]/i.test(numberFormat) ? sheetFormatToPattern(numberFormat) : undefined;
  // Beyond year 9999 Sheets shows no date either.
  if (pattern === undefined || !Number.isFinite(value) || Math.abs(value) > 2_958_465) return String(value);
  const iso = new Date(SERIAL_EPOCH + Math.floor(value) * 86_400_000).toISOString().slice(0, 10);
  return formatJavaPattern(dateCellToInstant(dateCell(iso), timeZone), timeZone, pattern);
}

/** What getDisplayValues gives: dates and numbers by the cell's format (simple date and zero-padding formats), else as stored. */
export function displayValue(cell: CellData | undefined, timeZone: string): string {
  const value = storedValue(cell);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (typeof value === 'number') return shownNumber(value, cell?.numberFormat, timeZone);
  if (!(value instanceof Date)) return String(value);
  const fallback = hasTimeOfDay(value, timeZone) ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd';
  const pattern = cell?.numberFormat === undefined ? undefined : sheetFormatToPattern(cell.numberFormat);
  return formatJavaPattern(value, timeZone, pattern ?? fallback);
}
