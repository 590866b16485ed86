// Too large for one Apps Script run (SPEC §13): a Japanese message before
// anything changes, not a crash halfway.
import { createModel, loadBundle } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import { spreadsheetWith, tabNames } from './helpers';

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
