// 標準化 of a hand-made sheet against SPEC §7 (and §3, §5 for the values).
// Every expected value is written out by hand.
import { dateCell, type Cell } from '../../src/domain/cell';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { standardizeCases, type StandardizeResult } from '../../src/domain/standardize/standardize';
import type { Table } from '../../src/domain/table';

// SPEC §3, in order.
const STANDARD_HEADERS = [
  'ケースID', '受付日', 'つなぎ元機関', 'つなぎ元分野', 'つなぎ元担当者', '本人氏名', '本人氏名カナ', '生年月日',
  '年代', '性別', '圏域', '世帯ID', '世帯構成', '課題領域', '世帯の状態', '相談の概要', 'つなぎの理由', '本人同意',
  '同意取得日', '関係機関', '状態', '主担当機関', 'プラン作成日', '次回会議種別', '次回会議予定日', '次回モニタリング日',
  '終結日', '終結理由', '備考', '最終更新', '更新者',
];

/** The non-blank cells of an output row, by header. */
function byHeader(result: { header: readonly string[] }, row: readonly Cell[]): Record<string, Cell> {
  const out: Record<string, Cell> = {};
  result.header.forEach((h, i) => {
    const cell = row[i] ?? '';
    if (!(typeof cell === 'string' && cell === '')) out[h] = cell;
  });
  return out;
}

const asTable = (result: StandardizeResult): Table => ({ header: result.header, rows: result.rows });

