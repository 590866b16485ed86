// Every count the 集計 tab and its CSV publish, and every linear relation of
// SPEC §9 a reader knows between them, as one table for the suppression
// solver: so that no hidden count can be worked out by addition or
// subtraction across the whole tab, whatever part of it the count sits in.
import { CLOSED_STATUSES, FIELDS_OF_PEOPLE } from '../fields';
import { BREAKDOWNS, type BreakdownKey } from './breakdowns';
import { metricCatalogue } from './catalogue';
import { DURATIONS, type DurationKey } from './durations';
import { MONTHS_IN_YEAR } from './fiscalYear';
import type { CountsResult } from './metrics';
import { groupEquations, suppressCounts, sumEquation, type CellRef, type CountEquation, type CountMark, type CountTable } from './suppression';

/** Columns of a metric's row: the 12 months (0 = April), then these. */
export const TOTAL_COLUMN = MONTHS_IN_YEAR;
/** 前年度: last year's full-year total. */
export const PREVIOUS_YEAR_COLUMN = MONTHS_IN_YEAR + 1;
/** 前年同期: last year's total up to the month this year has reached. */
export const PREVIOUS_TO_DATE_COLUMN = MONTHS_IN_YEAR + 2;
const COLUMNS = MONTHS_IN_YEAR + 3;

/** Where each published count sits in the table, and the table with its relations. */
export interface TabFigures {
  readonly table: CountTable;
  /** The cell of a metric's month (0–11) or of the columns above; null for a cell the tab leaves blank. */
  metricCell(key: string, column: number): CellRef | null;
  breakdownCell(breakdown: BreakdownKey, value: string): CellRef;
  /** A single-valued breakdown's 合計 row: 新規相談's total itself. */
  breakdownTotalCell(): CellRef;
  durationCell(duration: DurationKey): CellRef;
}

export interface TabShape {
  /** Months begun on the build day; later months are blank on the tab. */
  readonly reached: readonly boolean[];
  readonly meetingTypes: readonly string[];
  /**
   * Whether 月末の継続ケース is published month by month. Each month's stock is
   * the last one's plus the new cases less the closures, a chain through the
   * whole year that a hidden count anywhere on it would make secondary
   * suppression run along; with 少数秘匿 on, the stock is published at the
   * year's end only (SPEC §9 allows leaving it off, with a note).
   */
  readonly monthlyStock: boolean;
}

/** With 少数秘匿 on (k > 1), 月末の継続ケース is left off month by month. */
export const publishesMonthlyStock = (threshold: number): boolean => threshold <= 1;

/**
 * The relations of SPEC §9, listed one by one:
 * - a row's total is the sum of its months (a year-end row's total is March);
 * - 新規相談 is the sum of its five 分野 and of the cases with no 分野, and
 *   plansDecided of initial and revised and of the plans with an unreadable 版,
 *   in each month, the total, 前年度 and 前年同期 (the remainders are taken as
 *   known to the reader, which asks more of the suppression, not less);
 * - the stock and its flows: 月末の継続ケース of a month is the month before's
 *   (for April, 前年度's year-end value) plus the new cases less the three
 *   closed rows; when it is published at the year's end only, the same over
 *   the year: its total is 前年度's plus the year's new cases less its closures;
 * - the durations' n: those of 同意 and プラン作成 are 本人同意の取得 and
 *   プラン作成 of the year, that of 終結 the three closed rows together;
 * - the single-valued breakdowns (年代, 性別, 圏域) add up to 新規相談.
 * Some of these hold only nearly in the data (a case closed without a
 * closed 状態); a reader would still take them at their word, so they are
 * treated as exact.
 */
