// The summary as cells (suppression, blank future months, labels, charts),
// the CSV Excel reads, and the fiscal-year helpers.
import { toCsv } from '../../../src/domain/counts/csv';
import { fiscalMonths, monthIndexOf, parseFiscalYear, warekiFiscalYear } from '../../../src/domain/counts/fiscalYear';
import type { CountsResult } from '../../../src/domain/counts/metrics';
import { renderSummary, type Summary } from '../../../src/domain/counts/render';

const MEETINGS = ['支援会議', '重層的支援会議'];

/** Counts where every metric's month i holds `value(i)` and the total is given. */
function counts(value: (i: number) => number, total: number, skipped: CountsResult['skipped'] = []): CountsResult {
  const keys = [
    'newCases', 'newCases.高齢', 'newCases.障害', 'newCases.子ども', 'newCases.困窮', 'newCases.その他', 'consentObtained',
    'plansCreated', 'closed.終結', 'closed.つなぎもどし', 'closed.中断', 'openAtMonthEnd',
    ...MEETINGS.flatMap((t) => [`meetings.${t}.held`, `meetings.${t}.cases`]),
    'outreach.count', 'outreach.persons', 'outreach.visitors', 'participation.count', 'participation.persons',
  ];
  const monthly = Array.from({ length: 12 }, (_, i) => value(i));
  return {
    fiscalYear: 2024, months: fiscalMonths(2024),
    metrics: Object.fromEntries(keys.map((k) => [k, { monthly: [...monthly], total }])),
    breakdowns: { lifeAreas: {}, tags: {}, ageBand: {}, sex: {}, area: {} },
    durations: { receivedToConsent: { n: 0, median: null }, receivedToPlan: { n: 0, median: null }, receivedToClosed: { n: 0, median: null } },
    targets: {}, partialMonth: null, previousYear: null, skipped,
  };
}

const rowOf = (summary: Summary, label: string): (string | number)[] => {
  const row = summary.cells.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
};
const text = (summary: Summary): string => summary.cells.map((r) => r.join('\t')).join('\n');

describe('renderSummary', () => {
  const summary = renderSummary(counts((i) => i, 66), { builtOn: '2026-11-22', threshold: 0, meetingTypes: MEETINGS });

  it('titles the tab with the fiscal year in 西暦 and 和暦 and the build date', () => {
    expect(summary.sheetName).toBe('集計_2024年度');
    expect(summary.cells[0]?.[0]).toBe('2024年度（令和6年度） 月次集計');
    expect(summary.cells[1]?.[0]).toBe('作成日：2026年11月22日（日）・令和8年11月22日　対象：2024年4月〜2025年3月の共通シート・支援記録・会議記録');
    expect(summary.cells[2]?.[0]).toBe('集計から除いた行：なし');
  });

  it('has one table of months by metric, labelled in Japanese, with the total and how it is made', () => {
    const header = summary.cells[summary.frozenRows - 1];
    expect(header).toEqual(['項目', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '合計', '合計の数え方']);
    expect(rowOf(summary, '新規相談（件）')).toEqual(['新規相談（件）', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 66, '各月の合計（延べ）']);
    expect(rowOf(summary, '月末の継続ケース（件）').at(-1)).toBe('3月末の値');
    expect(rowOf(summary, 'アウトリーチ 実人数（人）').at(-1)).toBe('年度内の実人数（重複なし）');
    for (const label of ['　うち つなぎ元分野「高齢」（件）', '支援会議 開催回数（回）', '重層的支援会議 検討ケース数（延べ件数）', '参加支援 延べ件数（件）']) {
      expect(rowOf(summary, label)).toHaveLength(15);
    }
  });

  it('lays the chart table out month by month, and the two charts draw from it', () => {
    const at = summary.cells.findIndex((r) => r[0] === '月');
    expect(summary.cells[at]?.slice(0, 7)).toEqual(['月', '高齢', '障害', '子ども', '困窮', 'その他', '月末の継続ケース']);
    expect(summary.cells[at + 1]?.slice(0, 7)).toEqual(['4月', 0, 0, 0, 0, 0, 0]);
    expect(summary.cells[at + 12]?.slice(0, 7)).toEqual(['3月', 11, 11, 11, 11, 11, 11]);
    const [column, line] = summary.charts.filter((c) => c.type !== 'BAR');
    expect(column).toMatchObject({ type: 'COLUMN', stacked: true, ranges: [{ row: at + 1, column: 1, numRows: 13, numColumns: 6 }] });
    expect(line).toMatchObject({ type: 'LINE', ranges: [{ row: at + 1, column: 1, numRows: 13, numColumns: 1 }, { row: at + 1, column: 7, numRows: 13, numColumns: 1 }] });
    expect(column!.row).toBeGreaterThan(at + 13);
  });

  it('shows counts 1 … k-1 as <k, totals too, when 設定 sets a threshold k', () => {
    const small = renderSummary(counts((i) => i % 4, 3), { builtOn: '2026-11-22', threshold: 3, meetingTypes: MEETINGS });
    expect(rowOf(small, '新規相談（件）').slice(1, 14)).toEqual([0, '<3', '<3', 3, 0, '<3', '<3', 3, 0, '<3', '<3', 3, 3]);
    expect(text(small)).toContain('1〜2の値は「<3」と表示しています');
    expect(text(small)).not.toMatch(/\t[12]\t/);
    // k = 1 hides nothing.
    expect(rowOf(renderSummary(counts(() => 1, 12), { builtOn: '2026-11-22', threshold: 1, meetingTypes: MEETINGS }), '新規相談（件）')[1]).toBe(1);
  });

  it('leaves months that have not begun blank in the year still running', () => {
    const running = renderSummary(counts(() => 1, 12), { builtOn: '2024-11-05', threshold: 0, meetingTypes: MEETINGS });
    expect(rowOf(running, '新規相談（件）').slice(1, 14)).toEqual([1, 1, 1, 1, 1, 1, 1, 1, '', '', '', '', 12]);
    expect(text(running)).toContain('まだ来ていない月は空欄です');
  });

  it('says how many rows were left out, counting a row with two reasons once, and where to look', () => {
    const skipped = [
      { sheet: '共通シート', row: 5, reason: 'a' }, { sheet: '共通シート', row: 5, reason: 'b' }, { sheet: '支援記録', row: 5, reason: 'c' },
    ];
    const withSkips = renderSummary(counts(() => 0, 0, skipped), { builtOn: '2026-11-22', threshold: 0, meetingTypes: MEETINGS });
    expect(withSkips.cells[2]?.[0]).toBe('集計から除いた行：2行（日付が読めない・空欄など）。行番号と理由は、サイドバーの「集計」で確認できます。');
  });
});

