// Random and hostile input thrown at normalisation, validation and 標準化:
// nothing throws, every problem names a row and a column, validation changes
// nothing, and 標準化 keeps every value and is idempotent.
import fc from 'fast-check';
import type { Cell } from '../../src/domain/cell';
import { CASE_FIELDS } from '../../src/domain/fields';
import { isIsoDate, normalizeKana, normalizeText, parseDate, splitList } from '../../src/domain/normalize';
import { cleanText } from '../../src/domain/normalize/text';
import { normalizeCell } from '../../src/domain/record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { standardizeCases } from '../../src/domain/standardize/standardize';
import { validateWorkbook } from '../../src/domain/validate/workbook';
import { hostileCell, hostileRows, runSettings } from './arbitraries';

const HEADER = CASE_FIELDS.map((f) => f.header);
const TODAY = '2026-11-22';

describe('normalisation of any text', () => {
  it('never throws, is idempotent, and reads a date only as a real ISO date', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), hostileCell, (text, cell) => {
      const once = normalizeText(text);
      expect(normalizeText(once)).toBe(once);
      expect(normalizeKana(normalizeKana(text))).toBe(normalizeKana(text));
      const iso = parseDate(cell);
      expect(iso === null || isIsoDate(iso)).toBe(true);
      for (const item of splitList(cell)) expect(item).not.toBe('');
    }), runSettings(300));
  });
});

describe('validation of a hostile 共通シート', () => {
  it('never throws, names a row and a column for every problem, and changes no cell', () => {
    fc.assert(fc.property(hostileRows(HEADER.length), (rows) => {
      const before = JSON.stringify(rows);
      const { problems, counts } = validateWorkbook({
        cases: { header: HEADER, rows }, activities: null, meetings: null, settings: DEFAULT_SETTINGS, today: TODAY,
      });
      expect(JSON.stringify(rows)).toBe(before);
      for (const p of problems) {
        expect(p.row).toBeGreaterThanOrEqual(2);
        expect(p.row).toBeLessThanOrEqual(rows.length + 1);
        expect(HEADER).toContain(p.column);
        expect(p.columnLetter).toMatch(/^[A-Z]+$/);
        expect(p.message).toContain(`${p.row}行目「${p.column}」`);
      }
      expect(counts.error + counts.warning).toBe(problems.length);
    }), runSettings(60));
  });
});

describe('標準化 of a hostile hand-made sheet', () => {
  // Fields 標準化 may fill in or derive: ケースID when blank, つなぎ元分野 and 年代 (SPEC §3).
  const DERIVED = new Set(['caseId', 'referrerField', 'ageBand']);

  /** A hand-made sheet: the standard columns shuffled, plus a column of the town's own. */
  const handMade = fc.tuple(hostileRows(HEADER.length + 1), fc.shuffledSubarray(HEADER.map((_, i) => i), { minLength: HEADER.length, maxLength: HEADER.length }))
    .map(([rows, order]) => ({
      header: [...order.map((i) => HEADER[i]!), '町のメモ'],
      rows: rows.map((row) => [...order.map((i) => row[i]!), row[HEADER.length]!]),
    }));

  it('never throws, keeps every value (normalised), and changes nothing the second time', () => {
    fc.assert(fc.property(handMade, (table) => {
      const first = standardizeCases(table, DEFAULT_SETTINGS);
      expect(first.header).toEqual([...HEADER, '町のメモ']);
      table.rows.forEach((row, r) => {
        table.header.forEach((header, c) => {
          const original = row[c] as Cell;
          if (original === '') return;
          const field = CASE_FIELDS.find((f) => f.header === header);
          const after = first.rows[r]![first.header.indexOf(String(header))]!;
          if (!field) expect(after).toEqual(original);
          else if (!DERIVED.has(field.key)) expect(after).toEqual(normalizeCell(field, original));
        });
      });
      const second = standardizeCases({ header: first.header, rows: first.rows }, DEFAULT_SETTINGS);
      expect(second.changed).toBe(false);
      expect(second.rows).toEqual(first.rows);
    }), runSettings(60));
  });
});

describe('normalizeText shortcut', () => {
  it('returns what the full cleanup returns, for any text', () => {
    const spacey = fc.constantFrom(' ', '\t', '\u3000', '\u00a0', '\r', '\n', '\r\n', '\u2028', 'Ａ', 'ｶﾞ', 'か', 'ﾞ', 'a', '山');
    const text = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.array(spacey, { maxLength: 12 }).map((parts) => parts.join('')), hostileCell.map(String));
    fc.assert(fc.property(text, (s) => { expect(normalizeText(s)).toBe(cleanText(s)); }), runSettings(2000));
  });
});
