// The number format of every cell the add-on writes (SPEC §13). Sheets parses
// a string written into an automatic-format cell as if it were typed (`0012`
// becomes 12, `2024-04` a date), and keeps a leading `'` as part of the value
// in a plain-text cell, so text goes raw into '@' cells and dates into cells
// with a date format; a blank keeps the format the cell had (a date column's).
import { isDateCell, type Cell } from '../domain/cell';

export const TEXT_FORMAT = '@';
export const DATE_FORMAT = 'yyyy-mm-dd';
export const DATETIME_FORMAT = 'yyyy-mm-dd hh:mm';
export const INTEGER_FORMAT = '0';
const AUTOMATIC_FORMAT = 'General';

const isDateFormat = (format: string): boolean => format !== TEXT_FORMAT && /[yd]/i.test(format);
const isNumberFormat = (format: string): boolean => format === AUTOMATIC_FORMAT || format === '' || /^[0#,.%]+$/.test(format);

/** The format a cell needs to hold `cell` exactly, given the format it has now. */
export function formatFor(cell: Cell, current: string): string {
  if (isDateCell(cell)) {
    const withTime = cell.iso.includes('T');
    return isDateFormat(current) && /h/i.test(current) === withTime ? current : withTime ? DATETIME_FORMAT : DATE_FORMAT;
  }
  if (typeof cell === 'string') return cell === '' ? current : TEXT_FORMAT;
  return isNumberFormat(current) ? current : AUTOMATIC_FORMAT;
}