describe('standardizeCases on a messy hand-made sheet', () => {
  // Columns A … N: aliased headers, shuffled order, an extra column with data
  // (担当メモ), a column without a header but with data (K) and a second 氏名 (N).
  const header: Cell[] = [
    '氏名', '受付年月日', 'ケースID', 'ふりがな', '担当メモ', 'つなぎ元', '生年月日', '課題領域', '同意', '相談内容', '', '状態', '性別', '氏名',
  ];
  const rows: Cell[][] = [
    // row 2: blank ID, 受付 令和6年4月1日 → FY2024
    ['山田  太郎', '令和6年4月1日', '', 'ﾔﾏﾀﾞ ﾀﾛｳ', '母と同居', '地域包括支援センター', 'S25.6.1', '介護,収入・仕事／介護', 'あり', 'ｺﾞﾐ屋敷の相談', '電話済', '支援中', '男性', '山田太郎'],
    // row 3: existing ID
    ['鈴木花子', '2024/4/15', '2024-0007', 'すずき　はなこ', '', 'こども家庭センター', '平成2年12月3日', '子育て，ＤＶ・虐待', '確認中', '子育ての不安', '', 'アセスメント中', '女性', ''],
    // row 4: fully blank
    ['', '', '', '', '', '', '', '', '', '', '', '', '', ''],
    // row 5: blank ID, 受付 2024-03-31 → FY2023
    ['佐藤一郎', '２０２４／３／３１', '', 'サトウ イチロウ', '', '生活支援相談窓口', '1985-07-20', '住まい;DV・虐待\n権利擁護', 'なし', '家賃滞納', '', '受付', '男性', ''],
    // row 6: existing FY2023 ID
    ['田中', '令和6年1月10日', '2023-0012', '', '要再訪', '社会福祉協議会', '', '地域・家族との関係', 'あり', '近隣トラブル', '', '支援中', '', ''],
    // row 7: blank ID, FY2024
    ['高橋　　次郎', '20240520', '', 'たかはし じろう', '', '障がい者基幹相談支援センター', 'R1.5.1', '障害', 'なし', '通所先がない', '', '受付', '男性', ''],
    // row 8: existing ID typed in full width, real date cells
    ['伊藤', dateCell('2024-05-01'), '２０２４－０００３', 'イトウ', '', '福祉の相談窓口', dateCell('1960-02-29'), '収入・仕事', 'あり', '就労の相談', '', '支援中', '女性', ''],
    // row 9: blank ID, unreadable 受付日 → no ID
    ['渡辺', '不明', '', '', '', '地域包括支援センター', '', '介護', 'なし', '見守り', '', '受付', '', ''],
  ];
  const table: Table = { header, rows };
  const snapshot = structuredClone(table);
  const result = standardizeCases(table, DEFAULT_SETTINGS);

  it('puts the standard headers first, in the standard order, then the kept columns', () => {
    expect(result.header).toEqual([...STANDARD_HEADERS, '担当メモ', '列K', '氏名（元のN列）']);
  });

  it('reports the renamed headers', () => {
    const sorted = [...result.renamedHeaders].sort((a, b) => a.from.localeCompare(b.from));
    expect(sorted).toEqual([
      { from: 'つなぎ元', to: 'つなぎ元機関' },
      { from: 'ふりがな', to: '本人氏名カナ' },
      { from: '受付年月日', to: '受付日' },
      { from: '同意', to: '本人同意' },
      { from: '氏名', to: '本人氏名' },
      { from: '相談内容', to: '相談の概要' },
    ].sort((a, b) => a.from.localeCompare(b.from)));
  });

  it('reports the added and the kept columns', () => {
    expect(result.addedColumns).toEqual([
      'つなぎ元分野', 'つなぎ元担当者', '年代', '圏域', '世帯ID', '世帯構成', '世帯の状態', 'つなぎの理由', '同意取得日',
      '関係機関', '主担当機関', 'プラン作成日', '次回会議種別', '次回会議予定日', '次回モニタリング日', '終結日', '終結理由',
      '備考', '最終更新', '更新者',
    ]);
    expect(result.extraColumns).toEqual(['担当メモ', '列K', '氏名（元のN列）']);
  });

  it('keeps every row in place, with every value, normalised', () => {
    expect(result.rows).toHaveLength(8);
    expect(result.rows.every((r) => r.length === result.header.length)).toBe(true);
    const expected: Record<string, Cell>[] = [
      {
        ケースID: '2024-0008', 受付日: dateCell('2024-04-01'), つなぎ元機関: '地域包括支援センター', つなぎ元分野: '高齢',
        本人氏名: '山田 太郎', 本人氏名カナ: 'ヤマダ タロウ', 生年月日: dateCell('1950-06-01'), 年代: '70代', 性別: '男性',
        課題領域: '介護、収入・仕事', 相談の概要: 'ゴミ屋敷の相談', 本人同意: 'あり', 状態: '支援中',
        担当メモ: '母と同居', 列K: '電話済', '氏名（元のN列）': '山田太郎',
      },
      {
        ケースID: '2024-0007', 受付日: dateCell('2024-04-15'), つなぎ元機関: 'こども家庭センター', つなぎ元分野: '子ども',
        本人氏名: '鈴木花子', 本人氏名カナ: 'スズキ　ハナコ', 生年月日: dateCell('1990-12-03'), 年代: '30代', 性別: '女性',
        課題領域: '子育て、DV・虐待', 相談の概要: '子育ての不安', 本人同意: '確認中', 状態: 'アセスメント中',
      },
      {},
      {
        ケースID: '2023-0013', 受付日: dateCell('2024-03-31'), つなぎ元機関: '生活支援相談窓口', つなぎ元分野: '困窮',
        本人氏名: '佐藤一郎', 本人氏名カナ: 'サトウ イチロウ', 生年月日: dateCell('1985-07-20'), 年代: '30代', 性別: '男性',
        課題領域: '住まい、DV・虐待、権利擁護', 相談の概要: '家賃滞納', 本人同意: 'なし', 状態: '受付',
      },
      {
        ケースID: '2023-0012', 受付日: dateCell('2024-01-10'), つなぎ元機関: '社会福祉協議会', つなぎ元分野: 'その他',
        本人氏名: '田中', 課題領域: '地域・家族との関係', 相談の概要: '近隣トラブル', 本人同意: 'あり', 状態: '支援中',
        担当メモ: '要再訪',
      },
      {
        ケースID: '2024-0009', 受付日: dateCell('2024-05-20'), つなぎ元機関: '障がい者基幹相談支援センター', つなぎ元分野: '障害',
        本人氏名: '高橋　次郎', 本人氏名カナ: 'タカハシ ジロウ', 生年月日: dateCell('2019-05-01'), 年代: '10歳未満', 性別: '男性',
        課題領域: '障害', 相談の概要: '通所先がない', 本人同意: 'なし', 状態: '受付',
      },
      {
        ケースID: '2024-0003', 受付日: dateCell('2024-05-01'), つなぎ元機関: '福祉の相談窓口', つなぎ元分野: 'その他',
        本人氏名: '伊藤', 本人氏名カナ: 'イトウ', 生年月日: dateCell('1960-02-29'), 年代: '60代', 性別: '女性',
        課題領域: '収入・仕事', 相談の概要: '就労の相談', 本人同意: 'あり', 状態: '支援中',
      },
      {
        受付日: '不明', つなぎ元機関: '地域包括支援センター', つなぎ元分野: '高齢', 本人氏名: '渡辺', 課題領域: '介護',
        相談の概要: '見守り', 本人同意: 'なし', 状態: '受付',
      },
    ];
    expect(result.rows.map((r) => byHeader(result, r))).toEqual(expected);
  });

  it('assigns IDs by the fiscal year of 受付日, after the largest used in that year', () => {
    // FY2024 uses 0003 and 0007 → 0008, 0009; 2024-03-31 is FY2023, which uses 0012 → 0013.
    expect(result.assignedIds).toBe(3);
    const ids = result.rows.map((r) => r[0]);
    expect(ids).toEqual(['2024-0008', '2024-0007', '', '2023-0013', '2023-0012', '2024-0009', '2024-0003', '']);
  });

  it('counts the cells it normalised', () => {
    // row 2: 受付日, つなぎ元分野, 本人氏名, カナ, 生年月日, 年代, 課題領域, 相談の概要 = 8
    // row 3: 受付日, つなぎ元分野, カナ, 生年月日, 年代, 課題領域 = 6
    // row 5: 受付日, つなぎ元分野, 生年月日, 年代, 課題領域 = 5
    // row 6: 受付日, つなぎ元分野 = 2
    // row 7: 受付日, つなぎ元分野, 本人氏名, カナ, 生年月日, 年代 = 6
    // row 8: ケースID, つなぎ元分野, 年代 = 3
    // row 9: つなぎ元分野 = 1
    expect(result.normalizedCells).toBe(31);
    expect(result.changed).toBe(true);
  });

  it('lists every changed cell for 変更履歴, under the case it belongs to', () => {
    // 31 normalised cells and 3 assigned IDs.
    expect(result.changes).toHaveLength(34);
    expect(result.changes).toContainEqual({ row: 2, caseId: '2024-0008', column: '本人氏名', before: '山田  太郎', after: '山田 太郎' });
    expect(result.changes).toContainEqual({ row: 2, caseId: '2024-0008', column: 'ケースID', before: '', after: '2024-0008' });
    expect(result.changes).toContainEqual({ row: 8, caseId: '2024-0003', column: 'ケースID', before: '２０２４－０００３', after: '2024-0003' });
    expect(result.changes).toContainEqual({ row: 9, caseId: '', column: 'つなぎ元分野', before: '', after: '高齢' });
    expect(result.changes.filter((c) => c.row === 4)).toEqual([]);
  });

  it('does not change the table it is given', () => {
    expect(table).toEqual(snapshot);
  });

  it('changes nothing when run on its own output', () => {
    const again = standardizeCases(asTable(result), DEFAULT_SETTINGS);
    expect(again.changed).toBe(false);
    expect(again.normalizedCells).toBe(0);
    expect(again.assignedIds).toBe(0);
    expect(again.renamedHeaders).toEqual([]);
    expect(again.addedColumns).toEqual([]);
    expect(again.changes).toEqual([]);
    expect(again.extraColumns).toEqual(['担当メモ', '列K', '氏名（元のN列）']);
    expect(again.header).toEqual(result.header);
    expect(again.rows).toEqual(result.rows);
  });
});

