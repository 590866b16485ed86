// 標準化's plan on hand-made layouts (SPEC §7): where the table is, which rows
// are cases, how each column maps, and that every value keeps its meaning.
// Each expected value is written out by hand.
import { cellText, dateCell, type Cell } from '../../src/domain/cell';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import type { Merge, SourceGrid } from '../../src/domain/standardize/layout';
import { planStandardize, type StandardizeOutcome } from '../../src/domain/standardize/plan';

/** A tab as read: values, optional shown text and formulas by "row,column" (0-based), merges. */
function grid(values: Cell[][], extra: { shown?: Record<string, string>; formulas?: Record<string, string>; merges?: Merge[] } = {}): SourceGrid {
  const width = Math.max(...values.map((r) => r.length));
  const full = values.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? ''));
  return {
    values: full,
    shown: full.map((r, i) => r.map((v, c) => extra.shown?.[`${i},${c}`] ?? cellText(v))),
    formulas: full.map((r, i) => r.map((_, c) => extra.formulas?.[`${i},${c}`] ?? '')),
    merges: extra.merges ?? [],
  };
}

/** An output row's non-blank cells by header. */
function rowOf(plan: StandardizeOutcome, index: number): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  plan.header.forEach((h, i) => {
    const cell = plan.rows[index]?.[i] ?? '';
    if (cell !== '') out[h] = cell;
  });
  return out;
}

const mappingOf = (plan: StandardizeOutcome) => plan.mapping.map((m) => `${m.column}:${m.source}→${m.to}`);

describe('finding the table', () => {
  it('takes the header below a title and a 作成日 line, and leaves those lines out', () => {
    const plan = planStandardize(grid([
      ['令和6年度　相談受付一覧'],
      ['作成日：令和6年5月1日'],
      [],
      ['受付日', '氏名', 'つなぎ元', '相談内容'],
      ['令和6年4月1日', '山田 花', '地域包括支援センター', '介護の相談'],
    ]), DEFAULT_SETTINGS);
    expect(plan.layout.headerIndex).toBe(3);
    expect(mappingOf(plan)).toEqual(['A:受付日→受付日', 'B:氏名→本人氏名', 'C:つなぎ元→つなぎ元機関', 'D:相談内容→相談の概要']);
    expect(plan.leftOutRows).toEqual([
      { row: 1, reason: '表の上にある表題・日付などの行' },
      { row: 2, reason: '表の上にある表題・日付などの行' },
    ]);
    expect(plan.rows).toHaveLength(1);
    expect(rowOf(plan, 0)).toMatchObject({ 本人氏名: '山田 花', 受付日: dateCell('2024-04-01'), ケースID: '2024-0001' });
  });

  it('reads a two-row header as one: the sub-header names its column, the group does not', () => {
    // 受付 merged over A3:B3 with 番号 / 受付日 under it; 氏名 and 生年月日 merged down over two rows.
    const plan = planStandardize(grid([
      ['相談受付一覧'],
      [],
      ['受付', '', '氏名', '生年月日'],
      ['番号', '受付日', '', ''],
      [1, dateCell('2024-04-01'), '山田 花', dateCell('1950-06-01')],
      [2, dateCell('2024-04-02'), '鈴木 次', ''],
    ], { merges: [
      { row: 0, column: 0, numRows: 1, numColumns: 4 },
      { row: 2, column: 0, numRows: 1, numColumns: 2 },
      { row: 2, column: 2, numRows: 2, numColumns: 1 },
      { row: 2, column: 3, numRows: 2, numColumns: 1 },
    ] }), DEFAULT_SETTINGS);
    expect(plan.layout.headerIndex).toBe(3);
    expect(mappingOf(plan)).toEqual(['A:受付／番号→keep', 'B:受付／受付日→受付日', 'C:氏名→本人氏名', 'D:生年月日→生年月日']);
    expect(plan.leftOutRows).toEqual([{ row: 1, reason: '表の上にある表題・日付などの行' }]);
    expect(plan.rows.map((_, i) => rowOf(plan, i))).toEqual([
      expect.objectContaining({ 受付日: dateCell('2024-04-01'), '受付／番号': 1, 本人氏名: '山田 花', ケースID: '2024-0001' }),
      expect.objectContaining({ 受付日: dateCell('2024-04-02'), '受付／番号': 2, 本人氏名: '鈴木 次', ケースID: '2024-0002' }),
    ]);
  });

  it('leaves out 合計, 【4月】 separators, blank lines, repeated headers and rows of empty formula results, each with its reason', () => {
    const header = ['受付日', '氏名', '相談内容'];
    const plan = planStandardize(grid([
      header,
      ['【4月】'],
      ['2024/4/1', '山田 花', '介護'],
      [],
      header,
      ['５月分'],
      ['2024/5/7', '鈴木 次', '家計'],
      ['合計', '11件', ''],
      ['', '', ''],
      ['', '', ''],
    ], { formulas: { '8,0': '=IF(B9="","",ROW()-1)', '9,0': '=IF(B10="","",ROW()-1)' } }), DEFAULT_SETTINGS);
    expect(plan.leftOutRows).toEqual([
      { row: 2, reason: '区切りの行（【4月】）' },
      { row: 4, reason: '空の行' },
      { row: 5, reason: '見出しの繰り返し' },
      { row: 6, reason: '区切りの行（５月分）' },
      { row: 8, reason: '合計の行（合計）' },
      { row: 9, reason: '数式だけで値のない行（数式の結果が空）' },
      { row: 10, reason: '数式だけで値のない行（数式の結果が空）' },
    ]);
    expect(plan.rows.map((_, i) => rowOf(plan, i).本人氏名)).toEqual(['山田 花', '鈴木 次']);
    expect(plan.sourceRows).toEqual([2, 6]);
  });
});

