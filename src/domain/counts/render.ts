// The summary tab 集計_N年度 as a grid of cells (SPEC §9): title, one table of
// months by metric with targets and last year, notes, the year's breakdowns
// and durations, and the monthly table the two charts draw from. Counts only:
// the grid is made from the counts alone, so no value of any row can reach
// it. Small counts are shown as <k here; the JSON keeps them.
import { dateWithWareki } from '../calendar/days';
import { approvalRows } from '../paper/layout';
import { FIELDS_OF_PEOPLE } from '../fields';
import { metricCatalogue, OPEN_AT_MONTH_END, TOTAL_RULE_TEXT } from './catalogue';
import { fiscalYearTitle, MONTHS_IN_YEAR, monthLabel } from './fiscalYear';
import type { CountsResult } from './metrics';
import { Grid, type ChartSpec, type GridArea, type RowKind, type SummaryCell } from './grid';
import { reviewSections } from './reviewSections';
import { isHidden } from './shownCounts';
import { SECONDARY_MARK, shownMarkedCount } from './suppression';
import { PREVIOUS_TO_DATE_COLUMN, PREVIOUS_YEAR_COLUMN, publishesMonthlyStock, suppressTab, tabFigures, TOTAL_COLUMN } from './tabFigures';

export type { ChartSpec, GridArea, RowKind, SummaryCell } from './grid';

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
  /** 決裁欄 of 設定: the titles of the approval boxes, left to right; none when absent or empty. */
  readonly approvals?: readonly string[];
}

export const summarySheetName = (fiscalYear: number): string => `集計_${fiscalYear}年度`;

const LABEL_WIDTH = 330;
const MONTH_WIDTH = 56;
const PARTIAL_MONTH_WIDTH = 84;
const TOTAL_WIDTH = 64;
const RULE_WIDTH = 180;
const OPEN_LABEL = OPEN_AT_MONTH_END;

/** Rows left out, counted once each whatever the number of reasons. */
export function skippedRowCount(skipped: CountsResult['skipped']): number {
  return new Set(skipped.map((s) => `${s.sheet}|${s.row}`)).size;
}

/** 達成率 in whole percent; blank when the total is hidden (it would give the count away) or the target is 0. */
function achievement(total: number, shown: SummaryCell, target: number): SummaryCell {
  if (shown === '' || isHidden(shown) || target <= 0) return '';
  return `${Math.round((total / target) * 100)}%`;
}

/** A target pro-rated to the months counted so far. */
const proRated = (target: number, months: number): number => (target * months) / MONTHS_IN_YEAR;
/** As a manager writes a pro-rated target: one decimal at most. */
const oneDecimal = (n: number): number => Math.round(n * 10) / 10;