describe('standardizeCases: columns', () => {
  it('keeps a column that has data but no header, and drops one that has neither', () => {
    const result = standardizeCases({
      header: ['ケースID', '', '', '受付日'],
      rows: [['2024-0001', '', '要連絡', dateCell('2024-04-01')]],
    }, DEFAULT_SETTINGS);
    expect(result.extraColumns).toEqual(['列C']);
    expect(byHeader(result, result.rows[0]!)).toEqual({ ケースID: '2024-0001', 受付日: dateCell('2024-04-01'), 列C: '要連絡' });
  });

  it('keeps data that lies right of the last header cell', () => {
    const result = standardizeCases({
      header: ['ケースID', '受付日'],
      rows: [['2024-0001', dateCell('2024-04-01'), '', '右端のメモ']],
    }, DEFAULT_SETTINGS);
    expect(result.extraColumns).toEqual(['列D']);
    expect(byHeader(result, result.rows[0]!)).toEqual({ ケースID: '2024-0001', 受付日: dateCell('2024-04-01'), 列D: '右端のメモ' });
  });

  it('keeps a repeated standard header under a distinct name, with its data as it was', () => {
    const result = standardizeCases({
      header: ['受付日', '本人氏名', '受付日'],
      rows: [['2024/4/1', '山田', '2024/4/2']],
    }, DEFAULT_SETTINGS);
    expect(result.extraColumns).toEqual(['受付日（元のC列）']);
    expect(byHeader(result, result.rows[0]!)).toEqual({
      ケースID: '2024-0001', 受付日: dateCell('2024-04-01'), 本人氏名: '山田', '受付日（元のC列）': '2024/4/2',
    });
    expect(new Set(result.header).size).toBe(result.header.length);
  });

  it('gives every kept column a distinct name, even a blank one next to a header that looks like its name', () => {
    const result = standardizeCases({
      header: ['受付日', '列C', ''],
      rows: [['2024-04-01', 'a', 'b']],
    }, DEFAULT_SETTINGS);
    expect(new Set(result.header).size).toBe(result.header.length);
    expect(result.extraColumns).toHaveLength(2);
    expect(result.extraColumns[0]).toBe('列C');
    const row = byHeader(result, result.rows[0]!);
    expect(row[result.extraColumns[0]!]).toBe('a');
    expect(row[result.extraColumns[1]!]).toBe('b');
  });

  it('takes the standard header before an alias of it, wherever they stand', () => {
    const result = standardizeCases({
      header: ['氏名', '本人氏名', '受付日'],
      rows: [['旧姓 山田', '佐藤花子', '2024-04-01']],
    }, DEFAULT_SETTINGS);
    expect(result.renamedHeaders).toEqual([]);
    expect(result.extraColumns).toEqual(['氏名（元のA列）']);
    expect(byHeader(result, result.rows[0]!)).toMatchObject({ 本人氏名: '佐藤花子', '氏名（元のA列）': '旧姓 山田' });
  });

  it('recognises headers typed with spaces, full-width letters or half-width kana', () => {
    const result = standardizeCases({
      header: [' 受付日 ', 'ケースＩＤ', 'ﾌﾘｶﾞﾅ'],
      rows: [['2024-04-01', '2024-0001', 'ヤマダ']],
    }, DEFAULT_SETTINGS);
    expect(result.extraColumns).toEqual([]);
    expect(byHeader(result, result.rows[0]!)).toEqual({ ケースID: '2024-0001', 受付日: dateCell('2024-04-01'), 本人氏名カナ: 'ヤマダ' });
  });

  it('leaves an already standard sheet unchanged', () => {
    const row: Cell[] = STANDARD_HEADERS.map(() => '');
    row[0] = '2024-0001';
    row[1] = dateCell('2024-04-01');
    row[2] = '地域包括支援センター';
    row[3] = '高齢';
    row[5] = '山田';
    const result = standardizeCases({ header: STANDARD_HEADERS, rows: [row] }, DEFAULT_SETTINGS);
    expect(result.changed).toBe(false);
    expect(result.rows).toEqual([row]);
  });
});

