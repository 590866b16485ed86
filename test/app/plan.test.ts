// The plan's life in the built bundle (SPEC §12): a 案 saved with its tasks,
// decided, reviewed, revised as version 2, printed for the person; refused
// without consent; every change in 変更履歴; a fixed number of service calls.
import type { CasePlansView, PlanCases } from '../../src/app/plan/state';
import type { PlanPrinted } from '../../src/app/plan/print';
import type { PlanStepResult } from '../../src/app/plan/steps';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../../src/domain/plan/fields';
import { SIGNATURE_LINE } from '../../src/domain/plan/printView';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';
import { demoWorkbook, tabText, TODAY } from './helpers';

type Runtime = ReturnType<typeof demoWorkbook>;

const NEW_CASE = {
  receivedOn: '2026-10-01', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'しけん はなこ', birthDate: '1950-05-05',
  lifeAreas: '介護、住まい', summary: '母の介護と住まい', reason: '複合課題のため', consent: 'あり', consentOn: '2026-10-05', status: 'アセスメント中',
};
const PLAN = { createdOn: '2026-11-01', personWish: '家で母と暮らしたい', shortTermGoal: '介護サービスを使い始める', longTermGoal: '安心して暮らす', nextReviewOn: '2027-02-01', authorAgency: '地域包括支援センター' };
const TASKS = [
  { owner: '地域包括支援センター', content: '介護保険の申請を手伝う', frequency: '月1回', issue: '介護' },
  { owner: '本人', content: '通所の見学に行く', frequency: '1回' },
];

let requestNumber = 0;
const requestId = () => `plan-request-${++requestNumber}`;
const newCase = (runtime: Runtime, over: Record<string, string> = {}): string => {
  const saved = runtime.call<SaveResult>('saveCase', { record: { ...NEW_CASE, ...over }, requestId: requestId() });
  if (!saved.saved) throw new Error(JSON.stringify(saved.errors));
  return saved.id;
};
const draft = (runtime: Runtime, caseId: string, plan = PLAN, tasks = TASKS) =>
  runtime.call<PlanStepResult>('savePlanDraft', { caseId, plan, tasks, requestId: requestId() });
const decide = (runtime: Runtime, caseId: string, version: number, decidedOn = TODAY, extra: Record<string, unknown> = {}) =>
  runtime.call<PlanStepResult>('decidePlan', { caseId, version, decidedOn, requestId: requestId(), ...extra });
const review = (runtime: Runtime, caseId: string, version: number, reviewPolicy: string, extra: Record<string, unknown> = {}) =>
  runtime.call<PlanStepResult>('reviewPlan', {
    caseId, version, reviewedOn: TODAY, achievement: '一部達成', reviewPolicy, reviewNote: '申請は済んだ',
    tasks: [{ progress: '実施済' }, { progress: '実施中', taskNote: '見学は来月' }], requestId: requestId(), ...extra,
  });

const rowsOf = (runtime: Runtime, tab: string, caseId: string) => tabText(runtime, tab).filter((r) => r[0] === caseId);
const col = (fields: readonly { header: string; key: string }[], key: string) => fields.findIndex((f) => f.key === key);
const caseRow = (runtime: Runtime, caseId: string) => tabText(runtime, '共通シート').find((r) => r[0] === caseId)!;

