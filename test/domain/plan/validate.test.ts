// 入力チェック of 支援プラン and 役割分担 (SPEC §6, §12). Each workbook is written by
// hand; each expectation is what a CSW would see in the list of problems.
import type { Cell } from '../../../src/domain/cell';
import { CASE_FIELDS } from '../../../src/domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../../../src/domain/plan/fields';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';
import type { Problem } from '../../../src/domain/validate/problem';
import { validateWorkbook } from '../../../src/domain/validate/workbook';

const TODAY = '2026-11-22';

function rowOf(fields: readonly { key: string }[], values: Record<string, Cell>): Cell[] {
  return fields.map((f) => values[f.key] ?? '');
}

const CASE = {
  caseId: '2026-0001', receivedOn: '2026-04-10', referrerAgency: '地域包括支援センター', personName: '山田 太郎',
  lifeAreas: '介護', summary: '母の介護', reason: '複数分野', consent: 'あり', consentOn: '2026-04-20',
  status: '支援中', planOn: '2026-05-12', nextMonitoringOn: '2026-12-01',
};
const PLAN = {
  caseId: '2026-0001', version: 1, planStatus: '決定', createdOn: '2026-05-01', shortTermGoal: '母の介護サービスを始める',
  decidedOn: '2026-05-12', nextReviewOn: '2026-12-01',
};
const TASK = { caseId: '2026-0001', version: 1, owner: '地域包括支援センター', content: '介護保険の申請を手伝う' };

function validate(cases: Record<string, Cell>[], plans: Record<string, Cell>[], tasks: Record<string, Cell>[]): Problem[] {
  return validateWorkbook({
    cases: { header: CASE_FIELDS.map((f) => f.header), rows: cases.map((c) => rowOf(CASE_FIELDS, c)) },
    activities: null, meetings: null,
    plans: { header: PLAN_FIELDS.map((f) => f.header), rows: plans.map((p) => rowOf(PLAN_FIELDS, p)) },
    tasks: { header: TASK_FIELDS.map((f) => f.header), rows: tasks.map((t) => rowOf(TASK_FIELDS, t)) },
    settings: DEFAULT_SETTINGS, today: TODAY,
  }).problems;
}

const brief = (ps: readonly Problem[]) => ps.map((p) => [p.sheet, p.row, p.column, p.code]);