describe('standardizeCases: a column under another name for ケースID (SPEC §7)', () => {
  it('keeps a No. column of row counters as an extra column with its values, and assigns IDs', () => {
    const table: Table = {
      header: ['No.', '受付日', '本人氏名'],
      rows: [[1, '2024-04-01', '山田'], [2, '2024-05-01', '佐藤'], ['', '', ''], [3, '2023-04-01', '鈴木']],
    };
    const result = standardizeCases(table, DEFAULT_SETTINGS);
    expect(result.renamedHeaders).toEqual([]);
    expect(result.addedColumns).toContain('ケースID');
    expect(result.extraColumns).toEqual(['No.（元のA列）']);
    expect(result.assignedIds).toBe(3);
    expect(result.rows.map((r) => byHeader(result, r))).toEqual([
      { ケースID: '2024-0001', 受付日: dateCell('2024-04-01'), 本人氏名: '山田', 'No.（元のA列）': 1 },
      { ケースID: '2024-0002', 受付日: dateCell('2024-05-01'), 本人氏名: '佐藤', 'No.（元のA列）': 2 },
      {},
      { ケースID: '2023-0001', 受付日: dateCell('2023-04-01'), 本人氏名: '鈴木', 'No.（元のA列）': 3 },
    ]);

    const again = standardizeCases(asTable(result), DEFAULT_SETTINGS);
    expect(again.changed).toBe(false);
    expect(again.assignedIds).toBe(0);
    expect(again.header).toEqual(result.header);
    expect(again.rows).toEqual(result.rows);
  });

  it.each([
    ['整理番号', ['A-12', '2024-0003']],
    ['番号', ['2024-1', '2024-0002']],
    ['ID', ['R6-001', '']],
  ])('keeps %s holding anything but case IDs as a column of its own', (header, values) => {
    const result = standardizeCases({
      header: [header, '受付日'],
      rows: values.map((v) => [v, '2024-06-01']),
    }, DEFAULT_SETTINGS);
    expect(result.extraColumns).toEqual([`${header}（元のA列）`]);
    expect(result.rows.map((r) => byHeader(result, r)[`${header}（元のA列）`] ?? '')).toEqual(values);
    expect(result.rows.map((r) => byHeader(result, r)['ケースID'])).toEqual(['2024-0001', '2024-0002']);
  });

  it('takes an alias column as ケースID when its values are case IDs, full width or blank included', () => {
    const result = standardizeCases({
      header: ['整理番号', '受付日'],
      rows: [['２０２４－０００５', '2024-06-01'], ['', '2024-07-01'], ['2024-0002', '2024-04-02']],
    }, DEFAULT_SETTINGS);
    expect(result.renamedHeaders).toEqual([{ from: '整理番号', to: 'ケースID' }]);
    expect(result.extraColumns).toEqual([]);
    expect(result.rows.map((r) => r[0])).toEqual(['2024-0005', '2024-0006', '2024-0002']);
  });

  it('never moves the standard ケースID column, whatever it holds', () => {
    const result = standardizeCases({ header: ['ケースID', '受付日'], rows: [[1, '2024-06-01']] }, DEFAULT_SETTINGS);
    expect(result.extraColumns).toEqual([]);
    expect(result.rows[0]![0]).toBe(1);
  });
});

