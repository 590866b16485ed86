// Range and Sheet behave as Apps Script documents them.
import { runtimeWith } from './helpers';

const code = `
  function sheet(name) { return SpreadsheetApp.getActive().getSheetByName(name || 'A'); }
  function put(a1, rows) { sheet().getRange(a1).setValues(rows); }
  function values(a1) { return sheet().getRange(a1).getValues(); }
  function formulas(a1) { return sheet().getRange(a1).getFormulas(); }
  function display(a1) { return sheet().getRange(a1).getDisplayValues(); }
  function format(a1, f) { sheet().getRange(a1).setNumberFormat(f); }
  function dataRange() { return sheet().getDataRange().getA1Notation(); }
  function last() { return [sheet().getLastRow(), sheet().getLastColumn(), sheet().getMaxRows(), sheet().getMaxColumns()]; }
  function range(r, c, nr, nc) { return sheet().getRange(r, c, nr, nc).getA1Notation(); }
  function insert(name) { return SpreadsheetApp.getActive().insertSheet(name).getIndex(); }
  function rename(from, to) { sheet(from).setName(to); }
  function names() { return SpreadsheetApp.getActive().getSheets().map(function (s) { return s.getName(); }); }
  function insertRows(after, n) { sheet().insertRowsAfter(after, n); }
  function deleteRows(start, n) { sheet().deleteRows(start, n); }
  function deleteColumns(start, n) { sheet().deleteColumns(start, n); }
  function copy() {
    var ss = SpreadsheetApp.getActive();
    sheet().getRange('A1').protect().setDescription('header');
    var copied = sheet().copyTo(ss);
    return [copied.getName(), copied.getIndex(), copied.getRange('A1').getValue(), copied.getRange('A1').getNote(),
            copied.getFrozenRows(), copied.getColumnWidth(1), copied.getProtections(SpreadsheetApp.ProtectionType.RANGE).length];
  }
  function furnish() {
    var s = sheet();
    s.getRange('A1').setValue('見出し').setNote('説明').setBackground('#FDE2E1');
    s.setFrozenRows(1);
    s.setColumnWidth(1, 180);
  }
  function formatted() {
    var r = sheet().getRange('A1:B1');
    return [r.getBackgrounds(), r.getNotes(), r.getNumberFormats()];
  }
  function today(instant) { return Utilities.formatDate(instant, 'Asia/Tokyo', "yyyy-MM-dd'T'HH:mm:ss"); }
`;

describe('setValues', () => {
  it('refuses data with the wrong number of rows, with Apps Script’s message', () => {
    expect(() => runtimeWith(code).call('put', 'A1:B2', [[1, 2]])).toThrow(
      new Error('The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.'),
    );
  });

  it('refuses data with the wrong number of columns, with Apps Script’s message', () => {
    expect(() => runtimeWith(code).call('put', 'A1:B2', [[1, 2], [3]])).toThrow(
      new Error('The number of columns in the data does not match the number of columns in the range. The data has 1 but the range has 2.'),
    );
  });

  it('writes nothing when the shape is wrong', () => {
    const runtime = runtimeWith(code);
    expect(() => runtime.call('put', 'A1:B2', [[1, 2], [3]])).toThrow();
    expect(runtime.call('last')).toEqual([0, 0, 1000, 26]);
  });

  it('coerces text as a person typing into Sheets would', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:F1', [["'=1+1", '=1+1', '0123', '12.5', '-3', 'R6.4.1']]);
    expect(runtime.call('values', 'C1:F1')).toEqual([[123, 12.5, -3, 'R6.4.1']]);
    expect(runtime.call('values', 'A1')).toEqual([['=1+1']]);
    expect(runtime.call('formulas', 'A1:F1')).toEqual([['', '=1+1', '', '', '', '']]);
    // Sheets would compute it; the runtime never evaluates a formula, so it refuses to read one without a result (SPEC §13).
    expect(() => runtime.call('values', 'B1')).toThrow(/B1 の数式（=1\+1）には計算結果が保存されていない/);
  });

  it('parses text written into an automatic cell as Sheets parses what is typed', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:I1', [['2024/4/1', '2024-04', '2024年4月1日', '14:00', '50%', '1,234', 'TRUE', '2024-0001', '2024/2/30']]);
    const [[april, month, kanji, time, ...rest]] = runtime.call<unknown[][]>('values', 'A1:I1') as [unknown[]];
    for (const date of [april, month, kanji]) expect(date).toEqual(new Date('2024-03-31T15:00:00Z'));
    expect(runtime.call('display', 'D1')).toEqual([['14:00:00']]);
    expect(time).toBeInstanceOf(Date);
    expect(rest).toEqual([0.5, 1234, true, '2024-0001', '2024/2/30']);
  });

  it('keeps text exactly as written in a plain-text (@) cell, a leading apostrophe included', () => {
    const runtime = runtimeWith(code);
    runtime.call('format', 'A1:D1', '@');
    runtime.call('put', 'A1:D1', [['0123', '=1+1', "'2024-0001", '2024/4/1']]);
    expect(runtime.call('values', 'A1:D1')).toEqual([['0123', '=1+1', "'2024-0001", '2024/4/1']]);
  });

  it('stores null and undefined as blank', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:C1', [[1, null, 'x']]);
    runtime.call('put', 'A1', [[null]]);
    expect(runtime.call('values', 'A1:C1')).toEqual([['', '', 'x']]);
  });
});

