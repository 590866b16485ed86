// The runtime counts the cells each call reads and writes, as it counts calls,
// times the calls inside its services, and RangeList changes only the cells of its ranges.
import { cellAt, findSheet } from '../../dev/runtime/model';
import { runtimeWith } from './helpers';

const code = `
  function fill() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    sheet.getRange(1, 1, 3, 4).setValues([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]]);
    sheet.appendRow(['a', 'b']);
  }
  function readBack() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    var range = sheet.getDataRange();
    return [range.getValues(), range.getNotes(), sheet.getRange('B2').getValue()];
  }
  function markScattered() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    sheet.getRangeList(['A1', 'C2:D3']).setBackground('#F4CCCC');
    sheet.getRangeList(['B2']).setNote('要確認');
    sheet.getRangeList(['B1']).clearNote();
  }
  function readPart() {
    return SpreadsheetApp.getActive().getSheetByName('A').getSheetValues(2, 2, 2, 3);
  }
  function readPastGrid() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    try { sheet.getSheetValues(1, 1, sheet.getMaxRows() + 1, 1); } catch (e) { return e.message; }
  }
  function readToLastRow() {
    try { SpreadsheetApp.getActive().getSheetByName('A').getSheetValues(1, 1, -1, 1); } catch (e) { return e.message; }
  }
  function emptyList() {
    try { SpreadsheetApp.getActive().getSheetByName('A').getRangeList([]); } catch (e) { return e.message; }
  }
`;

describe('cell counting', () => {
  it('counts a range read or written by its area, an appended row by its length, a single value as one', () => {
    const runtime = runtimeWith(code);
    runtime.call('fill');
    expect([runtime.cellsRead, runtime.cellsWritten]).toEqual([0, 12 + 2]);
    runtime.resetCalls();
    runtime.call('readBack');
    expect([runtime.cellsRead, runtime.cellsWritten]).toEqual([16 + 16 + 1, 0]);
  });

  it('reads part of a sheet with getSheetValues in one call, counting the area read', () => {
    const runtime = runtimeWith(code);
    runtime.call('fill');
    runtime.resetCalls();
    expect(runtime.call('readPart')).toEqual([[6, 7, 8], [10, 11, 12]]);
    expect(runtime.callsByMethod()).toEqual({ 'SpreadsheetApp.getActive': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getSheetValues': 1 });
    expect(runtime.cellsRead).toBe(6);
  });

  it('refuses getSheetValues past the grid, and the -1 the add-on never uses', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('readPastGrid')).toMatch(/outside the dimensions of the sheet/);
    expect(runtime.call('readToLastRow')).toMatch(/getSheetValues/);
  });

  it('times the calls inside the emulated services, and zeroes that time with the counts', () => {
    const runtime = runtimeWith(code);
    runtime.call('fill');
    expect(runtime.serviceMs).toBeGreaterThan(0);
    runtime.resetCalls();
    expect(runtime.serviceMs).toBe(0);
    runtime.call('emptyList');
    expect(runtime.serviceMs).toBeGreaterThan(0); // a refused call is timed too, as it is counted
  });

  it('writes a RangeList to its cells only and counts only those', () => {
    const runtime = runtimeWith(code);
    runtime.call('fill');
    runtime.resetCalls();
    runtime.call('markScattered');
    expect(runtime.cellsWritten).toBe(1 + 4 + 1 + 1);
    expect(runtime.callsByMethod()).toEqual({
      'SpreadsheetApp.getActive': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getRangeList': 3,
      'RangeList.setBackground': 1, 'RangeList.setNote': 1, 'RangeList.clearNote': 1,
    });
    const sheet = findSheet(runtime.model, 'A')!;
    const colored = [[1, 1], [1, 2], [2, 3], [2, 4], [3, 3], [3, 4], [2, 2]].filter(([r, c]) => cellAt(sheet, r!, c!)?.background === '#f4cccc');
    expect(colored).toEqual([[1, 1], [2, 3], [2, 4], [3, 3], [3, 4]]);
    expect(cellAt(sheet, 2, 2)?.note).toBe('要確認');
    expect(cellAt(sheet, 2, 1)?.note).toBeUndefined();
  });

  it('refuses an empty RangeList as Apps Script does', () => {
    expect(runtimeWith(code).call('emptyList')).toMatch(/getRangeList/);
  });
});
