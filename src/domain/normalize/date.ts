// Calendar dates of SPEC §5. A date is a calendar day, not an instant, so all
// arithmetic here is on integers: no Date object is ever read in local time.
import { isDateCell, type Cell } from '../cell';
import { normalizeText } from './text';

interface Era {
  readonly name: string;
  readonly letter: string;
  /** First day of the era, ISO. */
  readonly start: string;
}

/**
 * Oldest first. 明治 starts on 1868-01-25 (the start the SPEC names first);
 * dates of the 明治 lunar-calendar years are read as Gregorian, as forms do.
 */
const ERAS: readonly Era[] = [
  { name: '明治', letter: 'M', start: '1868-01-25' },
  { name: '大正', letter: 'T', start: '1912-07-30' },
  { name: '昭和', letter: 'S', start: '1926-12-25' },
  { name: '平成', letter: 'H', start: '1989-01-08' },
  { name: '令和', letter: 'R', start: '2019-05-01' },
];

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const WESTERN = /^(\d{4})(.+)$/;
/** Era as full name, first kanji or letter, then the year within the era. */
const WAREKI = /^(明治|大正|昭和|平成|令和|[明大昭平令MTSHR])(元|\d{1,2})(.+)$/i;
/** What follows the year: `.4.1` with one repeated separator, or `年4月1日`. */
const MONTH_DAY = /^(?:([-/.])(\d{1,2})\1(\d{1,2})|年(\d{1,2})月(\d{1,2})日)$/;

