// Operations that look at a few columns of every row (the sidebar's case
// search, a save's duplicate check) normalise only those fields and what they
// derive from; on any row that must read exactly as the whole normalised record.
import fc from 'fast-check';
import { CASE_FIELDS } from '../../src/domain/fields';
import { fieldsFor, normalizeRecord } from '../../src/domain/record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { hostileCell, runSettings } from './arbitraries';

const KEYS = CASE_FIELDS.map((f) => f.key);
const BIRTH = ['1950-06-01', '2024-04-01', 'S25.6.1', '令和6年4月1日', '1900-01-01', ''];

describe('normalising part of a case row', () => {
  it('gives each requested field the text the whole record gives it', () => {
    const raw = fc.record(Object.fromEntries(KEYS.map((k) => [k, k === 'birthDate' || k === 'receivedOn' ? fc.oneof(fc.constantFrom(...BIRTH), hostileCell) : hostileCell])));
    fc.assert(fc.property(raw, fc.subarray(KEYS, { minLength: 1 }), (record, keys) => {
      const whole = normalizeRecord(CASE_FIELDS, record, DEFAULT_SETTINGS, 'case').text;
      const part = normalizeRecord(fieldsFor(CASE_FIELDS, keys), record, DEFAULT_SETTINGS, 'case').text;
      for (const key of keys) expect(part[key]).toBe(whole[key]);
    }), runSettings(300));
  });
});