describe('a plan from 案 to 見直し', () => {
  it('saves the 案 with its tasks, decides it, reviews it and opens version 2, with 共通シート following', () => {
    const runtime = demoWorkbook(60);
    const caseId = newCase(runtime);
    expect(draft(runtime, caseId)).toMatchObject({ saved: true, caseId, version: 1 });
    let plans = rowsOf(runtime, '支援プラン', caseId);
    expect(plans).toHaveLength(1);
    expect(plans[0]![col(PLAN_FIELDS, 'planStatus')]).toBe('案');
    expect(plans[0]![col(PLAN_FIELDS, 'createdOn')]).toBe('2026-11-01');
    expect(rowsOf(runtime, '役割分担', caseId).map((r) => [r[1], r[col(TASK_FIELDS, 'owner')], r[col(TASK_FIELDS, 'progress')]]))
      .toEqual([['1', '地域包括支援センター', '未着手'], ['1', '本人', '未着手']]);

    // Editing the 案 replaces its tasks and touches no other row.
    const otherTasks = tabText(runtime, '役割分担').filter((r) => r[0] !== caseId);
    expect(draft(runtime, caseId, { ...PLAN, shortTermGoal: '通所を始める' }, [TASKS[1]!])).toMatchObject({ saved: true, version: 1 });
    expect(rowsOf(runtime, '役割分担', caseId).map((r) => r[col(TASK_FIELDS, 'content')])).toEqual(['通所の見学に行く']);
    expect(tabText(runtime, '役割分担').filter((r) => r[0] !== caseId && r.some(Boolean))).toEqual(otherTasks);
    draft(runtime, caseId);

    const decided = decide(runtime, caseId, 1, '2026-11-10');
    expect(decided).toMatchObject({ saved: true, version: 1 });
    plans = rowsOf(runtime, '支援プラン', caseId);
    expect([plans[0]![col(PLAN_FIELDS, 'planStatus')], plans[0]![col(PLAN_FIELDS, 'decidedOn')]]).toEqual(['決定', '2026-11-10']);
    let theCase = caseRow(runtime, caseId);
    const caseCol = (key: string) => col(CASE_FIELDS, key);
    expect([theCase[caseCol('planOn')], theCase[caseCol('nextMonitoringOn')], theCase[caseCol('status')]]).toEqual(['2026-11-10', '2027-02-01', '支援中']);

    expect(review(runtime, caseId, 1, '見直し')).toMatchObject({ saved: true, version: 2 });
    plans = rowsOf(runtime, '支援プラン', caseId);
    expect(plans.map((p) => [p[1], p[col(PLAN_FIELDS, 'planStatus')], p[col(PLAN_FIELDS, 'reviewPolicy')]])).toEqual([['1', '決定', '見直し'], ['2', '案', '']]);
    expect(plans[1]![col(PLAN_FIELDS, 'shortTermGoal')]).toBe('介護サービスを使い始める');
    expect(rowsOf(runtime, '役割分担', caseId).map((r) => [r[1], r[col(TASK_FIELDS, 'progress')], r[col(TASK_FIELDS, 'taskNote')]])).toEqual([
      ['1', '実施済', ''], ['1', '実施中', '見学は来月'], ['2', '未着手', ''], ['2', '未着手', ''],
    ]);

    // Deciding version 2 ends version 1; プラン作成日 keeps the first decision.
    expect(decide(runtime, caseId, 2, TODAY, { nextReviewOn: '2027-05-01' })).toMatchObject({ saved: true, version: 2 });
    plans = rowsOf(runtime, '支援プラン', caseId);
    expect(plans.map((p) => p[col(PLAN_FIELDS, 'planStatus')])).toEqual(['終了', '決定']);
    theCase = caseRow(runtime, caseId);
    expect([theCase[caseCol('planOn')], theCase[caseCol('nextMonitoringOn')]]).toEqual(['2026-11-10', '2027-05-01']);

    const log = tabText(runtime, '変更履歴').filter((r) => r[4] === caseId);
    expect(log.map((r) => r[2])).toEqual(expect.arrayContaining(['プラン案を保存（1版）', 'プランを決定（1版）', 'プランを評価（1版）', 'プランを決定（2版）']));
    expect(log).toContainEqual(expect.arrayContaining(['プランを決定（1版）', '共通シート', caseId, '状態', 'アセスメント中', '支援中']));
    expect(log).toContainEqual(expect.arrayContaining(['プランを決定（2版）', '支援プラン', caseId, '1版 状態', '決定', '終了']));

    // 入力チェック finds nothing wrong with what the steps wrote.
    const check = runtime.call<{ problems: { caseId: string; code: string }[] }>('checkEntries', { today: TODAY, mark: false });
    expect(check.problems.filter((p) => p.caseId === caseId)).toEqual([]);
  });

  it('moves the case to 終結検討 when the review says 終結, and keeps 次回モニタリング日 with 継続', () => {
    const runtime = demoWorkbook(30);
    const caseId = newCase(runtime);
    draft(runtime, caseId);
    decide(runtime, caseId, 1);
    expect(review(runtime, caseId, 1, '継続', { nextReviewOn: '2027-03-01' })).toMatchObject({ saved: true, version: 1 });
    expect(caseRow(runtime, caseId)[col(CASE_FIELDS, 'nextMonitoringOn')]).toBe('2027-03-01');
    expect(rowsOf(runtime, '支援プラン', caseId)[0]![col(PLAN_FIELDS, 'nextReviewOn')]).toBe('2027-03-01');
    expect(review(runtime, caseId, 1, '終結', { successorAgency: '社会福祉協議会' })).toMatchObject({ saved: true });
    expect(caseRow(runtime, caseId)[col(CASE_FIELDS, 'status')]).toBe('終結検討');
    expect(rowsOf(runtime, '支援プラン', caseId)[0]![col(PLAN_FIELDS, 'successorAgency')]).toBe('社会福祉協議会');
  });
});

