// Japan's national holidays (国民の祝日に関する法律), worked out rather than
// listed, for 2000–2099: fixed days, the Happy Monday days, 春分・秋分 by the
// standard approximation (the government confirms them each February in the
// 官報; the formula agrees for this century), the one-off days of 2019–2021,
// 振替休日 and 国民の休日. Outside those years nothing is known to be a holiday.
import { weekdayOf } from '../normalize';
import { addDays } from './days';

export const FIRST_KNOWN_YEAR = 2000;
export const LAST_KNOWN_YEAR = 2099;

const pad = (n: number): string => String(n).padStart(2, '0');
const day = (year: number, month: number, date: number): string => `${year}-${pad(month)}-${pad(date)}`;

/** The n-th Monday of a month (成人の日, 海の日, 敬老の日, スポーツの日). */
function nthMonday(year: number, month: number, n: number): string {
  const first = weekdayOf(day(year, month, 1));
  return day(year, month, 1 + ((8 - first) % 7) + 7 * (n - 1));
}

/** The approximation for 1980–2099 used by the National Astronomical Observatory's tables. */
function equinox(year: number, base: number): number {
  return Math.floor(base + 0.242194 * (year - 1980) - Math.floor((year - 1980) / 4));
}

/** The days the law names for a year, by ISO date. */
function statutoryHolidays(year: number): Map<string, string> {
  const holidays: [string, string][] = [
    [day(year, 1, 1), '元日'],
    [nthMonday(year, 1, 2), '成人の日'],
    [day(year, 2, 11), '建国記念の日'],
    [day(year, 3, equinox(year, 20.8431)), '春分の日'],
    [day(year, 4, 29), year >= 2007 ? '昭和の日' : 'みどりの日'],
    [day(year, 5, 3), '憲法記念日'],
    [day(year, 5, 5), 'こどもの日'],
    [day(year, 9, equinox(year, 23.2488)), '秋分の日'],
    [day(year, 11, 3), '文化の日'],
    [day(year, 11, 23), '勤労感謝の日'],
  ];
  if (year >= 2007) holidays.push([day(year, 5, 4), 'みどりの日']);
  if (year <= 2018) holidays.push([day(year, 12, 23), '天皇誕生日']);
  if (year >= 2020) holidays.push([day(year, 2, 23), '天皇誕生日']);
  // The Tokyo Olympics moved 海の日, スポーツの日 and 山の日 in 2020 and 2021.
  const moved: Record<number, { sea: string; sports: string; mountain: string }> = {
    2020: { sea: day(2020, 7, 23), sports: day(2020, 7, 24), mountain: day(2020, 8, 10) },
    2021: { sea: day(2021, 7, 22), sports: day(2021, 7, 23), mountain: day(2021, 8, 8) },
  };
  const olympic = moved[year];
  holidays.push([olympic?.sea ?? (year <= 2002 ? day(year, 7, 20) : nthMonday(year, 7, 3)), '海の日']);
  holidays.push([year <= 2002 ? day(year, 9, 15) : nthMonday(year, 9, 3), '敬老の日']);
  holidays.push([olympic?.sports ?? nthMonday(year, 10, 2), year >= 2020 ? 'スポーツの日' : '体育の日']);
  if (year >= 2016) holidays.push([olympic?.mountain ?? day(year, 8, 11), '山の日']);
  if (year === 2019) holidays.push([day(2019, 5, 1), '天皇の即位の日'], [day(2019, 10, 22), '即位礼正殿の儀の行われる日']);
  return new Map(holidays);
}

const cache = new Map<number, ReadonlyMap<string, string>>();

/** Every holiday of a year, by ISO date, in date order; empty outside 2000–2099. */
export function holidaysOf(year: number): ReadonlyMap<string, string> {
  const known = cache.get(year);
  if (known) return known;
  const holidays = new Map<string, string>();
  if (year >= FIRST_KNOWN_YEAR && year <= LAST_KNOWN_YEAR) {
    const statutory = statutoryHolidays(year);
    for (const [iso, name] of statutory) holidays.set(iso, name);
    // 振替休日: a holiday on a Sunday moves to the next day that is not one
    // (before 2007, only to the Monday, and not when the Monday was a holiday).
    for (const iso of statutory.keys()) {
      if (weekdayOf(iso) !== 0) continue;
      let next = addDays(iso, 1);
      while (year >= 2007 && statutory.has(next)) next = addDays(next, 1);
      if (!statutory.has(next)) holidays.set(next, '振替休日');
    }
    // 国民の休日: a weekday held between two holidays (5/4 until 2006, September now and then).
    for (const iso of statutory.keys()) {
      const between = addDays(iso, 1);
      if (statutory.has(addDays(between, 1)) && !holidays.has(between) && weekdayOf(between) !== 0) holidays.set(between, '国民の休日');
    }
  }
  const sorted = new Map([...holidays].sort(([a], [b]) => (a < b ? -1 : 1)));
  cache.set(year, sorted);
  return sorted;
}

/** The holiday's name, or null for a day that is not one (or not known: outside 2000–2099). */
export function holidayName(iso: string): string | null {
  return holidaysOf(Number(iso.slice(0, 4))).get(iso) ?? null;
}