describe('支援プラン and 役割分担 in 入力チェック', () => {
  it('finds nothing in a consistent case, plan and task', () => {
    expect(validate([CASE], [PLAN], [TASK])).toEqual([]);
  });

  it('reports unknown_plan on a task whose version has no plan row, naming row and column', () => {
    const problems = validate([CASE], [PLAN], [TASK, { ...TASK, version: 2 }]);
    expect(brief(problems)).toEqual([['役割分担', 3, '版', 'unknown_plan']]);
    expect(problems[0]!.message).toBe('3行目「版」（B列）：ケースID「2026-0001」の2版は支援プランにありません。支援プランのケースIDと版を入力してください。');
  });

  it('reports duplicate_plan on both rows, and multiple_current_plans on every 決定 row of a case', () => {
    const problems = validate([CASE], [PLAN, { ...PLAN }], [TASK]);
    expect(brief(problems)).toEqual([
      ['支援プラン', 2, '状態', 'multiple_current_plans'], ['支援プラン', 2, '版', 'duplicate_plan'],
      ['支援プラン', 3, '状態', 'multiple_current_plans'], ['支援プラン', 3, '版', 'duplicate_plan'],
    ].sort((a, b) => Number(a[1]) - Number(b[1]) || (a[2] === '版' ? -1 : 1)));
    const two = validate([CASE], [PLAN, { ...PLAN, version: 2, createdOn: '2026-10-01', decidedOn: '2026-10-05' }], [TASK, { ...TASK, version: 2 }]);
    expect(brief(two)).toEqual([['支援プラン', 2, '状態', 'multiple_current_plans'], ['支援プラン', 3, '状態', 'multiple_current_plans']]);
    expect(two[0]!.message).toContain('1・2版');
  });

  it('warns plan_without_tasks for a 決定 plan with no task, but not for a 案', () => {
    expect(brief(validate([CASE], [PLAN], []))).toEqual([['支援プラン', 2, '状態', 'plan_without_tasks']]);
    expect(validate([{ ...CASE, planOn: '' }], [{ ...PLAN, planStatus: '案', decidedOn: '' }], [])).toEqual([]);
  });

  it('warns plan_review_overdue on an open case only', () => {
    const late = { ...PLAN, nextReviewOn: '2026-11-01' };
    expect(brief(validate([CASE], [late], [TASK]))).toEqual([['支援プラン', 2, '次回評価日', 'plan_review_overdue']]);
    const closed = { ...CASE, status: '終結', closedOn: '2026-11-10', closingNote: '目標達成' };
    expect(validate([closed], [late], [TASK])).toEqual([]);
  });

  it('warns plan_date_mismatch on 共通シート when プラン作成日 is blank or not the earliest 決定日', () => {
    const blank = validate([{ ...CASE, planOn: '' }], [PLAN], [TASK]);
    expect(brief(blank)).toEqual([['共通シート', 2, 'プラン作成日', 'plan_date_mismatch']]);
    expect(blank[0]!.message).toContain('2026-05-12を入力してください');
    const ended = { ...PLAN, planStatus: '終了', decidedOn: '2026-05-10' };
    const revised = { ...PLAN, version: 2, createdOn: '2026-10-01', decidedOn: '2026-10-05' };
    expect(brief(validate([CASE], [ended, revised], [TASK, { ...TASK, version: 2 }])))
      .toEqual([['共通シート', 2, 'プラン作成日', 'plan_date_mismatch']]);
  });

  it('extends the existing codes to the plan tabs', () => {
    const problems = validate([{ ...CASE, consent: '確認中', consentOn: '', planOn: '' }], [
      { ...PLAN, caseId: '2026-0001', createdOn: '2026-04-01', decidedOn: '2026-03-31', reviewedOn: '2026-12-24', shortTermGoal: '', periodStart: '2026-06-01', periodEnd: '2026-05-01', authorAgency: '町役場', nextReviewOn: 'あした' },
      { caseId: '2099-0009', version: 1, planStatus: '決定', createdOn: '2026-05-01', shortTermGoal: 'x' },
    ], [{ ...TASK, owner: '家族', progress: '済み', dueOn: '2026/13/1' }, { ...TASK, owner: '' }]);
    expect(brief(problems).filter((p) => p[0] !== '共通シート')).toEqual([
      ['支援プラン', 2, 'ケースID', 'consent_required_for_plan'],
      ['支援プラン', 2, '作成日', 'date_order'],
      ['支援プラン', 2, '作成機関', 'unknown_value'],
      ['支援プラン', 2, '短期目標', 'required'],
      ['支援プラン', 2, 'プラン期間終了', 'date_order'],
      ['支援プラン', 2, '次回評価日', 'invalid_date'],
      ['支援プラン', 2, '決定日', 'date_order'],
      ['支援プラン', 2, '評価日', 'future_date'],
      ['支援プラン', 3, 'ケースID', 'unknown_case'],
      ['支援プラン', 3, '状態', 'plan_without_tasks'],
      ['支援プラン', 3, '決定日', 'required'],
      ['役割分担', 2, '期限', 'invalid_date'],
      ['役割分担', 2, '実施状況', 'unknown_value'],
      ['役割分担', 3, '担当', 'required'],
    ]);
  });

  it('reports a missing required column of 役割分担 once on its header row', () => {
    const problems = validateWorkbook({
      cases: { header: CASE_FIELDS.map((f) => f.header), rows: [rowOf(CASE_FIELDS, CASE)] }, activities: null, meetings: null,
      plans: { header: PLAN_FIELDS.map((f) => f.header), rows: [rowOf(PLAN_FIELDS, PLAN)] },
      tasks: { header: ['ケースID', '版', '支援内容'], rows: [['2026-0001', 1, 'a'], ['2026-0001', 1, 'b']] },
      settings: DEFAULT_SETTINGS, today: TODAY,
    }).problems;
    expect(brief(problems)).toEqual([['役割分担', 1, '担当', 'required']]);
  });
});
