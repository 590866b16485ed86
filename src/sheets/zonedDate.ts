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

const SECOND = 1000;
const wholeSecond = (time: number): number => Math.floor(time / SECOND) * SECOND;

/** How far the wall clock in `timeZone` is ahead of UTC at `time` (a whole second), in ms: one formatter call. */
function exactOffset(time: number, timeZone: string): number {
  const [y, mo, d, h, mi, s] = wallClock(new Date(time), timeZone);
  return Date.UTC(y, mo - 1, d, h, mi, s) - time;
}

type OffsetAt = (time: number) => number;

function cellAt(time: number, offsetAt: OffsetAt): DateCell {
  const second = wholeSecond(time);
  const wall = new Date(second + offsetAt(second));
  const day = `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`;
  const [h, mi, s] = [wall.getUTCHours(), wall.getUTCMinutes(), wall.getUTCSeconds()];
  return dateCell(h || mi || s ? `${day}T${pad(h)}:${pad(mi)}:${pad(s)}` : day);
}

function instantOf(cell: DateCell, offsetAt: OffsetAt): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell.iso);
  if (!m) throw new Error(`not a calendar date: ${cell.iso}`);
  const wanted = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  // Guess with the zone's offset at the wanted moment, then correct once for
  // offset changes (Japan kept summer time from 1948 to 1951).
  let guess = wanted;
  for (let i = 0; i < 2; i++) guess = wanted - offsetAt(guess);
  return new Date(guess);
}

export function instantToDateCell(instant: Date, timeZone: string): DateCell {
  return cellAt(instant.getTime(), (time) => exactOffset(time, timeZone));
}

/** The instant at which the wall clock in `timeZone` shows the cell's date and time. */
export function dateCellToInstant(cell: DateCell, timeZone: string): Date {
  return instantOf(cell, (time) => exactOffset(time, timeZone));
}

/** A span of time over which the offset is checked once; zones change their offset at most a few times a year. */
const SPAN = 30 * 24 * 3600 * SECOND;

/**
 * The zone's offset with a memory: a 30-day span whose offset is the same at
 * its start, middle and last second is taken to keep it throughout, so a tab
 * of birth dates over 80 years costs about 3,000 formatter calls, not two per
 * date; a span with a change in it is worked out second by second as asked.
 */
function offsetMemory(timeZone: string): OffsetAt {
  const spans = new Map<number, number | null>();
  return (time) => {
    const span = Math.floor(time / SPAN);
    let offset = spans.get(span);
    if (offset === undefined) {
      const start = span * SPAN;
      const samples = [start, start + SPAN / 2, start + SPAN - SECOND].map((t) => exactOffset(t, timeZone));
      offset = samples.every((o) => o === samples[0]) ? samples[0]! : null;
      spans.set(span, offset);
    }
    return offset ?? exactOffset(time, timeZone);
  };
}

export interface DateConverter {
  toCell(instant: Date): DateCell;
  toInstant(cell: DateCell): Date;
}

/**
 * The two conversions with a memory for one read or write: a tab of 100,000
 * date cells holds a few thousand distinct days, so each is converted once,
 * with the zone's offset remembered per span (offsetMemory).
 * Cells are shared (they are never mutated); instants are fresh Dates.
 */
export function dateConverter(timeZone: string): DateConverter {
  const offsetAt = offsetMemory(timeZone);
  const cells = new Map<number, DateCell>();
  const instants = new Map<string, number>();
  return {
    toCell(instant) {
      const time = instant.getTime();
      let cell = cells.get(time);
      if (!cell) {
        cell = cellAt(time, offsetAt);
        cells.set(time, cell);
      }
      return cell;
    },
    toInstant(cell) {
      let time = instants.get(cell.iso);
      if (time === undefined) {
        time = instantOf(cell, offsetAt).getTime();
        instants.set(cell.iso, time);
      }
      return new Date(time);
    },
  };
}