type YearMonthDay = readonly [year: number, month: number, day: number];

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Year 0 is no one's date, and keeping years positive keeps weekdayOf simple. */
function existsInCalendar(year: number, month: number, day: number): boolean {
  return year >= 1 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The ISO form of a day, or null when the day does not exist. */
function toIso(year: number, month: number, day: number): string | null {
  return existsInCalendar(year, month, day) ? `${pad(year, 4)}-${pad(month)}-${pad(day)}` : null;
}

/** Parsed ISO days: rules ask about the same few thousand days over and over. */
const isoMemo = new Map<string, YearMonthDay | null>();
const ISO_MEMO_LIMIT = 20_000;

function isoParts(iso: string): YearMonthDay | null {
  if (iso.length !== 10) return null; // YYYY-MM-DD, and no long text is kept in the memo
  const known = isoMemo.get(iso);
  if (known !== undefined) return known;
  const m = ISO.exec(iso);
  const parts = m ? ([Number(m[1]), Number(m[2]), Number(m[3])] as const) : null;
  const result = parts && existsInCalendar(...parts) ? parts : null;
  if (isoMemo.size >= ISO_MEMO_LIMIT) isoMemo.clear();
  isoMemo.set(iso, result);
  return result;
}

/** For the functions whose caller promises a valid ISO date. */
function requireIsoParts(iso: string): YearMonthDay {
  const parts = isoParts(iso);
  if (!parts) throw new RangeError(`not an ISO calendar date: ${iso}`);
  return parts;
}

export function isIsoDate(s: string): boolean {
  return isoParts(s) !== null;
}

function parseMonthDay(rest: string): readonly [month: number, day: number] | null {
  const m = MONTH_DAY.exec(rest);
  if (!m) return null;
  return [Number(m[2] ?? m[4]), Number(m[3] ?? m[5])];
}

function findEra(token: string): Era | undefined {
  const upper = token.toUpperCase();
  return ERAS.find((era) => era.name === token || era.name.charAt(0) === token || era.letter === upper);
}

function eraAfter(era: Era): Era | undefined {
  return ERAS[ERAS.indexOf(era) + 1];
}

function parseWareki(s: string): string | null {
  const m = WAREKI.exec(s);
  const era = m && findEra(m[1] ?? '');
  const monthDay = m && parseMonthDay(m[3] ?? '');
  if (!m || !era || !monthDay) return null;
  const eraYear = m[2] === '元' ? 1 : Number(m[2]);
  const iso = toIso(Number(era.start.slice(0, 4)) + eraYear - 1, ...monthDay);
  const next = eraAfter(era);
  // ISO strings of 4-digit years compare in calendar order; year 0 falls before the era.
  if (iso === null || iso < era.start || (next && iso >= next.start)) return null;
  return iso;
}

/**
 * For a 和暦 date past its era's end (平成31年5月1日), the same day in the era
 * that followed (令和元年5月1日), so the message can say which it is. Such
 * text is still not read as a date: nothing typed is guessed.
 */
export function eraOverflow(text: string): string | null {
  const m = WAREKI.exec(normalizeText(text).replace(/[ \t\u3000]/g, ''));
  const era = m && findEra(m[1] ?? '');
  const monthDay = m && parseMonthDay(m[3] ?? '');
  if (!m || !era || !monthDay) return null;
  const next = eraAfter(era);
  const iso = toIso(Number(era.start.slice(0, 4)) + (m[2] === '元' ? 1 : Number(m[2])) - 1, ...monthDay);
  return next && iso !== null && iso >= next.start ? toWareki(iso) : null;
}

function parseWestern(s: string): string | null {
  const compact = COMPACT.exec(s);
  if (compact) return toIso(Number(compact[1]), Number(compact[2]), Number(compact[3]));
  const m = WESTERN.exec(s);
  const monthDay = m && parseMonthDay(m[2] ?? '');
  return m && monthDay ? toIso(Number(m[1]), ...monthDay) : null;
}

function parseDateText(text: string): string | null {
  const s = normalizeText(text).replace(/[ \t\u3000]/g, '');
  return parseWestern(s) ?? parseWareki(s);
}

/** The ISO date a cell holds under SPEC §5, or null when it is not a date. */
export function parseDate(value: Cell): string | null {
  if (isDateCell(value)) {
    const day = value.iso.slice(0, 10);
    return isIsoDate(day) ? day : null;
  }
  if (typeof value === 'number') {
    // Only 20240401-style numbers; a spreadsheet serial number is not a date here.
    return Number.isInteger(value) && value >= 10000000 && value <= 99999999 ? parseDateText(String(value)) : null;
  }
  if (typeof value === 'string') return parseDateText(value);
  return null;
}

export interface WarekiDate {
  /** 令和 */
  readonly era: string;
  /** R */
  readonly letter: string;
  /** The year within the era; 1 is 元年. */
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A valid ISO date in its era, or null before 明治. */
export function warekiOf(iso: string): WarekiDate | null {
  const [year, month, day] = requireIsoParts(iso);
  const era = [...ERAS].reverse().find((e) => iso >= e.start);
  return era ? { era: era.name, letter: era.letter, year: year - Number(era.start.slice(0, 4)) + 1, month, day } : null;
}

/** '2024-04-01' → '令和6年4月1日'; before 明治 the 西暦 form '1800年1月1日'. */
export function toWareki(iso: string): string {
  const w = warekiOf(iso);
  if (!w) {
    const [year, month, day] = requireIsoParts(iso);
    return `${year}年${month}月${day}日`;
  }
  return `${w.era}${w.year === 1 ? '元' : w.year}年${w.month}月${w.day}日`;
}

/** Japanese 年度, April to March. */
export function fiscalYearOf(iso: string): number {
  const [year, month] = requireIsoParts(iso);
  return month < 4 ? year - 1 : year;
}

let tokyoFormatter: Intl.DateTimeFormat | undefined;

/** Today's calendar date in Japan, whatever zone the machine runs in. */
export function todayInTokyo(now: Date = new Date()): string {
  tokyoFormatter ??= new Intl.DateTimeFormat('en-US', {
    timeZone: 'Asia/Tokyo', year: 'numeric', month: 'numeric', day: 'numeric',
  });
  const parts = tokyoFormatter.formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes): number => Number(parts.find((p) => p.type === type)?.value);
  return `${pad(part('year'), 4)}-${pad(part('month'))}-${pad(part('day'))}`;
}

/**
 * Full years from birth to `atIso`; negative when `atIso` is before the birth.
 * A year is added on the birthday itself, as forms and age bands count it. A
 * person born on Feb 29 has no birthday in a common year and is counted a year
 * older from Mar 1.
 */
export function ageAt(birthIso: string, atIso: string): number {
  const [birthYear, birthMonth, birthDay] = requireIsoParts(birthIso);
  const [year, month, day] = requireIsoParts(atIso);
  const beforeBirthday = month < birthMonth || (month === birthMonth && day < birthDay);
  return year - birthYear - (beforeBirthday ? 1 : 0);
}

/** Sakamoto's method: 0 = Sunday … 6 = Saturday, Gregorian calendar. */
const MONTH_OFFSETS = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4] as const;

export function weekdayOf(iso: string): number {
  const [year, month, day] = requireIsoParts(iso);
  const y = month < 3 ? year - 1 : year;
  const offset = MONTH_OFFSETS[month - 1] ?? 0;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + offset + day) % 7;
}
