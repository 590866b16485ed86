// 少数秘匿 over random small books (SPEC §9): the tab is read back as a reader
// reads it (what each figure prints: a number, <k or *), and the solver is
// given every printed number and every relation of §9 — months and totals,
// 分野 and 新規相談, initial + revised, the closed rows, the stock across the
// year into 前年度, 前年度 and 前年同期, the durations' n and the breakdowns.
// No hidden figure may be the one solution, and every number printed is the count.
import fc from 'fast-check';
import { workedOutCells } from '../../src/domain/counts/suppression';
import { countBook, d, printedMarks, render, type Row } from '../domain/counts/book';
import { runSettings } from './arbitraries';

const FY = 2025;
const FIELDS = ['高齢', '障害', '子ども', '困窮', 'その他', ''];
const STATUSES = ['受付', '支援中', '終結', 'つなぎもどし', '中断'];
const AREAS = ['北部', '南部', '山田太郎宅周辺', ''];

/** A day of last year or this year (FY 2024–2025), as an offset from 2024-04-01. */
const dayOf = (offset: number): string => new Date(Date.UTC(2024, 3, 1) + offset * 86_400_000).toISOString().slice(0, 10);

const smallCase = fc.record({
  received: fc.integer({ min: 0, max: 729 }),
  field: fc.constantFrom(...FIELDS),
  status: fc.constantFrom(...STATUSES),
  closedAfter: fc.option(fc.integer({ min: 0, max: 300 })),
  consentAfter: fc.option(fc.integer({ min: 0, max: 60 })),
  planAfter: fc.option(fc.integer({ min: 0, max: 120 })),
  version: fc.option(fc.integer({ min: 1, max: 3 })),
  sex: fc.constantFrom('男性', '女性', ''),
  area: fc.constantFrom(...AREAS),
});

const book = fc.array(smallCase, { maxLength: 30 }).map((drawn) => {
  const cases: Row[] = [];
  const plans: Row[] = [];
  drawn.forEach((c, i) => {
    const on = (after: number | null): Row[string] => (after === null ? '' : d(dayOf(c.received + after)));
    const closed = ['終結', 'つなぎもどし', '中断'].includes(c.status);
    cases.push({
      caseId: `P-${i}`, receivedOn: d(dayOf(c.received)), referrerField: c.field, status: c.status, sex: c.sex, area: c.area,
      closedOn: closed ? on(c.closedAfter ?? 0) : '', consentOn: on(c.consentAfter), planOn: on(c.planAfter),
    });
    if (c.version !== null) plans.push({ caseId: `P-${i}`, version: c.version, planStatus: '決定', decidedOn: on(c.planAfter ?? 10) });
  });
  return { cases, plans };
});

describe('集計 with 少数秘匿 on random small books', () => {
  it('prints no hidden count the published ones and the relations of §9 fix, and every printed number is the count', () => {
    fc.assert(fc.property(book, fc.constantFrom(3, 4, 5), fc.constantFrom('2026-05-10', '2025-11-10', '2025-04-20'), (drawn, k, today) => {
      const counts = countBook(drawn, FY, today);
      const summary = render(counts, k, today);
      const { figures, marks, printed } = printedMarks(counts, summary, k, today);
      for (const [key, shown] of printed) {
        const [r, c] = key.split(':').map(Number) as [number, number];
        if (typeof shown === 'number') expect(shown).toBe(figures.table.values[r]![c]);
        else if (shown.startsWith('<')) expect(shown).toBe(`<${k}`);
        else expect(['*', '']).toContain(shown);
      }
      expect(workedOutCells(figures.table, marks, k)).toEqual([]);
    }), runSettings(60));
  });
});