describe('at the meeting and after it', () => {
  it('shows the 案 on the agenda, then 会議のあと decides it with the meeting\'s date and 会議ID', () => {
    const runtime = demoWorkbook(30);
    const MEETING = { meetingType: '重層的支援会議', date: '2026-11-20' };
    const caseId = newCase(runtime, { nextMeetingType: MEETING.meetingType, nextMeetingOn: MEETING.date });
    draft(runtime, caseId, { ...PLAN, personWish: '試験さんは家で暮らしたい' });
    const created = runtime.call<{ meetingId: string; items: { caseId: string; plan: unknown }[] }>('createAgenda', { today: TODAY, ...MEETING, includeDue: false });
    expect(created.items.find((i) => i.caseId === caseId)!.plan).toEqual({
      version: 1, status: '案', shortTermGoal: '介護サービスを使い始める',
      tasks: [{ owner: '地域包括支援センター', content: '介護保険の申請を手伝う', frequency: '月1回', progress: '未着手' }, { owner: '本人', content: '通所の見学に行く', frequency: '1回', progress: '未着手' }],
    });
    const outcome = (plan: Record<string, unknown>, meetingId = created.meetingId) => runtime.call<{ saved: boolean; errors?: { message: string }[] }>('recordMeetingOutcome', {
      meetingId, meetingStatus: '開催済', requestId: requestId(),
      outcomes: [{ caseId, nextMeetingType: '', nextMeetingOn: '', plan }],
    });
    expect(outcome({ action: 'decide', version: 1 })).toMatchObject({ saved: true });
    const plan = rowsOf(runtime, '支援プラン', caseId)[0]!;
    expect([plan[col(PLAN_FIELDS, 'planStatus')], plan[col(PLAN_FIELDS, 'decidedOn')], plan[col(PLAN_FIELDS, 'decidedMeetingId')]]).toEqual(['決定', MEETING.date, created.meetingId]);
    const theCase = caseRow(runtime, caseId);
    expect([theCase[col(CASE_FIELDS, 'status')], theCase[col(CASE_FIELDS, 'planOn')], theCase[col(CASE_FIELDS, 'nextMeetingType')]]).toEqual(['支援中', MEETING.date, '']);
    expect(tabText(runtime, '変更履歴').filter((r) => r[4] === caseId && r[3] === '支援プラン').map((r) => r[2])).toContain(`会議の結果を記録（${created.meetingId}）`);
  });

  it('refuses plan decisions at a meeting held without consent, and writes nothing', () => {
    const runtime = demoWorkbook(30);
    const MEETING = { meetingType: '支援会議', date: '2026-11-20' };
    const caseId = newCase(runtime, { nextMeetingType: MEETING.meetingType, nextMeetingOn: MEETING.date });
    draft(runtime, caseId);
    const created = runtime.call<{ meetingId: string }>('createAgenda', { today: TODAY, ...MEETING, includeDue: false });
    const before = tabText(runtime, '支援プラン');
    const result = runtime.call('recordMeetingOutcome', {
      meetingId: created.meetingId, meetingStatus: '開催済', requestId: requestId(), outcomes: [{ caseId, plan: { action: 'decide', version: 1 } }],
    });
    expect(result).toMatchObject({ saved: false, errors: [{ caseId, message: expect.stringContaining('本人同意が必要な会議') }] });
    expect(tabText(runtime, '支援プラン')).toEqual(before);
  });
});

