// What a person changed in a form since loading it, and what a colleague
// changed meanwhile: compared as normalised text, so the same date or list in
// another form is neither a change nor a conflict.
import { changedOutcome, outcomeConflicts } from '../../src/domain/agenda/outcome';
import { draftChangesMeanwhile } from '../../src/domain/plan/draftConflicts';
import type { CasePlans, ReadRow } from '../../src/domain/plan/lifecycle';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

const LOADED = { status: 'プラン作成中', nextMeetingType: '支援会議', nextMeetingOn: '2026-12-08', nextMonitoringOn: '2027-01-05', closedOn: '', closingNote: '' };

describe('changedOutcome', () => {
  it('keeps only the fields that differ from the loaded case, a date typed another way being the same date', () => {
    const sent = { ...LOADED, nextMeetingOn: '', nextMonitoringOn: '令和9年1月5日', status: '支援中' };
    expect(changedOutcome(LOADED, sent, DEFAULT_SETTINGS)).toEqual({ status: '支援中', nextMeetingOn: '' });
  });
});

describe('outcomeConflicts', () => {
  it('refuses a changed field a colleague changed to something else, not one they changed to the same value', () => {
    const now = { ...LOADED, status: '中断', nextMeetingOn: '' };
    const conflicts = outcomeConflicts(LOADED, { status: '支援中', nextMeetingOn: '' }, now, DEFAULT_SETTINGS);
    expect(conflicts.map((c) => [c.field, c.code, c.message])).toEqual([[
      'status', 'edit_conflict', '状態：読み込んだとき「プラン作成中」→ いま「中断」（あなたの入力「支援中」）。読み込んだあとにほかの方が変更したため、保存しませんでした。',
    ]]);
  });
});

describe('draftChangesMeanwhile', () => {
  const row = (index: number, text: Record<string, string>): ReadRow => ({ index, raw: text, text });
  const plans = (planStatus: string, goal: string, tasks: number): CasePlans => ({
    caseId: '2026-0001', caseText: { consent: 'あり' },
    plans: [row(0, { caseId: '2026-0001', version: '1', planStatus, createdOn: '2026-11-01', shortTermGoal: goal, planIssues: '介護、住まい' })],
    tasks: Array.from({ length: tasks }, (_, i) => row(i, { caseId: '2026-0001', version: '1', owner: '本人', content: `役割${i + 1}` })),
  });
  const loaded = { version: 1, plan: { createdOn: '2026/11/1', shortTermGoal: '通所に慣れる', planIssues: '介護,住まい' }, tasks: [{ owner: '本人', content: '役割1' }] };

  it('finds nothing when the 案 is as loaded, written another way', () => {
    expect(draftChangesMeanwhile(loaded, plans('案', '通所に慣れる', 1), DEFAULT_SETTINGS)).toEqual([]);
  });

  it('names a field and the tasks a colleague changed, and a 案 decided meanwhile', () => {
    expect(draftChangesMeanwhile(loaded, plans('案', '見学に行く', 2), DEFAULT_SETTINGS).map((f) => f.message)).toEqual([
      '短期目標：読み込んだとき「通所に慣れる」→ いま「見学に行く」。読み込んだあとにほかの方が変更したため、保存しませんでした。',
      '役割分担：読み込んだとき1件 → いま2件。読み込んだあとにほかの方が変更したため、保存しませんでした。',
    ]);
    expect(draftChangesMeanwhile(loaded, plans('決定', '通所に慣れる', 1), DEFAULT_SETTINGS).map((f) => f.message)).toEqual([
      '読み込んだときは第1版の案でしたが、いまは案がありません（第1版は「決定」になっています）。読み込んだあとにほかの方が変更したため、保存しませんでした。',
    ]);
  });
});
