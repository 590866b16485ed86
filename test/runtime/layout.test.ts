// What the agenda tab and its print view use: merged cells, borders, font
// size, hidden gridlines and a modeless dialog, as Apps Script documents
// them, kept through an .xlsx round trip.
import { join } from 'node:path';
import { findSheet } from '../../dev/runtime/model';
import { roundTrip, runtimeWith } from './helpers';

const code = `
  function sheet() { return SpreadsheetApp.getActive().getSheetByName('A'); }
  function put(a1, rows) { sheet().getRange(a1).setValues(rows); }
  function merge(a1) { sheet().getRange(a1).merge(); }
  function values(a1) { return sheet().getRange(a1).getValues(); }
  function lay() {
    var s = sheet();
    s.getRange('A1').setFontSize(14);
    s.getRange('A2:C3').setBorder(true, true, true, true, true, true);
    s.getRange('B2').setBorder(null, null, null, false, null, null);
    s.setHiddenGridlines(true);
  }
  function dialog() {
    var page = HtmlService.createHtmlOutput('<p>次第</p>').setWidth(860).setHeight(640);
    SpreadsheetApp.getUi().showModelessDialog(page, '印刷用');
  }
`;

describe('Range.merge', () => {
  it('keeps the top-left value, and replaces merges inside the range', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:C1', [['題', '消える', '消える']]);
    runtime.call('merge', 'B1:C1');
    runtime.call('merge', 'A1:C1');
    expect(runtime.call('values', 'A1:C1')).toEqual([['題', '', '']]);
    expect(findSheet(runtime.model, 'A')!.merges).toEqual([{ row: 1, column: 1, numRows: 1, numColumns: 3 }]);
  });

  it('refuses a merge that cuts through another, with Sheets\' message', () => {
    const runtime = runtimeWith(code);
    runtime.call('merge', 'A1:B1');
    expect(() => runtime.call('merge', 'B1:C1')).toThrow('You must select all cells in a merged range to merge or unmerge them.');
  });
});

describe('borders, font size and gridlines', () => {
  it('draw outer and inner edges, change only what is not null, and count every call', () => {
    const runtime = runtimeWith(code);
    runtime.resetCalls();
    runtime.call('lay');
    const sheet = findSheet(runtime.model, 'A')!;
    expect(sheet.cells[0]![0]!.fontSize).toBe(14);
    expect(sheet.cells[1]![0]!.borders).toEqual({ top: true, left: true, bottom: true, right: true });
    expect(sheet.cells[1]![1]!.borders).toEqual({ top: true, left: true, bottom: true });
    expect(sheet.hiddenGridlines).toBe(true);
    expect(runtime.callsByMethod()).toMatchObject({ 'Range.setFontSize': 1, 'Range.setBorder': 2, 'Sheet.setHiddenGridlines': 1 });
  });

  it('survive saving to .xlsx and loading again, with the merges', async () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:C1', [['題', '', '']]);
    runtime.call('merge', 'A1:C1');
    runtime.call('lay');
    const { model } = await roundTrip(runtime.model, code);
    const sheet = findSheet(model, 'A')!;
    expect(sheet.merges).toEqual([{ row: 1, column: 1, numRows: 1, numColumns: 3 }]);
    expect(sheet.cells[0]![0]).toMatchObject({ value: '題', fontSize: 14 });
    expect(sheet.cells[1]![1]!.borders).toEqual({ top: true, left: true, bottom: true });
    expect(sheet.hiddenGridlines).toBe(true);
  });
});

describe('Ui.showModelessDialog', () => {
  it('is recorded with its title, size and page', () => {
    const runtime = runtimeWith(code, ['A'], { htmlDir: join(__dirname, '../../dist') });
    runtime.call('dialog');
    expect(runtime.dialogs).toEqual([{ title: '印刷用', width: 860, height: 640, content: '<p>次第</p>' }]);
  });
});
