// The sidebar's server functions in the built bundle: opening, saving a case
// (once, under the lock, stamped, logged), 支援記録, selecting a cell, and a
// fixed number of service calls whatever the number of cases.
import { OPERATIONS } from '../../bench/size';
import { join } from 'node:path';
import { loadBundle } from '../../dev/runtime';
import { addSheet, ensureCell, findSheet, lastRowWithContent } from '../../dev/runtime/model';
import type { CaseSearchResult, SaveResult, SidebarState } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { CODE, demoWorkbook, tabText, TODAY } from './helpers';

const NEW_CASE = {
  receivedOn: '令和6年4月1日', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ',
  lifeAreas: '介護、住まい', summary: '<img src=x onerror=alert(1)>', reason: '複合課題のため', consent: 'あり', consentOn: '2024/4/2', status: '受付',
};

/** An edit sends the form as it was loaded (`loaded`) with what it holds now (`record`). */
const save = (runtime: ReturnType<typeof demoWorkbook>, record: Record<string, string>, requestId: string, editing?: { id: string; loaded: Record<string, string> }) =>
  runtime.call<SaveResult>('saveCase', { record, requestId, ...(editing ? { editing: editing.id, loaded: editing.loaded } : {}) });

const lastRow = (runtime: ReturnType<typeof demoWorkbook>) => tabText(runtime, '共通シート').length;
const column = (name: string) => CASE_FIELDS.findIndex((f) => f.header === name);

describe('getSidebarState', () => {
  it('gives the town lists and no case list: cases come from searchCases', () => {
    const runtime = demoWorkbook(60);
    const state = runtime.call<SidebarState>('getSidebarState', { today: TODAY });
    expect(state.today).toBe(TODAY);
    expect(state.settings.agencies[0]).toEqual({ name: '地域包括支援センター', field: '高齢', contact: '' });
    expect(state.selected).toBeNull();
    expect(Object.keys(state).sort()).toEqual(['draft', 'selected', 'settings', 'settingsNotes', 'today']);
  });

  it('loads the case on the row the user selected in 共通シート', () => {
    const runtime = demoWorkbook(60);
    runtime.select('共通シート', 'F7');
    const loaded = runtime.call<{ row: number; caseId: string; record: Record<string, string> }>('loadSelectedCase');
    const sheetRow = tabText(runtime, '共通シート')[6]!;
    expect(loaded.row).toBe(7);
    expect(loaded.caseId).toBe(sheetRow[0]);
    expect(loaded.record.personName).toBe(sheetRow[column('本人氏名')]);
    runtime.select('支援記録', 'A2');
    expect(runtime.call('loadSelectedCase')).toBeNull();
  });
});

