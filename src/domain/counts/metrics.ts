// The counts engine (SPEC §9): every metric of a fiscal year, by month and in
// total, straight from the tabs as they stand, and the rows left out of a
// metric with the reason. Reads only the fields the metrics need, never a
// name or any free text (a 支援記録 対象 only as a key for counting people).
import { ACTIVITY_FIELDS, CASE_FIELDS, FIELDS_OF_PEOPLE, isClosedStatus, MEETING_FIELDS, TAB, type FieldDef } from '../fields';
import { matchHeaders, rowRecord } from '../headers';
import { isIsoDate, splitList } from '../normalize';
import { normalizeRecord, type RecordText } from '../record';
import type { Settings } from '../settings';
import { isBlankRow, sheetRow, type Table } from '../table';
import { PLAN_FIELDS } from '../plan/fields';
import { daysBetween } from '../calendar/days';
import { countBreakdowns, type Breakdowns } from './breakdowns';
import { ACTIVITY_METRICS, metricCatalogue, OPEN_AT_MONTH_END, type MetricDef } from './catalogue';
import { DURATIONS, medianDays, type DurationKey, type Durations } from './durations';
import { fiscalMonths, MONTHS_IN_YEAR, monthIndexOf } from './fiscalYear';

export interface MetricCounts {
  readonly monthly: number[];
  readonly total: number;
}

export interface SkippedRow {
  readonly sheet: string;
  /** The sheet's own row number; 1 when a whole column is missing. */
  readonly row: number;
  readonly reason: string;
}

/** Last year's totals beside this year's (year over year). */
export interface PreviousYear {
  readonly fiscalYear: number;
  readonly totals: Record<string, number>;
  /**
   * 前年同期: mid-year, last year's totals from April to the end of the month
   * this year has reached (`throughMonth`, last year's `YYYY-MM`), each by its
   * metric's rule; null when this year is complete or not begun.
   */
  readonly toDate: { readonly throughMonth: string; readonly totals: Record<string, number> } | null;
}

/** The JSON of SPEC §11 `counts`, without `calls`. */
export interface CountsResult {
  readonly fiscalYear: number;
  readonly months: string[];
  readonly metrics: Record<string, MetricCounts>;
  readonly breakdowns: Breakdowns;
  readonly durations: Durations;
  /** The town's yearly targets by metric key (設定 目標指標 / 年度目標). */
  readonly targets: Record<string, number>;
  /** `YYYY-MM` of the month in progress when today falls in the year, else null. */
  readonly partialMonth: string | null;
  /** Null when last year has no data (every total 0). */
  readonly previousYear: PreviousYear | null;
  readonly skipped: SkippedRow[];
}

export interface CountsInput {
  readonly cases: Table;
  readonly activities: Table | null;
  readonly meetings: Table | null;
  readonly plans?: Table | null;
  readonly settings: Settings;
  readonly fiscalYear: number;
  /** The day of counting (Asia/Tokyo), for the month in progress. */
  readonly today: string;
}

const USED = {
  // 生年月日 only to derive 年代 at 受付日, as everywhere else.
  cases: ['receivedOn', 'referrerAgency', 'referrerField', 'birthDate', 'ageBand', 'sex', 'area', 'lifeAreas', 'tags',
    'consentOn', 'status', 'planOn', 'closedOn'],
  activities: ['caseId', 'subject', 'activityOn', 'activityType', 'visitors'],
  meetings: ['meetingType', 'heldOn', 'meetingStatus', 'caseIds'],
  plans: ['version', 'decidedOn', 'reviewedOn'],
} as const;

/**
 * The columns counting reads: the fields it uses and each tab's ID, so that a
 * row whose other cells hold values still counts as a row (not as blank).
 */
export const COUNTED_COLUMNS = {
  cases: [...USED.cases, 'caseId'],
  activities: [...USED.activities, 'recordId'],
  meetings: [...USED.meetings, 'meetingId'],
  plans: [...USED.plans, 'caseId'],
} as const;

interface ReadRow {
  readonly row: number;
  readonly text: RecordText;
}

interface ReadTab {
  readonly sheet: string;
  readonly headerOf: ReadonlyMap<string, string>;
  readonly missing: ReadonlySet<string>;
  readonly rows: readonly ReadRow[];
}

