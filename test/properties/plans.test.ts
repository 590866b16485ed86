// Random and hostile 支援プラン and 役割分担 rows, and random sequences of plan
// steps: validation never throws, names a row and column for every problem and
// changes nothing; whatever steps succeed leave nothing for 入力チェック to find
// on the plan tabs, and never more than one 決定 plan.
import fc from 'fast-check';
import type { Cell } from '../../src/domain/cell';
import { CASE_FIELDS } from '../../src/domain/fields';
import { PLAN_FIELDS, REVIEW_POLICIES, TASK_FIELDS } from '../../src/domain/plan/fields';
import { decideStep, draftStep, reviewStep, type CasePlans, type PlanEdit } from '../../src/domain/plan/lifecycle';
import { normalizeRecord } from '../../src/domain/record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { validateWorkbook } from '../../src/domain/validate/workbook';
import { hostileRows, runSettings } from './arbitraries';

const TODAY = '2026-11-22';
const CASE: Record<string, Cell> = {
  caseId: '2026-0001', receivedOn: '2026-04-01', referrerAgency: '地域包括支援センター', personName: '試験 太郎', lifeAreas: '介護',
  summary: 's', reason: 'r', consent: 'あり', consentOn: '2026-04-02', status: 'アセスメント中',
};
const header = (fields: readonly { header: string }[]) => fields.map((f) => f.header);

describe('validation of hostile plan tabs', () => {
  it('never throws, places every problem on a row and column of its tab, and changes no cell', () => {
    fc.assert(fc.property(hostileRows(PLAN_FIELDS.length), hostileRows(TASK_FIELDS.length), (plans, tasks) => {
      const before = JSON.stringify([plans, tasks]);
      const { problems } = validateWorkbook({
        cases: { header: header(CASE_FIELDS), rows: [CASE_FIELDS.map((f) => CASE[f.key] ?? '')] }, activities: null, meetings: null,
        plans: { header: header(PLAN_FIELDS), rows: plans }, tasks: { header: header(TASK_FIELDS), rows: tasks }, settings: DEFAULT_SETTINGS, today: TODAY,
      });
      expect(JSON.stringify([plans, tasks])).toBe(before);
      for (const p of problems.filter((q) => q.sheet !== '共通シート')) {
        const rows = p.sheet === '支援プラン' ? plans : tasks;
        expect(p.row).toBeGreaterThanOrEqual(2);
        expect(p.row).toBeLessThanOrEqual(rows.length + 1);
        expect(p.columnLetter).toMatch(/^[A-Z]+$/);
        expect(p.message).toContain(`${p.row}行目`);
      }
    }), runSettings(150));
  });
});

type Action = { kind: 'draft'; tasks: number } | { kind: 'decide' } | { kind: 'review'; policy: (typeof REVIEW_POLICIES)[number] };
const action: fc.Arbitrary<Action> = fc.oneof(
  fc.integer({ min: 0, max: 3 }).map((tasks) => ({ kind: 'draft' as const, tasks })),
  fc.constant({ kind: 'decide' as const }),
  fc.constantFrom(...REVIEW_POLICIES).map((policy) => ({ kind: 'review' as const, policy })),
);

/** Applies an edit to the case's rows in memory, the way the app writes it. */
function apply(state: CasePlans, edit: PlanEdit): CasePlans {
  const text = (fields: typeof PLAN_FIELDS, cells: Readonly<Record<string, Cell>>) => normalizeRecord(fields, cells, DEFAULT_SETTINGS).text;
  const plans = [...state.plans];
  for (const row of edit.planRows) {
    const read = { index: row.index ?? plans.length, raw: row.cells, text: text(PLAN_FIELDS, row.cells) };
    if (row.index === null) plans.push(read);
    else plans[plans.findIndex((p) => p.index === row.index)] = read;
  }
  let tasks = [...state.tasks];
  for (const set of edit.taskSets) {
    tasks = [...tasks.filter((t) => Number(t.text.version) !== set.version), ...set.rows.map((cells, i) => ({ index: 1000 + tasks.length + i, raw: cells, text: text(TASK_FIELDS, cells) }))];
  }
  const caseText = { ...state.caseText, ...edit.caseOutcome };
  return { ...state, plans, tasks, caseText };
}

describe('random sequences of plan steps', () => {
  it('leave the plan tabs clean for 入力チェック, with at most one 決定 plan', () => {
    fc.assert(fc.property(fc.array(action, { maxLength: 8 }), (actions) => {
      let state: CasePlans = { caseId: '2026-0001', caseText: normalizeRecord(CASE_FIELDS, CASE, DEFAULT_SETTINGS, 'case').text, plans: [], tasks: [] };
      for (const a of actions) {
        const version = Math.max(0, ...state.plans.map((p) => Number(p.text.version)));
        try {
          const verdict = a.kind === 'draft'
            ? draftStep(state, { shortTermGoal: '目標', createdOn: '2026-05-01', nextReviewOn: '2027-01-01' }, Array.from({ length: a.tasks }, (_, i) => ({ owner: '本人', content: `内容${i}` })), DEFAULT_SETTINGS, TODAY)
            : a.kind === 'decide'
              ? decideStep(state, { version, decidedOn: '2026-06-01' }, DEFAULT_SETTINGS, TODAY)
              : reviewStep(state, { version: state.plans.find((p) => p.text.planStatus === '決定') ? Number(state.plans.find((p) => p.text.planStatus === '決定')!.text.version) : version, reviewedOn: '2026-07-01', achievement: '一部達成', reviewPolicy: a.policy, nextReviewOn: '2027-02-01', tasks: state.tasks.filter((t) => t.text.version === String(version)).map(() => ({ progress: '実施中' })) }, DEFAULT_SETTINGS, TODAY);
          if (verdict.ok) state = apply(state, verdict.edit);
        } catch (error) {
          expect((error as Error).constructor.name).toBe('PlanStateError');
        }
      }
      expect(state.plans.filter((p) => p.text.planStatus === '決定').length).toBeLessThanOrEqual(1);
      const rows = (fields: typeof PLAN_FIELDS, list: CasePlans['plans']) => ({ header: header(fields), rows: list.map((r) => fields.map((f) => r.raw[f.key] ?? '')) });
      const caseCells = { ...CASE, ...Object.fromEntries(Object.entries(state.caseText).filter(([k]) => ['status', 'planOn', 'nextMonitoringOn'].includes(k))) };
      const { problems } = validateWorkbook({
        cases: { header: header(CASE_FIELDS), rows: [CASE_FIELDS.map((f) => caseCells[f.key] ?? '')] }, activities: null, meetings: null,
        plans: rows(PLAN_FIELDS, state.plans), tasks: rows(TASK_FIELDS, state.tasks), settings: DEFAULT_SETTINGS, today: TODAY,
      });
      expect(problems.filter((p) => p.sheet !== '共通シート' || p.code.startsWith('plan_'))).toEqual([]);
    }), runSettings(300));
  });
});
