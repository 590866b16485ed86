// The metrics of SPEC §9: their keys (kept exactly, other tools read them),
// Japanese labels and how the year's total is made. Meeting metrics follow
// the meeting types the town lists in 設定.
import { CLOSED_STATUSES, FIELDS_OF_PEOPLE } from '../fields';
import { normalizeText } from '../normalize/text';

/**
 * sum: the months added up (延べ); yearEnd: the value at the end of March;
 * distinct: each ケースID once over the whole year (実人数), not a sum of months.
 */
export type TotalRule = 'sum' | 'yearEnd' | 'distinct';

export interface MetricDef {
  readonly key: string;
  /** What a manager reads, with its unit. */
  readonly label: string;
  readonly total: TotalRule;
}

export const TOTAL_RULE_TEXT: Record<TotalRule, string> = {
  sum: '各月の合計（延べ）',
  yearEnd: '3月末の値',
  distinct: '年度内の実人数（重複なし）',
};

export const ACTIVITY_METRICS = [
  { type: 'アウトリーチ', prefix: 'outreach' },
  { type: '参加支援', prefix: 'participation' },
] as const;

/** openAtMonthEnd on the tab: every case not yet closed, whatever its 状態 (SPEC §9). */
export const OPEN_AT_MONTH_END = '月末の継続ケース';

/** Every metric, in the order of the summary table and the JSON. */
export function metricCatalogue(meetingTypes: readonly string[]): MetricDef[] {
  const sum = (key: string, label: string): MetricDef => ({ key, label, total: 'sum' });
  return [
    sum('newCases', '新規相談（件）'),
    ...FIELDS_OF_PEOPLE.map((field) => sum(`newCases.${field}`, `\u3000うち つなぎ元分野「${field}」（件）`)),
    sum('consentObtained', '本人同意の取得（件）'),
    sum('plansCreated', 'プラン作成（件）'),
    ...CLOSED_STATUSES.map((status) => sum(`closed.${status}`, `${status}（件）`)),
    { key: 'openAtMonthEnd', label: `${OPEN_AT_MONTH_END}（件）`, total: 'yearEnd' },
    ...meetingTypes.flatMap((type) => [
      sum(`meetings.${type}.held`, `${type} 開催回数（回）`),
      sum(`meetings.${type}.cases`, `${type} 検討ケース数（延べ件数）`),
    ]),
    sum('outreach.count', 'アウトリーチ 延べ件数（件）'),
    { key: 'outreach.persons', label: 'アウトリーチ 実人数（人）', total: 'distinct' },
    sum('outreach.visitors', 'アウトリーチ 訪問人数（職員の延べ人数）'),
    sum('participation.count', '参加支援 延べ件数（件）'),
    { key: 'participation.persons', label: '参加支援 実人数（人）', total: 'distinct' },
    sum('plansDecided', '支援プランの決定（件）'),
    sum('plansDecided.initial', '\u3000うち 初回のプラン（件）'),
    sum('plansDecided.revised', '\u3000うち 見直したプラン（件）'),
    sum('plansReviewed', '支援プランの評価（件）'),
  ];
}

/** A label as a town may type it into 設定: without spaces, 「うち」 or the unit in brackets. */
const looseLabel = (text: string): string =>
  normalizeText(text).replace(/[\s\u3000]/g, '').replace(/^うち/, '').replace(/\([^()]*\)$/, '');

/**
 * The metric a 設定 目標指標 names: its key (newCases) or its label on the tab,
 * with or without the unit (新規相談（件）, 新規相談). Null when none matches.
 */
export function resolveTargetMetric(name: string, meetingTypes: readonly string[]): string | null {
  const typed = normalizeText(name);
  if (typed === '') return null;
  const catalogue = metricCatalogue(meetingTypes);
  return catalogue.find((def) => def.key === typed)?.key
    ?? catalogue.find((def) => looseLabel(def.label) === looseLabel(typed))?.key
    ?? null;
}

/** A metric's label as 設定's 目標指標 offers it: the tab's label without its indent. */
const offeredLabel = (def: MetricDef): string => def.label.replace(/^[\s\u3000]+/, '');

/** The labels 設定's 目標指標 offers in its dropdown, one per metric, in the order of the tab. */
export function targetMetricLabels(meetingTypes: readonly string[]): string[] {
  return metricCatalogue(meetingTypes).map(offeredLabel);
}

/** The label 設定 shows for a metric key (the key itself for one the catalogue does not hold). */
export function targetMetricLabel(key: string, meetingTypes: readonly string[]): string {
  const def = metricCatalogue(meetingTypes).find((d) => d.key === key);
  return def ? offeredLabel(def) : key;
}