/** The non-blank rows of a tab, normalised, with only the fields in `keys`. */
function readTab(sheet: string, allFields: readonly FieldDef[], keys: readonly string[], table: Table | null, settings: Settings, kind: 'case' | 'other'): ReadTab {
  const fields = allFields.filter((f) => keys.includes(f.key));
  const headerOf = new Map(fields.map((f) => [f.key, f.header]));
  if (!table) return { sheet, headerOf, missing: new Set(), rows: [] };
  // Matched against every field, so an alias cannot take a column another standard field owns.
  const { columnOf } = matchHeaders(allFields, table.header);
  const rows: ReadRow[] = [];
  table.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    rows.push({ row: sheetRow(index), text: normalizeRecord(fields, rowRecord(fields, columnOf, cells), settings, kind).text });
  });
  return { sheet, headerOf, missing: new Set(fields.filter((f) => !columnOf.has(f.key)).map((f) => f.key)), rows };
}

type Problem = 'blank' | 'unreadable' | 'missing' | 'notListed' | 'notCount' | 'notInSettings' | 'beforeReceived';
type DateRead = { readonly iso: string } | { readonly problem: 'blank' | 'unreadable' | 'missing' };

/** A date field of a row: its ISO day, or why there is none. */
function dateIn(tab: ReadTab, text: RecordText, key: string): DateRead {
  const value = text[key] ?? '';
  if (tab.missing.has(key)) return { problem: 'missing' };
  if (value === '') return { problem: 'blank' };
  return isIsoDate(value) ? { iso: value } : { problem: 'unreadable' };
}

/** Why a field's value cannot be used, e.g. 「受付日が空欄の」 (followed by 「ため」). */
function causeOf(label: string, problem: Problem): string {
  switch (problem) {
    case 'blank': return `${label}が空欄の`;
    case 'unreadable': return `${label}が日付として読めない`;
    case 'missing': return `列「${label}」がない`;
    case 'notListed': return `${label}が空欄か一覧にない値の`;
    case 'notCount': return `${label}が空欄か1以上の整数でない`;
    case 'notInSettings': return `${label}が設定タブの会議種別にない`;
    case 'beforeReceived': return `${label}が受付日より前の`;
  }
}

/** Rows left out, each (sheet, row, reason) once, in sheet and row order; a missing column once, on row 1. */
class Skipped {
  private readonly seen = new Set<string>();
  private readonly rows: SkippedRow[] = [];

  /** `what` is what the row is left out of (「新規相談」), `still` what it is counted in all the same. */
  add(tab: ReadTab, row: number, key: string, problem: Problem, what: string, options: { still?: string; label?: string } = {}): void {
    const at = problem === 'missing' ? 1 : row;
    const still = options.still ? `（${options.still}には数えています）` : '';
    const reason = `${causeOf(options.label ?? tab.headerOf.get(key) ?? key, problem)}ため、${what}に数えていません${still}。`;
    const id = `${tab.sheet}|${at}|${reason}`;
    if (this.seen.has(id)) return;
    this.seen.add(id);
    this.rows.push({ sheet: tab.sheet, row: at, reason });
  }

  sorted(): SkippedRow[] {
    const order: readonly string[] = [TAB.cases, TAB.activities, TAB.meetings, TAB.plans];
    return this.rows
      .map((r, i) => ({ r, i }))
      .sort((a, b) => order.indexOf(a.r.sheet) - order.indexOf(b.r.sheet) || a.r.row - b.r.row || a.i - b.i)
      .map(({ r }) => r);
  }
}

/** Whether a column is missing, else the given problem with its value. */
const orMissing = (tab: ReadTab, key: string, problem: Problem): Problem => (tab.missing.has(key) ? 'missing' : problem);

/** Monthly tallies; distinct tallies keep the ケースID of each month. */
class Tally {
  private readonly sums = new Map<string, number[]>();
  private readonly sets = new Map<string, { months: Set<string>[] }>();

  add(key: string, month: number, amount = 1): void {
    let monthly = this.sums.get(key);
    if (!monthly) this.sums.set(key, (monthly = new Array<number>(MONTHS_IN_YEAR).fill(0)));
    monthly[month] = (monthly[month] ?? 0) + amount;
  }

