// A sheet's embedded charts as the preview page draws them: each chart's
// ranges read into categories (the first column) and series (the others),
// with as many header rows as the chart was given (one when Sheets guesses).
import { a1Notation, quoteSheetName } from '../runtime/a1';
import { cellAt, type ChartModel, type Model, type SheetModel } from '../runtime/model';
import { storedValue } from '../runtime/values';
import type { ChartView } from './types';

/** The columns of a chart's ranges, each as its cells from top to bottom. */
function columnsOf(model: Model, chart: ChartModel): unknown[][] {
  return chart.ranges.flatMap((ref) => {
    const sheet = model.sheets.find((s) => s.id === ref.sheetId);
    if (!sheet) return [];
    return Array.from({ length: ref.numColumns }, (_, c) =>
      Array.from({ length: ref.numRows }, (_, r) => storedValue(cellAt(sheet, ref.row + r, ref.column + c))));
  });
}

function chartView(model: Model, chart: ChartModel): ChartView {
  const headers = chart.numHeaders < 0 ? 1 : chart.numHeaders;
  const [domain = [], ...others] = columnsOf(model, chart);
  const label = (values: unknown[]): string => values.slice(0, headers).map(String).join(' ');
  return {
    type: chart.type,
    title: typeof chart.options.title === 'string' ? chart.options.title : '',
    position: a1Notation({ row: chart.position.row, column: chart.position.column, numRows: 1, numColumns: 1 }),
    ranges: chart.ranges.map((ref) => {
      const name = model.sheets.find((s) => s.id === ref.sheetId)?.name ?? '';
      return `${quoteSheetName(name)}!${a1Notation(ref)}`;
    }),
    stacked: chart.options.isStacked === true,
    categories: domain.slice(headers).map(String),
    series: others.map((values) => ({
      name: label(values),
      values: values.slice(headers).map((v) => (typeof v === 'number' ? v : null)),
    })),
  };
}

export function chartViews(model: Model, sheet: SheetModel): ChartView[] {
  return sheet.charts.map((chart) => chartView(model, chart));
}
