// Calendar days as ISO strings: moving by whole days, and the Japanese ways
// of writing a day. UTC serves only as a zone without offsets, so no day can
// shift (SPEC §5).
import { isIsoDate, toWareki, weekdayOf } from '../normalize';

const MS_PER_DAY = 86_400_000;
const WEEKDAYS = ['日', '月', '火', '水', '木', '金', '土'] as const;

function dayNumber(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not an ISO calendar date: ${iso}`);
  return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / MS_PER_DAY;
}

/** The day `days` after (or before, when negative) an ISO day. */
export function addDays(iso: string, days: number): string {
  return new Date((dayNumber(iso) + days) * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from one ISO day to another (negative when `to` comes first). */
export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

/** 「火」 */
export function weekdayName(iso: string): string {
  return WEEKDAYS[weekdayOf(iso)]!;
}

/** 「2026年12月8日（火）」 */
export function longDate(iso: string): string {
  return `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日（${weekdayName(iso)}）`;
}

/** 「2026年12月8日（火）・令和8年12月8日」: 西暦 and 和暦 together, as a meeting's date is written. */
export function dateWithWareki(iso: string): string {
  return `${longDate(iso)}・${toWareki(iso)}`;
}