describe('searchCases', () => {
  const runtime = demoWorkbook(300);
  const search = (args: Record<string, unknown> = {}) => runtime.call<CaseSearchResult>('searchCases', args);
  const rows = tabText(runtime, '共通シート').slice(1);
  const at = (row: string[], header: string) => row[column(header)]!;
  const closed = ['終結', 'つなぎもどし', '中断'];

  it('finds the open cases 50 at a time, newest ケースID first, naming no one', () => {
    const open = rows.filter((r) => at(r, 'ケースID') && !closed.includes(at(r, '状態'))).map((r) => at(r, 'ケースID')).sort().reverse();
    const pages = [0, 1, 2, 3, 4, 5].map((page) => search({ page }));
    expect(pages[0]!.total).toBe(open.length);
    expect(pages.flatMap((p) => p.cases.map((c) => c.caseId)).slice(0, open.length)).toEqual(open);
    expect(pages[0]!.cases).toHaveLength(50);
    const last = Math.ceil(open.length / 50) - 1;
    expect(search({ page: 999 }).page).toBe(last); // past the end: the last page
    const shown = JSON.stringify(pages);
    for (const name of rows.map((r) => at(r, '本人氏名')).filter((n) => n.length > 1)) expect(shown).not.toContain(name);
    expect(Object.keys(pages[0]!.cases[0]!).sort()).toEqual(['ageBand', 'caseId', 'referrerAgency']);
  });

  it('narrows by part of a ケースID (full-width digits too), 年代, つなぎ元機関 and 状態', () => {
    const target = rows.find((r) => at(r, '状態') === '支援中' && at(r, '年代') && at(r, 'つなぎ元機関'))!;
    const id = at(target, 'ケースID');
    const fullWidth = id.slice(-4).replace(/\d/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const byId = search({ caseId: fullWidth, status: 'all' });
    expect(byId.cases.map((c) => c.caseId)).toContain(id);
    expect(byId.cases.every((c) => c.caseId.includes(id.slice(-4)))).toBe(true);
    const narrowed = search({ ageBand: at(target, '年代'), referrerAgency: at(target, 'つなぎ元機関'), status: '支援中' });
    const expected = rows.filter((r) => at(r, '状態') === '支援中' && at(r, '年代') === at(target, '年代') && at(r, 'つなぎ元機関') === at(target, 'つなぎ元機関'));
    expect(narrowed.total).toBe(expected.length);
    expect(narrowed.cases.map((c) => c.caseId)).toContain(id);
    const closedOnes = search({ status: '終結' });
    expect(closedOnes.total).toBe(rows.filter((r) => at(r, 'ケースID') && at(r, '状態') === '終結').length);
    expect(search({ status: 'all' }).total).toBe(rows.filter((r) => at(r, 'ケースID')).length);
  });

  it('refuses unknown search conditions in Japanese', () => {
    expect(() => search({ status: 'closed' })).toThrow(/[ぁ-ん]/);
    expect(() => search({ name: '山田' })).toThrow(/[ぁ-ん]/);
  });
});

describe('saveCase', () => {
  it('writes a new case as one row with the ISO date, a new ケースID, a stamp and a log', () => {
    const runtime = demoWorkbook(60);
    const rows = lastRow(runtime);
    const result = save(runtime, NEW_CASE, 'request-0001');
    const fy2024 = tabText(runtime, '共通シート').map((r) => r[0]!).filter((id) => id.startsWith('2024-')).map((id) => Number(id.slice(5)));
    expect(result).toMatchObject({ saved: true, created: true, row: rows + 1, id: `2024-${String(Math.max(...fy2024)).padStart(4, '0')}` });
    const written = tabText(runtime, '共通シート')[rows]!;
    expect(written[column('受付日')]).toBe('2024-04-01');
    expect(written[column('本人氏名カナ')]).toBe('シケン ハナコ');
    expect(written[column('つなぎ元分野')]).toBe('高齢');
    expect(written[column('相談の概要')]).toBe('<img src=x onerror=alert(1)>');
    expect(written[column('更新者')]).toBe('local@example.invalid');
    expect(written[column('最終更新')]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(findSheet(runtime.model, '共通シート')!.cells[rows]![column('受付日')]!.value).toBeInstanceOf(Date);
    const log = tabText(runtime, '変更履歴').filter((r) => r[2] === 'ケースを登録');
    expect(log.find((r) => r[5] === '受付日')!.slice(4)).toEqual([written[0], '受付日', '', '2024-04-01']);
    expect(runtime.writes.filter((w) => !w.locked)).toEqual([]);
  });

  it('saves once when the same request arrives twice (a double click)', () => {
    const runtime = demoWorkbook(60);
    const rows = lastRow(runtime);
    const first = save(runtime, NEW_CASE, 'request-0002');
    const second = save(runtime, NEW_CASE, 'request-0002');
    expect(second).toEqual(first);
    expect(lastRow(runtime)).toBe(rows + 1);
  });

  it('refuses a case with errors, says why beside each field, and writes nothing', () => {
    const runtime = demoWorkbook(60);
    const before = tabText(runtime, '共通シート');
    const result = save(runtime, { ...NEW_CASE, consent: '', consentOn: '' }, 'request-0003');
    expect(result).toEqual({ saved: false, warnings: [], errors: [{ field: 'consent', code: 'required', severity: 'error', message: '本人同意が空欄です。入力してください。' }] });
    const meeting = save(runtime, { ...NEW_CASE, consent: 'なし', consentOn: '', nextMeetingType: '重層的支援会議', nextMeetingOn: '2026-12-10' }, 'request-0004');
    expect(meeting.saved).toBe(false);
    expect(!meeting.saved && meeting.errors.map((e) => e.code)).toEqual(['consent_required_for_meeting']);
    expect(tabText(runtime, '共通シート')).toEqual(before);
  });

  it('saves with warnings, and reports them', () => {
    const runtime = demoWorkbook(60);
    const result = save(runtime, { ...NEW_CASE, consentOn: '' }, 'request-0005');
    expect(result).toMatchObject({ saved: true, warnings: [expect.objectContaining({ code: 'consent_date_missing', severity: 'warning' })] });
  });

  it('updates the edited case in place and logs only what changed', () => {
    const runtime = demoWorkbook(60);
    const created = save(runtime, NEW_CASE, 'request-0006');
    if (!created.saved) throw new Error('setup failed');
    const rows = lastRow(runtime);
    const updated = save(runtime, { ...NEW_CASE, caseId: created.id, status: 'アセスメント中' }, 'request-0007', { id: created.id, loaded: { ...NEW_CASE, caseId: created.id } });
    expect(updated).toMatchObject({ saved: true, created: false, id: created.id, row: created.row });
    expect(lastRow(runtime)).toBe(rows);
    expect(tabText(runtime, '共通シート')[created.row - 1]![column('状態')]).toBe('アセスメント中');
    const log = tabText(runtime, '変更履歴').filter((r) => r[2] === 'ケースを更新');
    expect(log.map((r) => r.slice(4))).toEqual([[created.id, '状態', '受付', 'アセスメント中']]);
  });

  it('refuses to edit a case that is no longer there', () => {
    const runtime = demoWorkbook(60);
    const gone = { ...NEW_CASE, caseId: '1999-0001' };
    expect(() => save(runtime, gone, 'request-0008', { id: '1999-0001', loaded: gone })).toThrow('ケースID「1999-0001」が共通シートに見つかりません');
  });

  it('refuses a request without a valid request ID', () => {
    const runtime = demoWorkbook(60);
    expect(() => save(runtime, NEW_CASE, 'x')).toThrow('送信IDの形が正しくありません。');
  });
});

describe('a colleague typing in the sheet during a save', () => {
  it('keeps what they typed into another cell of the same row: only the cells that change are written', () => {
    const runtime = demoWorkbook(60);
    // A case in 支援中 (a closed one may lack its 終結理由 in the demo, which refuses any save).
    const at = tabText(runtime, '共通シート').findIndex((r) => r[column('状態')] === '支援中') + 1;
    runtime.select('共通シート', `C${at}`);
    const loaded = runtime.call<{ row: number; caseId: string; record: Record<string, string> }>('loadSelectedCase');
    const sheet = findSheet(runtime.model, '共通シート')!;
    const notes = column('備考');
    // Apps Script's document lock does not hold back a person typing in the sheet: their edit lands while the save runs.
    const colleague = loadBundle(CODE, runtime.model, {
      htmlDir: join(__dirname, '../../dist'),
      // After the save has read the row, as it starts to write it.
      onServiceCall: (call, target) => {
        if (call === 'Range.getNumberFormats' && target.startsWith("'共通シート'!")) ensureCell(sheet, at, notes + 1).value = '同僚が入力した備考';
      },
    });
    const result = colleague.call<SaveResult>('saveCase', {
      record: { ...loaded.record, household: '本人のみ' }, requestId: 'colleague-0001', editing: loaded.caseId, loaded: loaded.record,
    });
    expect(result).toMatchObject({ saved: true });
    const row = tabText(runtime, '共通シート')[at - 1]!;
    expect([row[column('世帯構成')], row[notes]]).toEqual(['本人のみ', '同僚が入力した備考']);
  });
});

describe('saveActivity', () => {
  it('appends a 支援記録 row with a new 記録ID, or refuses an unknown case or a missing 訪問人数', () => {
    const runtime = demoWorkbook(60);
    const caseId = runtime.call<CaseSearchResult>('searchCases', {}).cases[0]!.caseId;
    const rows = tabText(runtime, '支援記録').length;
    const outreach = { caseId, activityOn: '2026-11-20', activityType: 'アウトリーチ', staff: '相談員A', visitors: '2', content: '自宅訪問' };
    const saved = runtime.call<SaveResult>('saveActivity', { record: outreach, requestId: 'activity-0001' });
    expect(saved).toMatchObject({ saved: true, id: expect.stringMatching(/^R2026-\d{5}$/), row: rows + 1 });
    expect(tabText(runtime, '支援記録')[rows]!.slice(1)).toEqual([caseId, '', '2026-11-20', 'アウトリーチ', '相談員A', '2', '自宅訪問']);
    const unknown = runtime.call<SaveResult>('saveActivity', { record: { ...outreach, caseId: '1999-0001' }, requestId: 'activity-0002' });
    expect(!unknown.saved && unknown.errors.map((e) => e.code)).toEqual(['unknown_case']);
    const noVisitors = runtime.call<SaveResult>('saveActivity', { record: { ...outreach, visitors: '' }, requestId: 'activity-0003' });
    expect(!noVisitors.saved && noVisitors.errors.map((e) => [e.field, e.code])).toEqual([['visitors', 'required']]);
    expect(tabText(runtime, '支援記録')).toHaveLength(rows + 1);
  });
});

describe('selectCell', () => {
  it('selects the cell a problem names, by its header', () => {
    const runtime = demoWorkbook(60);
    expect(runtime.call('selectCell', { sheet: '共通シート', row: 35, column: '本人同意' })).toEqual({ sheet: '共通シート', a1: 'R35' });
    expect(runtime.selection()).toEqual({ sheet: '共通シート', range: 'R35' });
    expect(() => runtime.call('selectCell', { sheet: '共通シート', row: 3, column: 'ない列' })).toThrow('列「ない列」が見つかりません');
  });
});

describe('service calls', () => {
  it('are the same for opening the sidebar (cells read too), searching cases and saving a case with 100 and 10,000 cases, but for growing a full tab', () => {
    const measure = (cases: number) => {
      const runtime = demoWorkbook(cases);
      runtime.resetCalls();
      runtime.select('共通シート', 'C5');
      const state = runtime.call<SidebarState>('getSidebarState', { today: TODAY });
      expect(state.selected?.row).toBe(5);
      const openCells = runtime.cellsRead; // the header and the selected row, not the whole sheet
      runtime.call('searchCases', { ageBand: '40代' });
      const open = runtime.calls;
      runtime.resetCalls();
      save(runtime, NEW_CASE, 'request-calls');
      return { open, openCells, save: runtime.calls };
    };
    const small = measure(100);
    expect(small.open).toBeGreaterThan(0);
    // The 10,000-case demo fills its tab to the last row: the new row needs one insertRowsAfter first.
    expect(measure(10_000)).toEqual({ ...small, save: small.save + 1 });
  });
});

describe('every sidebar write', () => {
  // In the bench's order: the plan steps take the same case through draft, decision and review.
  const WRITES = ['saveCase', 'saveActivity', 'planDraft', 'planDecide', 'planReview', 'meetingOutcome', 'linkPreIntake'];

  it('reads only the columns it needs and the rows of its case: the same calls with 100 and 10,000 cases, and a few columns of cells', () => {
    const measure = (cases: number) => {
      const runtime = demoWorkbook(cases);
      const activities = lastRowWithContent(findSheet(runtime.model, '支援記録')!) - 1;
      const byWrite = Object.fromEntries(OPERATIONS.filter((op) => WRITES.includes(op.key)).map((op) => {
        const args = op.setup(runtime.model, cases).args(0);
        runtime.resetCalls();
        runtime.call(op.fn, args);
        // Growing a tab filled to its last row (the 10,000-case demo) takes one call more; that is not reading.
        const { 'Sheet.insertRowsAfter': _grown, ...calls } = runtime.callsByMethod();
        return [op.key, { calls, cellsRead: runtime.cellsRead }];
      }));
      return { activities, byWrite };
    };
    const small = measure(100);
    const large = measure(10_000);
    for (const key of WRITES) expect({ key, calls: large.byWrite[key]!.calls }).toEqual({ key, calls: small.byWrite[key]!.calls });
    // Whole tabs were 310,410 cells of 共通シート alone. What is read now: a few columns of 共通シート (ケースID, and カナ and
    // 生年月日 for the possible-duplicate check), the ケースID column of 支援プラン and 役割分担, plus the case's rows. Of
    // 支援記録 (50,000 rows here) no column: its header, its newest rows and the rows Sheets finds for the case or 対象.
    for (const key of WRITES) {
      expect({ key, atMost50000: large.byWrite[key]!.cellsRead <= 50_000 }).toEqual({ key, atMost50000: true });
    }
    for (const key of ['saveActivity', 'linkPreIntake']) {
      expect({ key, underOneActivityColumn: large.byWrite[key]!.cellsRead < large.activities }).toEqual({ key, underOneActivityColumn: true });
    }
  }, 300_000);

  it('make the same calls however many other tabs the book has (a town keeps its own tabs beside ours)', () => {
    const callsOf = (extraTabs: number) => {
      const runtime = demoWorkbook(100);
      for (let i = 0; i < extraTabs; i++) addSheet(runtime.model, `町の集計${i + 1}`);
      return Object.fromEntries(OPERATIONS.filter((op) => WRITES.includes(op.key)).map((op) => {
        const args = op.setup(runtime.model, 100).args(0);
        runtime.resetCalls();
        runtime.call(op.fn, args);
        return [op.key, runtime.calls];
      }));
    };
    expect(callsOf(6)).toEqual(callsOf(0));
  }, 120_000);
});
