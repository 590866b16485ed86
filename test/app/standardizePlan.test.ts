// 標準化 in the built bundle (SPEC §7): the plan changes nothing, the person's
// choices are applied, what belongs to a cell follows the person, the README's
// order (シートを準備, then 標準化) works, and a protected tab or the 10 million
// cells refuse before anything is written.
import { DEFAULT_USER } from '../../dev/runtime';
import { cellAt, ensureCell, findSheet } from '../../dev/runtime/model';
import type { StandardizePlan } from '../../src/app/standardizeTypes';
import { spreadsheetWith, tabNames, tabText, TODAY, workbookState } from './helpers';

// A printed list: a title, the header on row 3, a case, the header again after a page break, two more cases.
const PRINTED = [
  ['令和6年度　相談受付一覧'],
  [],
  ['受付日', '氏名', '住所メモ', '担当'],
  ['2024/4/1', '山田 花', '東町', '佐藤'],
  ['受付日', '氏名', '住所メモ', '担当'],
  ['2024/4/2', '鈴木 次', '西町', '高橋'],
  ['2024/4/3', '田中 三', '南町', ''],
];

const colOf = (header: readonly string[], name: string) => header.indexOf(name);

describe('previewStandardize', () => {
  it('returns the plan and changes nothing in the workbook', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    const before = workbookState(runtime);
    const plan = runtime.run<StandardizePlan>('previewStandardize', { today: TODAY });
    expect(workbookState(runtime)).toEqual(before);
    expect(plan).toMatchObject({
      sheet: '相談一覧',
      headerRow: 3,
      mapping: [
        { source: '受付日', column: 'A', to: '受付日', question: null },
        { source: '氏名', column: 'B', to: '本人氏名', question: null },
        { source: '住所メモ', column: 'C', to: 'keep', question: null },
        { source: '担当', column: 'D', to: 'keep', question: expect.stringContaining('主担当機関') },
      ],
      leftOutRows: [{ row: 1, reason: '表の上にある表題・日付などの行' }, { row: 5, reason: '見出しの繰り返し' }],
      refusal: null,
    });
    expect(plan.choices).toContain('主担当機関');
    expect(plan.choices).not.toContain('最終更新');
    expect(plan.examples[0]).toEqual({ row: 4, cells: expect.arrayContaining([{ header: 'ケースID', before: '', after: '2024-0001' }]) });
  });

  it('standardizes with the person\'s choice: 担当 becomes 主担当機関', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    const report = runtime.run<{ mapping: StandardizePlan['mapping'] }>('standardizeSheet', { today: TODAY, map: [{ column: 'D', to: '主担当機関' }] });
    expect(report.mapping.find((m) => m.column === 'D')).toMatchObject({ to: '主担当機関', question: null });
    const [header, ...rows] = tabText(runtime, '共通シート');
    expect(rows.map((r) => [r[colOf(header!, '本人氏名')], r[colOf(header!, '主担当機関')]])).toEqual([['山田 花', '佐藤'], ['鈴木 次', '高橋'], ['田中 三', '']]);
    expect(header).not.toContain('担当');
  });
});

describe('what belongs to a cell moves with it', () => {
  it('keeps a note, a background, a font colour and a link on the same person after rows and columns move', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    const sheet = findSheet(runtime.model, '相談一覧')!;
    // On 鈴木 次's 住所メモ (C6), below the repeated header that 標準化 leaves out.
    Object.assign(ensureCell(sheet, 6, 3), { note: '住所を出さないこと', background: '#fde2e1', fontColor: '#cc0000' });
    ensureCell(sheet, 7, 2).link = 'https://example.invalid/tanaka';
    ensureCell(sheet, 3, 2).note = '姓と名の間に空白';
    runtime.call('standardizeSheet', { today: TODAY });
    const cases = findSheet(runtime.model, '共通シート')!;
    const [header, ...rows] = tabText(runtime, '共通シート');
    const row = rows.findIndex((r) => r[colOf(header!, '本人氏名')] === '鈴木 次') + 2;
    const memo = colOf(header!, '住所メモ') + 1;
    expect(cellAt(cases, row, memo)).toMatchObject({ value: '西町', note: '住所を出さないこと', background: '#fde2e1', fontColor: '#cc0000' });
    // Nothing is left where the value was.
    expect(cellAt(cases, 6, 3)?.note).toBeUndefined();
    const tanaka = rows.findIndex((r) => r[colOf(header!, '本人氏名')] === '田中 三') + 2;
    expect(cellAt(cases, tanaka, colOf(header!, '本人氏名') + 1)).toMatchObject({ value: '田中 三', link: 'https://example.invalid/tanaka' });
    // The town's header note stays, with the help text after it.
    const nameHeader = cellAt(cases, 1, colOf(header!, '本人氏名') + 1)!.note!;
    expect(nameHeader.startsWith('姓と名の間に空白\n\n')).toBe(true);
    expect(nameHeader.length).toBeGreaterThan('姓と名の間に空白\n\n'.length);
    // Running again keeps it as it is.
    runtime.call('standardizeSheet', { today: TODAY });
    expect(cellAt(cases, 1, colOf(header!, '本人氏名') + 1)!.note).toBe(nameHeader);
  });
});

