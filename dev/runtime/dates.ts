// Date formatting for Utilities.formatDate (Java SimpleDateFormat letters)
// and for display values under a cell's number format. Wall-clock fields
// always come from instantToDateCell, the project's one instant→day path.
import { instantToDateCell } from '../../src/sheets/zonedDate';

interface WallClock {
  readonly y: number;
  readonly M: number;
  readonly d: number;
  readonly H: number;
  readonly m: number;
  readonly s: number;
}

export function wallClock(instant: Date, timeZone: string): WallClock {
  const iso = instantToDateCell(instant, timeZone).iso;
  const [y, M, d, H = 0, m = 0, s = 0] = iso.split(/[-T:]/).map(Number) as [number, number, number, number?, number?, number?];
  return { y, M, d, H, m, s };
}

export function hasTimeOfDay(instant: Date, timeZone: string): boolean {
  return instantToDateCell(instant, timeZone).iso.includes('T');
}

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Formats with the letters y M d H m s and quoted literals, as Utilities.formatDate does. */
export function formatJavaPattern(instant: Date, timeZone: string, pattern: string): string {
  const clock = wallClock(instant, timeZone);
  let out = '';
  for (let i = 0; i < pattern.length; ) {
    const ch = pattern.charAt(i);
    if (ch === "'") {
      const end = pattern.indexOf("'", i + 1);
      const literal = pattern.slice(i + 1, end === -1 ? pattern.length : end);
      out += literal === '' ? "'" : literal;
      i = end === -1 ? pattern.length : end + 1;
      continue;
    }
    let run = 1;
    while (pattern.charAt(i + run) === ch) run++;
    i += run;
    if (!/[A-Za-z]/.test(ch)) out += ch.repeat(run);
    else if (ch === 'y') out += run === 2 ? pad(clock.y % 100, 2) : pad(clock.y, run);
    else if (ch === 'M' || ch === 'd' || ch === 'H' || ch === 'm' || ch === 's') out += pad(clock[ch], run);
    else throw new Error(`Utilities.formatDate: the local runtime does not support the pattern letter '${ch}'.`);
  }
  return out;
}

const SHEET_DATE_FORMAT = /^(?:y+|m{1,2}|d{1,2}|h{1,2}|s{1,2}|[\s\-/.:年月日時分秒])+$/i;

/**
 * Converts a simple Sheets/Excel date format (yyyy-mm-dd, yyyy/m/d hh:mm…)
 * to a Java pattern; undefined for anything richer.
 */
export function sheetFormatToPattern(numberFormat: string): string | undefined {
  if (!SHEET_DATE_FORMAT.test(numberFormat)) return undefined;
  const tokens = numberFormat.match(/y+|m+|d+|h+|s+|[^a-z]/gi) ?? [];
  const isField = (t: string | undefined): boolean => t !== undefined && /^[a-z]/i.test(t);
  return tokens
    .map((token, i) => {
      if (!isField(token)) return `'${token}'`;
      const letter = token.charAt(0).toLowerCase();
      const len = token.length;
      if (letter === 'y') return len <= 2 ? 'yy' : 'yyyy';
      if (letter === 'd') return 'd'.repeat(len);
      if (letter === 'h') return 'H'.repeat(len);
      if (letter === 's') return 's'.repeat(len);
      // m is minutes right after an hour or right before seconds, else month.
      const previous = tokens.slice(0, i).reverse().find(isField);
      const next = tokens.slice(i + 1).find(isField);
      const minutes = previous?.charAt(0).toLowerCase() === 'h' || next?.charAt(0).toLowerCase() === 's';
      return (minutes ? 'm' : 'M').repeat(len);
    })
    .join('');
}
