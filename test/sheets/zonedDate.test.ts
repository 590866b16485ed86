// The one-call date conversion and its per-read memory give exactly what the
// original six-calls-per-date conversion gave, in Tokyo (with its 1948–1951
// summer time) and in zones with daylight saving, half-hour offsets and a
// skipped day.
import fc from 'fast-check';
import { dateCell, type DateCell } from '../../src/domain/cell';
import { dateCellToInstant, dateConverter, instantToDateCell } from '../../src/sheets/zonedDate';
import { runSettings } from '../properties/arbitraries';

/** The conversion as it was before: one formatToParts per part. */
function referenceParts(instant: Date, timeZone: string): number[] {
  const formatter = new Intl.DateTimeFormat('en-US', {
    timeZone, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric',
  });
  const part = (type: string): number => Number(formatter.formatToParts(instant).find((p) => p.type === type)?.value ?? 0);
  return [part('year'), part('month'), part('day'), part('hour'), part('minute'), part('second')];
}
const pad = (n: number, width = 2): string => String(n).padStart(width, '0');
function referenceToCell(instant: Date, timeZone: string): DateCell {
  const [y, mo, d, h, mi, s] = referenceParts(instant, timeZone) as [number, number, number, number, number, number];
  const day = `${pad(y, 4)}-${pad(mo)}-${pad(d)}`;
  return dateCell(h || mi || s ? `${day}T${pad(h)}:${pad(mi)}:${pad(s)}` : day);
}
function referenceToInstant(cell: DateCell, timeZone: string): Date {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(cell.iso)!;
  const wanted = Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0));
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const [y, mo, d, h, mi, s] = referenceParts(new Date(guess), timeZone) as [number, number, number, number, number, number];
    guess += wanted - Date.UTC(y, mo - 1, d, h, mi, s);
  }
  return new Date(guess);
}

const ZONES = ['Asia/Tokyo', 'UTC', 'America/New_York', 'Europe/London', 'Australia/Lord_Howe', 'Asia/Kolkata', 'Pacific/Apia', 'America/Sao_Paulo'];
const zone = fc.constantFrom(...ZONES);
/** Years 1900–2100, weighted to Japan's summer-time years and the DST switch days of the others. */
const instant = fc.oneof(
  fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2100, 11, 31) }),
  fc.integer({ min: Date.UTC(1948, 0, 1), max: Date.UTC(1952, 0, 1) }),
  fc.integer({ min: Date.UTC(2011, 11, 28), max: Date.UTC(2012, 0, 2) }),
  fc.tuple(fc.integer({ min: 1970, max: 2030 }), fc.constantFrom(2, 3, 9, 10), fc.integer({ min: 0, max: 30 * 24 }))
    .map(([y, m, hours]) => Date.UTC(y, m, 1) + hours * 3_600_000),
).map((t) => new Date(t));
/** Calendar cells as a sheet holds them: midnight mostly, some with a time of day. */
const calendarCell = fc.tuple(
  fc.integer({ min: 1900, max: 2100 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }),
  fc.option(fc.tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), fc.integer({ min: 0, max: 59 }))),
).map(([y, m, d, time]) => dateCell(`${pad(y, 4)}-${pad(m)}-${pad(d)}${time ? `T${pad(time[0])}:${pad(time[1])}:${pad(time[2])}` : ''}`));

describe('date conversion', () => {
  it('turns an instant into the same calendar cell as the original conversion, directly and through the memory', () => {
    fc.assert(fc.property(zone, fc.array(instant, { minLength: 1, maxLength: 20 }), (timeZone, instants) => {
      const dates = dateConverter(timeZone);
      for (const at of [...instants, ...instants]) {
        const expected = referenceToCell(at, timeZone);
        expect(instantToDateCell(at, timeZone)).toEqual(expected);
        expect(dates.toCell(at)).toEqual(expected);
      }
    }), runSettings(200));
  });

  it('turns a calendar cell into the same instant as the original conversion, a fresh Date each time', () => {
    fc.assert(fc.property(zone, fc.array(calendarCell, { minLength: 1, maxLength: 20 }), (timeZone, cells) => {
      const dates = dateConverter(timeZone);
      for (const cell of [...cells, ...cells]) {
        const expected = referenceToInstant(cell, timeZone).getTime();
        expect(dateCellToInstant(cell, timeZone).getTime()).toBe(expected);
        const first = dates.toInstant(cell);
        first.setTime(0); // a caller changing its Date must not change the next one
        expect(dates.toInstant(cell).getTime()).toBe(expected);
      }
    }), runSettings(200));
  });

  it('keeps Tokyo midnight in the summer-time years as the same day both ways', () => {
    const cell = dateCell('1949-07-01');
    const at = dateCellToInstant(cell, 'Asia/Tokyo');
    expect(at.toISOString()).toBe('1949-06-30T14:00:00.000Z'); // UTC+10 that summer
    expect(dateConverter('Asia/Tokyo').toCell(at)).toEqual(cell);
  });
});