describe('the README\'s order: シートを準備, then 標準化', () => {
  it('moves the hand-made tab\'s rows into the empty 共通シート, keeping the tab as the backup', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    runtime.call('prepareWorkbook', { today: TODAY });
    expect(tabText(runtime, '共通シート')).toHaveLength(1);
    const report = runtime.call<{ movedFrom: string | null; backupSheet: string }>('standardizeSheet', { today: TODAY, sheetName: '相談一覧' });
    expect(report.movedFrom).toBe('相談一覧');
    expect(tabNames(runtime)).not.toContain('相談一覧');
    expect(tabText(runtime, report.backupSheet)[0]).toEqual(['令和6年度　相談受付一覧', '', '', '']);
    const [header, ...rows] = tabText(runtime, '共通シート');
    expect(rows.map((r) => r[colOf(header!, '本人氏名')])).toEqual(['山田 花', '鈴木 次', '田中 三']);
    expect(rows.map((r) => r[colOf(header!, 'ケースID')])).toEqual(['2024-0001', '2024-0002', '2024-0003']);
  });
});

describe('checks before the backup', () => {
  it('refuses a tab protected against the person, in Japanese, writing nothing (no backup either)', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    findSheet(runtime.model, '相談一覧')!.protections.push({ type: 'RANGE', rect: { row: 4, column: 1, numRows: 4, numColumns: 4 }, description: '確定分', warningOnly: false, editors: ['kakari@example.jp'] });
    const before = workbookState(runtime);
    const plan = runtime.run<StandardizePlan>('previewStandardize', { today: TODAY });
    expect(plan.refusal).toMatch(/^タブ「相談一覧」の範囲 A4:D7は保護されていて、あなたには編集する権限がありません。何も変更していません/);
    expect(() => runtime.call('standardizeSheet', { today: TODAY })).toThrow(plan.refusal!);
    expect(workbookState(runtime)).toEqual(before);
  });

  it('goes ahead through a warning-only protection, or one that lists the person', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    findSheet(runtime.model, '相談一覧')!.protections.push(
      { type: 'SHEET', description: '注意', warningOnly: true },
      { type: 'RANGE', rect: { row: 1, column: 1, numRows: 7, numColumns: 4 }, description: '担当者のみ', warningOnly: false, editors: [DEFAULT_USER] },
    );
    expect(runtime.run<StandardizePlan>('previewStandardize', { today: TODAY }).refusal).toBeNull();
  });

  it('refuses when the backup copy would take the workbook past 10 million cells', () => {
    const runtime = spreadsheetWith('相談一覧', PRINTED);
    const tab = findSheet(runtime.model, '相談一覧')!;
    tab.maxRows = 150_000; // 3.9 million cells, and as many again for the copy
    const other = { ...tab, id: 7, name: '古い台帳', cells: [], protections: [], maxRows: 100_000 };
    runtime.model.sheets.push(other);
    const before = workbookState(runtime);
    const plan = runtime.run<StandardizePlan>('previewStandardize', { today: TODAY });
    expect(plan.refusal).toMatch(/^バックアップのコピーを作ると、ブック全体のセル数が 10,\d{3},\d{3} になり、Google スプレッドシートの上限（10,000,000セル）を超えます。何も変更していません。/);
    expect(() => runtime.call('standardizeSheet', { today: TODAY })).toThrow('上限（10,000,000セル）を超えます');
    expect(workbookState(runtime)).toEqual(before);
  });
});