  addDistinct(key: string, month: number, id: string): void {
    let sets = this.sets.get(key);
    if (!sets) this.sets.set(key, (sets = { months: Array.from({ length: MONTHS_IN_YEAR }, () => new Set<string>()) }));
    sets.months[month]?.add(id);
  }

  result(def: MetricDef): MetricCounts {
    const sets = this.sets.get(def.key);
    const monthly = def.total === 'distinct'
      ? sets?.months.map((s) => s.size) ?? new Array<number>(MONTHS_IN_YEAR).fill(0)
      : [...(this.sums.get(def.key) ?? new Array<number>(MONTHS_IN_YEAR).fill(0))];
    return { monthly, total: this.totalThrough(def, MONTHS_IN_YEAR - 1) };
  }

  /** The year's total made from April to month index `last` only, by the metric's own rule. */
  totalThrough(def: MetricDef, last: number): number {
    if (def.total === 'distinct') {
      const months = this.sets.get(def.key)?.months.slice(0, last + 1) ?? [];
      return new Set(months.flatMap((s) => [...s])).size;
    }
    const monthly = this.sums.get(def.key) ?? [];
    return def.total === 'yearEnd' ? monthly[last] ?? 0 : monthly.slice(0, last + 1).reduce((a, b) => a + b, 0);
  }
}

const OPEN = OPEN_AT_MONTH_END;

/** The month index of a readable date in the year, else -1. */
const monthOf = (day: DateRead, fiscalYear: number): number => ('iso' in day ? monthIndexOf(day.iso, fiscalYear) : -1);

/** What the case rows give besides the monthly tallies. */
interface CaseFacts {
  readonly received: RecordText[];
  readonly days: Record<DurationKey, number[]>;
}

function countCases(tab: ReadTab, fiscalYear: number, tally: Tally, skipped: Skipped): CaseFacts {
  const months = fiscalMonths(fiscalYear);
  const facts: CaseFacts = { received: [], days: { receivedToConsent: [], receivedToPlan: [], receivedToClosed: [] } };
  for (const { row, text } of tab.rows) {
    const status = text.status ?? '';
    const closedStatus = isClosedStatus(status);
    const received = dateIn(tab, text, 'receivedOn');
    const closed = dateIn(tab, text, 'closedOn');

    if ('problem' in received) skipped.add(tab, row, 'receivedOn', received.problem, `新規相談と${OPEN}`);
    const receivedMonth = monthOf(received, fiscalYear);
    if (receivedMonth >= 0) {
      facts.received.push(text);
      tally.add('newCases', receivedMonth);
      const field = text.referrerField ?? '';
      if ((FIELDS_OF_PEOPLE as readonly string[]).includes(field)) tally.add(`newCases.${field}`, receivedMonth);
      else skipped.add(tab, row, 'referrerField', orMissing(tab, 'referrerField', 'notListed'), '分野別の新規相談', { still: '新規相談' });
    }

    // Open at a month's end: received by then and not closed by then, by the dates alone (SPEC §9).
    if ('problem' in closed && closed.problem === 'unreadable') {
      skipped.add(tab, row, 'closedOn', 'unreadable', closedStatus ? `「${status}」の件数と${OPEN}` : OPEN);
    } else if ('iso' in received) {
      const from = received.iso.slice(0, 7);
      const until = 'iso' in closed ? closed.iso.slice(0, 7) : null;
      months.forEach((m, i) => {
        if (from <= m && (until === null || until > m)) tally.add('openAtMonthEnd', i);
      });
    }

    // Closed cases by their current 状態, in the month of their 終結日.
    if (closedStatus) {
      if ('iso' in closed) {
        const month = monthOf(closed, fiscalYear);
        if (month >= 0) tally.add(`closed.${status}`, month);
      } else if (closed.problem !== 'unreadable') skipped.add(tab, row, 'closedOn', closed.problem, `「${status}」の件数`);
    }

    for (const [key, metric, what] of [['consentOn', 'consentObtained', '本人同意の取得'], ['planOn', 'plansCreated', 'プラン作成']] as const) {
      const day = dateIn(tab, text, key);
      const month = monthOf(day, fiscalYear);
      if (month >= 0) tally.add(metric, month);
      else if ('problem' in day && day.problem === 'unreadable') skipped.add(tab, row, key, 'unreadable', what);
    }

    // Days from 受付日 to each event of the year; a closing counts only on a closed case, as closed.* does.
    for (const def of DURATIONS) {
      const end = dateIn(tab, text, def.field);
      if (!('iso' in end) || monthIndexOf(end.iso, fiscalYear) < 0 || (def.field === 'closedOn' && !closedStatus)) continue;
      const what = `「${def.label}」の日数`;
      if ('problem' in received) skipped.add(tab, row, 'receivedOn', received.problem, what);
      else if (end.iso < received.iso) skipped.add(tab, row, def.field, 'beforeReceived', what);
      else facts.days[def.key].push(daysBetween(received.iso, end.iso));
    }
  }
  return facts;
}

