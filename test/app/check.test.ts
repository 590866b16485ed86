// 入力チェック in the built bundle: finds the demo's planted mistakes and only
// those, marks their cells, clears old marks, keeps users' notes, changes no
// value, and costs the same number of service calls at any size.
import { generateDemo } from '../../dev/demo/generate';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { CheckResult } from '../../src/app/check';
import { demoWorkbook, spreadsheetWith, tabText, TODAY } from './helpers';

const key = (p: { sheet: string; row: number; field: string; code: string }) => `${p.sheet}:${p.row}:${p.field}:${p.code}`;

describe('入力チェック', () => {
  it('reports exactly the mistakes planted in the demo', () => {
    const runtime = demoWorkbook(60);
    const result = runtime.call<CheckResult>('checkEntries', { today: TODAY, mark: false });
    const planted = generateDemo({ cases: 60, seed: 1, today: TODAY }).planted;
    expect(result.problems.map(key).sort()).toEqual(planted.map(key).sort());
    expect(result.counts.error + result.counts.warning).toBe(planted.length);
  });

  it('changes no value of any tab', () => {
    const runtime = demoWorkbook(60);
    const before = runtime.model.sheets.map((s) => [s.name, tabText(runtime, s.name)]);
    runtime.call('checkEntries', { today: TODAY });
    const after = runtime.model.sheets.filter((s) => s.name !== '変更履歴').map((s) => [s.name, tabText(runtime, s.name)]);
    expect(after).toEqual(before.filter(([name]) => name !== '変更履歴'));
  });

  it('marks problem cells with a colour and a note saying in words whether it is an エラー or a 注意, and how to fix it', () => {
    const runtime = demoWorkbook(60);
    const result = runtime.call<CheckResult>('checkEntries', { today: TODAY });
    const cases = findSheet(runtime.model, '共通シート')!;
    const closing = result.problems.find((p) => p.code === 'closing_required')!;
    const cell = cases.cells[closing.row - 1]![27]!;
    expect(cell.background).toBe('#f4cccc');
    expect(cell.note).toBe('【入力チェック】\n・エラー：状態が「終結」のときは終結理由が必要です。入力してください。');
    const overdue = result.problems.find((p) => p.code === 'monitoring_overdue')!;
    expect(cases.cells[overdue.row - 1]![25]!.background).toBe('#fff2cc');
    expect(cases.cells[overdue.row - 1]![25]!.note).toMatch(/^【入力チェック】\n・注意：/);
    expect(result.markedCells).toBe(result.problems.length);
    const log = tabText(runtime, '変更履歴');
    expect(log[log.length - 1]!.slice(2)).toEqual(['入力チェック', '共通シート', '', '', '', 'エラー10件・注意2件（12か所に印）']);
  });

  it('clears its old marks once a problem is fixed, and keeps a note the user wrote', () => {
    const runtime = spreadsheetWith('共通シート', [
      ['ケースID', '受付日', 'つなぎ元機関', '本人氏名', '課題領域', '相談の概要', 'つなぎの理由', '本人同意', '状態'],
      ['2024-0001', '2024/4/1', '地域包括支援センター', '山田', '介護', '概要', '理由', '', '受付'],
    ]);
    ensureCell(findSheet(runtime.model, '共通シート')!, 2, 8).note = '本人に確認中（田中）';
    runtime.call('checkEntries', { today: TODAY });
    const consent = findSheet(runtime.model, '共通シート')!.cells[1]![7]!;
    expect(consent.background).toBe('#f4cccc');
    expect(consent.note).toBe('本人に確認中（田中）\n\n【入力チェック】\n・エラー：本人同意が空欄です。入力してください。');
    consent.value = 'なし';
    runtime.call('checkEntries', { today: TODAY });
    expect(consent.background).toBeUndefined();
    expect(consent.note).toBe('本人に確認中（田中）');
  });

  it('reads only: the check alone makes no write', () => {
    const runtime = demoWorkbook(60);
    const writes = runtime.writes.length;
    runtime.call('checkEntries', { today: TODAY, mark: false });
    expect(runtime.writes.length).toBe(writes);
  });

  it('refuses a workbook without 共通シート, saying what to do', () => {
    const runtime = spreadsheetWith('名簿', [['氏名']]);
    expect(() => runtime.call('checkEntries', { today: TODAY })).toThrow(/「共通シート」タブがありません。.*シートを準備/);
  });

  const workbooks = new Map<number, ReturnType<typeof demoWorkbook>>();
  it.each([false, true])('makes the same number of service calls for 100 and 10,000 cases (mark: %s)', (mark) => {
    const callsFor = (cases: number) => {
      const runtime = workbooks.get(cases) ?? demoWorkbook(cases);
      workbooks.set(cases, runtime);
      runtime.resetCalls();
      runtime.call('checkEntries', { today: TODAY, mark });
      return runtime.calls;
    };
    const small = callsFor(100);
    expect(small).toBeGreaterThan(0);
    expect(callsFor(10_000)).toBe(small);
  });
});
