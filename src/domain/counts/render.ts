// The summary tab 集計_N年度 as a grid of cells (SPEC §9): title, one table of
// months by metric with targets and last year, notes, the year's breakdowns
// and durations, and the monthly table the two charts draw from. Counts only:
// the grid is made from the counts alone, so no value of any row can reach
// it. Small counts are shown as <k here; the JSON keeps them.
import { dateWithWareki } from '../calendar/days';
import { FIELDS_OF_PEOPLE } from '../fields';
import { metricCatalogue, OPEN_AT_MONTH_END, TOTAL_RULE_TEXT, type TotalRule } from './catalogue';
import { fiscalYearTitle, MONTHS_IN_YEAR, monthLabel } from './fiscalYear';
import type { CountsResult } from './metrics';
import { Grid, type ChartSpec, type GridArea, type RowKind, type SummaryCell } from './grid';
import { reviewSections } from './reviewSections';
import { isHidden, shownCount } from './shownCounts';
import { groupEquations, rowSumEquations, SECONDARY_MARK, shownMarkedCount, suppressCounts, type CountEquation, type CountMark } from './suppression';

export type { ChartSpec, GridArea, RowKind, SummaryCell } from './grid';
export { shownCount } from './shownCounts';

export interface Summary {
  readonly sheetName: string;
  /** Every row as wide as `columnWidths`. */
  readonly cells: SummaryCell[][];
  readonly rowKinds: RowKind[];
  /** Count cells, aligned right (a suppressed <k is text). */
  readonly numberAreas: readonly GridArea[];
  /** Pixels, by column from A. */
  readonly columnWidths: readonly number[];
  readonly frozenRows: number;
  readonly charts: readonly ChartSpec[];
}

export interface SummaryOptions {
  /** The day the tab is built: a date, not a time, so rebuilding the same day gives the same tab. */
  readonly builtOn: string;
  /** 少数秘匿 k of 設定: counts 1 … k-1 are shown as <k; 0 or 1 shows every count. */
  readonly threshold: number;
  readonly meetingTypes: readonly string[];
}

export const summarySheetName = (fiscalYear: number): string => `集計_${fiscalYear}年度`;

const LABEL_WIDTH = 330;
const MONTH_WIDTH = 56;
const PARTIAL_MONTH_WIDTH = 84;
const TOTAL_WIDTH = 64;
const RULE_WIDTH = 180;
const OPEN_LABEL = OPEN_AT_MONTH_END;

/** Rows left out, counted once each whatever the number of reasons. */
export function skippedRowCount(counts: CountsResult): number {
  return new Set(counts.skipped.map((s) => `${s.sheet}|${s.row}`)).size;
}

/**
 * The marks of the main table, rows in catalogue order, columns the 12 months
 * then the total: sums run along each row to its total (a year-end total is
 * March's value) and down the five 分野 rows to 新規相談, so a hidden count
 * cannot be worked out from either (SPEC §9). Months not yet reached are
 * blank, known to hold nothing, and stay out of every sum.
 */
function summaryMarks(rows: readonly { total: TotalRule; monthly: readonly number[]; sum: number; key: string }[], reached: readonly boolean[], threshold: number): CountMark[][] {
  const months = reached.map((r, i) => (r ? i : -1)).filter((i) => i >= 0);
  const values = rows.map((r) => [...r.monthly.map((v, i) => (reached[i] ? v : 0)), r.sum]);
  const equations: CountEquation[] = [];
  rows.forEach((r, i) => {
    if (r.total === 'sum') equations.push(...rowSumEquations([i], months, MONTHS_IN_YEAR));
    if (r.total === 'yearEnd' && reached[MONTHS_IN_YEAR - 1]) equations.push({ total: [i, MONTHS_IN_YEAR], parts: [[i, MONTHS_IN_YEAR - 1]] });
  });
  const parent = rows.findIndex((r) => r.key === 'newCases');
  const fields = FIELDS_OF_PEOPLE.map((f) => rows.findIndex((r) => r.key === `newCases.${f}`));
  const knownRows: number[] = [];
  if (parent >= 0 && fields.every((i) => i >= 0)) {
    // Cases without a 分野 are in 新規相談 but in no 分野 row: a remainder row the reader is assumed to know.
    const remainder = values.length;
    values.push(values[parent]!.map((v, c) => v - fields.reduce((s, f) => s + values[f]![c]!, 0)));
    knownRows.push(remainder);
    equations.push(...groupEquations(parent, [...fields, remainder], [...months, MONTHS_IN_YEAR]));
  }
  return suppressCounts({ values, equations, knownRows }, threshold).slice(0, rows.length);
}

