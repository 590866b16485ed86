// 入力チェック in the built bundle: finds the demo's planted mistakes and only
// those, marks their cells, clears old marks, keeps users' notes, changes no
// value, and costs the same number of service calls at any size.
import { generateDemo } from '../../dev/demo/generate';
import { cellAt, ensureCell, findSheet, lastRowWithContent } from '../../dev/runtime/model';
import type { CheckResult } from '../../src/app/check';
import { NOTE_TEXTS_PER_CALL_LIMIT } from '../../src/sheets/marks';
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

  it('reports and marks a meeting type whose 本人同意 in 設定 is neither 必要 nor 不要, which then needs consent', () => {
    const runtime = demoWorkbook(20);
    const settings = findSheet(runtime.model, '設定')!;
    const header = tabText(runtime, '設定')[0]!;
    const [nameColumn, consentColumn] = [header.indexOf('会議種別'), header.indexOf('本人同意')];
    ensureCell(settings, 5, nameColumn + 1).value = 'まるごと会議'; // a town adds a meeting and leaves 本人同意 blank
    ensureCell(settings, 3, consentColumn + 1).value = '要';
    const result = runtime.call<CheckResult>('checkEntries', { today: TODAY });
    const onSettings = result.problems.filter((p) => p.sheet === '設定');
    expect(onSettings.map((p) => [p.row, p.column, p.code, p.severity])).toEqual([[3, '本人同意', 'unknown_value', 'error'], [5, '本人同意', 'unknown_value', 'error']]);
    expect(settings.cells[4]![consentColumn]!.background).toBe('#f4cccc');
    expect(settings.cells[4]![consentColumn]!.note).toContain('本人同意が必要な会議として扱います');
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

  describe('writes only the marks that change', () => {
    const CHANGE_LOG_ROW = 16; // the one 変更履歴 row each check with marks appends: 8 values and the 8 formats chosen for them

    it('writes only the planted cells on a first check, and nothing but its 変更履歴 row when nothing changed', () => {
      const runtime = demoWorkbook(1_000);
      runtime.resetCalls();
      const first = runtime.call<CheckResult>('checkEntries', { today: TODAY });
      // each planted cell gets a colour and a note; no other cell is touched
      expect(runtime.cellsWritten).toBe(2 * first.markedCells + CHANGE_LOG_ROW);
      runtime.resetCalls();
      const again = runtime.call<CheckResult>('checkEntries', { today: TODAY });
      expect(again.markedCells).toBe(first.markedCells);
      expect(runtime.cellsWritten).toBe(CHANGE_LOG_ROW);
      expect(Object.keys(runtime.callsByMethod()).filter((m) => m.startsWith('RangeList'))).toEqual([]);
      // Each cell of the checked tabs is read twice, for its value and its note, and
      // no more: its colour is not read (the note says which cells the check marked).
      const checkedTabs = ['共通シート', '支援記録', '会議記録', '支援プラン', '役割分担', '設定'];
      const cells = checkedTabs.reduce((sum, name) => {
        const sheet = findSheet(runtime.model, name)!;
        return sum + lastRowWithContent(sheet) * Math.max(...sheet.cells.slice(0, lastRowWithContent(sheet)).map((row) => row?.length ?? 0));
      }, 0);
      expect(runtime.cellsRead).toBeLessThanOrEqual(2 * cells);
    });

    it('keeps colours and notes the user put on cells without a problem, and the user part of a marked note', () => {
      const runtime = spreadsheetWith('共通シート', [
        ['ケースID', '受付日', 'つなぎ元機関', '本人氏名', '課題領域', '相談の概要', 'つなぎの理由', '本人同意', '状態'],
        ['2024-0001', '2024/4/1', '地域包括支援センター', '山田 花子', '介護', '概要', '理由', '', '受付'],
        ['2024-0002', '2024/4/2', '地域包括支援センター', '佐藤 一郎', '介護', '概要', '理由', 'あり', '受付'],
      ]);
      const sheet = findSheet(runtime.model, '共通シート')!;
      Object.assign(ensureCell(sheet, 3, 4), { background: '#c9daf8', note: '旧姓は鈴木' });
      Object.assign(ensureCell(sheet, 2, 8), { note: '本人に確認中（田中）' });
      runtime.call('checkEntries', { today: TODAY });
      cellAt(sheet, 2, 8)!.value = 'なし';
      runtime.resetCalls();
      runtime.call('checkEntries', { today: TODAY });
      expect(cellAt(sheet, 3, 4)).toMatchObject({ background: '#c9daf8', note: '旧姓は鈴木' });
      expect(cellAt(sheet, 2, 8)!.note).toBe('本人に確認中（田中）');
      expect(cellAt(sheet, 2, 8)!.background).toBeUndefined();
      expect(runtime.cellsWritten).toBe(2 + CHANGE_LOG_ROW);
    });

    it('writes many different notes in one block, keeping the notes between them, when there are too many texts for one call each', () => {
      const agencies = Array.from({ length: NOTE_TEXTS_PER_CALL_LIMIT + 5 }, (_, i) => `架空機関${i + 1}`);
      const runtime = spreadsheetWith('共通シート', [
        ['ケースID', '受付日', 'つなぎ元機関', '本人氏名', '課題領域', '相談の概要', 'つなぎの理由', '本人同意', '状態'],
        ...agencies.map((agency, i) => [`2024-${String(i + 1).padStart(4, '0')}`, '2024/4/1', agency, '山田 花子', '介護', '概要', '理由', 'あり', '受付']),
      ]);
      const sheet = findSheet(runtime.model, '共通シート')!;
      ensureCell(sheet, 5, 4).note = '旧姓は鈴木';
      runtime.resetCalls();
      const before = runtime.call<CheckResult>('checkEntries', { today: TODAY });
      expect(runtime.callsByMethod()).toMatchObject({ 'Range.setNotes': 1 });
      expect(runtime.callsByMethod()['RangeList.setNote']).toBeUndefined();
      const agencyProblems = before.problems.filter((p) => p.column === 'つなぎ元機関');
      expect(agencyProblems).toHaveLength(agencies.length);
      for (const p of agencyProblems) {
        expect(cellAt(sheet, p.row, 3)!.note).toBe(`【入力チェック】\n・${p.severity === 'error' ? 'エラー' : '注意'}：${p.message.replace(/^[^：]*：/, '')}`);
      }
      expect(cellAt(sheet, 5, 4)!.note).toBe('旧姓は鈴木');
      runtime.resetCalls();
      agencies.forEach((_, i) => { cellAt(sheet, i + 2, 3)!.value = '地域包括支援センター'; });
      runtime.call('checkEntries', { today: TODAY });
      expect(agencies.map((_, i) => cellAt(sheet, i + 2, 3)!.note)).toEqual(agencies.map(() => undefined));
      expect(cellAt(sheet, 5, 4)!.note).toBe('旧姓は鈴木');
      expect(runtime.callsByMethod()['RangeList.setNote']).toBe(1); // all cleared notes share one text: ''
    });
  });

  describe('gives a town\'s own cell colour back when its mark clears (SPEC §6)', () => {
    const HEADER = ['ケースID', '受付日', 'つなぎ元機関', '本人氏名', '課題領域', '相談の概要', 'つなぎの理由', '本人同意', '状態'];
    const row = (id: string, name: string) => [id, '2024/4/1', '地域包括支援センター', name, '介護', '概要', '理由', '', '受付'];
    const CONSENT = 8;

    it('yellow again after a sort, none where there was none, and the town\'s new colour where it recoloured a marked cell', () => {
      const runtime = spreadsheetWith('共通シート', [HEADER, row('2024-0001', '山田 花子'), row('2024-0002', '佐藤 一郎'), row('2024-0003', '鈴木 次郎')]);
      const sheet = findSheet(runtime.model, '共通シート')!;
      ensureCell(sheet, 2, CONSENT).background = '#ffff00'; // the town's yellow for "ask again"
      ensureCell(sheet, 4, CONSENT).background = '#d9ead3';
      runtime.call('checkEntries', { today: TODAY });
      expect([2, 3, 4].map((r) => cellAt(sheet, r, CONSENT)!.background)).toEqual(['#f4cccc', '#f4cccc', '#f4cccc']);
      expect(cellAt(sheet, 2, CONSENT)!.note).toBe('【入力チェック】\n・エラー：本人同意が空欄です。入力してください。\n（入力チェック前の背景色：#ffff00）');
      expect(cellAt(sheet, 3, CONSENT)!.note).toBe('【入力チェック】\n・エラー：本人同意が空欄です。入力してください。');
      // Sorted by 本人氏名 descending (a sort moves each row's values, notes and colours together) …
      sheet.cells.splice(1, 3, sheet.cells[1]!, sheet.cells[3]!, sheet.cells[2]!);
      // … and the town recolours 鈴木's marked cell while it is marked.
      cellAt(sheet, 3, CONSENT)!.background = '#c9daf8';
      for (const r of [2, 3, 4]) cellAt(sheet, r, CONSENT)!.value = 'あり';
      runtime.call('checkEntries', { today: TODAY });
      const byName = (name: string) => cellAt(sheet, sheet.cells.findIndex((cells) => cells?.[3]?.value === name) + 1, CONSENT)!;
      expect(['山田 花子', '佐藤 一郎', '鈴木 次郎'].map((name) => [byName(name).background, byName(name).note])).toEqual([
        ['#ffff00', undefined], [undefined, undefined], ['#c9daf8', undefined],
      ]);
    });

    it('keeps the colour to give back while the mark changes, and reads no colour when no mark changes', () => {
      const runtime = spreadsheetWith('共通シート', [HEADER, row('2024-0001', '山田 花子')]);
      const sheet = findSheet(runtime.model, '共通シート')!;
      ensureCell(sheet, 2, CONSENT).background = '#ffff00';
      runtime.call('checkEntries', { today: TODAY });
      runtime.resetCalls();
      runtime.call('checkEntries', { today: TODAY });
      expect(runtime.callsByMethod()['Range.getBackgrounds']).toBeUndefined();
      cellAt(sheet, 2, CONSENT)!.value = '未確認'; // another problem on the same cell: the mark's text changes
      runtime.call('checkEntries', { today: TODAY });
      expect(cellAt(sheet, 2, CONSENT)!.note).toContain('（入力チェック前の背景色：#ffff00）');
      cellAt(sheet, 2, CONSENT)!.value = 'あり';
      runtime.call('checkEntries', { today: TODAY });
      expect(cellAt(sheet, 2, CONSENT)).toMatchObject({ background: '#ffff00' });
      expect(cellAt(sheet, 2, CONSENT)!.note).toBeUndefined();
    });
  });
});
