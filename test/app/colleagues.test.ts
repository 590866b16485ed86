// Between colleagues, in the built bundle: a meeting's outcome and a 案 saved
// from a form loaded a while ago write only what the person changed, and refuse
// (saying what changed, and to what) a field a colleague changed meanwhile,
// instead of silently undoing the colleague's work.
import type { Runtime } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { AgendaCreated, MeetingForOutcomes, OutcomeCase, OutcomeResult } from '../../src/app/agenda/types';
import { CASE_FIELDS, MEETING_FIELDS } from '../../src/domain/fields';
import { clockOn, demoWorkbook, tabText, TODAY } from './helpers';

const SUPPORT = { meetingType: '支援会議', date: '2026-12-08' };
const AFTER = '2026-12-09';
const OUTCOME_KEYS = ['status', 'nextMeetingType', 'nextMeetingOn', 'nextMonitoringOn', 'closedOn', 'closingNote'] as const;
const caseColumn = (header: string): number => CASE_FIELDS.findIndex((f) => f.header === header);

/** The demo with a 支援会議 agenda made, and its 「会議のあと」 form loaded. */
function outcomeFormLoaded(): { runtime: Runtime; meeting: MeetingForOutcomes } {
  const runtime = demoWorkbook(60);
  const { meetingId } = runtime.call<AgendaCreated>('createAgenda', { today: TODAY, ...SUPPORT });
  return { runtime, meeting: runtime.call<MeetingForOutcomes>('getMeetingForOutcomes', { today: AFTER, meetingId }) };
}

/** A colleague closes the case in 共通シート (中断, 終結日, 終結理由) while the coordinator's form is open. */
function closedByColleague(runtime: Runtime, caseId: string): void {
  const sheet = findSheet(runtime.model, '共通シート')!;
  const row = tabText(runtime, '共通シート').findIndex((r) => r[0] === caseId) + 1;
  ensureCell(sheet, row, caseColumn('状態') + 1).value = '中断';
  ensureCell(sheet, row, caseColumn('終結日') + 1).value = new Date('2026-11-20T00:00:00+09:00');
  ensureCell(sheet, row, caseColumn('終結理由') + 1).value = '本人が転居したため。';
}

/** Every outcome field as the form holds it after loading (this meeting's date no longer the next meeting), with what was typed. */
function formOutcome(c: OutcomeCase, typed: Record<string, string>) {
  const loaded = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, c[key]]));
  return { caseId: c.caseId, ...loaded, nextMeetingType: '', nextMeetingOn: '', ...typed, loaded };
}

function record(runtime: Runtime, meeting: MeetingForOutcomes, outcomes: readonly unknown[], requestId: string): OutcomeResult {
  runtime.setNow(clockOn(AFTER));
  return runtime.call<OutcomeResult>('recordMeetingOutcome', { meetingId: meeting.meeting.meetingId, meetingStatus: '開催済', outcomes, requestId });
}

const caseFields = (runtime: Runtime, caseId: string, ...headers: string[]) => {
  const row = tabText(runtime, '共通シート').find((r) => r[0] === caseId)!;
  return headers.map((h) => row[caseColumn(h)]);
};

describe('a meeting\'s outcome recorded from a form loaded before a colleague\'s edit', () => {
  it('keeps the case a colleague closed meanwhile: only what the coordinator changed is written, and logged', () => {
    const { runtime, meeting } = outcomeFormLoaded();
    const a = meeting.cases[0]!;
    expect(a.status).not.toBe('中断');
    closedByColleague(runtime, a.caseId);
    const result = record(runtime, meeting, [formOutcome(a, { nextMonitoringOn: '2027-01-15' })], 'colleague-outcome-1');
    expect(result).toMatchObject({ saved: true, updatedCases: [a.caseId] });
    expect(caseFields(runtime, a.caseId, '状態', '終結日', '終結理由', '次回モニタリング日', '次回会議予定日'))
      .toEqual(['中断', '2026-11-20', '本人が転居したため。', '2027-01-15', '']);
    const logged = tabText(runtime, '変更履歴').filter((r) => r[2] === `会議の結果を記録（${meeting.meeting.meetingId}）` && r[4] === a.caseId).map((r) => r[5]);
    expect(logged.sort()).toEqual(['次回モニタリング日', '次回会議予定日', '次回会議種別'].sort());
  });

  it('refuses a 状態 the colleague changed meanwhile, saying what it was, is and what was typed; nothing is written', () => {
    const { runtime, meeting } = outcomeFormLoaded();
    const [a, b] = meeting.cases;
    closedByColleague(runtime, a!.caseId);
    const before = { cases: tabText(runtime, '共通シート'), meetings: tabText(runtime, '会議記録'), log: tabText(runtime, '変更履歴') };
    const typed = a!.status === '支援中' ? '終結検討' : '支援中';
    const result = record(runtime, meeting, [
      formOutcome(a!, { status: typed }),
      formOutcome(b!, { nextMonitoringOn: '2027-01-15' }),
    ], 'colleague-outcome-2');
    expect(result).toEqual({
      saved: false,
      errors: [expect.objectContaining({
        caseId: a!.caseId, field: 'status', code: 'edit_conflict',
        message: `状態：読み込んだとき「${a!.status}」→ いま「中断」（あなたの入力「${typed}」）。読み込んだあとにほかの方が変更したため、保存しませんでした。`,
      })],
    });
    expect(tabText(runtime, '共通シート')).toEqual(before.cases);
    expect(tabText(runtime, '会議記録')).toEqual(before.meetings);
    expect(tabText(runtime, '変更履歴')).toEqual(before.log);
    const status = tabText(runtime, '会議記録').find((r) => r[0] === meeting.meeting.meetingId)![MEETING_FIELDS.findIndex((f) => f.header === '状態')];
    expect(status).toBe('予定');
  });
});
