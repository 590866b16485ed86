// SPEC §10 audit of 変更履歴 in the built bundle: every write path leaves a
// row; the add-on only appends (rows already there never change, and every
// write into the tab lands below its last row); the tab is protected
// (warning-only); every write of each operation, its 変更履歴 rows and the IDs
// it assigns included, is made under the document lock; a user Apps Script
// cannot name is logged as （不明）.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeDemo } from '../../dev/demo/write';
import { createModel, loadBundle, type Runtime } from '../../dev/runtime';
import { parseA1 } from '../../dev/runtime/a1';
import { ensureCell, findSheet, lastRowWithContent } from '../../dev/runtime/model';
import type { AgendaCreated, MeetingForOutcomes } from '../../src/app/agenda/types';
import type { CaseSearchResult, SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { clockOn, CODE, demoWorkbook, tabText, TODAY } from '../app/helpers';

const LOG = '変更履歴';
const NEW_CASE = {
  receivedOn: '令和6年4月1日', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ',
  lifeAreas: '介護、住まい', summary: '監査用の相談', reason: '複合課題のため', consent: 'あり', consentOn: '2024/4/2', status: '受付',
};
const SUPPORT = { meetingType: '支援会議', date: '2026-12-08' };
const AFTER = '2026-12-09';

const logRows = (runtime: Runtime): string[][] => (findSheet(runtime.model, LOG) ? tabText(runtime, LOG) : []);
const lastLogRow = (runtime: Runtime): number => {
  const sheet = findSheet(runtime.model, LOG);
  return sheet ? lastRowWithContent(sheet) : 0;
};

/** Writes into 変更履歴 cells (not the tab's own settings), with the first row each touched. */
function logCellWrites(runtime: Runtime, from: number): { call: string; target: string; row: number }[] {
  return runtime.writes.slice(from)
    .filter((w) => w.call.startsWith('Range.') && w.target.startsWith(`'${LOG}'!`))
    .map((w) => ({ call: w.call, target: w.target, row: parseA1(w.target.slice(w.target.indexOf('!') + 1), () => ({ maxRows: 1_000_000, maxColumns: 18_278 })).rect.row }));
}

/**
 * Runs one operation and checks, as an auditor reading 変更履歴 would: the
 * rows there before are unchanged, at least one new row names the operation,
 * and every write into the tab's cells went below its previous last row.
 */
function audited<T>(runtime: Runtime, operation: RegExp, run: () => T): T {
  const before = logRows(runtime);
  const last = lastLogRow(runtime);
  const writes = runtime.writes.length;
  const result = run();
  const after = logRows(runtime);
  expect(after.slice(0, before.length)).toEqual(before);
  const added = after.slice(Math.max(before.length, 1));
  expect(added.map((r) => r[2]).filter((op) => operation.test(op!))).not.toEqual([]);
  for (const row of added) {
    expect(row[0]).toMatch(/^\d{4}-\d{2}-\d{2}/);
    expect(row[1]).toBe('local@example.invalid');
  }
  // Re-furnishing the header row (bold, colour, notes) is allowed; its text and every row below it are not touched.
  const cellWrites = logCellWrites(runtime, writes);
  expect(cellWrites.filter((w) => w.row > 1 && w.row <= last)).toEqual([]);
  if (last > 0) expect(cellWrites.filter((w) => w.row === 1 && /^Range\.(setValues?|setFormulas?|clear)/.test(w.call))).toEqual([]);
  expect(runtime.writes.slice(writes).filter((w) => w.target === `'${LOG}'` && /deleteRow|insertRow|clear/.test(w.call))).toEqual([]);
  // SPEC §13: every append to 変更履歴 (and every ID it records) is made under the document lock.
  expect(runtime.writes.slice(writes).filter((w) => !w.locked)).toEqual([]);
  return result;
}

function withHiraganaKana(runtime: Runtime): void {
  const sheet = findSheet(runtime.model, '共通シート')!;
  const column = CASE_FIELDS.findIndex((f) => f.header === '本人氏名カナ') + 1;
  ensureCell(sheet, 2, column).value = 'やまだ たろう';
}

describe('変更履歴 records every write path, append-only', () => {
  it('logs each operation in turn, never touching the rows already there', () => {
    const runtime = demoWorkbook(40);
    expect(logRows(runtime).length).toBeGreaterThan(1);

    const created = audited(runtime, /^ケースを登録$/, () =>
      runtime.call<SaveResult>('saveCase', { record: NEW_CASE, requestId: 'audit-0001' }));
    if (!created.saved) throw new Error('saveCase refused the audit case');
    audited(runtime, /^ケースを更新$/, () =>
      runtime.call<SaveResult>('saveCase', {
        record: { ...NEW_CASE, caseId: created.id, status: 'アセスメント中' }, loaded: { ...NEW_CASE, caseId: created.id }, requestId: 'audit-0002', editing: created.id,
      }));

    const caseId = runtime.call<CaseSearchResult>('searchCases', {}).cases[0]!.caseId;
    audited(runtime, /^支援記録を登録$/, () => runtime.call<SaveResult>('saveActivity', {
      requestId: 'audit-0003',
      record: { caseId, activityOn: '2026-11-20', activityType: 'アウトリーチ', staff: '相談員A', visitors: '2', content: '自宅訪問' },
    }));

    withHiraganaKana(runtime);
    audited(runtime, /^標準化$/, () => runtime.call('standardizeSheet', { today: TODAY }));
    expect(logRows(runtime).some((r) => r[2] === '標準化' && r[5] === '本人氏名カナ' && r[6] === 'やまだ たろう')).toBe(true);

    audited(runtime, /^入力チェック$/, () => runtime.call('checkEntries', { today: TODAY, mark: true }));

    const agenda = audited(runtime, /^会議次第を作成（/, () => runtime.call<AgendaCreated>('createAgenda', { today: TODAY, ...SUPPORT }));
    const meeting = runtime.call<MeetingForOutcomes>('getMeetingForOutcomes', { today: AFTER, meetingId: agenda.meetingId });
    const first = meeting.cases[0]!;
    runtime.setNow(clockOn(AFTER));
    audited(runtime, /^会議の結果を記録（/, () => runtime.call('recordMeetingOutcome', {
      meetingId: agenda.meetingId, meetingStatus: '開催済', attendingAgencies: ['地域包括支援センター'],
      decisions: '役割分担を確認した。', requestId: 'audit-0004',
      outcomes: [{ caseId: first.caseId, status: '支援中', nextMeetingType: '支援会議', nextMeetingOn: '2027-01-12', nextMonitoringOn: '2027-01-05' }],
    }));

    audited(runtime, /^月次集計を更新$/, () => runtime.call('rebuildCounts', { today: TODAY, fiscalYear: 2025 }));

    const activities = runtime.model.sheets.findIndex((s) => s.name === '支援記録');
    runtime.model.sheets.splice(activities, 1);
    audited(runtime, /^シートを準備$/, () => runtime.call('prepareWorkbook', { today: TODAY }));
    expect(logRows(runtime).at(-1)!.slice(2)).toEqual(['シートを準備', '支援記録', '', '', '', 'タブを作成しました']);
  });

  it('logs the creation of every tab when a new spreadsheet is prepared, and keeps the tab protected, warning only', () => {
    const runtime = loadBundle(CODE, createModel('test', { sheetNames: ['シート1'] }), { htmlDir: join(__dirname, '../../dist') });
    runtime.call('prepareWorkbook', { today: TODAY });
    const rows = logRows(runtime);
    expect(rows[0]).toEqual(['日時', '利用者', '操作', 'シート', 'ケースID', '項目', '変更前', '変更後']);
    expect(rows.slice(1).filter((r) => r[2] === 'シートを準備').map((r) => r[3])).toEqual(expect.arrayContaining(['支援記録', '会議記録', '設定', LOG]));
    const protections = findSheet(runtime.model, LOG)!.protections;
    expect(protections.some((p) => p.type === 'SHEET' && p.warningOnly)).toBe(true);
    expect(protections.some((p) => !p.warningOnly && p.type === 'SHEET')).toBe(false);
  });
});

describe('who made the change', () => {
  it('logs a user Apps Script cannot identify as （不明）, never dropping the row', () => {
    const model = createModel('test', { sheetNames: ['シート1'] });
    const runtime = loadBundle(CODE, model, { htmlDir: join(__dirname, '../../dist'), user: '' });
    runtime.call('prepareWorkbook', { today: TODAY });
    writeDemo(runtime.model, { cases: 20, seed: 3, today: TODAY });
    const before = logRows(runtime).length;
    const saved = runtime.call<SaveResult>('saveCase', { record: NEW_CASE, requestId: 'audit-0101' });
    expect(saved.saved).toBe(true);
    const added = logRows(runtime).slice(before);
    expect(added.length).toBeGreaterThan(0);
    expect(added.every((r) => r[1] === '（不明）')).toBe(true);
    expect(logRows(runtime).slice(1).every((r) => r[1] === '（不明）')).toBe(true);
  });

  it('names the editor with the userinfo.email scope, and without it stamps （不明） while the 集計 view and daily state still open', () => {
    const open = (oauthScopes?: readonly string[]) => {
      const runtime = loadBundle(CODE, createModel('test', { sheetNames: ['シート1'] }), {
        htmlDir: join(__dirname, '../../dist'), user: 'soudan@town.example.jp', ...(oauthScopes ? { oauthScopes } : {}),
      });
      runtime.call('prepareWorkbook', { today: TODAY });
      return runtime;
    };
    const granted = open();
    granted.call('saveCase', { record: NEW_CASE, requestId: 'audit-0201' });
    expect(logRows(granted).at(-1)![1]).toBe('soudan@town.example.jp');

    const manifest = JSON.parse(readFileSync(join(__dirname, '../../dist/appsscript.json'), 'utf8')) as { oauthScopes: string[] };
    const denied = open(manifest.oauthScopes.filter((s) => !s.endsWith('/userinfo.email')));
    expect(denied.call<SaveResult>('saveCase', { record: NEW_CASE, requestId: 'audit-0202' }).saved).toBe(true);
    expect(logRows(denied).at(-1)![1]).toBe('（不明）');
    expect(denied.call('getCountsState', { today: TODAY })).toMatchObject({ daily: { installed: false, mine: false } });
    denied.call('menuDailyCounts');
    expect(denied.alerts.at(-1)).toContain('毎日の自動更新を設定しました');
  });
});
