// Secondary suppression (SPEC §9): no count 1 … k-1 can be worked out from
// what the table shows and what adds up. Proved by an attacker that tries every
// value of every hidden cell (small tables), and on the summary tab itself.
import fc from 'fast-check';
import { fiscalMonths } from '../../../src/domain/counts/fiscalYear';
import type { CountsResult } from '../../../src/domain/counts/metrics';
import { renderSummary } from '../../../src/domain/counts/render';
import {
  groupEquations, rowSumEquations, SECONDARY_MARK, sumEquation, suppressCounts, workedOutCells, type CountEquation, type CountMark, type CountTable,
} from '../../../src/domain/counts/suppression';
import { runSettings } from '../../properties/arbitraries';

/**
 * The <k cells a reader can work out: for each, whether some other value in
 * 1 … k-1 fits every shown cell and every sum, trying every value of every
 * hidden cell (a reader's bound on a hidden cell is the table's whole sum,
 * which the true value never exceeds).
 */
function workedOut(table: CountTable, marks: readonly (readonly CountMark[])[], k: number): string[] {
  const hidden: [number, number][] = [];
  marks.forEach((row, r) => row.forEach((m, c) => { if (m !== 'shown') hidden.push([r, c]); }));
  const upper = table.values.flat().reduce((a, b) => a + b, 0);
  const domain = ([r, c]: readonly [number, number]): [number, number] =>
    (marks[r]![c] === 'shown' ? [table.values[r]![c]!, table.values[r]![c]!] : marks[r]![c] === 'small' ? [1, k - 1] : [0, upper]);
  const fits = (assigned: Map<string, number>): boolean => table.equations.every((e: CountEquation) => {
    const range = (cell: readonly [number, number]): [number, number] => {
      const v = assigned.get(`${cell[0]}:${cell[1]}`);
      return v === undefined ? domain(cell) : [v, v];
    };
    const left = e.left.map(range);
    const right = e.right.map(range);
    const sum = (side: [number, number][], i: 0 | 1): number => side.reduce((s, p) => s + p[i], 0);
    return sum(left, 0) <= sum(right, 1) && sum(left, 1) >= sum(right, 0);
  });
  const solvable = (assigned: Map<string, number>, i: number): boolean => {
    if (!fits(assigned)) return false;
    if (i === hidden.length) return true;
    const cell = `${hidden[i]![0]}:${hidden[i]![1]}`;
    if (assigned.has(cell)) return solvable(assigned, i + 1);
    const [lo, hi] = domain(hidden[i]!);
    for (let v = lo; v <= hi; v++) {
      if (solvable(new Map(assigned).set(cell, v), i + 1)) return true;
    }
    return false;
  };
  return hidden.filter(([r, c]) => marks[r]![c] === 'small').map(([r, c]) => `${r}:${c}`)
    .filter((cell) => {
      const [r, c] = cell.split(':').map(Number) as [number, number];
      const others = Array.from({ length: k - 1 }, (_, i) => i + 1).filter((v) => v !== table.values[r]![c]);
      return !others.some((v) => solvable(new Map([[cell, v]]), 0));
    });
}

const exposedCells = (table: CountTable, k: number): string[] => {
  return workedOut(table, suppressCounts(table, k), k);
};