describe('reading', () => {
  it('gives blank cells as empty strings, never null', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'B3', [['x']]);
    expect(runtime.call('dataRange')).toBe('A1:B3');
    expect(runtime.call('values', 'A1:B3')).toEqual([['', ''], ['', ''], ['', 'x']]);
  });

  it('shows dates by a simple date format, else as yyyy-MM-dd', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:C1', [[new Date('2024-03-31T15:00:00Z'), new Date('2024-03-31T15:00:00Z'), new Date('2024-04-01T05:30:00Z')]]);
    runtime.call('format', 'B1', 'yyyy/m/d');
    expect(runtime.call('display', 'A1:C1')).toEqual([['2024-04-01', '2024/4/1', '2024-04-01 14:30:00']]);
  });

  it('reports an empty sheet as 0 rows and 0 columns of content', () => {
    expect(runtimeWith(code).call('last')).toEqual([0, 0, 1000, 26]);
  });

  it('gives the defaults for unformatted cells', () => {
    expect(runtimeWith(code).call('formatted')).toEqual([[['#ffffff', '#ffffff']], [['', '']], [['General', 'General']]]);
  });

  it('reads back backgrounds in lower case and notes', () => {
    const runtime = runtimeWith(code);
    runtime.call('furnish');
    expect(runtime.call('formatted')).toEqual([[['#fde2e1', '#ffffff']], [['説明', '']], [['General', 'General']]]);
  });
});

describe('ranges', () => {
  it('refuses ranges outside the sheet', () => {
    expect(() => runtimeWith(code).call('range', 1000, 1, 2, 1)).toThrow(
      new Error('The coordinates of the range are outside the dimensions of the sheet.'),
    );
    expect(() => runtimeWith(code).call('range', 1, 27, 1, 1)).toThrow(
      new Error('The coordinates of the range are outside the dimensions of the sheet.'),
    );
  });

  it('refuses a range of no rows', () => {
    expect(() => runtimeWith(code).call('range', 2, 1, 0, 1)).toThrow(new Error('The number of rows in the range must be at least 1.'));
  });

  it('reads A1 notation forms', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('values', 'C:C')).toHaveLength(1000);
    expect(runtime.call<unknown[][]>('values', '2:2')[0]).toHaveLength(26);
    expect(runtime.call('range', 2, 3, 4, 5)).toBe('C2:G5');
  });
});

describe('sheets', () => {
  it('refuses a second sheet of the same name, with Sheets’ message', () => {
    const runtime = runtimeWith(code, ['A', '設定']);
    expect(runtime.call('insert', 'B')).toBe(3);
    expect(() => runtime.call('insert', '設定')).toThrow(new Error('A sheet with the name "設定" already exists. Please enter another name.'));
    expect(() => runtime.call('rename', 'B', '設定')).toThrow(new Error('A sheet with the name "設定" already exists. Please enter another name.'));
    expect(runtime.call('names')).toEqual(['A', '設定', 'B']);
  });

  it('moves rows when rows are inserted and deleted', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:A3', [[1], [2], [3]]);
    runtime.call('insertRows', 1, 2);
    expect(runtime.call('values', 'A1:A5')).toEqual([[1], [''], [''], [2], [3]]);
    runtime.call('deleteRows', 2, 3);
    expect(runtime.call('values', 'A1:A2')).toEqual([[1], [3]]);
    expect(runtime.call('last')).toEqual([2, 1, 999, 26]);
  });

  it('moves cells left when columns are deleted, and refuses to delete past the edge or every column', () => {
    const runtime = runtimeWith(code);
    runtime.call('put', 'A1:C1', [[1, 2, 3]]);
    runtime.call('deleteColumns', 2, 1);
    expect(runtime.call('values', 'A1:B1')).toEqual([[1, 3]]);
    runtime.call('deleteColumns', 3, 23);
    expect(runtime.call('last')).toEqual([1, 2, 1000, 2]);
    expect(() => runtime.call('deleteColumns', 2, 2)).toThrow(new Error('Those columns are out of bounds.'));
    expect(() => runtime.call('deleteColumns', 1, 2)).toThrow(new Error('Sorry, it is not possible to delete all non-frozen columns.'));
  });

  it('copies a sheet to the end as "Copy of X", without its protections', () => {
    const runtime = runtimeWith(code, ['A', 'B']);
    runtime.call('furnish');
    expect(runtime.call('copy')).toEqual(['Copy of A', 3, '見出し', '説明', 1, 180, 0]);
  });
});

describe('Utilities.formatDate', () => {
  it('formats in the given time zone', () => {
    expect(runtimeWith(code).call('today', new Date('2024-03-31T15:04:05Z'))).toBe('2024-04-01T00:04:05');
  });
});
