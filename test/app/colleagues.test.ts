// Between colleagues, in the built bundle: a meeting's outcome and a 案 saved
// from a form loaded a while ago write only what the person changed, and refuse
// (saying what changed, and to what) a field a colleague changed meanwhile,
// instead of silently undoing the colleague's work.
import type { Runtime } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { AgendaCreated, MeetingForOutcomes, OutcomeCase, OutcomeResult } from '../../src/app/agenda/types';
import type { CasePlansView } from '../../src/app/plan/state';
import type { PlanStepResult } from '../../src/app/plan/steps';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS, MEETING_FIELDS } from '../../src/domain/fields';
import { PLAN_FIELDS } from '../../src/domain/plan/fields';
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

const NEW_CASE = {
  receivedOn: '2026-10-01', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ', birthDate: '1950-05-05',
  lifeAreas: '介護、住まい', summary: '母の介護と住まい', reason: '複合課題のため', consent: 'あり', consentOn: '2026-10-05', status: 'アセスメント中',
};
const PLAN = { personWish: '家で母と暮らしたい', shortTermGoal: '介護サービスを使い始める', nextReviewOn: '2027-02-01' };
const TASKS = [{ owner: '地域包括支援センター', content: '介護保険の申請を手伝う', frequency: '月1回' }, { owner: '本人', content: '通所の見学に行く', frequency: '1回' }];
const DRAFT_KEYS = ['createdOn', 'authorAgency', 'personWish', 'planIssues', 'direction', 'longTermGoal', 'shortTermGoal', 'periodStart', 'periodEnd', 'nextReviewOn', 'explanation'];
const TASK_KEYS = ['issue', 'owner', 'ownerStaff', 'content', 'frequency', 'dueOn', 'taskNote'];

/** What the プラン view holds for a case's 案 after loading it, as it sends it back with a save. */
function planFormLoaded(runtime: Runtime, caseId: string) {
  const draft = runtime.call<CasePlansView>('getCasePlans', { caseId }).versions.find((v) => v.plan.planStatus === '案');
  const pick = (text: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, text[k] ?? '']));
  return { version: draft?.version ?? null, plan: pick(draft?.plan ?? {}, DRAFT_KEYS), tasks: (draft?.tasks ?? []).map((t) => pick(t, TASK_KEYS)) };
}

let requestNumber = 0;
function saveDraft(runtime: Runtime, caseId: string, loaded: ReturnType<typeof planFormLoaded>, plan: Record<string, string>, tasks = TASKS) {
  return runtime.call<PlanStepResult>('savePlanDraft', { caseId, plan, tasks, loaded, requestId: `colleague-plan-${++requestNumber}` });
}

function consentingCase(runtime: Runtime): string {
  const saved = runtime.call<SaveResult>('saveCase', { record: NEW_CASE, requestId: `colleague-case-${++requestNumber}` });
  if (!saved.saved) throw new Error(JSON.stringify(saved.errors));
  return saved.id;
}

const planRows = (runtime: Runtime, caseId: string) => tabText(runtime, '支援プラン').filter((r) => r[0] === caseId);
const taskRows = (runtime: Runtime, caseId: string) => tabText(runtime, '役割分担').filter((r) => r[0] === caseId);
const refusal = (message: string) => ({ saved: false, warnings: [], errors: [expect.objectContaining({ code: 'edit_conflict', message })] });

describe('two stale saves of one 案', () => {
  it('refuses the second, naming the field the first changed, and keeps the first', () => {
    const runtime = demoWorkbook(20);
    const caseId = consentingCase(runtime);
    expect(saveDraft(runtime, caseId, planFormLoaded(runtime, caseId), PLAN).saved).toBe(true);
    const [a, b] = [planFormLoaded(runtime, caseId), planFormLoaded(runtime, caseId)];
    expect(saveDraft(runtime, caseId, b, { ...PLAN, shortTermGoal: '通所を始める' }).saved).toBe(true);
    const before = { plans: tabText(runtime, '支援プラン'), tasks: tabText(runtime, '役割分担') };
    expect(saveDraft(runtime, caseId, a, { ...PLAN, personWish: '母と一緒に家で暮らしたい' })).toEqual(refusal(
      '短期目標：読み込んだとき「介護サービスを使い始める」→ いま「通所を始める」。読み込んだあとにほかの方が変更したため、保存しませんでした。'));
    expect(tabText(runtime, '支援プラン')).toEqual(before.plans);
    expect(tabText(runtime, '役割分担')).toEqual(before.tasks);
    expect(planRows(runtime, caseId).map((r) => r[PLAN_FIELDS.findIndex((f) => f.key === 'shortTermGoal')])).toEqual(['通所を始める']);
  });

  it('refuses a stale save after a colleague changed the tasks, saying how many there are now', () => {
    const runtime = demoWorkbook(20);
    const caseId = consentingCase(runtime);
    expect(saveDraft(runtime, caseId, planFormLoaded(runtime, caseId), PLAN).saved).toBe(true);
    const [a, b] = [planFormLoaded(runtime, caseId), planFormLoaded(runtime, caseId)];
    expect(saveDraft(runtime, caseId, b, PLAN, TASKS.slice(0, 1)).saved).toBe(true);
    expect(saveDraft(runtime, caseId, a, { ...PLAN, longTermGoal: '安心して暮らす' })).toEqual(refusal(
      '役割分担：読み込んだとき2件 → いま1件。読み込んだあとにほかの方が変更したため、保存しませんでした。'));
    expect(taskRows(runtime, caseId)).toHaveLength(1);
  });

  it('refuses a second new 案 when a colleague made one since the form opened without one', () => {
    const runtime = demoWorkbook(20);
    const caseId = consentingCase(runtime);
    const [a, b] = [planFormLoaded(runtime, caseId), planFormLoaded(runtime, caseId)];
    expect(saveDraft(runtime, caseId, b, PLAN).saved).toBe(true);
    expect(saveDraft(runtime, caseId, a, { ...PLAN, shortTermGoal: '見学に行く' }, TASKS.slice(1))).toEqual(refusal(
      '読み込んだときは案はありませんでしたが、いまは第1版の案があります。読み込んだあとにほかの方が変更したため、保存しませんでした。'));
    expect(planRows(runtime, caseId).map((r) => r[PLAN_FIELDS.findIndex((f) => f.key === 'shortTermGoal')])).toEqual(['介護サービスを使い始める']);
    expect(taskRows(runtime, caseId)).toHaveLength(2);
  });
});
