// What Sheets makes of a string written into a cell with the automatic
// format: it parses it as if a person had typed it (SPEC §13). The spreadsheet
// locale is ja_JP, so dates read year first and a bare month/day is this year.
import { dateCell } from '../../src/domain/cell';
import { dateCellToInstant, instantToDateCell } from '../../src/sheets/zonedDate';
import type { Scalar } from './model';

/** A parsed value and the format Sheets gives the cell with it, if any. */
export interface Typed {
  readonly value: Scalar;
  readonly numberFormat?: string;
}

const NUMBER = /^([+-]?)(?:(\d{1,3}(?:,\d{3})+|\d+)(\.\d*)?|(\.\d+))(?:[eE]([+-]?\d+))?(%?)$/;
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})(?:\s*[-/.月]\s*(\d{1,2})\s*日?|\s*月)?(?:\s+(\d{1,2}:\d{2}(?::\d{2})?))?$/;
const MONTH_DAY = /^(\d{1,2})\s*[/月]\s*(\d{1,2})\s*日?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp])[Mm])?$/;
/** Sheets' serial day 0; a time alone is a time of that day. */
const TIME_DAY = '1899-12-30';

const pad = (n: number): string => String(n).padStart(2, '0');

function validDay(y: number, m: number, d: number): boolean {
  const day = new Date(Date.UTC(y, m - 1, d));
  return m >= 1 && m <= 12 && day.getUTCFullYear() === y && day.getUTCMonth() === m - 1 && day.getUTCDate() === d;
}

function clock(text: string): string | undefined {
  const m = TIME.exec(text);
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  const second = Number(m[3] ?? 0);
  if (m[4]) {
    if (hour < 1 || hour > 12) return undefined;
    hour = (hour % 12) + (m[4].toLowerCase() === 'p' ? 12 : 0);
  }
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

function at(day: string, time: string | undefined, timeZone: string): Date {
  return dateCellToInstant(dateCell(time ? `${day}T${time}` : day), timeZone);
}

function parseDate(text: string, timeZone: string, now: Date): Typed | undefined {
  const full = DATE.exec(text);
  const short = full ? undefined : MONTH_DAY.exec(text);
  if (!full && !short) return undefined;
  const year = full ? Number(full[1]) : Number(instantToDateCell(now, timeZone).iso.slice(0, 4));
  const month = Number(full ? full[2] : short![1]);
  const day = Number(full ? full[3] ?? 1 : short![2]);
  if (!validDay(year, month, day)) return undefined;
  const time = full?.[4] === undefined ? undefined : clock(full[4]);
  if (full?.[4] !== undefined && time === undefined) return undefined;
  const value = at(`${year}-${pad(month)}-${pad(day)}`, time, timeZone);
  return { value, numberFormat: time ? 'yyyy/mm/dd h:mm:ss' : 'yyyy/mm/dd' };
}

function parseNumber(text: string): Typed | undefined {
  const m = NUMBER.exec(text.trim());
  if (!m) return undefined;
  const digits = `${m[1]}${(m[2] ?? '0').replace(/,/g, '')}${m[3] ?? ''}${m[4] ?? ''}${m[5] ? `e${m[5]}` : ''}`;
  const value = Number(digits);
  if (!Number.isFinite(value)) return undefined;
  return m[6] ? { value: value / 100, numberFormat: '0%' } : { value };
}

/**
 * The value Sheets stores for `text` typed into an automatic-format cell:
 * numbers (`0012` → 12, `1,234`, `50%`, `1e3`), TRUE/FALSE, dates
 * (`2024/4/1`, `2024-04-01`, `2024-04`, `2024年4月1日`, `4/1`), times (`14:00`)
 * and date-times; anything else stays text.
 */
export function parseTyped(text: string, timeZone: string, now: Date = new Date()): Typed {
  const trimmed = text.trim();
  if (/^(?:true|false)$/i.test(trimmed)) return { value: trimmed.toLowerCase() === 'true' };
  const parsed = parseNumber(trimmed) ?? parseDate(trimmed, timeZone, now);
  if (parsed) return parsed;
  const time = clock(trimmed);
  if (time) return { value: at(TIME_DAY, time, timeZone), numberFormat: 'h:mm:ss' };
  return { value: text };
}
