// The plan's steps as server functions (sidebar, and the same offline):
// save the 案, decide it, review it. Each runs once per request under the
// document lock, writes 支援プラン, 役割分担 and the case's row of 共通シート
// with a fixed number of calls, and logs every change to 変更履歴.
import { judgeOutcome } from '../../domain/caseOutcome';
import { todayInTokyo } from '../../domain/normalize';
import { draftChangesMeanwhile } from '../../domain/plan/draftConflicts';
import { decideStep, draftStep, PlanStateError, reviewStep, type CasePlans, type PlanEdit, type PlanVerdict } from '../../domain/plan/lifecycle';
import type { Settings } from '../../domain/settings';
import { TAB } from '../../domain/fields';
import type { Finding } from '../../domain/validate/problem';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import { currentUser, logChanges, type ChangeEntry } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { saveOnce } from '../../sheets/recentSaves';
import { writeCaseUpdates } from '../caseUpdates';
import { parseArgs } from '../contracts';
import { readCaseRows, type CaseTable } from '../sidebar/caseTable';
import { decidePlanArgs, reviewPlanArgs, savePlanDraftArgs } from './contracts';
import { casePlansOf, readPlanTables, writePlanEdit } from './planTables';

export type PlanStepResult =
  | { readonly saved: true; readonly caseId: string; readonly version: number; readonly caseChanges: readonly string[]; readonly warnings: readonly Finding[] }
  | { readonly saved: false; readonly errors: readonly Finding[]; readonly warnings: readonly Finding[] };

export type Step = (plans: CasePlans, settings: Settings, today: string) => PlanVerdict;

/**
 * Judges one step for a case inside an open book (under the lock): the plan
 * rows as they stand now, and what 共通シート follows, judged like a meeting's
 * outcome so that no step leaves the case breaking a rule. Writes nothing.
 */
export function judgePlanStep(book: Book, settings: Settings, cases: CaseTable, caseId: string, step: Step, today: string) {
  const tables = readPlanTables(book, settings, true, [caseId]);
  const plans = casePlansOf(cases, tables, caseId);
  let verdict: PlanVerdict;
  try {
    verdict = step(plans, settings, today);
  } catch (error) {
    if (error instanceof PlanStateError) return { ok: false as const, errors: [{ field: 'caseId', code: 'plan_state', severity: 'error' as const, message: error.message }] };
    throw error;
  }
  if (!verdict.ok) return verdict;
  const follow = judgeOutcome(cases.rawOf(plans.caseIndex), verdict.edit.caseOutcome, settings, today);
  if (follow.errors.length) return { ok: false as const, errors: follow.errors };
  return { ok: true as const, tables, plans, edit: verdict.edit, warnings: [...verdict.warnings, ...follow.warnings], caseIndex: plans.caseIndex, caseChanges: follow.changes };
}

type Judged = Extract<ReturnType<typeof judgePlanStep>, { ok: true }>;

/** Writes a judged step's plan and task rows (not 共通シート); answers the 変更履歴 entries, the case's among them. */
export function writePlanStep(book: Book, judged: Judged, operation: string): ChangeEntry[] {
  const { tables, plans, edit } = judged;
  const log = writePlanEdit(book, { plans: tables.plans!, tasks: tables.tasks! }, plans, edit, operation);
  log.push(...judged.caseChanges.map((c) => ({ operation, sheet: TAB.cases, caseId: plans.caseId, field: c.header, before: c.before, after: c.after })));
  return log;
}

function runStep(requestId: string, caseId: string, today: string, operation: (edit: PlanEdit) => string, step: Step): PlanStepResult {
  return withDocumentLock(() => saveOnce(requestId, (properties): PlanStepResult => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    const cases = readCaseRows(book, settings, [caseId]);
    const applied = judgePlanStep(book, settings, cases, caseId, step, today);
    if (!applied.ok) return { saved: false, errors: applied.errors, warnings: [] };
    const log = writePlanStep(book, applied, operation(applied.edit));
    const user = currentUser();
    writeCaseUpdates(book, cases, applied.caseChanges.length ? [{ index: applied.caseIndex, caseId, changes: applied.caseChanges }] : [], user);
    logChanges(book, log, { properties, user });
    return { saved: true, caseId, version: applied.edit.version, caseChanges: applied.caseChanges.map((c) => `${c.header}：${c.before || '（空欄）'} → ${c.after || '（空欄）'}`), warnings: applied.warnings };
  }));
}

export function savePlanDraft(rawArgs?: unknown): PlanStepResult {
  const args = parseArgs(savePlanDraftArgs, rawArgs);
  const today = todayInTokyo();
  return runStep(args.requestId, args.caseId, today, (edit) => `プラン案を保存（${edit.version}版）`, (plans, settings, t) => {
    const meanwhile = args.loaded ? draftChangesMeanwhile(args.loaded, plans, settings) : [];
    return meanwhile.length ? { ok: false, errors: meanwhile } : draftStep(plans, args.plan, args.tasks, settings, t);
  });
}

export function decidePlan(rawArgs?: unknown): PlanStepResult {
  const args = parseArgs(decidePlanArgs, rawArgs);
  const today = todayInTokyo();
  const { caseId, requestId, decidedOn, ...values } = args;
  return runStep(requestId, caseId, today, () => `プランを決定（${args.version}版）`,
    (plans, settings, t) => decideStep(plans, { ...values, decidedOn: decidedOn ?? t }, settings, t));
}

export function reviewPlan(rawArgs?: unknown): PlanStepResult {
  const args = parseArgs(reviewPlanArgs, rawArgs);
  const today = todayInTokyo();
  const { caseId, requestId, reviewedOn, ...values } = args;
  return runStep(requestId, caseId, today, () => `プランを評価（${args.version}版）`,
    (plans, settings, t) => reviewStep(plans, { ...values, reviewedOn: reviewedOn ?? t }, settings, t));
}
