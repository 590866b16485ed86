// 自己診断 from the menu (SPEC §13): it runs in the local runtime, leaves no
// scratch tab behind, schedules one dry run of the daily rebuild that runs in
// a trigger's context and removes itself, never takes the book past 10
// million cells, and writes a Japanese report without case data.
import { loadBundle, type Runtime } from '../../dev/runtime';
import { addSheet, findSheet } from '../../dev/runtime/model';
import type { SelfTestResult } from '../../src/app/selfTest/run';
import { CODE, demoWorkbook, tabNames, tabText } from './helpers';

const ITEMS = [
  'ブック全体のセル数', '利用者のメールアドレス', 'ドキュメントのロック', '時間主導型トリガー', '毎日の自動更新の試運転（トリガーから）',
  '日付・和暦の処理', 'カナ・全角半角の処理', '書式なしテキストの読み書き', '日付と時刻の書き込みと読み取り', '空文字を返す数式の読み取り',
  '共通シートの読み書きの時間',
];
// The local runtime computes no formula and refuses to guess a result (SPEC §13), so the one
// check that only Sheets can answer reports the runtime's refusal here: it never passes by pretending.
const FORMULA_ITEM = '空文字を返す数式の読み取り';
const allOkButFormula = (): Record<string, string> => ({ ...Object.fromEntries(ITEMS.map((item) => [item, 'OK'])), [FORMULA_ITEM]: 'NG' });
const verdicts = (runtime: Runtime): Record<string, string> =>
  Object.fromEntries(tabText(runtime, '自己診断').slice(1, ITEMS.length + 1).map((r) => [r[0], r[1]]));
const totalCells = (runtime: Runtime): number => runtime.model.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);

describe('自己診断', () => {
  it('passes every check in the local runtime once its dry run has run from the trigger, leaving no scratch tab or trigger', () => {
    const runtime = demoWorkbook(30);
    runtime.model.timeZone = 'Pacific/Honolulu'; // dates and times read back in the sheet's zone, not the script's
    const before = tabNames(runtime);
    runtime.call('onOpen');
    const menu = runtime.menus.at(-1)!;
    expect(menu.items).toContainEqual({ kind: 'item', caption: '自己診断', functionName: 'menuSelfTest' });
    runtime.call('menuSelfTest');
    expect(runtime.alerts.at(-1)).toContain('2項目に問題があります');
    expect(verdicts(runtime)).toEqual({ ...allOkButFormula(), '毎日の自動更新の試運転（トリガーから）': '要確認' });
    expect(runtime.model.triggers).toEqual([expect.objectContaining({ handler: 'selfTestTrigger', afterMs: 60_000 })]);

    // The trigger fires: no UI (getUi() would throw), it writes no tab and removes itself.
    const tabsBefore = tabNames(runtime);
    runtime.runTrigger('selfTestTrigger');
    expect(runtime.model.triggers).toEqual([]);
    expect(tabNames(runtime)).toEqual(tabsBefore);

    runtime.call('menuSelfTest');
    expect(runtime.alerts.at(-1)).toContain('1項目に問題があります');
    expect(tabText(runtime, '自己診断').find((r) => r[0] === FORMULA_ITEM)![2]).toContain('計算結果が保存されていない');
    expect(tabNames(runtime)).toEqual([...before, '自己診断']);
    const report = tabText(runtime, '自己診断');
    expect(report[0]).toEqual(['項目', '結果', '詳細']);
    expect(verdicts(runtime)).toEqual(allOkButFormula());
    expect(report.find((r) => r[0] === '毎日の自動更新の試運転（トリガーから）')![2]).toMatch(/年度を集計できました/);
    expect(report.find((r) => r[0] === 'ブック全体のセル数')![2]).toContain(`${totalCells(runtime).toLocaleString('ja-JP')} セル`);
    expect(JSON.stringify(report)).not.toContain('local@example.invalid');
    expect(report.find((r) => r[0] === '利用者のメールアドレス')![2]).toContain('example.invalid');
  });

  it('never takes a book near 10 million cells over: with room for the report tab only, it tries nothing that writes', () => {
    const runtime = demoWorkbook(5);
    const filler = addSheet(runtime.model, '大きな表');
    filler.maxRows = Math.floor((10_000_000 - totalCells(runtime) + filler.maxRows * filler.maxColumns - 40_000) / filler.maxColumns);
    runtime.call('menuSelfTest');
    const found = verdicts(runtime);
    expect(found['ブック全体のセル数']).toBe('要確認');
    expect(found['共通シートの読み書きの時間']).toBe('要確認');
    expect(found['書式なしテキストの読み書き']).toBe('要確認');
    expect(totalCells(runtime)).toBeLessThanOrEqual(10_000_000);
  });

  it('skips only the timed write when the scratch tab fits and a copy of 共通シート would not', () => {
    const runtime = demoWorkbook(5);
    findSheet(runtime.model, '共通シート')!.maxRows = 6000;
    const filler = addSheet(runtime.model, '大きな表');
    filler.maxRows = Math.floor((10_000_000 - totalCells(runtime) + filler.maxRows * filler.maxColumns - 90_000) / filler.maxColumns);
    runtime.call('menuSelfTest');
    const report = tabText(runtime, '自己診断');
    expect(report.find((r) => r[0] === '書式なしテキストの読み書き')![1]).toBe('OK');
    expect(report.find((r) => r[0] === '共通シートの読み書きの時間')!.slice(1)).toEqual(['要確認', expect.stringContaining('計測していません')]);
    expect(totalCells(runtime)).toBeLessThanOrEqual(10_000_000);
  });

  it('answers the sidebar in one google.script.run round trip, with nothing a Date would lose', () => {
    const runtime = demoWorkbook(5);
    const result = runtime.run<SelfTestResult>('runSelfTest');
    expect(result.checks.map((c) => c.item)).toEqual(ITEMS);
    expect(result.checks.every((c) => typeof c.detail === 'string' && c.detail !== '')).toBe(true);
    expect(JSON.stringify(result)).not.toContain('null');
  });

  it('reports what the town must fix instead of failing: no e-mail, no document lock', () => {
    const runtime = demoWorkbook(5);
    const restricted = loadBundle(CODE, runtime.model, { user: '', documentLock: false });
    restricted.call('menuSelfTest');
    const rows = tabText(restricted, '自己診断');
    expect(rows.find((r) => r[0] === '利用者のメールアドレス')?.[1]).toBe('要確認');
    expect(rows.find((r) => r[0] === 'ドキュメントのロック')?.[1]).toBe('NG');
    expect(restricted.alerts.at(-1)).toContain('4項目に問題があります'); // and no dry run yet
  });
});