export function tabFigures(counts: CountsResult, shape: TabShape): TabFigures {
  const definitions = metricCatalogue(shape.meetingTypes);
  const rowOf = new Map(definitions.map((d, i) => [d.key, i]));
  const last = counts.previousYear;
  const months = shape.reached.flatMap((r, i) => (r ? [i] : []));
  const marchReached = shape.reached[MONTHS_IN_YEAR - 1] === true;
  const columns = [...months, TOTAL_COLUMN, ...(last ? [PREVIOUS_YEAR_COLUMN] : []), ...(last?.toDate ? [PREVIOUS_TO_DATE_COLUMN] : [])];
  const published = new Set(columns);
  const isPublished = (key: string, column: number): boolean => {
    const def = definitions[rowOf.get(key) ?? -1];
    if (def === undefined || !published.has(column)) return false;
    // A year-end row has no total until March is reached (it would be a forecast), and no months when they are left off.
    if (def.total === 'yearEnd' && column === TOTAL_COLUMN) return marchReached;
    return !(def.total === 'yearEnd' && column < MONTHS_IN_YEAR && !shape.monthlyStock);
  };
  const valueAt = (key: string, column: number): number => {
    if (!isPublished(key, column)) return 0;
    const metric = counts.metrics[key];
    if (column < MONTHS_IN_YEAR) return metric?.monthly[column] ?? 0;
    if (column === TOTAL_COLUMN) return metric?.total ?? 0;
    return (column === PREVIOUS_YEAR_COLUMN ? last?.totals : last?.toDate?.totals)?.[key] ?? 0;
  };
  const values: number[][] = definitions.map((d) => Array.from({ length: COLUMNS }, (_, c) => valueAt(d.key, c)));
  const cell = (key: string, column: number): CellRef => [rowOf.get(key)!, column];
  const equations: CountEquation[] = [];
  const knownRows: number[] = [];

  for (const def of definitions) {
    if (def.total === 'sum') equations.push(sumEquation(cell(def.key, TOTAL_COLUMN), months.map((m) => cell(def.key, m))));
    if (def.total === 'yearEnd' && marchReached && shape.monthlyStock) equations.push(sumEquation(cell(def.key, TOTAL_COLUMN), [cell(def.key, MONTHS_IN_YEAR - 1)]));
  }

  const group = (whole: string, parts: readonly string[]): void => {
    if (!rowOf.has(whole) || parts.some((p) => !rowOf.has(p))) return;
    const remainder = values.length;
    values.push(values[rowOf.get(whole)!]!.map((v, c) => v - parts.reduce((s, p) => s + values[rowOf.get(p)!]![c]!, 0)));
    knownRows.push(remainder);
    equations.push(...groupEquations(rowOf.get(whole)!, [...parts.map((p) => rowOf.get(p)!), remainder], columns));
  };
  group('newCases', FIELDS_OF_PEOPLE.map((f) => `newCases.${f}`));
  group('plansDecided', ['plansDecided.initial', 'plansDecided.revised']);

  const closedKeys = CLOSED_STATUSES.map((s) => `closed.${s}`);
  if (!shape.monthlyStock && marchReached && last) {
    equations.push({
      left: [cell('openAtMonthEnd', TOTAL_COLUMN), ...closedKeys.map((k) => cell(k, TOTAL_COLUMN))],
      right: [cell('openAtMonthEnd', PREVIOUS_YEAR_COLUMN), cell('newCases', TOTAL_COLUMN)],
    });
  }
  for (const m of shape.monthlyStock ? months : []) {
    const before = m === 0 ? (last ? cell('openAtMonthEnd', PREVIOUS_YEAR_COLUMN) : null) : cell('openAtMonthEnd', m - 1);
    if (before === null) continue;
    equations.push({
      left: [cell('openAtMonthEnd', m), ...closedKeys.map((k) => cell(k, m))],
      right: [before, cell('newCases', m)],
    });
  }

  const durationRow = values.length;
  values.push(DURATIONS.map((d) => counts.durations[d.key].n));
  const durationCell = (key: DurationKey): CellRef => [durationRow, DURATIONS.findIndex((d) => d.key === key)];
  equations.push(
    sumEquation(durationCell('receivedToConsent'), [cell('consentObtained', TOTAL_COLUMN)]),
    sumEquation(durationCell('receivedToPlan'), [cell('plansCreated', TOTAL_COLUMN)]),
    sumEquation(durationCell('receivedToClosed'), closedKeys.map((k) => cell(k, TOTAL_COLUMN))),
  );

  const breakdownRows = new Map<BreakdownKey, { row: number; names: string[] }>();
  for (const def of BREAKDOWNS) {
    const entries = Object.entries(counts.breakdowns[def.key]);
    const row = values.length;
    values.push(entries.map(([, n]) => n));
    breakdownRows.set(def.key, { row, names: entries.map(([name]) => name) });
    if (!def.multiple) equations.push(sumEquation(cell('newCases', TOTAL_COLUMN), entries.map((_, i) => [row, i] as const)));
  }

  return {
    table: { values, equations, knownRows },
    metricCell: (key, column) => (isPublished(key, column) ? cell(key, column) : null),
    breakdownCell: (breakdown, value) => {
      const { row, names } = breakdownRows.get(breakdown)!;
      return [row, names.indexOf(value)];
    },
    breakdownTotalCell: () => cell('newCases', TOTAL_COLUMN),
    durationCell,
  };
}

/** The figures with the marks suppression gives them at threshold k. */
export function suppressTab(figures: TabFigures, threshold: number): (cell: CellRef) => CountMark {
  const marks = suppressCounts(figures.table, threshold);
  return ([r, c]) => marks[r]?.[c] ?? 'shown';
}