describe('suppressCounts', () => {
  it('hides the total of a row whose four <3 months add up to it (4 = 1+1+1+1)', () => {
    const table: CountTable = { values: [[1, 1, 1, 1, 0, 4]], equations: rowSumEquations([0], [0, 1, 2, 3, 4], 5) };
    const marks = suppressCounts(table, 3);
    expect(marks[0]).toEqual(['small', 'small', 'small', 'small', 'shown', 'secondary']);
    expect(exposedCells(table, 3)).toEqual([]);
  });

  it('hides a second 分野 when one is <3 and 新規相談 and the others are shown', () => {
    // rows: 新規相談, then 高齢 障害 子ども 困窮 その他; one month and its total
    const table: CountTable = {
      values: [[9, 9], [2, 2], [4, 4], [3, 3], [0, 0], [0, 0]],
      equations: [...groupEquations(0, [1, 2, 3, 4, 5], [0, 1]), ...rowSumEquations([0, 1, 2, 3, 4, 5], [0], 1)],
    };
    const marks = suppressCounts(table, 3);
    expect(marks.flat().filter((m) => m === 'secondary').length).toBeGreaterThan(0);
    expect(marks[4]).toEqual(['shown', 'shown']); // a 0 hidden would add no doubt
    expect(exposedCells(table, 3)).toEqual([]);
  });

  it('works out what only the relations together fix (x+y = 10, x+z = 7, y+z = 9 gives 4, 6, 3), beyond bounds on each sum', () => {
    const table: CountTable = {
      values: [[4, 6, 3, 10, 7, 9]],
      equations: [sumEquation([0, 3], [[0, 0], [0, 1]]), sumEquation([0, 4], [[0, 0], [0, 2]]), sumEquation([0, 5], [[0, 1], [0, 2]])],
    };
    const hidden: CountMark[][] = [['secondary', 'secondary', 'secondary', 'shown', 'shown', 'shown']];
    expect(workedOutCells(table, hidden, 3)).toEqual([[0, 0], [0, 1], [0, 2]]);
    // With one sum hidden too, nothing is fixed any more.
    expect(workedOutCells(table, [['secondary', 'secondary', 'secondary', 'secondary', 'shown', 'shown']], 3)).toEqual([]);
  });

  it('treats a difference as a relation too: the stock 9 + new <3 − closed 0 = 11 gives new 2', () => {
    // open(m-1), new(m), closed(m), open(m): open(m) + closed(m) = open(m-1) + new(m)
    const table: CountTable = { values: [[9, 2, 0, 11]], equations: [{ left: [[0, 3], [0, 2]], right: [[0, 0], [0, 1]] }] };
    expect(workedOutCells(table, [['shown', 'small', 'shown', 'shown']], 3)).toEqual([[0, 1]]);
    const marks = suppressCounts(table, 3);
    expect(marks[0]!.filter((m) => m !== 'shown').length).toBeGreaterThanOrEqual(2);
    expect(exposedCells(table, 3)).toEqual([]);
  });

  it('leaves a table alone when nothing can be worked out, and does nothing for k ≤ 2', () => {
    const table: CountTable = { values: [[5, 7, 12]], equations: rowSumEquations([0], [0, 1], 2) };
    expect(suppressCounts(table, 3)).toEqual([['shown', 'shown', 'shown']]);
    expect(suppressCounts({ values: [[1, 7, 8]], equations: table.equations }, 2)).toEqual([['small', 'shown', 'shown']]);
  });

  it('for random tables of rows, their totals and a group row, no <k count can be worked out', () => {
    const grid = fc.record({
      k: fc.constantFrom(3, 4),
      parts: fc.array(fc.array(fc.nat({ max: 5 }), { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 2 }),
    });
    fc.assert(fc.property(grid, ({ k, parts }) => {
      const withTotals = parts.map((row) => [...row, row.reduce((a, b) => a + b, 0)]);
      const group = withTotals[0]!.map((_, c) => withTotals.reduce((s, row) => s + row[c]!, 0));
      const table: CountTable = {
        values: [group, ...withTotals],
        equations: [...rowSumEquations([0, 1, 2], [0, 1, 2], 3), ...groupEquations(0, [1, 2], [0, 1, 2, 3])],
      };
      expect(exposedCells(table, k)).toEqual([]);
    }), runSettings(150));
  });
});

describe('the summary tab with 少数秘匿', () => {
  const keys = [
    'newCases', 'newCases.高齢', 'newCases.障害', 'newCases.子ども', 'newCases.困窮', 'newCases.その他', 'consentObtained',
    'plansCreated', 'closed.終結', 'closed.つなぎもどし', 'closed.中断', 'openAtMonthEnd', 'outreach.count', 'outreach.persons',
    'outreach.visitors', 'participation.count', 'participation.persons',
  ];
  const month = (values: readonly number[]) => ({ monthly: [...values, ...new Array<number>(12 - values.length).fill(0)], total: values.reduce((a, b) => a + b, 0) });
  const counts: CountsResult = {
    fiscalYear: 2024, months: fiscalMonths(2024), skipped: [],
    breakdowns: { lifeAreas: {}, tags: {}, ageBand: {}, sex: {}, area: {} },
    // As the engine counts them: one duration for each consent, plan and closing of the year.
    durations: { receivedToConsent: { n: 18, median: 5 }, receivedToPlan: { n: 18, median: 5 }, receivedToClosed: { n: 40, median: 5 } },
    targets: {}, partialMonth: null, previousYear: null,
    metrics: {
      ...Object.fromEntries(keys.map((k) => [k, month([5, 6, 7])])),
      newCases: month([6, 9, 5]),
      'newCases.高齢': month([1, 4, 2]),
      'newCases.障害': month([5, 5, 3]),
      'newCases.子ども': month([0, 0, 0]),
      'newCases.困窮': month([0, 0, 0]),
      'newCases.その他': month([0, 0, 0]),
      'closed.中断': month([1, 1, 1, 1]),
    },
  };
  const summary = renderSummary(counts, { builtOn: '2026-11-22', threshold: 3, meetingTypes: [] });
  const row = (label: string) => summary.cells.find((r) => r[0] === label)!.slice(1, 14);

  it('hides what row totals and 新規相談 against its 分野 rows would reveal, with its own mark, and says what both marks mean', () => {
    expect(row('中断（件）')).toEqual(['<3', '<3', '<3', '<3', 0, 0, 0, 0, 0, 0, 0, 0, SECONDARY_MARK]);
    const elderly = row('\u3000うち つなぎ元分野「高齢」（件）');
    expect(elderly[0]).toBe('<3');
    // 新規相談 6 = 高齢 1 + 障害 5: with 高齢 hidden, 障害 or 新規相談 in April must go too.
    expect([row('新規相談（件）')[0], row('\u3000うち つなぎ元分野「障害」（件）')[0]]).toContain(SECONDARY_MARK);
    const notes = summary.cells.map((r) => String(r[0])).filter((t) => t.startsWith('注：')).join('\n');
    expect(notes).toContain('「<3」と表示');
    expect(notes).toContain(`「${SECONDARY_MARK}」：`);
    expect(notes).toContain('0のことも、3以上のこともあります');
  });

  it('shows the chart table with the same marks as the main table', () => {
    const chartRow = summary.cells.find((r, i) => r[0] === '4月' && i > 20)!;
    expect(chartRow[1]).toBe(row('\u3000うち つなぎ元分野「高齢」（件）')[0]);
    expect(chartRow[2]).toBe(row('\u3000うち つなぎ元分野「障害」（件）')[0]);
  });
});