describe('columns the add-on is not sure of', () => {
  const values: Cell[][] = [
    ['受付日', '対象者名', '氏名（漢字）', 'ふりがな', '生年月日（和暦）', '年齢', '担当'],
    ['2024/4/1', '山田 花', '山田花', 'やまだ はな', '昭和25年6月1日', 74, '佐藤'],
    ['2024/4/2', '鈴木 次', '鈴木次', 'すずき つぎ', '', '45歳', ''],
  ];

  it('reads what towns write, turns plain ages into 年代, and asks about 担当 instead of guessing', () => {
    const plan = planStandardize(grid(values), DEFAULT_SETTINGS);
    expect(plan.mapping.map((m) => [m.column, m.to, m.question !== null])).toEqual([
      ['A', '受付日', false], ['B', '本人氏名', false], ['C', 'keep', false], ['D', '本人氏名カナ', false],
      ['E', '生年月日', false], ['F', '年代', false], ['G', 'keep', true],
    ]);
    expect(rowOf(plan, 1).年代).toBe('40代');
    expect(rowOf(plan, 0)).toMatchObject({ 生年月日: dateCell('1950-06-01'), 担当: '佐藤' });
    expect(plan.carried.filter((c) => c.kind === 'age').map((c) => [c.before, c.after])).toEqual([['74', '70代'], ['45歳', '40代']]);
  });

  it('keeps 年齢 and asks when a value is not a plain age', () => {
    const plan = planStandardize(grid([...values, ['2024/4/3', '田中', '', '', '', '70代くらい', '']]), DEFAULT_SETTINGS);
    const age = plan.mapping.find((m) => m.column === 'F')!;
    expect(age.to).toBe('keep');
    expect(age.question).toContain('年齢でない値');
  });

  it('takes the person\'s choices: 担当 as 主担当機関, 氏名（漢字） instead of 対象者名', () => {
    const plan = planStandardize(grid(values), DEFAULT_SETTINGS, [{ column: 'G', to: '主担当機関' }, { column: 'C', to: '本人氏名' }]);
    expect(plan.mapping.map((m) => `${m.column}→${m.to}${m.question ? '?' : ''}`)).toEqual(['A→受付日', 'B→keep', 'C→本人氏名', 'D→本人氏名カナ', 'E→生年月日', 'F→年代', 'G→主担当機関']);
    expect(rowOf(plan, 0)).toMatchObject({ 主担当機関: '佐藤', 本人氏名: '山田花', '対象者名（元のB列）': '山田 花' });
  });

  it('refuses a choice that names no standard column, or gives one column to two', () => {
    expect(() => planStandardize(grid(values), DEFAULT_SETTINGS, [{ column: 'G', to: '担当者名' }])).toThrow('「担当者名」は共通シートの列ではありません');
    expect(() => planStandardize(grid(values), DEFAULT_SETTINGS, [{ column: 'G', to: '備考' }, { column: 'C', to: '備考' }]))
      .toThrow('「備考」にG列とC列の2つが指定されています');
    expect(() => planStandardize(grid(values), DEFAULT_SETTINGS, [{ column: 'Q', to: '備考' }])).toThrow('Q列は表の中にありません');
  });
});

