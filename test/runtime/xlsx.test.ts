// What survives saving to .xlsx and loading back.
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { createModel, loadWorkbook, saveWorkbook, WorkbookFileError } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import { roundTrip, runtimeWith, tempFile } from './helpers';

const read = `
  function readAll() {
    return SpreadsheetApp.getActive().getSheets().map(function (s) { return [s.getName(), s.getDataRange().getValues()]; });
  }
  function names() { return SpreadsheetApp.getActive().getSheets().map(function (s) { return s.getName(); }); }
`;

describe('dates', () => {
  const write = `${read}
    function writeDates() {
      SpreadsheetApp.getActive().getSheetByName('A').getRange('A1:A2').setValues([
        [new Date('2024-03-31T15:00:00Z')],   // 2024-04-01 00:00 in Tokyo
        [new Date('1949-05-31T14:00:00Z')],   // 1949-06-01 00:00 in Tokyo, under summer time (UTC+10)
      ]);
    }`;

  it('come back as Dates at midnight Asia/Tokyo, on the same calendar day', async () => {
    const runtime = runtimeWith(write);
    runtime.call('writeDates');
    const { runtime: loaded, path } = await roundTrip(runtime.model, write);
    const values = loaded.call<[string, unknown[][]][]>('readAll')[0]![1];
    expect(values[0]?.[0]).toBeInstanceOf(Date);
    expect((values[0]?.[0] as Date).toISOString()).toBe('2024-03-31T15:00:00.000Z');
    expect((values[1]?.[0] as Date).toISOString()).toBe('1949-05-31T14:00:00.000Z');

    // The file itself holds the calendar days, as Excel shows them.
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    const sheet = book.getWorksheet('A')!;
    expect((sheet.getCell('A1').value as Date).toISOString()).toBe('2024-04-01T00:00:00.000Z');
    expect((sheet.getCell('A2').value as Date).toISOString()).toBe('1949-06-01T00:00:00.000Z');
  });
});

