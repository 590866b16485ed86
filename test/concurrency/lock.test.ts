// Two people using the add-on at once (SPEC §10: writes that assign IDs or
// rebuild tabs run under the document lock). Apps Script runs each execution
// in its own process; the document lock makes a second execution wait until
// the first releases it. Modelled here as two runtimes (two executions) on
// one workbook model: execution B arrives at the moment A has read 共通シート
// and not yet written. Without a shared lock B runs right there. With one,
// B's tryLock finds A holding it and B waits: having done nothing before
// tryLock (checked below: no write, no change), waiting is the same as
// starting B once A's execution ends and releases the lock.
import { join } from 'node:path';
import { loadBundle, newLockState, type Runtime } from '../../dev/runtime';
import { copyCells, findSheet } from '../../dev/runtime/model';
import type { RebuildCountsResult } from '../../src/app/counts/types';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { CODE, demoWorkbook, tabText, TODAY } from '../app/helpers';

const HTML = join(__dirname, '../../dist');
const FY = 2024;
const CASE_A = {
  receivedOn: '令和6年4月1日', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ',
  lifeAreas: '介護', summary: '同時保存の確認A', reason: '複合課題のため', consent: 'あり', consentOn: '2024/4/2', status: '受付',
};
const CASE_B = { ...CASE_A, personName: '試験 次郎', personKana: 'しけん じろう', summary: '同時保存の確認B' };
const ID_COLUMN = CASE_FIELDS.findIndex((f) => f.key === 'caseId');

interface Executions {
  a: Runtime;
  b: Runtime;
  /** Runs `work` in A; `arriving` (B's call) starts when A has just read 共通シート. Returns A's result and what B did. */
  race<T>(work: () => T, arriving: () => unknown): { result: T; arrived: { waited: boolean; result: unknown } };
}

/** Where B arrives by default: A has just read 共通シート. */
const afterReadingCases = (call: string, target: string): boolean =>
  (call === 'Range.getValues' && target.startsWith("'共通シート'!")) || (call === 'Sheet.getSheetValues' && target === "'共通シート'");

function executions(sharedLock: boolean, arrivesAfter = afterReadingCases): Executions {
  const model = demoWorkbook(40).model;
  const lock = sharedLock ? newLockState() : undefined;
  let arriving: (() => void) | null = null;
  const a = loadBundle(CODE, model, {
    htmlDir: HTML, lock,
    onServiceCall: (call, target) => {
      if (arriving && arrivesAfter(call, target)) {
        const start = arriving;
        arriving = null;
        start();
      }
    },
  });
  const b = loadBundle(CODE, model, { htmlDir: HTML, lock });
  return {
    a, b,
    race<T>(work: () => T, call: () => unknown) {
      const arrived = { waited: false, result: undefined as unknown };
      let blocked = false;
      arriving = () => {
        const cases = copyCells(findSheet(model, '共通シート')!.cells);
        const writes = b.writes.length;
        try {
          arrived.result = call();
        } catch (error) {
          // B's tryLock found A holding the lock. B stopped there: nothing written, nothing changed.
          expect((error as Error).message).toContain('ほかの方が更新中です');
          expect(lock!.held).toBe(true);
          expect(b.writes.length).toBe(writes);
          expect(findSheet(model, '共通シート')!.cells).toEqual(cases);
          blocked = true;
        }
      };
      const result = work();
      expect(arriving).toBeNull(); // B did arrive while A was running
      if (blocked) {
        expect(lock!.held).toBe(false); // A's execution ended and released the lock: B goes on
        arrived.waited = true;
        arrived.result = call();
      }
      return { result, arrived };
    },
  };
}

const saveCase = (runtime: Runtime, record: Record<string, string>, requestId: string) =>
  runtime.call<SaveResult>('saveCase', { record, requestId });
const rebuild = (runtime: Runtime) => runtime.call<RebuildCountsResult>('rebuildCounts_', { today: TODAY, fiscalYear: FY });
const idsOf = (runtime: Runtime): string[] => tabText(runtime, '共通シート').slice(1).map((r) => r[ID_COLUMN]!).filter((id) => id !== '');
const newCases = (result: RebuildCountsResult): number => result.counts.metrics.newCases!.total;

describe('two saves racing for a ケースID', () => {
  it('without the document lock, both read the same sheet and give two cases the same ID (the race is real)', () => {
    const { a, b, race } = executions(false);
    const { result, arrived } = race(() => saveCase(a, CASE_A, 'race-a-0001'), () => saveCase(b, CASE_B, 'race-b-0001'));
    const second = arrived.result as SaveResult;
    expect(arrived.waited).toBe(false);
    if (!result.saved || !second.saved) throw new Error('a save was refused');
    expect(result.id).toBe(second.id);
    expect(idsOf(a).filter((id) => id === result.id)).toHaveLength(2);
  });

  it('with the document lock, the second save waits for the first and gets the next ID', () => {
    const { a, b, race } = executions(true);
    const { result, arrived } = race(() => saveCase(a, CASE_A, 'race-a-0002'), () => saveCase(b, CASE_B, 'race-b-0002'));
    const second = arrived.result as SaveResult;
    expect(arrived.waited).toBe(true);
    if (!result.saved || !second.saved) throw new Error('a save was refused');
    expect(second.id).not.toBe(result.id);
    const ids = idsOf(a);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual(expect.arrayContaining([result.id, second.id]));
    expect(second.row).toBe(result.row + 1);
    expect([...a.writes, ...b.writes].filter((w) => !w.locked)).toEqual([]);
  });
});

