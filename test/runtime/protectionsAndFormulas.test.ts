// SPEC §13: a protection refuses writes from a user who is not among its
// editors (a warning-only one does not); a formula reads as its cached
// result, "" as '', and one without a result is refused, never guessed;
// numbers read as their format shows them; font colours survive the .xlsx.
import ExcelJS from 'exceljs';
import { loadBundle, loadWorkbook } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import { roundTrip, runtimeWith, tempFile } from './helpers';

const code = `
  function sheet() { return SpreadsheetApp.getActive().getSheetByName('A'); }
  function put(a1, rows) { sheet().getRange(a1).setValues(rows); }
  function values(a1) { return sheet().getRange(a1).getValues(); }
  function display(a1) { return sheet().getRange(a1).getDisplayValues(); }
  function protectRange(a1, warningOnly) { sheet().getRange(a1).protect().setDescription('確定分').setWarningOnly(warningOnly); }
  function canEdit() { return sheet().getProtections(SpreadsheetApp.ProtectionType.RANGE).map(function (p) { return p.canEdit(); }); }
  function rename(to) { sheet().setName(to); }
  function colours(a1) { return sheet().getRange(a1).getFontColors(); }
  function paint(a1, rows) { sheet().getRange(a1).setFontColors(rows); }
`;

describe('protections', () => {
  it('lets the person who protected a range write to it, and refuses everyone else', () => {
    const owner = runtimeWith(code, ['A'], { user: 'kakari@example.jp' });
    owner.call('protectRange', 'A1:B2', false);
    owner.call('put', 'A1', [['確定']]);
    expect(owner.call('canEdit')).toEqual([true]);
    const other = loadBundle(code, owner.model, { user: 'staff@example.jp' });
    expect(other.call('canEdit')).toEqual([false]);
    expect(() => other.call('put', 'B2', [['上書き']])).toThrow('You are trying to edit a protected cell or object.');
    expect(() => other.call('paint', 'A1', [['#ff0000']])).toThrow('protected cell');
    other.call('put', 'C3', [['範囲の外']]);
    expect(other.call('values', 'A1:C3')).toEqual([['確定', '', ''], ['', '', ''], ['', '', '範囲の外']]);
  });

  it('refuses a protected sheet\'s rename to a non-editor, and lets anyone through a warning-only protection', () => {
    const owner = runtimeWith(code, ['A'], { user: 'kakari@example.jp' });
    findSheet(owner.model, 'A')!.protections.push({ type: 'SHEET', description: '台帳', warningOnly: false, editors: ['kakari@example.jp'] });
    const other = loadBundle(code, owner.model, { user: 'staff@example.jp' });
    expect(() => other.call('rename', 'B')).toThrow('protected cell or object');
    const warned = runtimeWith(code, ['A'], { user: 'kakari@example.jp' });
    warned.call('protectRange', 'A1:B2', true);
    const anyone = loadBundle(code, warned.model, { user: 'staff@example.jp' });
    anyone.call('put', 'A1', [['書けます']]);
    expect(anyone.call('canEdit')).toEqual([true]);
  });
});

describe('formulas', () => {
  it('reads a formula as its cached result, "" as an empty value, and refuses one saved without a result', async () => {
    const path = tempFile('formulas.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('A');
    sheet.getCell('A1').value = { formula: 'IF(B1="","",ROW())', result: '' } as ExcelJS.CellValue;
    sheet.getCell('A2').value = { formula: 'ROW()', result: 2 } as ExcelJS.CellValue;
    sheet.getCell('A3').value = { formula: 'ROW()' } as ExcelJS.CellValue;
    await workbook.xlsx.writeFile(path);
    const runtime = loadBundle(code, await loadWorkbook(path));
    expect(runtime.call('values', 'A1:A2')).toEqual([[''], [2]]);
    expect(() => runtime.call('values', 'A1:A3')).toThrow("'A'!A3 の数式（=ROW()）には計算結果が保存されていないため、読めません（結果を推測しません）");
  });
});

describe('numbers through their format', () => {
  it('shows 12 under 0000 as 0012, and day 45383 under a date format as that date, as Sheets does', () => {
    const runtime = runtimeWith(code);
    const tab = findSheet(runtime.model, 'A')!;
    Object.assign(ensureCell(tab, 1, 1), { value: 12, numberFormat: '0000' });
    Object.assign(ensureCell(tab, 1, 2), { value: 45383, numberFormat: 'yyyy/m/d' });
    Object.assign(ensureCell(tab, 1, 3), { value: 74 });
    expect(runtime.call('display', 'A1:C1')).toEqual([['0012', '2024/4/1', '74']]);
    expect(runtime.call('values', 'A1:C1')).toEqual([[12, 45383, 74]]);
  });
});

it('keeps font colours in the .xlsx', async () => {
  const runtime = runtimeWith(code);
  runtime.call('paint', 'A1:B1', [['#CC0000', '#000000']]);
  const { runtime: loaded } = await roundTrip(runtime.model, code);
  expect(loaded.call('colours', 'A1:B1')).toEqual([['#cc0000', '#000000']]);
});
