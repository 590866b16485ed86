// The parts of the 集計 tab a PDCA review reads besides the monthly table:
// the year's new cases by 課題領域, 世帯の状態, 年代, 性別 and 圏域 (with bar
// charts for the first two), and the days from 受付 to 同意, プラン and 終結
// with a sentence a manager can paste into a report.
import { BREAKDOWNS } from './breakdowns';
import { DURATIONS } from './durations';
import { monthLabel } from './fiscalYear';
import type { Grid, ChartSpec, GridArea } from './grid';
import type { CountsResult } from './metrics';
import { isHidden, type ShownCell } from './shownCounts';
import { shownMarkedCount, type CellRef, type CountMark } from './suppression';
import type { TabFigures } from './tabFigures';

/** Sheets' default row height, to keep a chart beside its table from covering the next one. */
const ROW_HEIGHT = 21;
const CHARTED = ['lifeAreas', 'tags'];
const CHART_COLUMN = 4;

export interface ReviewSections {
  readonly numberAreas: GridArea[];
  readonly charts: ChartSpec[];
}

/** A published count as the tab shows it, with the mark the whole tab's suppression gave it. */
type ShownAt = (cell: CellRef) => ShownCell;

function breakdownTables(grid: Grid, counts: CountsResult, figures: TabFigures, shownAt: ShownAt, out: ReviewSections): void {
  grid.add('heading', `新規相談の内訳（受付日が${counts.fiscalYear}年度のケース）`);
  for (const def of BREAKDOWNS) {
    const entries = Object.entries(counts.breakdowns[def.key]);
    const header = grid.add('header', def.label, '件数');
    entries.forEach(([value]) => grid.add('data', value, shownAt(figures.breakdownCell(def.key, value))));
    // Each case under one value: the values add up to 新規相談, shown as the same figure.
    if (!def.multiple) grid.add('data', '合計', shownAt(figures.breakdownTotalCell()));
    out.numberAreas.push({ row: header + 1, column: 2, numRows: entries.length + (def.multiple ? 0 : 1), numColumns: 1 });
    if (def.multiple) grid.add('note', '注：1件のケースが複数に当たるときは、それぞれに数えます（合計は新規相談の件数より多くなります）。');
    if (CHARTED.includes(def.key)) {
      const height = Math.max(240, entries.length * ROW_HEIGHT + 80);
      out.charts.push({
        type: 'BAR', title: `${def.label}（${counts.fiscalYear}年度の新規相談）`, stacked: false,
        ranges: [{ row: header, column: 1, numRows: entries.length + 1, numColumns: 2 }],
        row: header, column: CHART_COLUMN, width: 480, height,
      });
      while ((grid.cells.length - header + 1) * ROW_HEIGHT < height + ROW_HEIGHT) grid.add('blank');
    } else grid.add('blank');
  }
}

/** One sentence per span, ready to paste: what happened in the year, how many, and the median. */
function durationSentence(counts: CountsResult, figures: TabFigures, shownAt: ShownAt): string {
  const partial = counts.partialMonth ? `（${monthLabel(counts.months.indexOf(counts.partialMonth))}途中まで）` : '';
  return DURATIONS.map((def, i) => {
    const { n, median } = counts.durations[def.key];
    const who = `${i === 0 ? `${counts.fiscalYear}年度${partial}に` : ''}${def.event}`;
    // The sentence states n, so it follows the mark of n in the table.
    const shown = shownAt(figures.durationCell(def.key));
    if (n === 0 && !isHidden(shown)) return `${who}ケースはありませんでした。`;
    if (isHidden(shown) || median === null) return `${who}ケースは少数のため、日数を示しません。`;
    return `${who}${n}件では、受付から${def.until}の日数の中央値は${median}日でした。`;
  }).join('');
}

function durationTable(grid: Grid, counts: CountsResult, figures: TabFigures, shownAt: ShownAt, out: ReviewSections): void {
  grid.add('heading', `受付からの日数（${counts.fiscalYear}年度に同意・プラン作成・終結したケース）`);
  const header = grid.add('header', '区間', '件数', '中央値（日）');
  DURATIONS.forEach((def) => {
    const n = shownAt(figures.durationCell(def.key));
    const { median } = counts.durations[def.key];
    // A median of fewer than k cases is close to one person's own days, so it hides with its count.
    grid.add('data', def.label, n, median === null || isHidden(n) ? '—' : median);
  });
  out.numberAreas.push({ row: header + 1, column: 2, numRows: DURATIONS.length, numColumns: 2 });
  grid.add('note', '注：受付日からその日までの日数です（同じ日なら0日）。件数が偶数のときの中央値は、真ん中の2つの平均を四捨五入しています。報告書には次の文をそのまま貼り付けられます。');
  grid.add('info', durationSentence(counts, figures, shownAt));
}

export function reviewSections(grid: Grid, counts: CountsResult, threshold: number, figures: TabFigures, markOf: (cell: CellRef) => CountMark): ReviewSections {
  const out: ReviewSections = { numberAreas: [], charts: [] };
  const shownAt: ShownAt = (cell) => shownMarkedCount(figures.table.values[cell[0]]?.[cell[1]] ?? 0, markOf(cell), threshold);
  breakdownTables(grid, counts, figures, shownAt, out);
  durationTable(grid, counts, figures, shownAt, out);
  return out;
}