describe('round trip', () => {
  const furnish = `${read}
    function furnish() {
      var ss = SpreadsheetApp.getActive();
      var settings = ss.getSheetByName('設定');
      settings.getRange('A1:A3').setValues([['機関'], ['地域包括支援センター'], ['社会福祉協議会']]);
      var cases = ss.getSheetByName('共通シート');
      cases.getRange('A1:D2').setValues([['ケースID', '受付日', '状態', '計'], ["'2024-0001", new Date('2024-03-31T15:00:00Z'), '受付', '=1+1']]);
      cases.getRange('A1').setNote('2024-0001 の形式').setBackground('#fde2e1');
      cases.getRange('A2:A').setNumberFormat('@');
      cases.getRange('B2:B').setNumberFormat('yyyy-mm-dd');
      var SV = SpreadsheetApp.newDataValidation;
      cases.getRange('C2:C10').setDataValidation(SV().requireValueInList(['受付', '支援中', '終結'], true).setAllowInvalid(false).setHelpText('状態を選ぶ').build());
      cases.getRange('E2:E10').setDataValidation(SV().requireValueInRange(settings.getRange('A2:A200')).build());
      cases.getRange('B2:B10').setDataValidation(SV().requireDate().setAllowInvalid(true).build());
      cases.setFrozenRows(1);
      cases.setColumnWidths(1, 2, 140);
      cases.insertColumnsAfter(26, 6);
      cases.getRange('A1:AF1').protect().setDescription('見出し行').setWarningOnly(true);
      ss.getSheetByName('変更履歴').protect().setDescription('追記のみ');
      ss.getSheetByName('設定').hideSheet();
      PropertiesService.getDocumentProperties().setProperties({ schemaVersion: '1', lastCaseId: '2024-0001' });
    }
    function inspect() {
      var ss = SpreadsheetApp.getActive();
      var cases = ss.getSheetByName('共通シート');
      var rules = cases.getRange('B2:E2').getDataValidations()[0];
      var range = rules[3].getCriteriaValues()[0];
      var protections = cases.getProtections(SpreadsheetApp.ProtectionType.RANGE);
      var log = ss.getSheetByName('変更履歴').getProtections(SpreadsheetApp.ProtectionType.SHEET);
      return {
        values: cases.getRange('A2:C2').getValues(),
        formulas: cases.getRange('D2').getFormulas(),
        display: cases.getRange('B2').getDisplayValues(),
        note: cases.getRange('A1').getNote(),
        background: cases.getRange('A1').getBackgrounds(),
        formats: cases.getRange('A2:B2').getNumberFormats(),
        list: [rules[1].getCriteriaType(), rules[1].getCriteriaValues(), rules[1].getAllowInvalid(), rules[1].getHelpText()],
        date: [rules[0].getCriteriaType(), rules[0].getAllowInvalid()],
        source: [rules[3].getCriteriaType(), range.getSheet().getName(), range.getA1Notation()],
        frozen: cases.getFrozenRows(),
        widths: [cases.getColumnWidth(1), cases.getColumnWidth(2), cases.getColumnWidth(3)],
        protection: protections.map(function (p) { return [p.getDescription(), p.isWarningOnly(), p.getRange().getA1Notation()]; }),
        sheetProtection: log.map(function (p) { return p.getDescription(); }),
        hidden: ss.getSheetByName('設定').isSheetHidden(),
        properties: PropertiesService.getDocumentProperties().getProperties(),
        order: ss.getSheets().map(function (s) { return s.getName(); }),
        ids: ss.getSheets().map(function (s) { return s.getSheetId(); }),
      };
    }`;

  it('keeps values, formats, notes, validations, frozen rows, widths, protections and properties', async () => {
    const runtime = runtimeWith(furnish, ['共通シート', '設定', '変更履歴']);
    runtime.call('furnish');
    const before = runtime.call('inspect');
    const { runtime: loaded } = await roundTrip(runtime.model, furnish);
    const after = loaded.call('inspect');
    expect(after).toEqual(before);
    expect(after).toEqual({
      values: [['2024-0001', new Date('2024-03-31T15:00:00Z'), '受付']],
      formulas: [['=1+1']],
      display: [['2024-04-01']],
      note: '2024-0001 の形式',
      background: [['#fde2e1']],
      formats: [['@', 'yyyy-mm-dd']],
      list: ['VALUE_IN_LIST', [['受付', '支援中', '終結'], true], false, '状態を選ぶ'],
      date: ['DATE_IS_VALID_DATE', true],
      source: ['VALUE_IN_RANGE', '設定', 'A2:A200'],
      frozen: 1,
      widths: [140, 140, 100],
      protection: [['見出し行', true, 'A1:AF1']],
      sheetProtection: ['追記のみ'],
      hidden: true,
      properties: { schemaVersion: '1', lastCaseId: '2024-0001' },
      order: ['共通シート', '設定', '変更履歴'],
      ids: [0, 1, 2],
    });
  });

  it('writes validations Excel understands, and hides the metadata sheet', async () => {
    const runtime = runtimeWith(furnish, ['共通シート', '設定', '変更履歴']);
    runtime.call('furnish');
    const { runtime: loaded, path } = await roundTrip(runtime.model, furnish);
    expect(loaded.call('names')).toEqual(['共通シート', '設定', '変更履歴']);
    const book = new ExcelJS.Workbook();
    await book.xlsx.readFile(path);
    expect(book.getWorksheet('_appsscript')?.state).toBe('veryHidden');
    expect(book.getWorksheet('設定')?.state).toBe('hidden');
    const cases = book.getWorksheet('共通シート')!;
    expect(cases.getCell('C2').dataValidation).toMatchObject({ type: 'list', formulae: ['"受付,支援中,終結"'], errorStyle: 'stop' });
    expect(cases.getCell('E2').dataValidation).toMatchObject({ type: 'list', formulae: ["'設定'!$A$2:$A$200"], errorStyle: 'warning' });
    expect(cases.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(cases.getColumn(1).width).toBeCloseTo(20);
  });

  it('sizes a loaded sheet like Sheets: at least 1000 rows and 26 columns', async () => {
    const code = `${read}
      function grow() { var s = SpreadsheetApp.getActive().getSheetByName('A'); s.insertRowsAfter(1000, 500); s.getRange(1200, 1).setValue('x'); }
      function size() { var s = SpreadsheetApp.getActive().getSheetByName('A'); return [s.getMaxRows(), s.getMaxColumns()]; }`;
    const runtime = runtimeWith(code, ['A', 'B']);
    runtime.call('grow');
    const { model } = await roundTrip(runtime.model, code);
    expect(model.sheets.map((s) => [s.name, s.maxRows, s.maxColumns])).toEqual([['A', 1200, 26], ['B', 1000, 26]]);
  });

  it('keeps sheet names Excel cannot hold', async () => {
    const long = '次第_2024-04-01_重層的相談支援連絡会議（第2回・臨時開催分）';
    const runtime = runtimeWith(read, [long, 'a/b']);
    const { runtime: loaded } = await roundTrip(runtime.model, read);
    expect(loaded.call('names')).toEqual([long, 'a/b']);
  });
});

describe('files that are not workbooks', () => {
  it('rejects a missing file', async () => {
    await expect(loadWorkbook(tempFile('missing.xlsx'))).rejects.toMatchObject({ name: 'WorkbookFileError', reason: 'missing' });
  });

  it('rejects a file that is not an .xlsx', async () => {
    const path = tempFile('notes.xlsx');
    writeFileSync(path, 'これはExcelではありません');
    const error: unknown = await loadWorkbook(path).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkbookFileError);
    expect(error).toMatchObject({ reason: 'unreadable' });
    expect((error as Error).message).toContain('is not an .xlsx workbook');
  });
});

describe('data validations in the saved file', () => {
  it('are written as one range per column run, never overlapping (Excel rejects overlaps)', async () => {
    const model = createModel('v', { sheetNames: ['A'] });
    const sheet = findSheet(model, 'A')!;
    for (let row = 2; row <= 30; row++) {
      ensureCell(sheet, row, 2).validation = { criteria: { type: 'DATE_IS_VALID_DATE' }, allowInvalid: true, helpText: '' };
      ensureCell(sheet, row, 3).validation = { criteria: { type: 'VALUE_IN_LIST', values: row < 12 ? ['あり'] : ['なし'], showDropdown: true }, allowInvalid: true, helpText: '' };
    }
    const path = tempFile('validations.xlsx');
    await saveWorkbook(model, path);
    const zip = await JSZip.loadAsync(await readFile(path));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const sqrefs = [...xml.matchAll(/sqref="([^"]+)"/g)].map((m) => m[1]).sort();
    expect(sqrefs).toEqual(['B2:B30', 'C12:C30', 'C2:C11']);
  });
});
