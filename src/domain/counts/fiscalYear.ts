// Fiscal years (年度) as the counts see them: April to March, months as
// `YYYY-MM` keys, and the year's names in 西暦 and 和暦.
import { normalizeText, parseDate, toWareki } from '../normalize';

export const MONTHS_IN_YEAR = 12;
/** The years the counts accept: wide enough for any town's records, narrow enough to catch a typo. */
export const FISCAL_YEAR_RANGE = { min: 2000, max: 2100 } as const;

const pad = (n: number): string => String(n).padStart(2, '0');

/** The calendar month (1–12) of month index `i` (0 = April). */
const calendarMonth = (index: number): number => ((index + 3) % 12) + 1;

/** `YYYY-MM` of the twelve months of fiscal year N, April first. */
export function fiscalMonths(fiscalYear: number): string[] {
  return Array.from({ length: MONTHS_IN_YEAR }, (_, i) => `${i < 9 ? fiscalYear : fiscalYear + 1}-${pad(calendarMonth(i))}`);
}

/** The month index (0 = April) of an ISO date in fiscal year N; -1 when it falls outside the year. */
export function monthIndexOf(iso: string, fiscalYear: number): number {
  const index = (Number(iso.slice(0, 4)) - fiscalYear) * 12 + Number(iso.slice(5, 7)) - 4;
  return index >= 0 && index < MONTHS_IN_YEAR ? index : -1;
}

/** 「4月」…「3月」. */
export function monthLabel(index: number): string {
  return `${calendarMonth(index)}月`;
}

/**
 * 「令和6年度」. A year is named by the era that holds most of it (the era on
 * 1 October): 2019年度 is 令和元年度, as the government names it, and 1988年度
 * is 昭和63年度.
 */
export function warekiFiscalYear(fiscalYear: number): string {
  return `${toWareki(`${fiscalYear}-10-01`).replace(/\d+月\d+日$/, '')}度`;
}

/** 「2024年度（令和6年度）」. */
export function fiscalYearTitle(fiscalYear: number): string {
  return `${fiscalYear}年度（${warekiFiscalYear(fiscalYear)}）`;
}

export function isFiscalYearInRange(year: number): boolean {
  return Number.isInteger(year) && year >= FISCAL_YEAR_RANGE.min && year <= FISCAL_YEAR_RANGE.max;
}

/**
 * A fiscal year as a person types it: 2024, ２０２４年度, 令和6年度, R6, 平成31年度,
 * 令和元年度. The 和暦 forms go through the core's date parser, so the era
 * bounds are the same as for dates. Null when it is not a year in range.
 */
export function parseFiscalYear(text: string): number | null {
  const s = normalizeText(text).replace(/[\s\u3000]/g, '').replace(/年度?$/, '');
  let year: number | null = null;
  if (/^\d{4}$/.test(s)) year = Number(s);
  else if (s !== '') {
    // 4月1日 first; an era that began later in the year (令和元年) is found on its last day.
    const iso = parseDate(`${s}年4月1日`) ?? parseDate(`${s}年12月31日`);
    year = iso ? Number(iso.slice(0, 4)) : null;
  }
  return year !== null && isFiscalYearInRange(year) ? year : null;
}
