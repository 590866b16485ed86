// How a value written through Range.setValues is stored, and how a stored
// value reads back through getValues / getDisplayValues.
import { formatJavaPattern, hasTimeOfDay, sheetFormatToPattern } from './dates';
import { isFormula, type CellData, type CellValue, type Scalar } from './model';

export const PLAIN_TEXT_FORMAT = '@';
export const GENERAL_FORMAT = 'General';

const PLAIN_DECIMAL = /^-?(?:\d+(?:\.\d*)?|\.\d+)$/;

/**
 * Coerces like a person typing into Sheets: `'` forces text, `=` starts a
 * formula, a plain decimal becomes a number — except in a plain-text ('@')
 * cell, where text stays as typed. Undefined means blank.
 */
export function enteredValue(input: unknown, numberFormat: string | undefined): CellValue | undefined {
  if (input === null || input === undefined || input === '') return undefined;
  if (input instanceof Date) return new Date(input.getTime());
  if (typeof input === 'number' || typeof input === 'boolean') return input;
  const text = String(input);
  if (text.startsWith("'")) return text.length > 1 ? text.slice(1) : undefined;
  if (numberFormat === PLAIN_TEXT_FORMAT) return text;
  if (text.startsWith('=') && text.length > 1) return { formula: text };
  if (PLAIN_DECIMAL.test(text)) return Number(text);
  return text;
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

/** What getDisplayValues gives: dates by the cell's simple date format, else yyyy-MM-dd. */
export function displayValue(cell: CellData | undefined, timeZone: string): string {
  const value = storedValue(cell);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  if (!(value instanceof Date)) return String(value);
  const fallback = hasTimeOfDay(value, timeZone) ? 'yyyy-MM-dd HH:mm:ss' : 'yyyy-MM-dd';
  const pattern = cell?.numberFormat === undefined ? undefined : sheetFormatToPattern(cell.numberFormat);
  return formatJavaPattern(value, timeZone, pattern ?? fallback);
}