describe('values keep their meaning', () => {
  const plan = planStandardize(grid([
    ['受付日', '氏名', '生年月日', '同意日', '世帯番号', '電話', '担当'],
    [45383, '山田 花', 74, 1, 12, 9012345678, '佐藤'],
    ['2024/4/2', '鈴木 次', 20240101, '', 7, '', ''],
    ['2024/4/3', '田中 三', '', '', '', '', '高橋'],
  ], {
    shown: { '1,0': '2024/04/01', '1,4': '0012', '1,5': '09012345678', '2,2': '20240101', '2,4': '0007' },
    formulas: { '1,1': '=VLOOKUP(A2,名簿!A:B,2,FALSE)' },
    merges: [{ row: 1, column: 6, numRows: 2, numColumns: 1 }],
  }), DEFAULT_SETTINGS);

  it('takes a number as a date only where the tab showed it as that date; 74 and 1 stay as written, never 1899-12-31', () => {
    expect(rowOf(plan, 0)).toMatchObject({ 受付日: dateCell('2024-04-01'), 生年月日: '74', 同意取得日: '1', ケースID: '2024-0001' });
    expect(rowOf(plan, 1).生年月日).toEqual(dateCell('2024-01-01'));
    expect(plan.carried.filter((c) => c.kind === 'keptAsWritten').map((c) => c.after)).toEqual(['74', '1']);
  });

  it('keeps numbers shown through a format as shown, as text', () => {
    expect(rowOf(plan, 0)).toMatchObject({ 世帯ID: '0012', 電話: '09012345678' });
    expect(rowOf(plan, 1).世帯ID).toBe('0007');
  });

  it('keeps a formula\'s result as its value and reports the formula', () => {
    expect(rowOf(plan, 0).本人氏名).toBe('山田 花');
    expect(plan.carried.filter((c) => c.kind === 'formula')).toEqual([
      { sourceRow: 1, sourceColumn: 1, kind: 'formula', before: '=VLOOKUP(A2,名簿!A:B,2,FALSE)', after: '山田 花' },
    ]);
  });

  it('gives a vertically merged cell\'s value to every row it spans', () => {
    expect(plan.rows.map((_, i) => rowOf(plan, i).担当)).toEqual(['佐藤', '佐藤', '高橋']);
    expect(plan.carried.filter((c) => c.kind === 'merge')).toEqual([{ sourceRow: 2, sourceColumn: 6, kind: 'merge', before: '', after: '佐藤' }]);
  });

  it('changes nothing when planned again on its own result', () => {
    const again = planStandardize(grid([plan.header, ...plan.rows.map((r) => [...r])]), DEFAULT_SETTINGS);
    expect(again.changed).toBe(false);
    expect(again.rewrites).toBe(0);
    expect(again.rows).toEqual(plan.rows);
  });
});
