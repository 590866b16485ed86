// Too large for one Apps Script run (SPEC §13): a Japanese message before
// anything changes, not a crash halfway, whatever the operation.
import { createModel, loadBundle, type Runtime } from '../../dev/runtime';
import { ensureCell, findSheet, lastColumnWithContent } from '../../dev/runtime/model';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { demoWorkbook, spreadsheetWith, tabNames, TODAY, workbookState } from './helpers';

const NEW_CASE = {
  receivedOn: '2026-10-01', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ', birthDate: '1950-05-05',
  lifeAreas: '介護、住まい', summary: '母の介護と住まい', reason: '複合課題のため', consent: 'あり', consentOn: '2026-10-05', status: 'アセスメント中',
};
let requests = 0;
const requestId = () => `limits-request-${++requests}`;

/** The operations a person starts, by the name they know, with what they send. */
const OPERATIONS = {
  入力チェック: ['checkEntries', () => ({ today: TODAY, mark: true })],
  次第作成: ['createAgenda', () => ({ today: TODAY, meetingType: '支援会議', date: '2026-12-08' })],
  集計の再作成: ['rebuildCounts', () => ({ today: TODAY, fiscalYear: 2026 })],
  ケース保存: ['saveCase', () => ({ record: NEW_CASE, requestId: requestId() })],
  サイドバーを開く: ['getSidebarState', () => ({ today: TODAY })],
  サイドバーのケース一覧: ['searchCases', () => ({})],
  支援記録の保存: ['saveActivity', (caseId: string) => ({
    record: { caseId, activityOn: '2026-11-20', activityType: '参加支援', staff: '相談員A', visitors: '', content: '就労体験に同行' }, requestId: requestId(),
  })],
} as const;
type Operation = keyof typeof OPERATIONS;

/**
 * The demo with a value left far below a tab's table, the tab's grid only as
 * wide as its table, so that the workbook stays within Sheets' 10 million cells.
 */
function withStrayValue(tab: string, row: number): { runtime: Runtime; caseId: string } {
  const runtime = demoWorkbook(20);
  const sheet = findSheet(runtime.model, tab)!;
  sheet.maxColumns = lastColumnWithContent(sheet);
  sheet.maxRows = row;
  ensureCell(sheet, row, 1).value = '消し忘れ';
  runtime.select('共通シート', 'C3');
  return { runtime, caseId: String(findSheet(runtime.model, '共通シート')!.cells[1]![0]!.value) };
}

const tooLarge = (tab: string, rows: string, columns: number): string =>
  `タブ「${tab}」は ${rows}行 × ${columns}列あり、一度に処理できる大きさ（300,000行、2,500,000セル）を超えています。何も変更していません。${rows}行目や右端の列に不要な値が残っていないか確かめ、空の行・列を削除してから、もう一度お試しください。`;

/** Runs an operation; answers what it threw, or null, with the cells it read. */
function attempt(runtime: Runtime, operation: Operation, caseId: string): { error: string | null; result: unknown; cellsRead: number } {
  const [name, args] = OPERATIONS[operation];
  runtime.resetCalls();
  try {
    const result = runtime.call(name, args(caseId));
    return { error: null, result, cellsRead: runtime.cellsRead };
  } catch (error) {
    return { error: (error as Error).message, result: null, cellsRead: runtime.cellsRead };
  }
}

describe.each([
  // 31 columns: 90,002 rows pass 2.5 million cells.
  { tab: '共通シート', row: 90_002, columns: 31, refused: ['入力チェック', '次第作成', '集計の再作成', 'ケース保存', 'サイドバーのケース一覧', '支援記録の保存'] },
  { tab: '支援記録', row: 1_048_576, columns: 8, refused: ['入力チェック', '集計の再作成', '支援記録の保存'] },
] as const)('a value left in row $row of $tab', ({ tab, row, columns, refused }) => {
  const message = tooLarge(tab, row.toLocaleString('ja-JP'), columns);

  it.each(refused)('%s says so in Japanese without reading the tab, and changes nothing', (operation) => {
    const { runtime, caseId } = withStrayValue(tab, row);
    const before = workbookState(runtime);
    const writes = runtime.writes.length;
    const { error, cellsRead } = attempt(runtime, operation, caseId);
    expect(error).toBe(message);
    expect(cellsRead).toBeLessThan(row); // not one cell per row of the tab: its values were never read
    expect(runtime.writes.slice(writes)).toEqual([]);
    expect(workbookState(runtime)).toEqual(before);
  });

  const unaffected = (Object.keys(OPERATIONS) as Operation[]).filter((o) => !(refused as readonly string[]).includes(o));
  it.each(unaffected)('%s, which does not read the tab, works as usual', (operation) => {
    const { runtime, caseId } = withStrayValue(tab, row);
    const { error, result, cellsRead } = attempt(runtime, operation, caseId);
    expect(error).toBeNull();
    expect(cellsRead).toBeLessThan(row);
    if (operation === 'ケース保存') expect((result as SaveResult).saved).toBe(true);
  });
});

