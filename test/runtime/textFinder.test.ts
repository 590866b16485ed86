// TextFinder as the reference describes it, taken strictly: a partial match
// ignoring case by default, on the displayed value, with the matches only;
// rows hidden in the sheet are not searched (the reference does not promise
// they are), and options the add-on does not use are refused, not guessed.
import { findSheet } from '../../dev/runtime/model';
import { runtimeWith } from './helpers';

const code = `
  function column() { return SpreadsheetApp.getActive().getSheetByName('A').getRange('B2:B'); }
  function put(rows) { SpreadsheetApp.getActive().getSheetByName('A').getRange(1, 1, rows.length, 2).setValues(rows); }
  function findAll(text, entire, matchCase) {
    var finder = column().createTextFinder(text);
    if (entire) finder.matchEntireCell(true);
    if (matchCase) finder.matchCase(true);
    return finder.findAll().map(function (cell) { return cell.getA1Notation(); });
  }
  function findNext(text) { var f = column().createTextFinder(text); return [f.findNext(), f.findNext(), f.findNext()].map(function (c) { return c && c.getA1Notation(); }); }
  function regex(text) { return column().createTextFinder(text).useRegularExpression(true).findAll().length; }
  function formatted() {
    var s = SpreadsheetApp.getActive().getSheetByName('A');
    s.getRange('B6').setValue(7).setNumberFormat('0000');
  }
`;

describe('TextFinder', () => {
  const rows = [['ID', 'ケースID'], ['R1', '2026-0003'], ['R2', ' 2026-0003 '], ['R3', '2026-00031'], ['R4', 'r2026-0003x'], ['R5', '']];

  it('matches part of a cell and ignores case unless told otherwise, and returns only the matches', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', rows);
    runtime.resetCalls();
    expect(runtime.call('findAll', '2026-0003')).toEqual(['B2', 'B3', 'B4', 'B5']);
    // The search runs in Sheets: no cell of the column is read by the script.
    expect(runtime.cellsRead).toBe(0);
    expect(runtime.call('findAll', '2026-0003', true)).toEqual(['B2']);
    expect(runtime.call('findAll', 'R2026', false, true)).toEqual([]);
    expect(runtime.call('findAll', 'R2026')).toEqual(['B5']);
    expect(runtime.call('findNext', '2026-00031')).toEqual(['B4', null, null]);
  });

  it('searches the displayed value', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', rows);
    runtime.call('formatted');
    expect(runtime.call('findAll', '0007', true)).toEqual(['B6']);
  });

  it('does not search rows hidden in the sheet, so the add-on may not count on finding them', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', rows);
    findSheet(runtime.model, 'A')!.rowLayout[2] = { hidden: true }; // row 3
    expect(runtime.call('findAll', '2026-0003')).toEqual(['B2', 'B4', 'B5']);
  });

  it('refuses an option it does not emulate', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', rows);
    expect(() => runtime.call('regex', '^2026')).toThrow('useRegularExpression は再現していません');
  });
});
