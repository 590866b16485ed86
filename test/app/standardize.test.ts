// 標準化 in the built bundle on a town's hand-made tab: backup first, every
// value kept, the standard tab written, logged, idempotent, formulas inert.
import { findSheet, isFormula } from '../../dev/runtime/model';
import { demoWorkbook, spreadsheetWith, tabNames, tabText, TODAY } from './helpers';

const tokyoMidnight = (iso: string) => new Date(`${iso}T00:00:00+09:00`);

// As a town might keep it: its own headers and order, an extra column, dates typed every way.
const HAND_MADE = [
  ['No.', '氏名', 'ふりがな', '受付年月日', 'つなぎ元', '同意', '相談内容', '担当メモ', '状態', '課題', 'つなぎの理由', '世帯ID'],
  ['', '山田 花', 'やまだ はな', '令和6年4月1日', '地域包括支援センター', 'あり', '母の介護と借金', '電話は夕方', '受付', '介護,支出・滞納・借金', '複合課題', '0012'],
  ['2024-0007', '佐藤 一', 'ｻﾄｳ ｲﾁ', tokyoMidnight('2024-05-10'), '生活支援相談窓口', 'なし', '=IMPORTXML("http://example.invalid","//a")', '', '受付', '収入・仕事', '+cmd', ''],
  ['', '鈴木 次', 'スズキ ツギ', '２０２５／３／３１', 'こども家庭センター', '確認中', '@SUM(A1)', '', '受付', '子育て', '-1+2', ''],
];

function standardized() {
  const runtime = spreadsheetWith('相談一覧', HAND_MADE);
  const report = runtime.call<Record<string, unknown>>('standardizeSheet', { today: TODAY });
  return { runtime, report };
}