describe('standardizeCases: derived values', () => {
  const run = (birth: Cell, received: Cell, ageBand: Cell = ''): Cell | undefined => {
    const result = standardizeCases({
      header: ['ケースID', '受付日', '生年月日', '年代'],
      rows: [['2024-0001', received, birth, ageBand]],
    }, DEFAULT_SETTINGS);
    return byHeader(result, result.rows[0]!)['年代'];
  };

  it.each<[string, Cell, Cell, string]>([
    ['the day before the 40th birthday', '1984-04-02', '2024-04-01', '30代'],
    ['the 40th birthday', '1984-04-01', '2024-04-01', '40代'],
    ['age 9', '2014-06-01', '2024-04-01', '10歳未満'],
    ['age 10', '2014-04-01', '2024-04-01', '10代'],
    ['age 89', '1934-06-01', '2024-04-01', '80代'],
    ['age 90', '1934-04-01', '2024-04-01', '90代以上'],
    ['和暦 dates', '昭和59年4月1日', '令和6年4月1日', '40代'],
  ])('derives 年代 from 生年月日 at 受付日 (%s)', (_label, birth, received, band) => {
    expect(run(birth, received)).toBe(band);
  });

  it('replaces a 年代 that contradicts 生年月日', () => {
    expect(run('1984-04-01', '2024-04-01', '20代')).toBe('40代');
  });

  it('keeps 年代 as entered when 生年月日 is unknown', () => {
    expect(run('', '2024-04-01', '50代')).toBe('50代');
    expect(run('不明', '2024-04-01', '50代')).toBe('50代');
  });

  it('fills つなぎ元分野 only when blank', () => {
    const result = standardizeCases({
      header: ['つなぎ元機関', 'つなぎ元分野'],
      rows: [['こども家庭センター', ''], ['こども家庭センター', '困窮'], ['どこか', '']],
    }, DEFAULT_SETTINGS);
    expect(result.rows.map((r) => [r[2], r[3]])).toEqual([
      ['こども家庭センター', '子ども'], ['こども家庭センター', '困窮'], ['どこか', ''],
    ]);
  });
});