export function renderSummary(counts: CountsResult, options: SummaryOptions): Summary {
  const { fiscalYear, months } = counts;
  const { builtOn, threshold } = options;
  // Months that have not begun on the build day stay blank rather than show 0 or a projection.
  const reached = months.map((m) => m <= builtOn.slice(0, 7));
  const metric = (key: string) => counts.metrics[key] ?? { monthly: new Array<number>(MONTHS_IN_YEAR).fill(0), total: 0 };
  const monthLabels = months.map((m, i) => (m === counts.partialMonth ? `${monthLabel(i)}（途中）` : monthLabel(i)));
  const hasTargets = Object.keys(counts.targets).length > 0;
  const last = counts.previousYear;
  const toDate = last?.toDate ?? null;
  // Mid-year, the months counted so far (the month in progress included) and the month they end with.
  const monthsSoFar = counts.partialMonth ? months.indexOf(counts.partialMonth) + 1 : 0;
  const soFar = monthsSoFar > 0 ? monthLabel(monthsSoFar - 1) : '';
  const targetHeaders = hasTargets ? (monthsSoFar > 0 ? ['目標（年間）', `目標（${soFar}まで）`, '達成率'] : ['目標', '達成率']) : [];
  const lastHeaders = [
    ...(toDate ? [`前年同期（${last!.fiscalYear}年度4月〜${soFar}）`] : []),
    ...(last ? [`前年度（${last.fiscalYear}年度）`] : []),
  ];
  const columnWidths = [
    LABEL_WIDTH, ...months.map((m) => (m === counts.partialMonth ? PARTIAL_MONTH_WIDTH : MONTH_WIDTH)), TOTAL_WIDTH,
    ...targetHeaders.map(() => TOTAL_WIDTH), ...lastHeaders.map(() => PARTIAL_MONTH_WIDTH + 16), RULE_WIDTH,
  ];
  const grid = new Grid(columnWidths.length);

  grid.add('title', `${fiscalYearTitle(fiscalYear)} 月次集計`);
  // The 決裁欄 at the top right, as a manager's report carries it (SPEC §12 Papers).
  for (const row of approvalRows(options.approvals ?? [], columnWidths.length)) grid.add(row.role === 'approval' ? 'approval' : 'stamp', ...row.cells);
  grid.add('info', `作成日：${dateWithWareki(builtOn)}\u3000対象：${fiscalYear}年4月〜${fiscalYear + 1}年3月の共通シート・支援記録・会議記録`);
  const skipped = skippedRowCount(counts.skipped);
  grid.add('info', skipped === 0
    ? '集計から除いた行：なし'
    : `集計から除いた行：${skipped}行（日付が読めない・空欄など）。行番号と理由は、サイドバーの「集計」で確認できます。`);
  grid.add('blank');

  const header = grid.add('header', '項目', ...monthLabels, '合計', ...targetHeaders, ...lastHeaders, '合計の数え方');
  const definitions = metricCatalogue(options.meetingTypes);
  const monthlyStock = publishesMonthlyStock(threshold);
  const figures = tabFigures(counts, { reached, meetingTypes: options.meetingTypes, monthlyStock });
  const markOf = suppressTab(figures, threshold);
  /** A count as the tab shows it, by its column in the figures (months, total, 前年度, 前年同期); blank when not published. */
  const shownAt = (key: string, column: number): SummaryCell => {
    const cell = figures.metricCell(key, column);
    if (cell === null) return '';
    return shownMarkedCount(figures.table.values[cell[0]]![cell[1]]!, markOf(cell), threshold);
  };
  for (const def of definitions) {
    const { total } = metric(def.key);
    const shownTotal = shownAt(def.key, TOTAL_COLUMN);
    const target = counts.targets[def.key];
    // A year-end value is a level, not a flow: its target is not pro-rated.
    const targetSoFar = target === undefined || def.total === 'yearEnd' ? target : proRated(target, monthsSoFar);
    const targetCells = !hasTargets ? []
      : target === undefined ? targetHeaders.map(() => '')
      : monthsSoFar > 0 ? [target, oneDecimal(targetSoFar!), achievement(total, shownTotal, targetSoFar!)]
      : [target, achievement(total, shownTotal, target)];
    grid.add('data', def.label, ...months.map((_, i) => shownAt(def.key, i)), shownTotal, ...targetCells,
      ...(toDate ? [shownAt(def.key, PREVIOUS_TO_DATE_COLUMN)] : []),
      ...(last ? [shownAt(def.key, PREVIOUS_YEAR_COLUMN)] : []),
      TOTAL_RULE_TEXT[def.total]);
  }
  const numericColumns = MONTHS_IN_YEAR + 1 + targetHeaders.length + lastHeaders.length;
  const mainTable: GridArea = { row: header + 1, column: 2, numRows: definitions.length, numColumns: numericColumns };
  grid.add('blank');

  const notes = [
    '延べ：同じケースも回数の分だけ数えます。実人数：同じケースを1人と数えます。実人数の合計は各月の和ではなく、年度内で重複を除いた人数です。',
    'アウトリーチの実人数には、まだケースになっていない方（支援記録の「対象」）も、対象ごとに1人として数えます。',
    `${OPEN_LABEL}：その月末までに受け付け、その月末までに終結日のないケース（状態にかかわらず、日付で数えます）。合計欄は3月末の値で、3月になるまでは空欄です。`,
    ...(hasTargets ? [monthsSoFar > 0
      ? `目標：設定タブの「目標指標」「年度目標」の値です。年度の途中なので、達成率は4月〜${soFar}（途中）の実績を、年間の目標を${monthsSoFar}か月分に按分した「目標（${soFar}まで）」と比べています（${OPEN_LABEL}の目標は按分しません）。`
      : '目標：設定タブの「目標指標」「年度目標」の値です。達成率は合計÷目標です。'] : []),
    ...(toDate ? [`前年同期：${last!.fiscalYear}年度の4月〜${soFar}末の合計です。今年度の途中の合計とは、この列と比べてください（${OPEN_LABEL}は${soFar}末の値）。`] : []),
    ...(last ? [`前年度：${last.fiscalYear}年度の1年間の合計です（同じ数え方）。`] : []),
    ...(threshold > 1 ? [`少数秘匿：個人が特定されないよう、1〜${threshold - 1}の値は「<${threshold}」と表示しています（設定タブの「少数秘匿」）。その値から割り出せる達成率も表示しません。`] : []),
    ...(monthlyStock ? [] : [`${OPEN_LABEL}は、少数秘匿のため月ごとには示さず、3月末の値（合計欄）だけを示します。月末の値は前月末の値に新規相談を足し、終結・つなぎもどし・中断を引いたものなので、月ごとに示すと伏せた件数が差から割り出せるためです（グラフも省いています）。`]),
    ...(threshold > 2 ? [`「${SECONDARY_MARK}」：「<${threshold}」の値が、合計・内訳・前年度・前年同期・内訳・日数の件数・${OPEN_LABEL}（前年度末＋新規相談−終結・つなぎもどし・中断）との足し引きで割り出せないよう、あわせて伏せた値です。「<${threshold}」とは限らず、0のことも、${threshold}以上のこともあります。`] : []),
    ...(soFar ? [`${soFar}（途中）：作成日までの入力で集計しています。まだ来ていない月は空欄です。`]
      : reached.every(Boolean) ? [] : ['まだ来ていない月は空欄です。']),
    'このタブはアドオンが作り直します（メニュー「月次集計を更新」）。直接書き込んだ内容は次の更新で消えます。',
  ];
  for (const note of notes) grid.add('note', `注：${note}`);
  grid.add('blank');

  const review = reviewSections(grid, counts, threshold, figures, markOf);
  grid.add('blank');

  // The monthly stock is left off with 少数秘匿 on, and its chart with it.
  const chartColumns = [...FIELDS_OF_PEOPLE, ...(monthlyStock ? [OPEN_LABEL] : [])];
  grid.add('heading', `グラフのもと：月別の新規相談（つなぎ元分野別）${monthlyStock ? `と${OPEN_LABEL}` : ''}`);
  const chartHeader = grid.add('header', '月', ...chartColumns);
  months.forEach((_, i) => {
    grid.add('data', monthLabels[i] ?? '', ...FIELDS_OF_PEOPLE.map((field) => shownAt(`newCases.${field}`, i)),
      ...(monthlyStock ? [shownAt('openAtMonthEnd', i)] : []));
  });
  const chartRows = MONTHS_IN_YEAR + 1;
  const chartTable: GridArea = { row: chartHeader + 1, column: 2, numRows: MONTHS_IN_YEAR, numColumns: chartColumns.length };
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
      ...(monthlyStock ? [{
        type: 'LINE', title: `${OPEN_LABEL} ${fiscalYear}年度`, stacked: false,
        ranges: [
          { row: chartHeader, column: 1, numRows: chartRows, numColumns: 1 },
          { row: chartHeader, column: openColumn, numRows: chartRows, numColumns: 1 },
        ],
        row: chartsRow, column: openColumn + 1, width: 520, height: 320,
      } as const] : []),
    ],
  };
}