describe('refusals', () => {
  it('refuses a plan while 本人同意 is not あり, with the reason, and writes nothing', () => {
    const runtime = demoWorkbook(30);
    const caseId = newCase(runtime, { consent: '確認中', consentOn: '' });
    const before = tabText(runtime, '支援プラン');
    const result = draft(runtime, caseId);
    expect(result).toMatchObject({ saved: false, errors: [{ code: 'consent_required_for_plan', message: expect.stringContaining('本人同意が「あり」ではない') }] });
    expect(tabText(runtime, '支援プラン')).toEqual(before);
    const view = runtime.call<CasePlansView>('getCasePlans', { today: TODAY, caseId });
    expect(view.refusal).toContain('本人同意が「確認中」のため');
  });

  it('refuses to decide a 案 without tasks or a review date, and a plan that is not a 案', () => {
    const runtime = demoWorkbook(30);
    const caseId = newCase(runtime);
    draft(runtime, caseId, { ...PLAN, nextReviewOn: '' }, []);
    expect(decide(runtime, caseId, 1)).toMatchObject({ saved: false, errors: [{ message: expect.stringContaining('役割分担が1つもない') }] });
    draft(runtime, caseId, { ...PLAN, nextReviewOn: '' });
    expect(decide(runtime, caseId, 1)).toMatchObject({ saved: false, errors: [{ message: expect.stringContaining('次回評価日を入力してください') }] });
    draft(runtime, caseId);
    decide(runtime, caseId, 1);
    expect(decide(runtime, caseId, 1)).toMatchObject({ saved: false, errors: [{ message: expect.stringContaining('決定できるのは案だけです') }] });
    expect(review(runtime, caseId, 1, '継続', { reviewedOn: '2026-11-19' })).toMatchObject({ saved: false, errors: [{ code: 'date_order' }] });
  });

  it('refuses bad arguments before reading anything', () => {
    const runtime = demoWorkbook(10);
    expect(() => runtime.call('savePlanDraft', { caseId: 'x', plan: { planStatus: '決定' }, tasks: [], requestId: requestId() })).toThrow(/認識されていないキー/);
    expect(() => runtime.call('reviewPlan', { caseId: 'x', version: 1, achievement: 'とても', reviewPolicy: '継続', tasks: [], requestId: requestId() })).toThrow('達成度を達成・一部達成・変化なし・悪化から選んでください。');
  });
});

describe('the picker and the person\'s copy', () => {
  it('lists cases without names and shows the plan history', () => {
    const runtime = demoWorkbook(30);
    const caseId = newCase(runtime);
    draft(runtime, caseId);
    const list = runtime.call<PlanCases>('getPlanCases', { today: TODAY });
    expect(JSON.stringify(list)).not.toContain('試験');
    expect(list.cases).toContainEqual({ caseId, ageBand: '70代', agency: '地域包括支援センター', consent: 'あり', status: 'アセスメント中' });
    runtime.select('役割分担', `C${tabText(runtime, '役割分担').findIndex((r) => r[0] === caseId) + 1}`);
    expect(runtime.call<PlanCases>('getPlanCases', { today: TODAY }).selectedCaseId).toBe(caseId);
    const view = runtime.call<CasePlansView>('getCasePlans', { today: TODAY, caseId });
    expect(view.versions.map((v) => [v.version, v.plan.planStatus, v.tasks.length])).toEqual([[1, '案', 2]]);
  });

  it('prints プラン_<ケースID> for the person: name, wish, goals, tasks in plain words, review, signature line', () => {
    const runtime = demoWorkbook(30);
    const caseId = newCase(runtime);
    draft(runtime, caseId);
    decide(runtime, caseId, 1);
    review(runtime, caseId, 1, '見直し');
    const printed = runtime.call<PlanPrinted>('createPlanPrint', { today: TODAY, caseId });
    expect(printed).toEqual({
      sheet: `プラン_${caseId}`, caseId, version: 1, status: '決定',
      tasks: [
        { owner: '地域包括支援センター', content: '介護保険の申請を手伝う', frequency: '月1回', progress: '実施済' },
        { owner: '本人', content: '通所の見学に行く', frequency: '1回', progress: '実施中' },
      ],
    });
    const text = tabText(runtime, printed.sheet).map((r) => r.join('|'));
    expect(text[0]).toContain('支援プラン（第1版）');
    expect(text[1]).toContain('試験 花子 様');
    expect(text.join('\n')).toContain('家で母と暮らしたい');
    expect(text.join('\n')).toContain('まず目指すこと：介護サービスを使い始める');
    expect(text).toContainEqual(expect.stringContaining('ご本人|　|通所の見学に行く|1回'));
    expect(text.join('\n')).toContain('目標の一部を達成できました。');
    expect(text.join('\n')).toContain('ご連絡先');
    expect(text[text.length - 1]).toContain(SIGNATURE_LINE);
    const sheet = findSheet(runtime.model, printed.sheet)!;
    expect(sheet.hiddenGridlines).toBe(true);
    // Made again, it replaces the tab; the 案 of version 2 prints when asked for.
    const again = runtime.call<PlanPrinted>('createPlanPrint', { today: TODAY, caseId, version: 2 });
    expect(again).toMatchObject({ version: 2, status: '案' });
    expect(runtime.model.sheets.filter((s) => s.name === printed.sheet)).toHaveLength(1);
    expect(() => runtime.call('createPlanPrint', { today: TODAY, caseId: '2099-0001' })).toThrow('共通シートに見つかりません');
  });
});

