// The dates written in free text (SPEC §8: a birth date in any written form),
// found in folded text (nameForms.ts: digits half-width, kanji digits as
// digits, letters lower case, brackets half-width): 西暦 (1950/3/4, 1950年3月4日,
// 19500304), 和暦 of every era (昭和25年3月4日, S25.3.4, 昭25.3.4, 元年), kanji
// numerals (昭和二十五年三月四日, 一九五〇年三月四日), a year without its era or
// century (25.3.4, 25年3月4日: every year it can stand for), both together
// (1950年（昭和25年）3月4日), and 3月4日生まれ. Each is read as the dates it can
// mean; the masking compares them with the birth dates it protects. Digits
// around a form do not stop it: text run together still hides the date.
import { fold } from './nameForms';

const ERAS: readonly { readonly names: readonly string[]; readonly startYear: number; readonly lastYear: number }[] = [
  { names: ['明治', '明', 'm'], startYear: 1868, lastYear: 1912 },
  { names: ['大正', '大', 't'], startYear: 1912, lastYear: 1926 },
  { names: ['昭和', '昭', 's'], startYear: 1926, lastYear: 1989 },
  { names: ['平成', '平', 'h'], startYear: 1989, lastYear: 2019 },
  { names: ['令和', '令', 'r'], startYear: 2019, lastYear: 9999 },
];

const ERA = `(?:${ERAS.flatMap((e) => e.names).map(fold).join('|')})`;
/** A year in kanji with 十 百 千 (二十五, 千九百五十; tried first, so 二十 is not read as 2), or in digits. */
const N = '(?:[0-9千百十]*[千百十][0-9千百十]*|[0-9]{4}|[0-9]{1,2})';
/** A month or a day: one or two digits, or up to 三十一 in kanji. */
const D = '(?:[0-9]?十[0-9]?|[0-9]{1,2})';
const ERA_YEAR = `${ERA}\\.?\\s*(?:${N}|元)`;
const YEAR = `(?:${ERA_YEAR}|${N})`;
/** 1950年（昭和25年） or 昭和25年（1950年）: the year twice, the second in brackets. */
const MIXED_YEAR = `${YEAR}\\s*年?\\s*\\(\\s*${YEAR}\\s*年?\\s*\\)`;
const MONTH_DAY = `${D}\\s*[-/.月]\\s*${D}(?:\\s*日)?`;

const WRITTEN_DATE = new RegExp([
  `(?<mixed>${MIXED_YEAR})\\s*[-/.]?\\s*(?<md1>${MONTH_DAY})`,
  `(?<year>${YEAR})\\s*[-/.年]\\s*(?<md2>${MONTH_DAY})`,
  `(?<digits>(?:${ERA}\\.?)?(?:[0-9]{8}|[0-9]{6}))`,
  `(?<born>${MONTH_DAY})\\s*(?=生)`,
].join('|'), 'uy');

/** The value of a number as written: 25, 二十五 (2十5 once folded), 千9百5十, 1950. */
function numberOf(written: string): number {
  let total = 0;
  let pending = -1;
  for (const c of written) {
    const unit = c === '十' ? 10 : c === '百' ? 100 : c === '千' ? 1000 : 0;
    if (unit === 0) pending = Math.max(pending, 0) * 10 + Number(c);
    else {
      total += (pending < 0 ? 1 : pending) * unit;
      pending = -1;
    }
  }
  return total + Math.max(pending, 0);
}

/** Every 西暦 year a written year can mean: 昭和25 is 1950; 25 alone is 1925, 2025 and 25 of any era. */
function yearsOf(written: string): number[] {
  const text = written.trim();
  const era = ERAS.find((e) => e.names.some((name) => text.startsWith(fold(name))));
  if (era) {
    const yearText = text.replace(new RegExp(`^${ERA}\\.?\\s*`, 'u'), '');
    const year = era.startYear + (yearText === '元' ? 1 : numberOf(yearText)) - 1;
    return year <= era.lastYear ? [year] : [];
  }
  const year = numberOf(text);
  if (year >= 1000) return [year];
  if (year >= 100) return [];
  return [1900 + year, 2000 + year, ...ERAS.map((e) => e.startYear + year - 1).filter((y, i) => year > 0 && y <= ERAS[i]!.lastYear)];
}