describe('a rebuild and a save interleaved', () => {
  it('a save arriving during a rebuild waits, is in 共通シート after, and the next rebuild counts it', () => {
    const { a, b, race } = executions(true);
    const { result: counted, arrived } = race(() => rebuild(a), () => saveCase(b, CASE_A, 'race-b-0003'));
    const saved = arrived.result as SaveResult;
    expect(arrived.waited).toBe(true);
    if (!saved.saved) throw new Error('the save was refused');
    expect(idsOf(a).filter((id) => id === saved.id)).toHaveLength(1);
    expect(newCases(rebuild(a))).toBe(newCases(counted) + 1);
    expect(tabText(a, '変更履歴').filter((r) => r[2] === 'ケースを登録' && r[4] === saved.id).length).toBeGreaterThan(0);
  });

  it('a rebuild arriving during a save waits and counts the saved case; without the lock it would miss it', () => {
    const baseline = newCases(rebuild(demoWorkbook(40)));
    const locked = executions(true);
    const withLock = locked.race(() => saveCase(locked.a, CASE_A, 'race-a-0004'), () => rebuild(locked.b));
    expect(withLock.arrived.waited).toBe(true);
    expect(withLock.result.saved).toBe(true);
    expect(newCases(withLock.arrived.result as RebuildCountsResult)).toBe(baseline + 1);

    const unlocked = executions(false);
    const withoutLock = unlocked.race(() => saveCase(unlocked.a, CASE_A, 'race-a-0005'), () => rebuild(unlocked.b));
    expect(withoutLock.arrived.waited).toBe(false);
    expect(newCases(withoutLock.arrived.result as RebuildCountsResult)).toBe(baseline);
  });
});

describe('a save arriving the moment another releases the lock (pending writes, SPEC §13)', () => {
  // Apps Script may still hold A's last writes when A releases the lock; B,
  // taking it at once, must still read A's new row and A's 変更履歴 rows.
  const afterRelease = (call: string): boolean => call === 'Lock.releaseLock';

  it('B reads the row A saved, gets the next ケースID, and both cases and both log rows are kept', () => {
    const { a, b, race } = executions(true, afterRelease);
    const { result, arrived } = race(() => saveCase(a, CASE_A, 'race-a-0006'), () => saveCase(b, CASE_B, 'race-b-0006'));
    const second = arrived.result as SaveResult;
    expect(arrived.waited).toBe(false); // A had released the lock: B ran right there, inside A's execution
    if (!result.saved || !second.saved) throw new Error('a save was refused');
    expect(second.id).not.toBe(result.id);
    const cases = tabText(a, '共通シート');
    const summaryColumn = CASE_FIELDS.findIndex((f) => f.key === 'summary');
    expect(cases.filter((r) => r[ID_COLUMN] === result.id).map((r) => r[summaryColumn])).toEqual([CASE_A.summary]);
    expect(cases.filter((r) => r[ID_COLUMN] === second.id).map((r) => r[summaryColumn])).toEqual([CASE_B.summary]);
    const log = tabText(a, '変更履歴');
    expect(log.filter((r) => r[4] === result.id).length).toBeGreaterThan(0);
    expect(log.filter((r) => r[4] === second.id).length).toBeGreaterThan(0);
  });
});

describe('入力チェック and a save at the same time (lock discipline, SPEC §13)', () => {
  // Each arrives just after the other has written its 変更履歴 row, before that execution ends.
  const afterLogWrite = (call: string, target: string): boolean => call === 'Range.setValues' && target.startsWith("'変更履歴'!A") && !target.endsWith('!A1:H1');
  const check = (runtime: Runtime) => runtime.call('checkEntries', { today: TODAY, mark: true });
  const logOf = (runtime: Runtime): string[][] => tabText(runtime, '変更履歴');
  const registered = (runtime: Runtime, id: string): number => logOf(runtime).filter((r) => r[2] === 'ケースを登録' && r[4] === id).length;
  /** The 変更履歴 rows the same save leaves when it runs alone. */
  const alone = (): number => {
    const runtime = demoWorkbook(40);
    const saved = saveCase(runtime, CASE_A, 'alone-0001');
    if (!saved.saved) throw new Error('the save was refused');
    return registered(runtime, saved.id);
  };

  it('a save arriving while 入力チェック writes its log row waits, and both log rows are kept', () => {
    const { a, b, race } = executions(true, afterLogWrite);
    const { arrived } = race(() => check(a), () => saveCase(b, CASE_A, 'race-b-0007'));
    const saved = arrived.result as SaveResult;
    if (!saved.saved) throw new Error('the save was refused');
    expect(logOf(a).filter((r) => r[2] === '入力チェック')).toHaveLength(1);
    expect(registered(a, saved.id)).toBe(alone());
    expect(arrived.waited).toBe(true);
  });

  it('入力チェック arriving while a save writes its log rows waits, and both are kept', () => {
    const { a, b, race } = executions(true, afterLogWrite);
    const { result: saved, arrived } = race(() => saveCase(a, CASE_A, 'race-a-0008'), () => check(b));
    if (!saved.saved) throw new Error('the save was refused');
    expect(logOf(a).filter((r) => r[2] === '入力チェック')).toHaveLength(1);
    expect(registered(a, saved.id)).toBe(alone());
    expect(arrived.waited).toBe(true);
  });
});
