// The four ways a hidden count was worked back out of the 集計 tab (issue 25,
// SPEC §9), each on a small book as the issue found it, read off the tab as a
// reader would with the same arithmetic; and free text typed as a 圏域.
import { toCsv } from '../../../src/domain/counts/csv';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import { countBook, d, isHiddenCell, mainTable, render, type Row } from './book';

const K = 3;
const FY = 2025;
/** After the year: every month reached. */
const YEAR_END = '2026-05-10';

const FIELDS = ['高齢', '障害', '子ども', '困窮', 'その他'] as const;
const label = (field: string) => `\u3000うち つなぎ元分野「${field}」（件）`;

/** `n` cases of 分野 `field` received on `on`, numbered from `from`. */
const received = (n: number, field: string, on: string, extra: Row = {}, from = 0): Row[] =>
  Array.from({ length: n }, (_, i) => ({ caseId: `X-${field}-${on}-${from + i}`, receivedOn: d(on), referrerField: field, status: '支援中', ...extra }));

/** Whether a reader can do the sum: every cell named is printed as a number. */
const allShown = (...cells: (string | number)[]): boolean => cells.every((c) => typeof c === 'number');

describe('the 前年度 column (leak 1: 障害 <3 = 24 − 10 − 5 − 4 − 3)', () => {
  // Last year: 24 new cases, 高齢 10, 障害 2, 子ども 5, 困窮 4, その他 3; this year a few.
  const lastYear = [
    ...received(10, '高齢', '2024-05-01'), ...received(2, '障害', '2024-06-01'), ...received(5, '子ども', '2024-07-01'),
    ...received(4, '困窮', '2024-08-01'), ...received(3, 'その他', '2024-09-01'),
  ];
  const thisYear = received(6, '高齢', '2025-05-01');
  const counts = countBook({ cases: [...lastYear, ...thisYear] }, FY, YEAR_END);
  const cell = mainTable(render(counts, K, YEAR_END));

  it('hides 障害 as <3, and enough besides that 新規相談 less the other 分野 does not give it', () => {
    expect(counts.previousYear?.totals['newCases.障害']).toBe(2);
    expect(cell(label('障害'), '前年度')).toBe('<3');
    const others = FIELDS.filter((f) => f !== '障害').map((f) => cell(label(f), '前年度'));
    expect(allShown(cell('新規相談（件）', '前年度'), ...others)).toBe(false);
  });
});

describe('the stock and its flows (leak 2: new(m) = open(m) − open(m−1) + closures(m))', () => {
  // 9 cases open since last year; in June 2 new cases and 1 closing; 5 more in August.
  const cases = [
    ...received(9, '高齢', '2024-10-01'),
    ...received(2, '障害', '2025-06-10'),
    ...received(5, '子ども', '2025-08-01'),
    { caseId: 'C-1', receivedOn: d('2024-11-01'), referrerField: '困窮', status: '終結', closedOn: d('2025-06-20') },
  ];
  const counts = countBook({ cases }, FY, YEAR_END);
  const summary = render(counts, K, YEAR_END);
  const cell = mainTable(summary);

  it('does not print 月末の継続ケース month by month with 少数秘匿 on, and says why', () => {
    expect(counts.metrics['newCases']!.monthly[2]).toBe(2);
    expect(cell('新規相談（件）', '6月')).toBe('<3');
    for (const month of ['5月', '6月', '7月']) expect(cell('月末の継続ケース（件）', month)).toBe('');
    const notes = summary.cells.map((r) => String(r[0])).join('\n');
    expect(notes).toContain('月末の継続ケースは、少数秘匿のため月ごとには示さず');
  });

  it('and over the year, 3月末 less 前年度末 plus the closures does not give a hidden 新規相談', () => {
    // 3月末 = 前年度末 + 新規相談 − 終結 − つなぎもどし − 中断, all on the tab.
    const terms = [cell('月末の継続ケース（件）', '合計'), cell('月末の継続ケース（件）', '前年度'), cell('新規相談（件）', '合計'),
      cell('終結（件）', '合計'), cell('つなぎもどし（件）', '合計'), cell('中断（件）', '合計')];
    expect(terms.filter(isHiddenCell).length === 0 || terms.filter(isHiddenCell).length >= 2).toBe(true);
    // The closed rows hold a <3 (終結 1): it must not be the only hidden one.
    expect(cell('終結（件）', '合計')).toBe('<3');
    expect(terms.filter(isHiddenCell).length).toBeGreaterThanOrEqual(2);
  });

  it('with 少数秘匿 off, still prints the monthly stock and its chart', () => {
    const open = mainTable(render(counts, 0, YEAR_END));
    // 5月末 9 + C-1 = 10; in June 2 new, C-1 closed.
    expect(open('月末の継続ケース（件）', '6月')).toBe(11);
    expect(render(counts, 0, YEAR_END).charts.map((c) => c.type)).toContain('LINE');
  });
});

