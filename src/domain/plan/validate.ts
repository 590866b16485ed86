// 入力チェック of 支援プラン and 役割分担 (SPEC §6, §12): each row by its own
// rules, then the rules that compare rows with each other and with 共通シート.
import { CASE_FIELDS, isClosedStatus, TAB, type FieldDef } from '../fields';
import type { RecordText } from '../record';
import type { Settings } from '../settings';
import type { Table } from '../table';
import { dateOf } from '../validate/fieldRules';
import { finding, say, type Finding, type Problem } from '../validate/problem';
import { PLAN_FIELDS, TASK_FIELDS } from './fields';
import { caseFactsOf, checkPlan, checkTask, planKey } from './rules';

interface Row {
  readonly row: number;
  readonly text: RecordText;
}

/** How validateWorkbook checks a tab and places findings; passed in so both share one implementation. */
export interface TabChecker {
  checkTab(sheet: string, fields: readonly FieldDef[], table: Table, check: (text: RecordText) => Finding[]): { problems: Problem[]; rows: Row[] };
  placeOn(sheet: string, fields: readonly FieldDef[], table: Table): (f: Finding, row: Row) => Problem;
}

export interface PlanTabsInput {
  readonly cases: Table;
  readonly caseRows: readonly Row[];
  readonly plans: Table | null;
  readonly tasks: Table | null;
  readonly settings: Settings;
  readonly today: string;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return groups;
}

const isVersion = (text: RecordText): boolean => /^[1-9]\d*$/.test(text.version ?? '');
const versionKey = (r: Row): string | null => (r.text.caseId && isVersion(r.text) ? planKey(r.text.caseId, r.text.version!) : null);

/** The rules that compare 支援プラン rows with each other, with 役割分担 and with their case. */
function checkPlansTogether(plans: readonly Row[], taskKeys: ReadonlySet<string>, cases: ReadonlyMap<string, Row>, today: string) {
  const onPlans: { f: Finding; row: Row }[] = [];
  for (const [, same] of groupBy(plans, versionKey)) {
    if (same.length < 2) continue;
    for (const r of same) onPlans.push({ f: finding('version', 'duplicate_plan', say.duplicatePlan(r.text.caseId!, r.text.version!, same.map((s) => s.row))), row: r });
  }
  const decided = plans.filter((r) => r.text.planStatus === '決定');
  for (const [caseId, same] of groupBy(decided, (r) => r.text.caseId || null)) {
    if (same.length < 2) continue;
    for (const r of same) onPlans.push({ f: finding('planStatus', 'multiple_current_plans', say.multipleCurrentPlans(caseId, same.map((s) => s.text.version ?? ''))), row: r });
  }
  for (const r of decided) {
    const key = versionKey(r);
    if (key && !taskKeys.has(key)) onPlans.push({ f: finding('planStatus', 'plan_without_tasks', say.planWithoutTasks()), row: r });
    const review = dateOf(r.text, 'nextReviewOn');
    const theCase = cases.get(r.text.caseId ?? '');
    if (review && review < today && theCase && !isClosedStatus(theCase.text.status ?? '')) {
      onPlans.push({ f: finding('nextReviewOn', 'plan_review_overdue', say.planReviewOverdue(review)), row: r });
    }
  }
  return onPlans;
}

/** plan_date_mismatch, on the 共通シート row: its プラン作成日 against the earliest 決定日 of its plans. */
function checkPlanOn(plans: readonly Row[], cases: ReadonlyMap<string, Row>) {
  const earliest = new Map<string, string>();
  for (const r of plans) {
    const decided = dateOf(r.text, 'decidedOn');
    const caseId = r.text.caseId ?? '';
    if (!decided || !caseId || !['決定', '終了'].includes(r.text.planStatus ?? '')) continue;
    if (!earliest.has(caseId) || decided < earliest.get(caseId)!) earliest.set(caseId, decided);
  }
  const onCases: { f: Finding; row: Row }[] = [];
  for (const [caseId, first] of earliest) {
    const theCase = cases.get(caseId);
    const planOn = theCase?.text.planOn ?? '';
    if (theCase && planOn !== first) onCases.push({ f: finding('planOn', 'plan_date_mismatch', say.planDateMismatch(first, planOn)), row: theCase });
  }
  return onCases;
}

export function validatePlanTabs(input: PlanTabsInput, checker: TabChecker): Problem[] {
  const { settings, today } = input;
  if (!input.plans && !input.tasks) return [];
  const cases = new Map<string, Row>();
  for (const r of input.caseRows) if (r.text.caseId && !cases.has(r.text.caseId)) cases.set(r.text.caseId, r);
  const problems: Problem[] = [];
  const emptyTable: Table = { header: [], rows: [] };
  const plans = input.plans
    ? checker.checkTab(TAB.plans, PLAN_FIELDS, input.plans, (t) => {
      const theCase = cases.get(t.caseId ?? '');
      return checkPlan(t, settings, today, theCase ? caseFactsOf(theCase.text) : null);
    })
    : { problems: [], rows: [] };
  problems.push(...plans.problems);
  const caseIds = new Set(cases.keys());
  const planKeys = new Set(plans.rows.flatMap((r) => versionKey(r) ?? []));
  const tasks = input.tasks
    ? checker.checkTab(TAB.tasks, TASK_FIELDS, input.tasks, (t) => checkTask(t, settings, caseIds, planKeys))
    : { problems: [], rows: [] };
  problems.push(...tasks.problems);
  const taskKeys = new Set(tasks.rows.flatMap((r) => versionKey(r) ?? []));
  const placePlan = checker.placeOn(TAB.plans, PLAN_FIELDS, input.plans ?? emptyTable);
  problems.push(...checkPlansTogether(plans.rows, taskKeys, cases, today).map(({ f, row }) => placePlan(f, row)));
  const placeCase = checker.placeOn(TAB.cases, CASE_FIELDS, input.cases);
  problems.push(...checkPlanOn(plans.rows, cases).map(({ f, row }) => placeCase(f, row)));
  return problems;
}