/** 達成率 in whole percent; blank when the total is hidden (it would give the count away) or the target is 0. */
function achievement(total: number, shown: SummaryCell, target: number): SummaryCell {
  if (isHidden(shown) || target <= 0) return '';
  return `${Math.round((total / target) * 100)}%`;
}

export function renderSummary(counts: CountsResult, options: SummaryOptions): Summary {
  const { fiscalYear, months } = counts;
  const { builtOn, threshold } = options;
  // Months that have not begun on the build day stay blank rather than show 0 or a projection.
  const reached = months.map((m) => m <= builtOn.slice(0, 7));
  const metric = (key: string) => counts.metrics[key] ?? { monthly: new Array<number>(MONTHS_IN_YEAR).fill(0), total: 0 };
  const monthLabels = months.map((m, i) => (m === counts.partialMonth ? `${monthLabel(i)}（途中）` : monthLabel(i)));
  const hasTargets = Object.keys(counts.targets).length > 0;
  const last = counts.previousYear;
  const columnWidths = [
    LABEL_WIDTH, ...months.map((m) => (m === counts.partialMonth ? PARTIAL_MONTH_WIDTH : MONTH_WIDTH)), TOTAL_WIDTH,
    ...(hasTargets ? [TOTAL_WIDTH, TOTAL_WIDTH] : []), ...(last ? [PARTIAL_MONTH_WIDTH + 16] : []), RULE_WIDTH,
  ];
  const grid = new Grid(columnWidths.length);

  grid.add('title', `${fiscalYearTitle(fiscalYear)} 月次集計`);
  grid.add('info', `作成日：${dateWithWareki(builtOn)}\u3000対象：${fiscalYear}年4月〜${fiscalYear + 1}年3月の共通シート・支援記録・会議記録`);
  const skipped = skippedRowCount(counts);
  grid.add('info', skipped === 0
    ? '集計から除いた行：なし'
    : `集計から除いた行：${skipped}行（日付が読めない・空欄など）。行番号と理由は、サイドバーの「集計」で確認できます。`);
  grid.add('blank');

  const header = grid.add('header', '項目', ...monthLabels, '合計',
    ...(hasTargets ? ['目標', '達成率'] : []), ...(last ? [`前年度（${last.fiscalYear}年度）`] : []), '合計の数え方');
  const definitions = metricCatalogue(options.meetingTypes);
  const marks = summaryMarks(definitions.map((d) => ({ key: d.key, total: d.total, monthly: metric(d.key).monthly, sum: metric(d.key).total })), reached, threshold);
  const rowOf = new Map(definitions.map((d, i) => [d.key, i]));
  /** A count as the tab shows it; column 12 is the total. */
  const shownAt = (key: string, column: number): SummaryCell => {
    if (column < MONTHS_IN_YEAR && !reached[column]) return '';
    const { monthly, total } = metric(key);
    const value = column < MONTHS_IN_YEAR ? monthly[column] ?? 0 : total;
    return shownMarkedCount(value, marks[rowOf.get(key)!]?.[column] ?? 'shown', threshold);
  };
  for (const def of definitions) {
    const { total } = metric(def.key);
    const shownTotal = shownAt(def.key, MONTHS_IN_YEAR);
    const target = counts.targets[def.key];
    const lastTotal = last?.totals[def.key];
    grid.add('data', def.label, ...months.map((_, i) => shownAt(def.key, i)), shownTotal,
      ...(hasTargets ? (target === undefined ? ['', ''] : [target, achievement(total, shownTotal, target)]) : []),
      ...(last ? [lastTotal === undefined ? '' : shownCount(lastTotal, threshold)] : []),
      TOTAL_RULE_TEXT[def.total]);
  }
  const numericColumns = MONTHS_IN_YEAR + 1 + (hasTargets ? 2 : 0) + (last ? 1 : 0);
  const mainTable: GridArea = { row: header + 1, column: 2, numRows: definitions.length, numColumns: numericColumns };
  grid.add('blank');

  const partial = counts.partialMonth ? monthLabel(months.indexOf(counts.partialMonth)) : '';
  const notes = [
    '延べ：同じケースも回数の分だけ数えます。実人数：同じケースを1人と数えます。実人数の合計は各月の和ではなく、年度内で重複を除いた人数です。',
    'アウトリーチの実人数には、まだケースになっていない方（支援記録の「対象」）も、対象ごとに1人として数えます。',
    `${OPEN_LABEL}：その月末までに受け付け、その月末までに終結日のないケース（状態にかかわらず、日付で数えます）。合計欄は3月末の値です。`,
    ...(hasTargets ? ['目標：設定タブの「目標指標」「年度目標」の値です。達成率は合計÷目標（年度の途中では、そこまでの実績）です。'] : []),
    ...(last ? [`前年度：${last.fiscalYear}年度の合計です（同じ数え方）。`] : []),
    ...(threshold > 1 ? [`少数秘匿：個人が特定されないよう、1〜${threshold - 1}の値は「<${threshold}」と表示しています（設定タブの「少数秘匿」）。その値から割り出せる達成率も表示しません。`] : []),
    ...(threshold > 2 ? [`「${SECONDARY_MARK}」：「<${threshold}」の値が合計や内訳との差から割り出せないよう、あわせて伏せた値です。「<${threshold}」とは限らず、0のことも、${threshold}以上のこともあります。`] : []),
    ...(partial ? [`${partial}（途中）：作成日までの入力で集計しています。まだ来ていない月は空欄です。`]
      : reached.every(Boolean) ? [] : ['まだ来ていない月は空欄です。']),
    'このタブはアドオンが作り直します（メニュー「月次集計を更新」）。直接書き込んだ内容は次の更新で消えます。',
  ];
  for (const note of notes) grid.add('note', `注：${note}`);
  grid.add('blank');

  const review = reviewSections(grid, counts, threshold);
  grid.add('blank');

  grid.add('heading', `グラフのもと：月別の新規相談（つなぎ元分野別）と${OPEN_LABEL}`);
  const chartHeader = grid.add('header', '月', ...FIELDS_OF_PEOPLE, OPEN_LABEL);
  months.forEach((_, i) => {
    grid.add('data', monthLabels[i] ?? '', ...FIELDS_OF_PEOPLE.map((field) => shownAt(`newCases.${field}`, i)), shownAt('openAtMonthEnd', i));
  });
  const chartRows = MONTHS_IN_YEAR + 1;
  const chartTable: GridArea = { row: chartHeader + 1, column: 2, numRows: MONTHS_IN_YEAR, numColumns: FIELDS_OF_PEOPLE.length + 1 };
  // One empty row between the table and the charts, which are not cells.
  const chartsRow = grid.cells.length + 2;
  const openColumn = FIELDS_OF_PEOPLE.length + 2;

  return {
    sheetName: summarySheetName(fiscalYear),
    cells: grid.cells,
    rowKinds: grid.kinds,
    numberAreas: [mainTable, ...review.numberAreas, chartTable],
    columnWidths,
    frozenRows: header,
    charts: [
      ...review.charts,
      {
        type: 'COLUMN', title: `新規相談（つなぎ元分野別）${fiscalYear}年度`, stacked: true,
        ranges: [{ row: chartHeader, column: 1, numRows: chartRows, numColumns: FIELDS_OF_PEOPLE.length + 1 }],
        row: chartsRow, column: 1, width: 620, height: 320,
      },
      {
        type: 'LINE', title: `${OPEN_LABEL} ${fiscalYear}年度`, stacked: false,
        ranges: [
          { row: chartHeader, column: 1, numRows: chartRows, numColumns: 1 },
          { row: chartHeader, column: openColumn, numRows: chartRows, numColumns: 1 },
        ],
        row: chartsRow, column: openColumn + 1, width: 520, height: 320,
      },
    ],
  };
}