const pad = (n: number): string => String(n).padStart(2, '0');

/**
 * The month and the day; text run together (1970/1/11970年…) leaves the day's
 * second digit in doubt, so a two-digit day is read both ways.
 */
function monthDaysOf(written: string): [number, number][] {
  const m = new RegExp(`^(${D})\\s*[-/.月]\\s*(${D})`, 'u').exec(written);
  if (!m) return [];
  const [month, day] = [numberOf(m[1]!), m[2]!];
  return /^[0-9]{2}$/.test(day) ? [[month, numberOf(day)], [month, numberOf(day[0]!)]] : [[month, numberOf(day)]];
}

/** 19500304, 250304, s250304: the year, month and day run together. */
function digitDates(written: string): string[] {
  const digits = written.replace(/^[^0-9]*/, '');
  const eraPart = written.slice(0, written.length - digits.length);
  const yearLength = digits.length === 8 ? 4 : 2;
  const years = yearsOf(`${eraPart}${digits.slice(0, yearLength)}`);
  const [month, day] = [Number(digits.slice(yearLength, yearLength + 2)), Number(digits.slice(yearLength + 2))];
  return years.map((y) => `${y}-${pad(month)}-${pad(day)}`);
}

export interface WrittenDate {
  /** Offsets in the folded text, end exclusive. */
  readonly start: number;
  readonly end: number;
  /** Every ISO date it can mean. */
  readonly dates: readonly string[];
  /** MM-DD, for 3月4日生まれ (a birthday without its year). */
  readonly monthDays?: readonly string[];
}

/** Where a date can start: a digit, a kanji numeral or an era. */
const DATE_START = new RegExp(`[0-9十百千]|${ERA}`, 'uy');

/** The written date a match stands for, with every reading of it. */
function readingOf(g: Record<string, string | undefined>): Pick<WrittenDate, 'dates' | 'monthDays'> {
  if (g.digits) return { dates: digitDates(g.digits) };
  const monthDays = monthDaysOf(g.md1 ?? g.md2 ?? g.born!);
  if (g.born) return { dates: [], monthDays: monthDays.map(([month, day]) => `${pad(month)}-${pad(day)}`) };
  const years = g.mixed ? [...g.mixed.matchAll(new RegExp(YEAR, 'gu'))].flatMap((y) => yearsOf(y[0])) : yearsOf(g.year!);
  return { dates: years.flatMap((y) => monthDays.map(([month, day]) => `${y}-${pad(month)}-${pad(day)}`)) };
}

const isCalendarDate = (monthDay: string): boolean => {
  const [month, day] = monthDay.split('-').map(Number) as [number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= 31;
};

/**
 * The dates written in folded text, each with what it can mean. Every place a
 * date can start is tried, not only where the last one ended: in text run
 * together (80501999年（平成11年）…) a reading that is no date must not hide
 * the one that follows. Inside a real date nothing more is read (2025年3月4日
 * holds 25年3月4日, which is not written there). A reading `allowed` refuses
 * (one that would cut a word of 設定: 80506.10.12) gives way to later ones.
 */
export function writtenDates(folded: string, allowed: (start: number, end: number) => boolean = () => true): WrittenDate[] {
  const found: WrittenDate[] = [];
  let insideDateUntil = 0;
  for (let start = 0; start < folded.length; start++) {
    DATE_START.lastIndex = start;
    if (start < insideDateUntil || !DATE_START.test(folded)) continue;
    WRITTEN_DATE.lastIndex = start;
    const m = WRITTEN_DATE.exec(folded);
    if (!m || !allowed(start, start + m[0].length)) continue;
    const written = { start, end: start + m[0].length, ...readingOf(m.groups!) };
    found.push(written);
    if ([...written.dates.map((d) => d.slice(5)), ...(written.monthDays ?? [])].some(isCalendarDate)) insideDateUntil = written.end;
  }
  return found;
}
