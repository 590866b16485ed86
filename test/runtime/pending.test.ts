// Pending writes (SPEC §13): another execution on the document sees an
// execution's writes only after SpreadsheetApp.flush() or its end; releasing
// the lock does not publish them. Two runtimes on one model with one shared
// document state are two executions; B runs at a chosen service call of A.
import { createModel, loadBundle, newLockState, type Runtime } from '../../dev/runtime';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';

const code = `
  function appendUnderLock(text, flushFirst) {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    var lock = LockService.getDocumentLock();
    lock.waitLock(30000);
    try {
      sheet.getRange(sheet.getLastRow() + 1, 1).setValue(text);
    } finally {
      if (flushFirst) SpreadsheetApp.flush();
      lock.releaseLock();
    }
    sheet.getRange('C1').setValue('after release');
  }
  function lastValue() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    return sheet.getLastRow() === 0 ? '' : sheet.getRange(sheet.getLastRow(), 1).getValue();
  }
`;

function twoExecutions(arrivesAfter: string): { a: Runtime; b: Runtime; seen: unknown[]; during: (work: () => unknown) => void } {
  const model = createModel('test', { sheetNames: ['A'] });
  const lock = newLockState();
  let pendingWork: (() => unknown) | null = null;
  const a = loadBundle(code, model, {
    lock,
    onServiceCall: (call) => {
      if (pendingWork && call === arrivesAfter) {
        const work = pendingWork;
        pendingWork = null;
        seen.push(work());
      }
    },
  });
  const b = loadBundle(code, model, { lock });
  const seen: unknown[] = [];
  return { a, b, seen, during: (work) => { pendingWork = work; } };
}

const column = (runtime: Runtime, c: number): unknown[] =>
  findSheet(runtime.model, 'A')!.cells.map((row) => row?.[c - 1]?.value).filter((v) => v !== undefined);

describe('an execution’s writes stay pending', () => {
  it('after releaseLock without a flush, another execution reads the sheet as it was', () => {
    const { a, b, seen, during } = twoExecutions('Lock.releaseLock');
    during(() => b.call('lastValue'));
    a.call('appendUnderLock', 'first', false);
    expect(seen).toEqual(['']);
    expect(column(a, 1)).toEqual(['first']); // published when A's execution ended
  });

  it('after flush, another execution reads them', () => {
    const { a, b, seen, during } = twoExecutions('Lock.releaseLock');
    during(() => b.call('lastValue'));
    a.call('appendUnderLock', 'first', true);
    expect(seen).toEqual(['first']);
  });

  it('two appends without a flush land on the same row and the later-ending execution’s row wins', () => {
    const { a, b, during } = twoExecutions('Lock.releaseLock');
    during(() => b.call('appendUnderLock', 'from B', false));
    a.call('appendUnderLock', 'from A', false);
    expect(column(a, 1)).toEqual(['from A']);
    expect(lastRowWithContent(findSheet(a.model, 'A')!)).toBe(1);
  });

  it('with a flush before each release, both appends are kept, and A’s later write joins B’s published ones', () => {
    const { a, b, during } = twoExecutions('Lock.releaseLock');
    during(() => b.call('appendUnderLock', 'from B', true));
    a.call('appendUnderLock', 'from A', true);
    expect(column(a, 1)).toEqual(['from A', 'from B']);
    expect(column(a, 3)).toEqual(['after release']);
  });

  it('a runtime of its own (nothing shared) sees its writes at once, as one execution does', () => {
    const runtime = loadBundle(code, createModel('test', { sheetNames: ['A'] }));
    runtime.call('appendUnderLock', 'only', false);
    expect(runtime.call('lastValue')).toBe('only');
  });
});
