// recheckSaved in the built bundle: after a save, the saved row (and the rows
// the rules across rows tie to it) checked again and marked, finding there
// what the full 入力チェック finds, at calls that do not grow with the book.
import { ensureCell, findSheet, lastRowWithContent } from '../../dev/runtime/model';
import type { CheckResult } from '../../src/app/check';
import type { RecheckResult, SaveResult } from '../../src/app/sidebarTypes';
import { ACTIVITY_FIELDS, CASE_FIELDS } from '../../src/domain/fields';
import { demoWorkbook, tabText, TODAY, workbookState } from './helpers';

type Runtime = ReturnType<typeof demoWorkbook>;

const key = (p: { sheet: string; row: number; field: string; code: string }) => `${p.sheet}:${p.row}:${p.field}:${p.code}`;
const caseColumn = (header: string) => CASE_FIELDS.findIndex((f) => f.header === header);
const activityColumn = (header: string) => ACTIVITY_FIELDS.findIndex((f) => f.header === header);

/** A person types into a cell of the sheet (row and column from 1 and 0, as tabText gives them). */
const type = (runtime: Runtime, tab: string, row: number, column: number, value: string) => {
  ensureCell(findSheet(runtime.model, tab)!, row, column + 1).value = value;
};

const saved = (result: SaveResult): string => {
  if (!result.saved) throw new Error(`not saved: ${JSON.stringify(result)}`);
  return result.id;
};

const recheck = (runtime: Runtime, sheet: string, id: string) =>
  runtime.call<RecheckResult>('recheckSaved', sheet === '支援記録' ? { today: TODAY, sheet, ids: [id] } : { today: TODAY, sheet, id });

/** Every tab but 変更履歴 (which the full check writes a line to). */
const marksAndValues = (runtime: Runtime) => {
  const { 変更履歴: _log, ...rest } = workbookState(runtime);
  return rest;
};

/** What the full check finds on the rows a re-check covered, and that a full check after it changes no mark. */
function expectSameAsFullCheck(runtime: Runtime, result: RecheckResult): void {
  const full = runtime.call<CheckResult>('checkEntries', { today: TODAY, mark: false });
  const covered = (p: { sheet: string; row: number }) => result.rows.some((r) => r.sheet === p.sheet && r.row === p.row);
  expect(result.problems.map(key).sort()).toEqual(full.problems.filter(covered).map(key).sort());
  const marked = marksAndValues(runtime);
  runtime.call('checkEntries', { today: TODAY, mark: true });
  expect(marksAndValues(runtime)).toEqual(marked);
}