describe('the menus', () => {
  it('show the refusal in the alert of 入力チェック', () => {
    const { runtime } = withStrayValue('共通シート', 90_002);
    const before = workbookState(runtime);
    runtime.call('menuCheck');
    expect(runtime.alerts.at(-1)).toContain(tooLarge('共通シート', '90,002', 31));
    expect(workbookState(runtime)).toEqual(before);
  });

  it('自己診断 reports the tab too large to read as NG, and leaves it as it was', () => {
    const { runtime } = withStrayValue('共通シート', 90_002);
    const before = workbookState(runtime);
    const report = runtime.call<{ checks: { item: string; verdict: string; detail: string }[] }>('runSelfTest');
    expect(report.checks.find((c) => c.item === '共通シートの読み書きの時間')).toEqual({
      item: '共通シートの読み書きの時間', verdict: 'NG', detail: tooLarge('共通シート', '90,002', 31),
    });
    expect(workbookState(runtime)['共通シート']).toEqual(before['共通シート']);
  });
});

describe('operations that write before they read everything', () => {
  it('シートを準備 reads 設定 before it creates a missing tab', () => {
    const { runtime } = withStrayValue('設定', 1_048_576);
    runtime.model.sheets.splice(runtime.model.sheets.findIndex((s) => s.name === '会議記録'), 1);
    const before = workbookState(runtime);
    expect(() => runtime.call('prepareWorkbook', { today: TODAY })).toThrow(/^タブ「設定」は 1,048,576行 × \d+列あり、一度に処理できる大きさ/);
    expect(workbookState(runtime)).toEqual(before);
  });

  it('a plan step reads 役割分担 before it creates a missing 支援プラン', () => {
    const { runtime, caseId } = withStrayValue('役割分担', 1_048_576);
    runtime.model.sheets.splice(runtime.model.sheets.findIndex((s) => s.name === '支援プラン'), 1);
    const before = workbookState(runtime);
    expect(() => runtime.call('savePlanDraft', { caseId, plan: { shortTermGoal: '介護サービスを使い始める' }, tasks: [], requestId: requestId() }))
      .toThrow(/^タブ「役割分担」は 1,048,576行 × \d+列あり、一度に処理できる大きさ/);
    expect(workbookState(runtime)).toEqual(before);
  });

  it.each([
    { name: 'prepareWorkbook', tab: '支援記録', rows: 1_048_576, columns: 8 },
    { name: 'standardizeSheet', tab: '共通シート', rows: 90_002, columns: 31 },
  ])('$name refuses to format the empty rows of a $rows-row $tab, before anything changes', ({ name, tab, rows, columns }) => {
    const runtime = demoWorkbook(20);
    const sheet = findSheet(runtime.model, tab)!;
    sheet.maxColumns = columns;
    sheet.maxRows = rows; // empty rows only: furniture formats the whole grid
    const before = workbookState(runtime);
    const writes = runtime.writes.length;
    expect(() => runtime.call(name, { today: TODAY })).toThrow(tooLarge(tab, rows.toLocaleString('ja-JP'), columns));
    expect(runtime.writes.slice(writes)).toEqual([]);
    expect(workbookState(runtime)).toEqual(before);
  });
});

describe('limits', () => {
  it('standardising a tab with a stray value in A1048576 says so in Japanese and changes nothing', () => {
    const runtime = spreadsheetWith('名簿', [['氏名', '受付日'], ['試験 花子', '2024/4/1']]);
    const sheet = findSheet(runtime.model, '名簿')!;
    sheet.maxRows = 1_048_576;
    sheet.maxColumns = 2;
    ensureCell(sheet, 1_048_576, 1).value = 'x';
    expect(() => runtime.call('standardizeSheet', { sheetName: '名簿' })).toThrow(/1,048,576行 × 2列あり、一度に処理できる大きさ.*何も変更していません/);
    expect(tabNames(runtime)).toEqual(['名簿']);
    expect(sheet.cells[1]?.[1]?.value).toBe('2024/4/1');
  });

  it('the runtime refuses to grow a workbook past 10 million cells, as Sheets does', () => {
    const runtime = loadBundle('function grow(n) { SpreadsheetApp.getActive().getSheets()[0].insertRowsAfter(1, n); }', createModel('t', { sheetNames: ['A'] }));
    runtime.call('grow', 300_000);
    expect(() => runtime.call('grow', 100_000)).toThrow('above the limit of 10000000 cells');
    expect(findSheet(runtime.model, 'A')!.maxRows).toBe(301_000);
  });
});
