// シートを準備 in the built bundle: the standard tabs with their furniture,
// created once, logged, under the document lock.
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { findSheet } from '../../dev/runtime/model';
import { newSpreadsheet, spreadsheetWith, tabNames, tabText, TODAY } from './helpers';

describe('シートを準備', () => {
  it('turns a new spreadsheet into the standard workbook', () => {
    const runtime = newSpreadsheet();
    const result = runtime.call<{ createdTabs: string[]; renamedTab: string | null }>('prepareWorkbook', { today: TODAY });
    expect(result).toEqual({ createdTabs: ['支援記録', '会議記録', '支援プラン', '役割分担', '設定', '変更履歴'], renamedTab: 'シート1' });
    expect(tabNames(runtime)).toEqual(['共通シート', '支援記録', '会議記録', '支援プラン', '役割分担', '設定', '変更履歴']);
    const header = tabText(runtime, '共通シート')[0]!;
    expect(header).toHaveLength(31);
    expect(header.slice(0, 4)).toEqual(['ケースID', '受付日', 'つなぎ元機関', 'つなぎ元分野']);
    expect(tabText(runtime, '支援記録')[0]).toEqual(['記録ID', 'ケースID', '対象', '実施日', '種別', '対応者', '訪問人数', '内容']);
    const settings = tabText(runtime, '設定');
    expect(settings[1]!.slice(0, 2)).toEqual(['地域包括支援センター', '高齢']);
    expect(settings.filter((row) => row[0]).length - 1).toBe(DEFAULT_SETTINGS.agencies.length);
    // Each new tab is as wide as its columns: Sheets counts empty cells against the workbook's 10 million.
    for (const name of ['支援記録', '会議記録', '支援プラン', '役割分担', '設定', '変更履歴']) {
      expect(findSheet(runtime.model, name)!.maxColumns).toBe(tabText(runtime, name)[0]!.length);
    }
  });

  it('furnishes 共通シート: frozen, protected header with help notes, dropdowns from 設定, dates checked', () => {
    const runtime = newSpreadsheet();
    runtime.call('prepareWorkbook', { today: TODAY });
    const sheet = findSheet(runtime.model, '共通シート')!;
    expect(sheet.frozenRows).toBe(1);
    const protection = sheet.protections.find((p) => p.type === 'RANGE');
    expect(protection).toMatchObject({ warningOnly: true, rect: { row: 1, column: 1, numRows: 1, numColumns: 31 } });
    expect(sheet.cells[0]![1]!.note).toContain('令和6年4月1日');
    const settingsId = findSheet(runtime.model, '設定')!.id;
    const agency = sheet.cells[1]![2]!.validation!;
    expect(agency.criteria).toMatchObject({ type: 'VALUE_IN_RANGE', source: { sheetId: settingsId, column: 1 } });
    expect(agency.allowInvalid).toBe(true);
    expect(agency.helpText).toBe('一覧から選んでください。');
    // 関係機関 takes several agencies from the same 設定 list, and its help says how to write them.
    const related = sheet.cells[1]![tabText(runtime, '共通シート')[0]!.indexOf('関係機関')]!.validation!;
    expect(related.criteria).toMatchObject({ type: 'VALUE_IN_RANGE', source: { sheetId: settingsId, column: 1 } });
    expect(related.helpText).toBe('一覧から選ぶか、複数なら「、」で区切って入力してください。');
    expect(sheet.cells[999]![17]!.validation!.criteria).toEqual({ type: 'VALUE_IN_LIST', values: ['あり', 'なし', '確認中'], showDropdown: true });
    expect(sheet.cells[1]![1]!.validation!.criteria).toEqual({ type: 'DATE_IS_VALID_DATE' });
    expect(sheet.cells[1]![1]!.numberFormat).toBe('yyyy-mm-dd');
    // 圏域 has no list by default, so any value is accepted.
    expect(sheet.cells[1]![10]!.validation).toBeUndefined();
  });

  it('furnishes 支援プラン and 役割分担 with dropdowns from 設定, 担当 also offering 本人・家族・地域', () => {
    const runtime = newSpreadsheet();
    runtime.call('prepareWorkbook', { today: TODAY });
    expect(tabText(runtime, '支援プラン')[0]!.slice(0, 4)).toEqual(['ケースID', '版', '状態', '作成日']);
    expect(tabText(runtime, '役割分担')[0]).toEqual(['ケースID', '版', '課題', '担当', '担当者', '支援内容', '頻度', '期限', '実施状況', '評価メモ']);
    const plans = findSheet(runtime.model, '支援プラン')!;
    const settingsId = findSheet(runtime.model, '設定')!.id;
    expect(plans.frozenRows).toBe(1);
    expect(plans.cells[1]![2]!.validation!.criteria).toEqual({ type: 'VALUE_IN_LIST', values: ['案', '決定', '終了'], showDropdown: true });
    expect(plans.cells[1]![4]!.validation!.criteria).toMatchObject({ type: 'VALUE_IN_RANGE', source: { sheetId: settingsId, column: 1 } });
    expect(plans.cells[1]![3]!.validation!.criteria).toEqual({ type: 'DATE_IS_VALID_DATE' });
    const owner = findSheet(runtime.model, '役割分担')!.cells[1]![3]!.validation!;
    expect(owner.criteria).toEqual({
      type: 'VALUE_IN_LIST', values: [...DEFAULT_SETTINGS.agencies.map((a) => a.name), '本人', '家族', '地域'], showDropdown: true,
    });
    expect(owner.allowInvalid).toBe(true);
  });

  it('runs under the document lock and logs the tabs it made to 変更履歴', () => {
    const runtime = newSpreadsheet();
    runtime.call('prepareWorkbook', { today: TODAY });
    expect(runtime.lockAcquisitions).toBe(1);
    expect(runtime.writes.length).toBeGreaterThan(0);
    expect(runtime.writes.filter((w) => !w.locked)).toEqual([]);
    const log = tabText(runtime, '変更履歴');
    expect(log[0]).toEqual(['日時', '利用者', '操作', 'シート', 'ケースID', '項目', '変更前', '変更後']);
    expect(log.slice(1).map((row) => [row[1], row[2], row[3]])).toEqual([
      ['local@example.invalid', 'シートを準備', '共通シート'],
      ['local@example.invalid', 'シートを準備', '支援記録'],
      ['local@example.invalid', 'シートを準備', '会議記録'],
      ['local@example.invalid', 'シートを準備', '支援プラン'],
      ['local@example.invalid', 'シートを準備', '役割分担'],
      ['local@example.invalid', 'シートを準備', '設定'],
      ['local@example.invalid', 'シートを準備', '変更履歴'],
    ]);
    expect(findSheet(runtime.model, '変更履歴')!.protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
  });

  it('creates nothing the second time and leaves a hand-made tab alone', () => {
    const runtime = spreadsheetWith('名簿', [['氏名', '電話'], ['山田', '0123']]);
    runtime.call('prepareWorkbook', { today: TODAY });
    const first = tabNames(runtime);
    expect(first).toEqual(['名簿', '共通シート', '支援記録', '会議記録', '支援プラン', '役割分担', '設定', '変更履歴']);
    expect(tabText(runtime, '名簿')).toEqual([['氏名', '電話'], ['山田', '0123']]);
    const logRows = tabText(runtime, '変更履歴').length;
    expect(runtime.call('prepareWorkbook', { today: TODAY })).toEqual({ createdTabs: [], renamedTab: null });
    expect(tabNames(runtime)).toEqual(first);
    expect(tabText(runtime, '変更履歴')).toHaveLength(logRows);
  });

  it('refuses arguments it does not know, in Japanese', () => {
    expect(() => newSpreadsheet().call('prepareWorkbook', { today: '2026-02-30' })).toThrow(/日付は 2024-04-01 の形/);
    expect(() => newSpreadsheet().call('prepareWorkbook', { sheet: 'x' })).toThrow('指定された内容を読み取れませんでした（引数: 認識されていないキー: "sheet"）。');
  });
});