describe('the durations (leak 3: 「終結・つなぎもどし・中断した11件」 with 終結 10 and 中断 0 gives つなぎもどし 1)', () => {
  const closed = (n: number, status: string, from: number): Row[] => Array.from({ length: n }, (_, i) => ({
    caseId: `D-${from + i}`, receivedOn: d('2025-04-10'), referrerField: '高齢', status, closedOn: d(`2025-${String(5 + ((from + i) % 6)).padStart(2, '0')}-15`),
  }));
  const cases = [...closed(10, '終結', 0), ...closed(1, 'つなぎもどし', 10), ...received(3, '障害', '2025-04-20')];
  const counts = countBook({ cases }, FY, YEAR_END);
  const summary = render(counts, K, YEAR_END);
  const cell = mainTable(summary);
  const text = summary.cells.flat().map(String).join('\n');

  it('does not state the 11 closed cases beside 終結 10 and 中断 0', () => {
    expect(counts.durations.receivedToClosed.n).toBe(11);
    expect(isHiddenCell(cell('つなぎもどし（件）', '合計'))).toBe(true);
    const statesEleven = text.includes('中断した11件') || summary.cells.find((r) => r[0] === '受付→終結')?.[1] === 11;
    expect(statesEleven && allShown(cell('終結（件）', '合計'), cell('中断（件）', '合計'))).toBe(false);
  });

  it('hides a duration\'s n that equals a hidden total (2 consents, 受付→同意 n 2)', () => {
    const withConsent = [...received(2, '高齢', '2025-04-05', { consentOn: d('2025-05-01') }), ...received(6, '障害', '2025-04-06')];
    const consent = countBook({ cases: withConsent }, FY, YEAR_END);
    const shown = render(consent, K, YEAR_END);
    expect(mainTable(shown)('本人同意の取得（件）', '合計')).toBe('<3');
    expect(shown.cells.find((r) => r[0] === '受付→同意')?.[1]).not.toBe(2);
    expect(shown.cells.flat().map(String).join('\n')).not.toContain('本人同意を得た2件');
  });
});

describe('plansDecided = initial + revised (leak 4)', () => {
  // In July 5 plans decided: 4 first plans and 1 revision.
  const cases = received(5, '高齢', '2025-04-10');
  const plans: Row[] = cases.map((c, i) => ({ caseId: c.caseId, version: i === 0 ? 2 : 1, planStatus: '決定', decidedOn: d('2025-07-10') }));
  const counts = countBook({ cases, plans }, FY, YEAR_END);
  const cell = mainTable(render(counts, K, YEAR_END));

  it('hides the revision, and 決定 or 初回 with it, in the month and in the total', () => {
    expect(counts.metrics['plansDecided.revised']!.total).toBe(1);
    for (const column of ['7月', '合計']) {
      expect(cell('\u3000うち 見直したプラン（件）', column)).toBe('<3');
      expect(allShown(cell('支援プランの決定（件）', column), cell('\u3000うち 初回のプラン（件）', column))).toBe(false);
    }
  });
});

describe('free text typed as a 圏域 (leak 5)', () => {
  const FREE = '山田太郎宅周辺（本町3-4-5）';
  const cases = [...received(4, '高齢', '2025-05-01', { area: FREE }), ...received(3, '障害', '2025-05-02', { area: '' })];

  it('with 設定 圏域 empty, counts every typed 圏域 under その他 and a blank one under 未入力: on the tab, in the CSV and in the JSON keys', () => {
    const counts = countBook({ cases }, FY, YEAR_END);
    expect(counts.breakdowns.area).toEqual({ その他: 4, 未入力: 3 });
    const summary = render(counts, K, YEAR_END);
    expect(JSON.stringify(counts)).not.toContain('山田');
    expect(toCsv(summary.cells)).not.toContain('山田');
    expect(summary.cells.flat().map(String).join('\n')).not.toContain('本町');
  });

  it('with 設定 listing 圏域, names only those, the rest under その他', () => {
    const settings = { ...DEFAULT_SETTINGS, areas: ['北部', '南部'] };
    const counts = countBook({ cases: [...cases, ...received(2, '子ども', '2025-06-01', { area: '北部' })], settings }, FY, YEAR_END);
    expect(counts.breakdowns.area).toEqual({ 北部: 2, 南部: 0, その他: 4, 未入力: 3 });
  });
});