describe('標準化 of a hand-made tab', () => {
  it('backs the tab up first, then makes it 共通シート and creates the missing tabs', () => {
    const { runtime, report } = standardized();
    expect(report.sheet).toBe('共通シート');
    expect(report.renamedFrom).toBe('相談一覧');
    expect(report.backupSheet).toMatch(/^バックアップ_\d{8}_\d{6}$/);
    expect(tabNames(runtime)).toEqual(['共通シート', report.backupSheet, '支援記録', '会議記録', '支援プラン', '役割分担', '設定', '変更履歴']);
    const backup = tabText(runtime, report.backupSheet as string);
    expect(backup[0]).toEqual(HAND_MADE[0]);
    expect(backup[1]![3]).toBe('令和6年4月1日');
  });

  it('writes the standard columns in order, keeps the extra one, normalises values and fills IDs', () => {
    const { runtime, report } = standardized();
    const [header, ...rows] = tabText(runtime, '共通シート');
    expect(header!.slice(0, 3)).toEqual(['ケースID', '受付日', 'つなぎ元機関']);
    expect(header![31]).toBe('担当メモ');
    const col = (name: string) => header!.indexOf(name);
    expect(rows.map((r) => r[col('ケースID')])).toEqual(['2024-0008', '2024-0007', '2024-0009']);
    expect(rows.map((r) => r[col('受付日')])).toEqual(['2024-04-01', '2024-05-10', '2025-03-31']);
    expect(rows.map((r) => r[col('本人氏名カナ')])).toEqual(['ヤマダ ハナ', 'サトウ イチ', 'スズキ ツギ']);
    expect(rows.map((r) => r[col('つなぎ元分野')])).toEqual(['高齢', '困窮', '子ども']);
    expect(rows[0]![col('課題領域')]).toBe('介護、支出・滞納・借金');
    expect(rows[0]![col('担当メモ')]).toBe('電話は夕方');
    expect(report).toMatchObject({
      assignedIds: 2,
      extraColumns: ['担当メモ'],
      renamedHeaders: expect.arrayContaining([{ from: '氏名', to: '本人氏名' }, { from: 'ふりがな', to: '本人氏名カナ' }, { from: '受付年月日', to: '受付日' }]),
    });
  });

  it('stores dates as date cells, and text (0012, formulas) as text that never runs', () => {
    const { runtime } = standardized();
    const sheet = findSheet(runtime.model, '共通シート')!;
    const received = sheet.cells[1]![1]!.value;
    expect(received).toEqual(tokyoMidnight('2024-04-01'));
    const cells = sheet.cells.flatMap((row) => row ?? []).map((c) => c?.value);
    expect(cells.filter((v) => v !== undefined && isFormula(v))).toEqual([]);
    const texts = cells.filter((v): v is string => typeof v === 'string');
    expect(texts).toEqual(expect.arrayContaining(['=IMPORTXML("http://example.invalid","//a")', '+cmd', '@SUM(A1)', '-1+2', '0012']));
  });

  it('keeps every non-empty value of the original somewhere in the result', () => {
    const { runtime } = standardized();
    const after = new Set(tabText(runtime, '共通シート').flat());
    const normalisedForms: Record<string, string> = {
      'やまだ はな': 'ヤマダ ハナ', 'ｻﾄｳ ｲﾁ': 'サトウ イチ', '令和6年4月1日': '2024-04-01', '２０２５／３／３１': '2025-03-31',
      '介護,支出・滞納・借金': '介護、支出・滞納・借金',
    };
    const original = HAND_MADE.slice(1).flat().filter((v) => v !== '');
    for (const value of original) {
      const text = value instanceof Date ? '2024-05-10' : String(value);
      expect(after).toContain(normalisedForms[text] ?? text);
    }
  });

  it('logs every change to 変更履歴, under the document lock', () => {
    const { runtime } = standardized();
    const log = tabText(runtime, '変更履歴').slice(1);
    expect(log.some((r) => r[2] === '標準化' && r[5] === 'ケースID' && r[4] === '2024-0008' && r[7] === '2024-0008')).toBe(true);
    expect(log.some((r) => r[5] === '受付日' && r[6] === '令和6年4月1日' && r[7] === '2024-04-01')).toBe(true);
    expect(log.some((r) => r[5] === 'タブ名' && r[6] === '相談一覧' && r[7] === '共通シート')).toBe(true);
    expect(runtime.writes.filter((w) => !w.locked)).toEqual([]);
  });

  it('changes nothing the second time: no backup, no new log rows, the same cells', () => {
    const { runtime } = standardized();
    const before = tabText(runtime, '共通シート');
    const tabs = tabNames(runtime);
    const logRows = tabText(runtime, '変更履歴').length;
    const again = runtime.call<Record<string, unknown>>('standardizeSheet', { today: TODAY });
    expect(again).toMatchObject({ backupSheet: null, normalizedCells: 0, assignedIds: 0, renamedHeaders: [], addedColumns: [] });
    expect(tabText(runtime, '共通シート')).toEqual(before);
    expect(tabNames(runtime)).toEqual(tabs);
    expect(tabText(runtime, '変更履歴')).toHaveLength(logRows);
  });

  it('refuses tabs the add-on owns and a second 共通シート, changing nothing', () => {
    const { runtime } = standardized();
    const before = tabText(runtime, '設定');
    expect(() => runtime.call('standardizeSheet', { sheetName: '設定' })).toThrow(/共通シートとして標準化できません/);
    expect(tabText(runtime, '設定')).toEqual(before);
    const other = spreadsheetWith('共通シート', [['ケースID', '本人氏名'], ['2024-0001', '山田 花']]);
    other.model.sheets.push({ ...findSheet(other.model, '共通シート')!, id: 99, name: '別表', protections: [], cells: [[{ value: '氏名' }]] });
    expect(() => other.call('standardizeSheet', { sheetName: '別表' })).toThrow(/「共通シート」にはすでにケースが入っています/);
    expect(() => other.call('standardizeSheet', { sheetName: 'ない表' })).toThrow('タブ「ない表」が見つかりません');
  });
});

describe('標準化 of a prepared workbook', () => {
  it('writes only 共通シート, its backup and 変更履歴: the other tabs keep what シートを準備 gave them', () => {
    const runtime = demoWorkbook(300);
    const writesBefore = runtime.writes.length;
    const report = runtime.call<{ backupSheet: string | null }>('standardizeSheet', { today: TODAY, sheetName: '共通シート' });
    expect(report.backupSheet).not.toBeNull();
    const tabsWritten = new Set(runtime.writes.slice(writesBefore).map((w) => /^'?(.+?)'?!/.exec(w.target)?.[1] ?? w.target).filter(Boolean));
    for (const untouched of ['支援記録', '会議記録', '支援プラン', '役割分担', '設定']) expect(tabsWritten).not.toContain(untouched);
    expect(tabsWritten).toContain('共通シート');
    expect(tabsWritten).toContain('変更履歴');
  });
});

// The menu opens the confirmation in the sidebar (test/app/standardizeMenu.test.ts); what it shows is the server's plan.
describe('標準化\'s plan for a tab the add-on owns', () => {
  it('is refused with the reason in Japanese, so the confirmation shows it', () => {
    const runtime = spreadsheetWith('相談一覧', HAND_MADE);
    runtime.call('standardizeSheet', { today: TODAY });
    expect(() => runtime.call('previewStandardize', { today: TODAY, sheetName: '設定' })).toThrow(/「設定」はアドオンが使う別の表のため/);
  });
});
