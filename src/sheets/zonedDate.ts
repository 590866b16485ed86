// Apps Script hands date cells over as Date instants at midnight in the
// spreadsheet's time zone. These two functions are the only place where an
// instant becomes a calendar day or back, so no day ever shifts through UTC.
import { dateCell, type DateCell } from '../domain/cell';

const formatters = new Map<string, Intl.DateTimeFormat>();

function wallClockParts(instant: Date, timeZone: string): number[] {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  const part = (type: string): number =>
    Number(formatter.formatToParts(instant).find((p) => p.type === type)?.value ?? 0);
  return [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function instantToDateCell(instant: Date, timeZone: string): DateCell {
  const [y, mo, d, h, mi, s] = wallClockParts(instant, timeZone) as [number, number, number, number, number, number];
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return dateCell(h || mi || s ? `${day}T${pad(h)}:${pad(mi)}:${pad(s)}` : day);
}

/** The instant at which the wall clock in `timeZone` shows the cell's date and time. */
export function dateCellToInstant(cell: DateCell, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell.iso);
  if (!m) throw new Error(`not a calendar date: ${cell.iso}`);
  const wanted = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  // Guess with the zone's offset at the wanted moment, then correct once for
  // offset changes (Japan kept summer time from 1948 to 1951).
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const [y, mo, d, h, mi, s] = wallClockParts(new Date(guess), timeZone) as [number, number, number, number, number, number];
    guess += wanted - Date.UTC(y, mo - 1, d, h, mi, s);
  }
  return new Date(guess);
}
