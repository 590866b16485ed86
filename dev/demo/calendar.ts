// Calendar arithmetic on day numbers (days since 1970-01-01). A day number is a
// calendar date, not an instant: UTC is used only as a zone without offsets, so
// no day can shift. Ages, fiscal years, weekdays and eras come from the core.
import { ageAt, fiscalYearOf as fiscalYearOfIso, warekiOf, weekdayOf as weekdayOfIso } from '../../src/domain/normalize';

export type Day = number;

const MS_PER_DAY = 86_400_000;

export function dayFromParts(year: number, month: number, date: number): Day {
  return Math.round(Date.UTC(year, month - 1, date) / MS_PER_DAY);
}

export function dayFromIso(iso: string): Day {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not a YYYY-MM-DD date: ${iso}`);
  const day = dayFromParts(+m[1]!, +m[2]!, +m[3]!);
  if (isoOf(day) !== iso) throw new Error(`not a calendar date: ${iso}`);
  return day;
}

export interface DayParts { year: number; month: number; date: number }

export function partsOf(day: Day): DayParts {
  const d = new Date(day * MS_PER_DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, date: d.getUTCDate() };
}

export function isoOf(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** 0 = Sunday … 6 = Saturday. */
const weekdayOf = (day: Day): number => weekdayOfIso(isoOf(day));

/** The n-th given weekday of a month, e.g. the 2nd Tuesday. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): Day {
  const first = dayFromParts(year, month, 1);
  return first + ((weekday - weekdayOf(first) + 7) % 7) + 7 * (n - 1);
}

export function daysInMonth(year: number, month: number): number {
  return partsOf(dayFromParts(year, month + 1, 0)).date;
}

/** Japanese fiscal year (年度): April to March. */
export const fiscalYearOf = (day: Day): number => fiscalYearOfIso(isoOf(day));

export function fiscalYearStart(fiscalYear: number): Day {
  return dayFromParts(fiscalYear, 4, 1);
}

/** Completed years on `on`; the birthday itself counts as the new age. */
export const ageOn = (birth: Day, on: Day): number => ageAt(isoOf(birth), isoOf(on));

// Only 昭和 onwards is ever typed as text by the demo.
const TYPED_ERAS = new Set(['令和', '平成', '昭和']);

/** How staff type a date by hand (SPEC §1): 令和6年4月1日, R6.4.1, ２０２４／４／１. */
export type TypedStyle = 'kanji' | 'letter' | 'fullWidth';

/**
 * The date as staff would type it, or null when the style cannot say it
 * unambiguously (元年, or an era before 昭和) and a date cell should be used.
 */
export function typedDate(day: Day, style: TypedStyle): string | null {
  if (style === 'fullWidth') {
    const { year, month, date } = partsOf(day);
    return toFullWidth(`${year}/${month}/${date}`);
  }
  const w = warekiOf(isoOf(day));
  if (!w || w.year === 1 || !TYPED_ERAS.has(w.era)) return null;
  return style === 'kanji'
    ? `${w.era}${w.year}年${w.month}月${w.day}日`
    : `${w.letter}${w.year}.${w.month}.${w.day}`;
}

/** 和暦 text for a day that does not exist: the day after the end of the month. */
export function impossibleKanjiDate(year: number, month: number): string {
  const lastDay = dayFromParts(year, month, daysInMonth(year, month));
  const w = warekiOf(isoOf(lastDay));
  if (!w) throw new Error(`no era for ${year}-${month}`);
  const eraYear = w.year === 1 ? '元' : String(w.year);
  return `${w.era}${eraYear}年${month}月${w.day + 1}日`;
}

function toFullWidth(text: string): string {
  return text.replace(/[0-9/]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));
}
