// The life of a case's plan (SPEC §12) as pure steps: draft or edit the 案,
// decide it, review the 決定 plan. Each step reads the case's plan rows as they
// stand and answers the rows to write and what 共通シート follows, or the
// findings that refuse it. Nothing here touches a sheet.
import type { Cell } from '../cell';
import { isClosedStatus } from '../fields';
import { normalizeRecord, type RawRecord, type RecordText } from '../record';
import type { OutcomeValues } from '../caseOutcome';
import type { Settings } from '../settings';
import { finding, say, type Finding } from '../validate/problem';
import { CLOSING_POLICIES, PLAN_FIELDS, TASK_FIELDS, type ReviewPolicy } from './fields';
import { caseFactsOf, checkPlan, checkTask, planKey } from './rules';

/** A row of 支援プラン or 役割分担 as read: its data row index and cells by field key. */
export interface ReadRow {
  readonly index: number;
  readonly raw: RawRecord;
  readonly text: RecordText;
}

/** Everything about one case that its plan steps read. */
export interface CasePlans {
  readonly caseId: string;
  /** The case's 共通シート record. */
  readonly caseText: RecordText;
  /** Its 支援プラン rows, in sheet order. */
  readonly plans: readonly ReadRow[];
  /** Its 役割分担 rows, in sheet order (their order is the tasks' order). */
  readonly tasks: readonly ReadRow[];
}

/** The rows a step writes: plan rows by index (null: a new row at the end), and whole task lists by version. */
export interface PlanEdit {
  readonly planRows: readonly { readonly index: number | null; readonly cells: Readonly<Record<string, Cell>> }[];
  readonly taskSets: readonly { readonly version: number; readonly rows: readonly Readonly<Record<string, Cell>>[] }[];
  /** What 共通シート follows (プラン作成日, 次回モニタリング日, 状態); fields left out stay. */
  readonly caseOutcome: OutcomeValues;
  /** The version the step wrote or opened (見直し: the new 案). */
  readonly version: number;
}

export type PlanVerdict =
  | { readonly ok: true; readonly edit: PlanEdit; readonly warnings: readonly Finding[] }
  | { readonly ok: false; readonly errors: readonly Finding[] };

/** Steps refused for the state the plan is in: said in Japanese, nothing written. */
export class PlanStateError extends Error {}

export const DRAFT_KEYS = [
  'createdOn', 'authorAgency', 'personWish', 'planIssues', 'direction', 'longTermGoal', 'shortTermGoal',
  'periodStart', 'periodEnd', 'nextReviewOn', 'explanation',
] as const;
export const TASK_KEYS = ['issue', 'owner', 'ownerStaff', 'content', 'frequency', 'dueOn', 'taskNote'] as const;
export const MAX_TASKS = 40;

export type DraftValues = Readonly<Partial<Record<(typeof DRAFT_KEYS)[number], Cell>>>;
export type TaskValues = Readonly<Partial<Record<(typeof TASK_KEYS)[number] | 'progress', Cell>>>;

export const versionOf = (row: ReadRow): number => Number(row.text.version);
/** A version's 役割分担 rows, in order. */
export const tasksOf = (plans: CasePlans, version: number): ReadRow[] =>
  plans.tasks.filter((t) => planKey(t.text.caseId ?? '', t.text.version ?? '') === planKey(plans.caseId, version));

export function latestVersion(plans: CasePlans): number {
  return plans.plans.reduce((most, p) => Math.max(most, Number.isInteger(versionOf(p)) ? versionOf(p) : 0), 0);
}
export const currentPlan = (plans: CasePlans): ReadRow | undefined => plans.plans.find((p) => p.text.planStatus === '決定');
export const draftPlan = (plans: CasePlans): ReadRow | undefined => plans.plans.find((p) => p.text.planStatus === '案');

function refuseWithoutConsent(plans: CasePlans): Finding[] {
  return plans.caseText.consent === 'あり' ? [] : [finding('caseId', 'consent_required_for_plan', say.consentForPlanRow())];
}

const keyOf = (f: Finding): string => `${f.field}|${f.code}`;

/** Errors a plan row would have after the step that it did not have before. */
function newPlanErrors(before: RawRecord | null, after: RawRecord, plans: CasePlans, settings: Settings, today: string): Finding[] {
  const facts = caseFactsOf(plans.caseText);
  const check = (raw: RawRecord) => checkPlan(normalizeRecord(PLAN_FIELDS, raw, settings).text, settings, today, facts).filter((f) => f.severity === 'error');
  const earlier = new Set(before ? check(before).map(keyOf) : []);
  return check(after).filter((f) => !earlier.has(keyOf(f)));
}

