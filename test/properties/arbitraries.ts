// Hostile and random cells for the property tests: what a bad paste, a
// careless import or an attacker could put in a 共通シート. Runs are bounded
// and seeded; a failure prints its seed and path, and FC_SEED / FC_PATH
// replay it.
import fc from 'fast-check';
import { dateCell, type Cell } from '../../src/domain/cell';

export const runSettings = (numRuns: number): fc.Parameters<unknown> => ({
  numRuns,
  seed: process.env.FC_SEED ? Number(process.env.FC_SEED) : 20261122,
  ...(process.env.FC_PATH ? { path: process.env.FC_PATH } : {}),
  endOnFailure: true,
});

const FORMULAS = ['=IMPORTXML("http://example.invalid","//a")', '+cmd|\'/C calc\'!A0', '@SUM(A1:A9)', '-1+2', '=1+1', '%0A', '|whoami', '\t=HYPERLINK("x")', '\r=1', '  =2'];
const MARKUP = ['<img src=x onerror=alert(1)>', '<script>alert(1)</script>', '"><svg onload=alert(1)>', '&lt;b&gt;'];
const DATES = ['令和6年4月1日', '２０２４／４／１', 'R6.4.1', 'H31/4/30', '平成32年1月1日', '2024-02-30', '20240401', 'S50.1.1', '令和元年5月1日', '昭和64年1月8日'];
const WORDS = ['あり', 'なし', '確認中', '終結', '支援中', '受付', '地域包括支援センター', '包括', '支援会議', '重層的支援会議', '介護、住まい', '8050;ひきこもり', '男性', '2024-0001', '2024-0001'];

/** One cell: anything text, numbers, booleans and dates (real or typed) can be. */
export const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constant(''),
  fc.constantFrom(...FORMULAS, ...MARKUP, ...DATES, ...WORDS),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('あ'.repeat(10_000)),
  fc.constant('🙂👨‍👩‍👧 家族'),
  fc.integer({ min: -1e6, max: 1e9 }),
  fc.double({ noNaN: true }),
  fc.boolean(),
  fc.integer({ min: 1900, max: 2100 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => dateCell(`${y}-${String(m).padStart(2, '0')}-15`))),
);

/** A table of `width` columns and up to `maxRows` rows, with empty rows mixed in. */
export const hostileRows = (width: number, maxRows = 8): fc.Arbitrary<Cell[][]> =>
  fc.array(fc.oneof({ weight: 1, arbitrary: fc.constant(Array.from({ length: width }, (): Cell => '')) },
    { weight: 4, arbitrary: fc.array(hostileCell, { minLength: width, maxLength: width }) }), { maxLength: maxRows });