function countActivities(tab: ReadTab, fiscalYear: number, tally: Tally, skipped: Skipped): void {
  for (const { row, text } of tab.rows) {
    const metric = ACTIVITY_METRICS.find((m) => m.type === text.activityType);
    if (!metric) continue;
    const on = dateIn(tab, text, 'activityOn');
    if ('problem' in on) skipped.add(tab, row, 'activityOn', on.problem, `${metric.type}の件数・実人数`);
    const month = monthOf(on, fiscalYear);
    if (month < 0) continue;
    tally.add(`${metric.prefix}.count`, month);
    // One person per case, and before intake one per 対象 (SPEC §9); the prefixes keep a 対象 from passing for a ケースID.
    const caseId = text.caseId ?? '';
    const subject = text.subject ?? '';
    if (caseId) tally.addDistinct(`${metric.prefix}.persons`, month, `case:${caseId}`);
    else if (subject) tally.addDistinct(`${metric.prefix}.persons`, month, `subject:${subject}`);
    else skipped.add(tab, row, 'caseId', orMissing(tab, 'caseId', 'blank'), `${metric.type}の実人数`, { still: '延べ件数', label: 'ケースIDと対象' });
    if (metric.prefix !== 'outreach') continue;
    const visitors = text.visitors ?? '';
    if (/^[1-9]\d*$/.test(visitors)) tally.add('outreach.visitors', month, Number(visitors));
    else skipped.add(tab, row, 'visitors', orMissing(tab, 'visitors', 'notCount'), 'アウトリーチの訪問人数', { still: '延べ件数・実人数' });
  }
}

function countMeetings(tab: ReadTab, fiscalYear: number, meetingTypes: readonly string[], tally: Tally, skipped: Skipped): void {
  for (const { row, text } of tab.rows) {
    if (text.meetingStatus !== '開催済') continue;
    const type = text.meetingType ?? '';
    const known = meetingTypes.includes(type);
    const what = `${known ? type : '会議'}の開催回数・検討ケース数`;
    const held = dateIn(tab, text, 'heldOn');
    if ('problem' in held) skipped.add(tab, row, 'heldOn', held.problem, what);
    const month = monthOf(held, fiscalYear);
    if (month < 0) continue;
    if (known) {
      tally.add(`meetings.${type}.held`, month);
      tally.add(`meetings.${type}.cases`, month, splitList(text.caseIds ?? '').length);
    } else if (type === '') {
      skipped.add(tab, row, 'meetingType', orMissing(tab, 'meetingType', 'blank'), what);
    } else {
      // A type the town renamed or removed in 設定 is not guessed at.
      skipped.add(tab, row, 'meetingType', 'notInSettings', what, { label: `会議種別「${type}」` });
    }
  }
}