describe('service calls', () => {
  it('are the same for every plan step with 100 and 10,000 cases, but for growing a full tab', () => {
    const measure = (cases: number) => {
      const runtime = demoWorkbook(cases);
      const caseId = newCase(runtime);
      const calls: Record<string, number> = {};
      const count = (name: string, work: () => unknown) => {
        runtime.resetCalls();
        work();
        // A full tab grows by one insertRowsAfter per tab written (the 10,000-case demo fills its tabs to the last row).
        const { 'Sheet.insertRowsAfter': grown = 0, ...rest } = runtime.callsByMethod();
        expect(grown).toBeLessThanOrEqual(2);
        calls[name] = Object.values(rest).reduce((a, b) => a + b, 0);
      };
      count('getPlanCases', () => runtime.call('getPlanCases', { today: TODAY }));
      count('getCasePlans', () => runtime.call('getCasePlans', { today: TODAY, caseId }));
      count('savePlanDraft', () => draft(runtime, caseId));
      count('decidePlan', () => decide(runtime, caseId, 1));
      count('reviewPlan', () => review(runtime, caseId, 1, '見直し'));
      count('createPlanPrint', () => runtime.call('createPlanPrint', { today: TODAY, caseId }));
      return calls;
    };
    const small = measure(100);
    expect(Object.values(small).every((n) => n > 0)).toBe(true);
    expect(measure(10_000)).toEqual(small);
  });
});

describe('cells read', () => {
  it('by the plan print, the ケース票 and the プラン view follow the case: at 10,000 cases only the ケースID column of each tab they use is longer', () => {
    const measure = (cases: number) => {
      const runtime = demoWorkbook(cases);
      const caseId = newCase(runtime);
      draft(runtime, caseId);
      decide(runtime, caseId, 1);
      const rows = Object.fromEntries(['共通シート', '支援プラン', '役割分担', '支援記録'].map((tab) => [tab, lastRowWithContent(findSheet(runtime.model, tab)!)]));
      const cellsRead = (name: string, args: unknown) => {
        runtime.resetCalls();
        runtime.call(name, args);
        return runtime.cellsRead;
      };
      const read = {
        getCasePlans: cellsRead('getCasePlans', { today: TODAY, caseId }),
        createPlanPrint: cellsRead('createPlanPrint', { today: TODAY, caseId }),
        createCaseSheet: cellsRead('createCaseSheet', { today: TODAY, caseId }),
      };
      return { rows, read };
    };
    const small = measure(100);
    const large = measure(10_000);
    const longer = (tabs: readonly string[]) => tabs.reduce((sum, tab) => sum + large.rows[tab]! - small.rows[tab]!, 0);
    const planTabs = ['共通シート', '支援プラン', '役割分担'];
    // Whole tabs were 668,607 cells for the plan print at 10,000 cases; a column of each is ≈ 10,000 more than at 100.
    expect({
      getCasePlans: large.read.getCasePlans - small.read.getCasePlans <= longer(planTabs),
      createPlanPrint: large.read.createPlanPrint - small.read.createPlanPrint <= longer(planTabs),
      createCaseSheet: large.read.createCaseSheet - small.read.createCaseSheet <= longer([...planTabs, '支援記録']),
    }).toEqual({ getCasePlans: true, createPlanPrint: true, createCaseSheet: true });
  }, 120_000);
});