function normalizedCells(fields: typeof PLAN_FIELDS, raw: RawRecord, settings: Settings): Record<string, Cell> {
  return { ...normalizeRecord(fields, raw, settings).cells };
}

function taskRows(plans: CasePlans, version: number, tasks: readonly TaskValues[], settings: Settings) {
  const rows: Record<string, Cell>[] = [];
  const errors: Finding[] = [];
  const keys = new Set([planKey(plans.caseId, version)]);
  tasks.forEach((task, i) => {
    const { cells, text } = normalizeRecord(TASK_FIELDS, { ...task, caseId: plans.caseId, version, progress: task.progress || '未着手' }, settings);
    rows.push({ ...cells });
    for (const f of checkTask(text, settings, new Set([plans.caseId]), keys)) {
      if (f.severity === 'error') errors.push({ ...f, message: `役割分担の${i + 1}行目：${f.message}` });
    }
  });
  return { rows, errors };
}

/**
 * Saves the 案: a new version when the case has none (one more than its
 * latest), else its existing 案. The version's tasks are replaced as given.
 */
export function draftStep(plans: CasePlans, values: DraftValues, tasks: readonly TaskValues[], settings: Settings, today: string): PlanVerdict {
  const consent = refuseWithoutConsent(plans);
  if (consent.length) return { ok: false, errors: consent };
  if (isClosedStatus(plans.caseText.status ?? '')) throw new PlanStateError(`ケース「${plans.caseId}」は${plans.caseText.status}のため、プランを作れません。`);
  if (tasks.length > MAX_TASKS) throw new PlanStateError(`役割分担は${MAX_TASKS}行までにしてください。`);
  const draft = draftPlan(plans);
  const version = draft ? versionOf(draft) : latestVersion(plans) + 1;
  const kept = draft ? draft.raw : {};
  const raw: RawRecord = {
    ...kept, ...values, caseId: plans.caseId, version, planStatus: '案',
    createdOn: values.createdOn || kept.createdOn || today,
  };
  const cells = normalizedCells(PLAN_FIELDS, raw, settings);
  const task = taskRows(plans, version, tasks, settings);
  const errors = [...newPlanErrors(draft?.raw ?? null, cells, plans, settings, today), ...task.errors];
  if (errors.length) return { ok: false, errors };
  const warnings = task.rows.length ? [] : [finding('planStatus', 'plan_without_tasks', say.planWithoutTasks())];
  return {
    ok: true, warnings,
    edit: { planRows: [{ index: draft ? draft.index : null, cells }], taskSets: [{ version, rows: task.rows }], caseOutcome: {}, version },
  };
}

export interface DecideValues {
  readonly version: number;
  readonly decidedOn: string;
  readonly meetingId?: string;
  /** Default: the 次回評価日 written on the 案. */
  readonly nextReviewOn?: string;
  readonly explanation?: string;
}

const MOVES_TO_SUPPORT: readonly string[] = ['受付', 'アセスメント中', 'プラン作成中'];

/** 案 → 決定: the previous 決定 version ends; 共通シート gets プラン作成日, 次回モニタリング日 and 支援中. */
export function decideStep(plans: CasePlans, values: DecideValues, settings: Settings, today: string): PlanVerdict {
  const consent = refuseWithoutConsent(plans);
  if (consent.length) return { ok: false, errors: consent };
  const draft = plans.plans.find((p) => versionOf(p) === values.version);
  if (!draft) throw new PlanStateError(`ケース「${plans.caseId}」の${values.version}版のプランがありません。`);
  if (draft.text.planStatus !== '案') throw new PlanStateError(`${values.version}版のプランは「${draft.text.planStatus}」のため、決定できません（決定できるのは案だけです）。`);
  if (tasksOf(plans, values.version).length === 0) throw new PlanStateError('役割分担が1つもないプランは決定できません。誰が何をするかを入力してから決定してください。');
  const nextReviewOn = values.nextReviewOn || draft.text.nextReviewOn || '';
  if (!nextReviewOn) throw new PlanStateError('次回評価日を入力してください。決定したプランは次回評価日に評価します。');
  const cells = normalizedCells(PLAN_FIELDS, {
    ...draft.raw, planStatus: '決定', decidedOn: values.decidedOn, nextReviewOn,
    decidedMeetingId: values.meetingId ?? '', ...(values.explanation ? { explanation: values.explanation } : {}),
  }, settings);
  const errors = newPlanErrors(draft.raw, cells, plans, settings, today);
  if (errors.length) return { ok: false, errors };
  const previous = currentPlan(plans);
  const ended = previous ? [{ index: previous.index, cells: { ...previous.raw, planStatus: '終了' } }] : [];
  const caseOutcome: OutcomeValues = {
    nextMonitoringOn: String(normalizeRecord(PLAN_FIELDS, cells, settings).text.nextReviewOn),
    ...(plans.caseText.planOn ? {} : { planOn: values.decidedOn }),
    ...(MOVES_TO_SUPPORT.includes(plans.caseText.status ?? '') ? { status: '支援中' } : {}),
  };
  return { ok: true, warnings: [], edit: { planRows: [...ended, { index: draft.index, cells }], taskSets: [], caseOutcome, version: values.version } };
}