describe('toCsv', () => {
  it('writes UTF-8 text with a BOM and CRLF, quoting as RFC 4180 says', () => {
    const csv = toCsv([['項目', '4月', '合計'], ['新規相談（件）', 3, '<3'], ['a,b', 'say "hi"', 'two\nlines']]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toBe('\uFEFF項目,4月,合計\r\n新規相談（件）,3,<3\r\n"a,b","say ""hi""","two\nlines"\r\n');
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
  });

  it('keeps text Excel would run as a formula from being one', () => {
    expect(toCsv([['=HYPERLINK("x")', '+1', '@a', '-b', ' =c', 5]])).toBe('\uFEFF"\'=HYPERLINK(""x"")",\'+1,\'@a,\'-b,\' =c,5\r\n');
  });
});

describe('fiscal years', () => {
  it('runs April to March', () => {
    expect(fiscalMonths(2024)[0]).toBe('2024-04');
    expect(fiscalMonths(2024)[11]).toBe('2025-03');
    expect(monthIndexOf('2024-04-01', 2024)).toBe(0);
    expect(monthIndexOf('2025-03-31', 2024)).toBe(11);
    expect(monthIndexOf('2024-03-31', 2024)).toBe(-1);
    expect(monthIndexOf('2025-04-01', 2024)).toBe(-1);
    expect(monthIndexOf('2024-02-29', 2023)).toBe(10);
  });

  it('names a year by the era holding most of it', () => {
    expect(warekiFiscalYear(2024)).toBe('令和6年度');
    expect(warekiFiscalYear(2019)).toBe('令和元年度');
    expect(warekiFiscalYear(2018)).toBe('平成30年度');
    expect(warekiFiscalYear(1988)).toBe('昭和63年度');
  });

  it.each([
    ['2024', 2024], ['２０２４年度', 2024], ['2024年', 2024], ['令和6年度', 2024], ['R6', 2024], ['ｒ６', 2024],
    ['令和元年度', 2019], ['平成31年度', 2019], ['平成30', 2018],
  ])('reads 「%s」 as %i', (typed, year) => {
    expect(parseFiscalYear(typed)).toBe(year);
  });

  it.each(['', 'abc', '24', '1999', '2101', '令和', '平成32年度'])('refuses 「%s」', (typed) => {
    expect(parseFiscalYear(typed)).toBeNull();
  });
});