describe('recheckSaved', () => {
  it('checks a case row, the row with the same カナ and 生年月日, and the case\'s plan rows as the full check does, and marks only them', () => {
    const runtime = demoWorkbook(100);
    runtime.call('checkEntries', { today: TODAY, mark: true });
    const cases = tabText(runtime, '共通シート');
    const planned = new Set(tabText(runtime, '支援プラン').slice(1).map((r) => r[0]));
    const at = cases.findIndex((r, i) => i > 0 && planned.has(r[0]) && r[caseColumn('本人氏名カナ')] && r[caseColumn('生年月日')]);
    const row = at + 1;
    const id = cases[at]![0]!;
    const other = cases.length; // the last case
    const received = cases[at]![caseColumn('受付日')]!;
    // In the sheet: 受付日 emptied on the case, its カナ and 生年月日 typed on another case.
    type(runtime, '共通シート', row, caseColumn('受付日'), '');
    type(runtime, '共通シート', other, caseColumn('本人氏名カナ'), cases[at]![caseColumn('本人氏名カナ')]!);
    type(runtime, '共通シート', other, caseColumn('生年月日'), cases[at]![caseColumn('生年月日')]!);

    const result = recheck(runtime, '共通シート', id);
    expect(result.rows).toEqual(expect.arrayContaining([{ sheet: '共通シート', row }, { sheet: '共通シート', row: other }, expect.objectContaining({ sheet: '支援プラン' })]));
    const found = result.problems.map((p) => `${p.row}:${p.code}`);
    expect(found).toEqual(expect.arrayContaining([`${row}:required`, `${row}:possible_duplicate`, `${other}:possible_duplicate`]));
    const cell = findSheet(runtime.model, '共通シート')!.cells[row - 1]![caseColumn('受付日')]!;
    expect(cell.note).toMatch(/^【入力チェック】\n・エラー：/);
    expectSameAsFullCheck(runtime, result);

    // Fixed in the sheet and saved again: the mark goes.
    type(runtime, '共通シート', row, caseColumn('受付日'), received);
    const fixed = recheck(runtime, '共通シート', id);
    expect(fixed.problems.map((p) => `${p.row}:${p.code}`)).not.toContain(`${row}:required`);
    expect(findSheet(runtime.model, '共通シート')!.cells[row - 1]![caseColumn('受付日')]!.note ?? '').not.toContain('【入力チェック】');
    expectSameAsFullCheck(runtime, fixed);

    // The other case's カナ and 生年月日 put back and saved: sent with those it was loaded with, the first case loses its possible duplicate too.
    const shared = { personKana: cases[at]![caseColumn('本人氏名カナ')]!, birthDate: cases[at]![caseColumn('生年月日')]! };
    type(runtime, '共通シート', other, caseColumn('本人氏名カナ'), cases[other - 1]![caseColumn('本人氏名カナ')]!);
    type(runtime, '共通シート', other, caseColumn('生年月日'), cases[other - 1]![caseColumn('生年月日')]!);
    const apart = runtime.call<RecheckResult>('recheckSaved', { today: TODAY, sheet: '共通シート', id: cases[other - 1]![0]!, formerly: shared });
    expect(apart.rows).toEqual(expect.arrayContaining([{ sheet: '共通シート', row }, { sheet: '共通シート', row: other }]));
    expect(apart.problems.filter((p) => p.code === 'possible_duplicate')).toEqual([]);
    expect(findSheet(runtime.model, '共通シート')!.cells[row - 1]![caseColumn('本人氏名カナ')]!.note ?? '').not.toContain('【入力チェック】');
    expectSameAsFullCheck(runtime, apart);
  });

  it('checks a 支援記録 row as the full check does: its rules and whether its case is in 共通シート', () => {
    const runtime = demoWorkbook(60);
    runtime.call('checkEntries', { today: TODAY, mark: true });
    const caseId = tabText(runtime, '共通シート')[1]![0]!;
    const visit = runtime.call<SaveResult>('saveActivity', {
      requestId: 'recheck-0001', record: { caseId, activityOn: '2026-11-20', activityType: 'アウトリーチ', staff: '相談員A', visitors: '2', content: '自宅訪問' },
    });
    if (!visit.saved) throw new Error('not saved');
    const clean = recheck(runtime, '支援記録', visit.id);
    expect(clean).toEqual(expect.objectContaining({ problems: [], rows: [{ sheet: '支援記録', row: visit.row }], markedCells: 0 }));
    // In the sheet: the ケースID changed to one that is no case, and 訪問人数 emptied.
    type(runtime, '支援記録', visit.row, activityColumn('ケースID'), '2099-9999');
    type(runtime, '支援記録', visit.row, activityColumn('訪問人数'), '');
    const result = recheck(runtime, '支援記録', visit.id);
    expect(result.problems.map((p) => p.code).sort()).toEqual(['required', 'unknown_case']);
    expect(result.markedCells).toBe(2);
    expectSameAsFullCheck(runtime, result);
  });

  it('refuses an ID that is no row, in Japanese', () => {
    const runtime = demoWorkbook(20);
    expect(() => recheck(runtime, '共通シート', '2099-9999')).toThrow('ケースID「2099-9999」が共通シートに見つかりません');
    expect(() => runtime.call('recheckSaved', { sheet: '会議記録', id: 'M001' })).toThrow();
  });

  it('makes the same service calls with 100 and 10,000 cases, and reads no more cells but the few columns every row is compared by', () => {
    const measure = (count: number) => {
      const runtime = demoWorkbook(count);
      const rows = (tab: string) => lastRowWithContent(findSheet(runtime.model, tab)!);
      // The same rows in both books: a new case (no plan, no namesake) and a new 支援記録 of it.
      const id = saved(runtime.call<SaveResult>('saveCase', {
        requestId: `recheck-case-${count}`,
        record: { receivedOn: '2026-11-20', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ', lifeAreas: '介護', summary: '試験の相談', reason: '複合課題のため', consent: 'あり', consentOn: '2026-11-20', status: '受付' },
      }));
      const recordId = saved(runtime.call<SaveResult>('saveActivity', {
        requestId: `recheck-activity-${count}`, record: { caseId: id, activityOn: '2026-11-20', activityType: '参加支援', staff: '相談員A', content: '就労体験に同行' },
      }));
      const run = (sheet: string, which: string) => {
        runtime.resetCalls();
        recheck(runtime, sheet, which);
        return { calls: runtime.callsByMethod(), cellsRead: runtime.cellsRead };
      };
      return { cases: rows('共通シート'), plans: rows('支援プラン') + rows('役割分担'), activities: rows('支援記録'), caseRow: run('共通シート', id), activityRow: run('支援記録', recordId) };
    };
    const small = measure(100);
    const large = measure(10_000);
    expect(large.caseRow.calls).toEqual(small.caseRow.calls);
    expect(large.activityRow.calls).toEqual(small.activityRow.calls);
    // A case: ケースID, カナ and 生年月日 of every row, and the ケースID column of 支援プラン and 役割分担.
    const growth = 3 * (large.cases - small.cases) + (large.plans - small.plans);
    expect(large.caseRow.cellsRead - small.caseRow.cellsRead).toBeLessThanOrEqual(growth);
    // The full check reads the whole book: of 共通シート alone, every column of every row.
    expect(large.caseRow.cellsRead).toBeLessThan(CASE_FIELDS.length * large.cases / 4);
    // A 支援記録: the ケースID column of 共通シート; of 支援記録 no column, only the row Sheets finds by its 記録ID.
    expect(large.activityRow.cellsRead - small.activityRow.cellsRead).toBeLessThanOrEqual(large.cases - small.cases);
  }, 300_000);
});