/** 支援プラン rows by their 決定日 (初回 = 版 1, 見直し = 版 2 and later) and by their 評価日 (SPEC §9). */
function countPlans(tab: ReadTab, fiscalYear: number, tally: Tally, skipped: Skipped): void {
  for (const { row, text } of tab.rows) {
    const decided = dateIn(tab, text, 'decidedOn');
    if ('problem' in decided && decided.problem === 'unreadable') skipped.add(tab, row, 'decidedOn', 'unreadable', 'プランの決定');
    const decidedMonth = monthOf(decided, fiscalYear);
    if (decidedMonth >= 0) {
      tally.add('plansDecided', decidedMonth);
      const version = text.version ?? '';
      if (version === '1') tally.add('plansDecided.initial', decidedMonth);
      else if (/^[1-9]\d*$/.test(version)) tally.add('plansDecided.revised', decidedMonth);
      else skipped.add(tab, row, 'version', orMissing(tab, 'version', 'notCount'), '初回・見直し別のプランの決定', { still: 'プランの決定' });
    }
    const reviewed = dateIn(tab, text, 'reviewedOn');
    if ('problem' in reviewed && reviewed.problem === 'unreadable') skipped.add(tab, row, 'reviewedOn', 'unreadable', 'プランの評価');
    const reviewedMonth = monthOf(reviewed, fiscalYear);
    if (reviewedMonth >= 0) tally.add('plansReviewed', reviewedMonth);
  }
}

interface YearCounts {
  readonly metrics: Record<string, MetricCounts>;
  /** Totals from April to month index `last`. */
  readonly totalsThrough: (last: number) => Record<string, number>;
  readonly breakdowns: Breakdowns;
  readonly durations: Durations;
  readonly skipped: SkippedRow[];
}

function countYear(input: CountsInput, fiscalYear: number): YearCounts {
  const { settings } = input;
  const meetingTypes = settings.meetingTypes.map((m) => m.name);
  const tally = new Tally();
  const skipped = new Skipped();
  const facts = countCases(readTab(TAB.cases, CASE_FIELDS, USED.cases, input.cases, settings, 'case'), fiscalYear, tally, skipped);
  countActivities(readTab(TAB.activities, ACTIVITY_FIELDS, USED.activities, input.activities, settings, 'other'), fiscalYear, tally, skipped);
  countMeetings(readTab(TAB.meetings, MEETING_FIELDS, USED.meetings, input.meetings, settings, 'other'), fiscalYear, meetingTypes, tally, skipped);
  countPlans(readTab(TAB.plans, PLAN_FIELDS, USED.plans, input.plans ?? null, settings, 'other'), fiscalYear, tally, skipped);
  const catalogue = metricCatalogue(meetingTypes);
  const metrics: Record<string, MetricCounts> = {};
  for (const def of catalogue) metrics[def.key] = tally.result(def);
  const durations = Object.fromEntries(DURATIONS.map((def) => [def.key, medianDays(facts.days[def.key])])) as Durations;
  const totalsThrough = (last: number) => Object.fromEntries(catalogue.map((def) => [def.key, tally.totalThrough(def, last)]));
  return { metrics, totalsThrough, breakdowns: countBreakdowns(facts.received, settings), durations, skipped: skipped.sorted() };
}

/** Every figure of fiscal year N (SPEC §9): metrics by month and in total, breakdowns, durations, targets, last year's totals, and the rows left out. */
export function countFiscalYear(input: CountsInput): CountsResult {
  const { settings, fiscalYear, today } = input;
  const year = countYear(input, fiscalYear);
  const last = countYear(input, fiscalYear - 1);
  const lastTotals = Object.fromEntries(Object.entries(last.metrics).map(([key, m]) => [key, m.total]));
  const hasLastYear = Object.values(lastTotals).some((total) => total > 0);
  const partialIndex = monthIndexOf(today, fiscalYear);
  const toDate = partialIndex >= 0 && partialIndex < MONTHS_IN_YEAR - 1
    ? { throughMonth: fiscalMonths(fiscalYear - 1)[partialIndex]!, totals: last.totalsThrough(partialIndex) }
    : null;
  return {
    fiscalYear,
    months: fiscalMonths(fiscalYear),
    metrics: year.metrics,
    breakdowns: year.breakdowns,
    durations: year.durations,
    targets: Object.fromEntries(Object.entries(settings.targets).filter(([key]) => key in year.metrics)),
    partialMonth: partialIndex >= 0 ? today.slice(0, 7) : null,
    previousYear: hasLastYear ? { fiscalYear: fiscalYear - 1, totals: lastTotals, toDate } : null,
    skipped: year.skipped,
  };
}
