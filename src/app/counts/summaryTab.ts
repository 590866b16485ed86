// Writes the summary to its tab 集計_N年度: the cells in one setValues, then a
// fixed set of format calls, a warning-only protection and the two charts,
// so the number of Apps Script calls never depends on the number of rows.
import type { ChartSpec, RowKind, Summary } from '../../domain/counts/render';
import type { Book } from '../../sheets/book';
import { PRINT_FONT_SIZE, ruleApprovals } from '../../sheets/printStyle';
import { writeRows } from '../../sheets/tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const COUNTS_PROTECTION = 'tsunagi: 月次集計（アドオンが作り直すタブです。書き込んでも次の更新で消えます）';
const HEADER_BACKGROUND = '#e8f0fe';
const BOLD_ROWS: readonly RowKind[] = ['title', 'header', 'heading'];

/** Runs of columns with the same width, so each run is one call. */
function widthRuns(widths: readonly number[]): { start: number; count: number; width: number }[] {
  const runs: { start: number; count: number; width: number }[] = [];
  widths.forEach((width, i) => {
    const last = runs[runs.length - 1];
    if (last && last.width === width) last.count++;
    else runs.push({ start: i + 1, count: 1, width });
  });
  return runs;
}

function replaceCharts(sheet: Sheet, charts: readonly ChartSpec[]): void {
  for (const chart of sheet.getCharts()) sheet.removeChart(chart);
  for (const spec of charts) {
    let builder = sheet.newChart().setChartType(Charts.ChartType[spec.type]);
    for (const r of spec.ranges) builder = builder.addRange(sheet.getRange(r.row, r.column, r.numRows, r.numColumns));
    builder = builder.setNumHeaders(1).setPosition(spec.row, spec.column, 0, 0)
      .setOption('title', spec.title)
      .setOption('legend.position', spec.ranges.length > 1 ? 'none' : 'bottom')
      .setOption('width', spec.width)
      .setOption('height', spec.height);
    if (spec.stacked) builder = builder.setOption('isStacked', true);
    sheet.insertChart(builder.build());
  }
}

/** Replaces the tab's content with the summary; creates the tab at the end of the book when missing. */
export function writeSummaryTab(book: Book, summary: Summary): Sheet {
  let sheet = book.sheets.get(summary.sheetName);
  if (sheet) sheet.clear();
  else {
    sheet = book.spreadsheet.insertSheet(summary.sheetName, book.spreadsheet.getNumSheets());
    book.sheets.set(summary.sheetName, sheet);
  }
  writeRows(sheet, 1, summary.cells, book.timeZone);
  const width = summary.columnWidths.length;
  const all = sheet.getRange(1, 1, summary.cells.length, width);
  all.setFontWeights(summary.rowKinds.map((kind) => new Array<GoogleAppsScript.Spreadsheet.FontWeight>(width).fill(BOLD_ROWS.includes(kind) ? 'bold' : 'normal')));
  all.setFontSize(PRINT_FONT_SIZE);
  all.setBackgrounds(summary.cells.map((row, r) =>
    row.map((cell) => (summary.rowKinds[r] === 'header' && cell !== '' ? HEADER_BACKGROUND : null))) as string[][]);
  for (const a of summary.numberAreas) sheet.getRange(a.row, a.column, a.numRows, a.numColumns).setHorizontalAlignment('right');
  for (const run of widthRuns(summary.columnWidths)) sheet.setColumnWidths(run.start, run.count, run.width);
  ruleApprovals(sheet, summary.cells.map((cells, r) => ({ role: summary.rowKinds[r] === 'approval' ? 'approval' : 'info', cells: cells.map(String) })), width);
  sheet.setFrozenRows(summary.frozenRows);
  // Warning-only: a manager may still annotate, but is told the tab is rebuilt.
  sheet.protect().setDescription(COUNTS_PROTECTION).setWarningOnly(true);
  replaceCharts(sheet, summary.charts);
  return sheet;
}
