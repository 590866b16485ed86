// Every method call on an emulated object counts once; the tally is exact.
import { runtimeWith } from './helpers';

const readAll = `
  function readAll() {
    var ss = SpreadsheetApp.getActive();
    return ss.getSheets().map(function (sheet) { return sheet.getDataRange().getValues(); });
  }
  function enums() {
    return [SpreadsheetApp.ProtectionType.RANGE, SpreadsheetApp.getUi().ButtonSet.OK_CANCEL];
  }
  function writeUnderLock() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    var lock = LockService.getDocumentLock();
    lock.waitLock(30000);
    try {
      sheet.getRange('A2').setValue('2024-0001');
    } finally {
      lock.releaseLock();
    }
    sheet.getRange('B2').setValue('x');
    PropertiesService.getDocumentProperties().setProperty('k', 'v');
  }
  function keepLock() { LockService.getDocumentLock().tryLock(1000); }
  function badWrite() {
    try { SpreadsheetApp.getActive().getSheetByName('A').getRange('A1:B1').setValues([[1]]); } catch (e) { return e.message; }
  }
`;

describe('call counting', () => {
  it('counts reading a 3-tab workbook as exactly 8 calls', () => {
    const runtime = runtimeWith(readAll, ['A', 'B', 'C']);
    runtime.call('readAll');
    expect(runtime.calls).toBe(8);
    expect(runtime.callsByMethod()).toEqual({
      'SpreadsheetApp.getActive': 1,
      'Spreadsheet.getSheets': 1,
      'Sheet.getDataRange': 3,
      'Range.getValues': 3,
    });
  });

  it('does not count reading enum properties', () => {
    const runtime = runtimeWith(readAll);
    expect(runtime.call('enums')).toEqual(['RANGE', 'OK_CANCEL']);
    expect(runtime.callsByMethod()).toEqual({ 'SpreadsheetApp.getUi': 1 });
  });

  it('accumulates across calls until reset', () => {
    const runtime = runtimeWith(readAll, ['A', 'B', 'C']);
    runtime.call('readAll');
    runtime.call('readAll');
    expect(runtime.calls).toBe(16);
    runtime.resetCalls();
    expect(runtime.calls).toBe(0);
    expect(runtime.callsByMethod()).toEqual({});
  });
});

describe('the document lock', () => {
  it('records which writes ran under it', () => {
    const runtime = runtimeWith(readAll);
    runtime.call('writeUnderLock');
    expect(runtime.writes).toEqual([
      { call: 'Range.setValue', target: "'A'!A2", locked: true },
      { call: 'Range.setValue', target: "'A'!B2", locked: false },
      { call: 'Properties.setProperty', target: '', locked: false },
    ]);
    expect(runtime.lockAcquisitions).toBe(1);
    expect(runtime.calls).toBe(11);
  });

  it('counts a call that throws, but does not log it as a write', () => {
    const runtime = runtimeWith(readAll);
    expect(runtime.call('badWrite')).toMatch(/^The number of columns/);
    expect(runtime.callsByMethod()).toEqual({ 'SpreadsheetApp.getActive': 1, 'Spreadsheet.getSheetByName': 1, 'Sheet.getRange': 1, 'Range.setValues': 1 });
    expect(runtime.writes).toEqual([]);
  });

  it('is released when the script ends, as in Apps Script', () => {
    const runtime = runtimeWith(readAll);
    runtime.call('keepLock');
    expect(runtime.lockHeld).toBe(false);
    expect(runtime.lockAcquisitions).toBe(1);
  });
});
