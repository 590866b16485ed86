// plansDecided (初回 / 見直し) and plansReviewed (SPEC §9): 支援プラン rows by
// their own 決定日 and 評価日; an unreadable date is listed in skipped.
import { countFiscalYear } from '../../../src/domain/counts/metrics';
import { CASE_FIELDS } from '../../../src/domain/fields';
import { PLAN_FIELDS } from '../../../src/domain/plan/fields';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';

const months = (values: Record<number, number>) => Array.from({ length: 12 }, (_, i) => values[i] ?? 0);
const plan = (version: unknown, decidedOn: string, reviewedOn = '') =>
  PLAN_FIELDS.map((f) => ({ caseId: '2024-0001', version, planStatus: '終了', createdOn: '2024-04-01', shortTermGoal: 'x', decidedOn, reviewedOn } as Record<string, unknown>)[f.key] ?? '');

describe('plan counts', () => {
  const result = countFiscalYear({
    cases: { header: CASE_FIELDS.map((f) => f.header), rows: [] }, activities: null, meetings: null, settings: DEFAULT_SETTINGS, fiscalYear: 2024, today: '2026-11-22',
    plans: {
      header: PLAN_FIELDS.map((f) => f.header),
      rows: [
        plan(1, '2024-04-10', '2024-07-01'), plan(2, '2024-07-05', '2025-03-31'), plan(3, '2024-07-20'), plan(1, '2025-04-01'),
        plan(1, '2024/13/1', '令和6年9月9日'), plan('', '2024-05-01'), plan(1, ''),
      ] as never,
    },
  });
  const metric = (key: string) => result.metrics[key];

  it('counts decisions by 決定日, split into first plans and revised ones', () => {
    expect(metric('plansDecided')).toEqual({ monthly: months({ 0: 1, 1: 1, 3: 2 }), total: 4 });
    expect(metric('plansDecided.initial')).toEqual({ monthly: months({ 0: 1 }), total: 1 });
    expect(metric('plansDecided.revised')).toEqual({ monthly: months({ 3: 2 }), total: 2 });
  });

  it('counts reviews by 評価日', () => {
    expect(metric('plansReviewed')).toEqual({ monthly: months({ 3: 1, 5: 1, 11: 1 }), total: 3 });
  });

  it('lists the rows it could not count, with the reason', () => {
    expect(result.skipped).toEqual([
      { sheet: '支援プラン', row: 6, reason: '決定日が日付として読めないため、プランの決定に数えていません。' },
      { sheet: '支援プラン', row: 7, reason: '版が空欄か1以上の整数でないため、初回・見直し別のプランの決定に数えていません（プランの決定には数えています）。' },
    ]);
  });
});
