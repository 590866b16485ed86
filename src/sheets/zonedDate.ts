// Apps Script hands date cells over as Date instants at midnight in the
// spreadsheet's time zone. These functions are the only place where an
// instant becomes a calendar day or back, so no day ever shifts through UTC.
import { dateCell, type DateCell } from '../domain/cell';

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone, hourCycle: 'h23',
      year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

type WallClock = [year: number, month: number, day: number, hour: number, minute: number, second: number];
const SLOT: Readonly<Record<string, number>> = { year: 0, month: 1, day: 2, hour: 3, minute: 4, second: 5 };

/** One formatter call per instant: formatting is most of the cost of a date cell. */
function wallClock(instant: Date, timeZone: string): WallClock {
  const clock: WallClock = [0, 0, 0, 0, 0, 0];
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    const slot = SLOT[part.type];
    if (slot !== undefined) clock[slot] = Number(part.value);
  }
  return clock;
}

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

export function instantToDateCell(instant: Date, timeZone: string): DateCell {
  const [y, mo, d, h, mi, s] = wallClock(instant, timeZone);
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
    const [y, mo, d, h, mi, s] = wallClock(new Date(guess), timeZone);
    guess += wanted - Date.UTC(y, mo - 1, d, h, mi, s);
  }
  return new Date(guess);
}

export interface DateConverter {
  toCell(instant: Date): DateCell;
  toInstant(cell: DateCell): Date;
}

/**
 * The two conversions with a memory for one read or write: a tab of 100,000
 * date cells holds a few thousand distinct days, so each is formatted once.
 * Cells are shared (they are never mutated); instants are fresh Dates.
 */
export function dateConverter(timeZone: string): DateConverter {
  const cells = new Map<number, DateCell>();
  const instants = new Map<string, number>();
  return {
    toCell(instant) {
      const time = instant.getTime();
      let cell = cells.get(time);
      if (!cell) {
        cell = instantToDateCell(instant, timeZone);
        cells.set(time, cell);
      }
      return cell;
    },
    toInstant(cell) {
      let time = instants.get(cell.iso);
      if (time === undefined) {
        time = dateCellToInstant(cell, timeZone).getTime();
        instants.set(cell.iso, time);
      }
      return new Date(time);
    },
  };
}