export interface ReviewValues {
  readonly version: number;
  readonly reviewedOn: string;
  readonly achievement: string;
  readonly reviewPolicy: ReviewPolicy;
  readonly reviewNote?: string;
  /** The next review (継続): the plan's 次回評価日 and the case's 次回モニタリング日. */
  readonly nextReviewOn?: string;
  readonly successorAgency?: string;
  /** Each task's 実施状況 and 評価メモ, in the tasks' order. */
  readonly tasks: readonly { readonly progress: string; readonly taskNote?: string }[];
}

/**
 * Records a review of the 決定 plan. 見直し opens the next version as 案 with
 * the tasks copied (実施状況 back to 未着手); 終結, つなぎもどし and 中断 put
 * the case to 終結検討 for the next meeting to judge.
 */
export function reviewStep(plans: CasePlans, values: ReviewValues, settings: Settings, today: string): PlanVerdict {
  const consent = refuseWithoutConsent(plans);
  if (consent.length) return { ok: false, errors: consent };
  const plan = plans.plans.find((p) => versionOf(p) === values.version);
  if (!plan) throw new PlanStateError(`ケース「${plans.caseId}」の${values.version}版のプランがありません。`);
  if (plan.text.planStatus !== '決定') throw new PlanStateError(`${values.version}版のプランは「${plan.text.planStatus}」のため、評価できません（評価するのは決定したプランです）。`);
  const tasks = tasksOf(plans, values.version);
  if (values.tasks.length !== tasks.length) {
    throw new PlanStateError(`役割分担が${tasks.length}行ありますが、実施状況が${values.tasks.length}件送られました。プランを読み込み直してください。`);
  }
  if (values.reviewPolicy === '見直し' && draftPlan(plans)) throw new PlanStateError('すでに見直しの案があります。その案を編集してください。');
  const continues = values.reviewPolicy === '継続' && values.nextReviewOn;
  const cells = normalizedCells(PLAN_FIELDS, {
    ...plan.raw, reviewedOn: values.reviewedOn, achievement: values.achievement, reviewPolicy: values.reviewPolicy,
    reviewNote: values.reviewNote ?? '', ...(continues ? { nextReviewOn: values.nextReviewOn } : {}),
    ...(values.successorAgency !== undefined ? { successorAgency: values.successorAgency } : {}),
  }, settings);
  const reviewed = tasks.map((t, i) => ({ ...t.raw, progress: values.tasks[i]!.progress, taskNote: values.tasks[i]!.taskNote ?? t.raw.taskNote ?? '' }));
  const task = taskRows(plans, values.version, reviewed, settings);
  const errors = [...newPlanErrors(plan.raw, cells, plans, settings, today), ...task.errors];
  if (errors.length) return { ok: false, errors };
  const planRows: { index: number | null; cells: Record<string, Cell> }[] = [{ index: plan.index, cells }];
  const taskSets = [{ version: values.version, rows: task.rows }];
  let version = values.version;
  const caseOutcome: OutcomeValues = {};
  if (values.reviewPolicy === '見直し') {
    version = latestVersion(plans) + 1;
    const copy = Object.fromEntries(DRAFT_KEYS.filter((k) => k !== 'nextReviewOn' && k !== 'explanation').map((k) => [k, plan.raw[k] ?? '']));
    planRows.push({ index: null, cells: normalizedCells(PLAN_FIELDS, { ...copy, caseId: plans.caseId, version, planStatus: '案', createdOn: values.reviewedOn }, settings) });
    taskSets.push({ version, rows: taskRows(plans, version, tasks.map((t) => ({ ...t.raw, progress: '未着手', taskNote: '' })), settings).rows });
  }
  if (CLOSING_POLICIES.includes(values.reviewPolicy)) caseOutcome.status = '終結検討';
  if (continues) caseOutcome.nextMonitoringOn = values.nextReviewOn;
  return { ok: true, warnings: [], edit: { planRows, taskSets, caseOutcome, version } };
}
