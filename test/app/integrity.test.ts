// Staff never lose or overwrite each other's work: an edit saves only what the
// person changed and refuses a field someone else changed meanwhile; the
// endpoints take only what the sidebar sends; 支援記録 needs 種別 and asks
// before a same-day repeat; 変更履歴 tells the person's changes from the
// add-on's and shows when rows went missing.
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { LoadedCase, SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { clockOn, demoWorkbook, tabText } from './helpers';

type Runtime = ReturnType<typeof demoWorkbook>;
const column = (header: string) => CASE_FIELDS.findIndex((f) => f.header === header);

/** What a sidebar holds after 「選択中の行を読み込む」 on sheet row `row`. */
function loadRow(runtime: Runtime, row: number): LoadedCase {
  runtime.select('共通シート', `A${row}`);
  return runtime.call<LoadedCase>('loadSelectedCase');
}

const NEW_CASE = {
  receivedOn: '2024-04-01', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'シケン ハナコ',
  lifeAreas: '介護、住まい', summary: '母の介護の相談', reason: '複合課題のため', consent: 'あり', consentOn: '2024-04-02', status: '受付',
};

/** A case with no problems, saved from the sidebar, then loaded as a sidebar would: the sheet row it is on. */
function freshCaseRow(runtime: Runtime): number {
  const saved = runtime.call<SaveResult>('saveCase', { record: NEW_CASE, requestId: `new-${Math.random().toString(36).slice(2, 10)}` });
  if (!saved.saved) throw new Error(`setup: ${JSON.stringify(saved)}`);
  return saved.row;
}

const saveEdit = (runtime: Runtime, loaded: LoadedCase, changes: Record<string, string>, requestId: string) =>
  runtime.call<SaveResult>('saveCase', { record: { ...loaded.record, ...changes }, loaded: loaded.record, editing: loaded.caseId, requestId });

const logRows = (runtime: Runtime) => tabText(runtime, '変更履歴');

describe('two people editing one case', () => {
  it('keeps B\'s 相談の概要 when A, from a stale form, changes only 状態', () => {
    const runtime = demoWorkbook(20);
    const row = freshCaseRow(runtime);
    const a = loadRow(runtime, row);
    const b = loadRow(runtime, row);
    const bText = `${b.record.summary}(虐待の疑い)`;
    expect(saveEdit(runtime, b, { summary: bText }, 'edit-b-00001').saved).toBe(true);
    const newStatus = a.record.status === '支援中' ? 'アセスメント中' : '支援中';
    expect(saveEdit(runtime, a, { status: newStatus }, 'edit-a-00001')).toMatchObject({ saved: true });
    const written = tabText(runtime, '共通シート')[row - 1]!;
    expect(written[column('相談の概要')]).toBe(bText);
    expect(written[column('状態')]).toBe(newStatus);
  });

  it('refuses, showing what changed meanwhile, when both changed the same field; nothing is written', () => {
    const runtime = demoWorkbook(20);
    const row = freshCaseRow(runtime);
    const a = loadRow(runtime, row);
    const b = loadRow(runtime, row);
    expect(saveEdit(runtime, b, { summary: 'Bが書いた概要' }, 'edit-b-00002').saved).toBe(true);
    const before = tabText(runtime, '共通シート');
    const refused = saveEdit(runtime, a, { summary: 'Aが書いた概要' }, 'edit-a-00002');
    expect(refused).toEqual({
      saved: false, errors: [], warnings: [],
      conflicts: [{ field: 'summary', header: '相談の概要', loaded: a.record.summary, now: 'Bが書いた概要', yours: 'Aが書いた概要' }],
    });
    expect(tabText(runtime, '共通シート')).toEqual(before);
  });
});

describe('the endpoints take only what the sidebar sends', () => {
  it('refuses editing "" (which would name the first row without an ID), a renamed ケースID, a typed ID for a new case, and a page\'s today', () => {
    const runtime = demoWorkbook(20);
    const loaded = loadRow(runtime, freshCaseRow(runtime));
    const before = tabText(runtime, '共通シート');
    const edit = { record: loaded.record, loaded: loaded.record, requestId: 'strict-00001' };
    expect(() => runtime.call('saveCase', { ...edit, editing: '' })).toThrow('ケースIDは 2024-0001 の形で指定してください。');
    expect(() => runtime.call('saveCase', { ...edit, editing: loaded.caseId, record: { ...loaded.record, caseId: '2099-0001' } }))
      .toThrow(`編集中のケース（${loaded.caseId}）と違うケースID「2099-0001」は保存できません。`);
    expect(() => runtime.call('saveCase', { record: loaded.record, requestId: 'strict-00002' })).toThrow('ケースIDを空欄にしてください。');
    expect(() => runtime.call('saveCase', { ...edit, editing: loaded.caseId, today: '2000-01-01' })).toThrow('指定された内容を読み取れませんでした');
    expect(() => runtime.call('saveCase', { ...edit, editing: loaded.caseId, extra: 1 })).toThrow('指定された内容を読み取れませんでした');
    expect(() => runtime.call('saveActivity', { record: {}, requestId: 'strict-00003', today: '2000-01-01' })).toThrow('指定された内容を読み取れませんでした');
    expect(() => runtime.call('recordMeetingOutcome', { meetingId: 'M2026-001', meetingStatus: '開催済', outcomes: [], requestId: 'strict-00004', today: '2099-01-01' }))
      .toThrow('指定された内容を読み取れませんでした');
    expect(tabText(runtime, '共通シート')).toEqual(before);
  });

  it('judges dates by the server\'s clock: a date after the real today is refused as future', () => {
    const runtime = demoWorkbook(20);
    const loaded = loadRow(runtime, freshCaseRow(runtime));
    runtime.setNow(clockOn('2026-11-22'));
    const future = saveEdit(runtime, loaded, { receivedOn: '2026-12-01' }, 'clock-00001');
    expect(!future.saved && future.errors.map((e) => e.field)).toContain('receivedOn');
  });
});

describe('支援記録', () => {
  const record = (caseId: string, changes: Record<string, string> = {}) =>
    ({ caseId, activityOn: '2026-11-20', activityType: '参加支援', staff: '相談員A', visitors: '', content: '就労体験に同行', ...changes });

  it('refuses a record without 種別, which would count nowhere', () => {
    const runtime = demoWorkbook(20);
    const caseId = loadRow(runtime, 3).caseId;
    const result = runtime.call<SaveResult>('saveActivity', { record: record(caseId, { activityType: '' }), requestId: 'type-000001' });
    expect(!result.saved && result.errors.map((e) => [e.field, e.code])).toEqual([['activityType', 'required']]);
  });

  it('asks before a second record of the same case, date and 種別, and saves it once confirmed', () => {
    const runtime = demoWorkbook(20);
    const caseId = loadRow(runtime, 3).caseId;
    const rows = tabText(runtime, '支援記録').length;
    const first = runtime.call<SaveResult>('saveActivity', { record: record(caseId), requestId: 'same-000001' });
    expect(first.saved).toBe(true);
    const again = runtime.call<SaveResult>('saveActivity', { record: record(caseId), requestId: 'same-000002' });
    expect(again).toEqual({ saved: false, errors: [], warnings: [], sameDay: [{ id: first.saved ? first.id : '', row: rows + 1 }] });
    expect(tabText(runtime, '支援記録')).toHaveLength(rows + 1);
    const otherType = runtime.call<SaveResult>('saveActivity', { record: record(caseId, { activityType: '同行支援' }), requestId: 'same-000003' });
    expect(otherType.saved).toBe(true);
    const confirmed = runtime.call<SaveResult>('saveActivity', { record: record(caseId), allowSameDay: true, requestId: 'same-000004' });
    expect(confirmed.saved).toBe(true);
    expect(tabText(runtime, '支援記録')).toHaveLength(rows + 3);
  });
});

describe('変更履歴 tells the truth', () => {
  it('logs only the changed 備考 as ケースを更新, and the add-on\'s rewriting as 表記の統一', () => {
    const runtime = demoWorkbook(20);
    const row = freshCaseRow(runtime);
    const sheet = findSheet(runtime.model, '共通シート')!;
    // As a person typed them straight into the sheet: a 和暦 date as text, a list with commas.
    ensureCell(sheet, row, column('受付日') + 1).value = '令和6年4月1日';
    ensureCell(sheet, row, column('課題領域') + 1).value = '介護,住まい';
    const loaded = loadRow(runtime, row);
    const before = logRows(runtime).length;
    expect(saveEdit(runtime, loaded, { notes: '電話で近況を確認' }, 'log-0000001').saved).toBe(true);
    const added = logRows(runtime).slice(before).map((r) => [r[2], r[5], r[6], r[7]]);
    expect(added).toEqual([
      ['表記の統一', '受付日', '令和6年4月1日', '2024-04-01'],
      ['表記の統一', '課題領域', '介護,住まい', '介護、住まい'],
      ['ケースを更新', '備考', loaded.record.notes, '電話で近況を確認'],
    ]);
  });

  it('says so when 変更履歴 was deleted or shortened since the add-on last wrote it', () => {
    const runtime = demoWorkbook(20);
    const loaded = loadRow(runtime, freshCaseRow(runtime));
    saveEdit(runtime, loaded, { notes: '一回目' }, 'gap-0000001');
    const rows = logRows(runtime).length - 1;
    const log = findSheet(runtime.model, '変更履歴')!;
    log.cells.splice(2, 3); // three rows deleted by hand (the protection only warns)
    saveEdit(runtime, { ...loaded, record: { ...loaded.record, notes: '一回目' } }, { notes: '二回目' }, 'gap-0000002');
    const gap = logRows(runtime).find((r) => r[2]!.startsWith('変更履歴が見つからない'));
    expect(gap![2]).toBe(`変更履歴が見つからない（または短くなっている）ため作り直しました（以前 ${rows} 行）`);

    runtime.model.sheets.splice(runtime.model.sheets.indexOf(log), 1);
    saveEdit(runtime, { ...loaded, record: { ...loaded.record, notes: '二回目' } }, { notes: '三回目' }, 'gap-0000003');
    const remade = logRows(runtime);
    expect(remade[1]![2]).toMatch(/^変更履歴が見つからない（または短くなっている）ため作り直しました（以前 \d+ 行）$/);
    expect(remade.slice(2).map((r) => r[5])).toEqual(['備考']);
  });

  it('keeps row 1 for the header when 変更履歴 was emptied by hand, so the save after that reports no gap', () => {
    const runtime = demoWorkbook(20);
    const loaded = loadRow(runtime, freshCaseRow(runtime));
    findSheet(runtime.model, '変更履歴')!.cells.length = 0; // every cell deleted, the tab kept
    saveEdit(runtime, loaded, { notes: '一回目' }, 'empty-0000001');
    const afterFirst = logRows(runtime);
    expect(afterFirst[0]?.join('') ?? '').toBe(''); // row 1 left for the header, not a log row
    expect(afterFirst.slice(1).map((r) => r[2]!.startsWith('変更履歴が見つからない'))).toEqual([true, false]);
    saveEdit(runtime, { ...loaded, record: { ...loaded.record, notes: '一回目' } }, { notes: '二回目' }, 'empty-0000002');
    expect(logRows(runtime).slice(afterFirst.length).map((r) => [r[2], r[6], r[7]])).toEqual([['ケースを更新', '一回目', '二回目']]);
  });
});
