// The workbook as the preview page shows it: visible tabs, each cut to its
// used area and to one page of rows, values as display text.
import { cellText } from '../../src/domain/cell';
import { instantToDateCell } from '../../src/sheets/zonedDate';
import { DEFAULT_COLUMN_WIDTH, hasContent, isFormula, type CellData, type Model, type SheetModel } from '../runtime/model';
import type { Runtime } from '../runtime';
import { chartViews } from './chartView';
import { PAGE_ROWS, type CellAnnotation, type RowView, type Selection, type TabView, type WorkbookView } from './types';

/** Dates as YYYY-MM-DD, date-times as YYYY-MM-DD HH:MM; a formula shows its saved result, else itself. */
function displayText(cell: CellData | undefined, timeZone: string): string {
  const value = cell?.value;
  if (value === undefined) return '';
  if (isFormula(value)) return value.result === undefined ? value.formula : displayText({ value: value.result }, timeZone);
  if (value instanceof Date) return cellText(instantToDateCell(value, timeZone)).slice(0, 16);
  return cellText(value);
}

/** The last row and column holding a value or a note (validation and colours alone reach far below the data). */
function usedArea(sheet: SheetModel): { rows: number; columns: number } {
  let rows = 0;
  let columns = 0;
  sheet.cells.forEach((row, r) => row?.forEach((cell, c) => {
    if (!hasContent(cell) && !cell?.note) return;
    rows = r + 1;
    columns = Math.max(columns, c + 1);
  }));
  return { rows, columns };
}

/** The first row of the page holding `row`; pages start after the frozen rows. */
function pageStart(row: number, frozenRows: number): number {
  return frozenRows + 1 + Math.max(0, Math.floor((row - frozenRows - 1) / PAGE_ROWS)) * PAGE_ROWS;
}

/** The tab's frozen rows and the page of rows holding `focusRow`, and its charts. */
function tabView(model: Model, sheet: SheetModel, focusRow: number): TabView {
  const { timeZone } = model;
  const used = usedArea(sheet);
  const start = pageStart(Math.min(focusRow, used.rows), sheet.frozenRows);
  const frozen = Math.min(sheet.frozenRows, used.rows);
  const rowNumbers = [
    ...Array.from({ length: frozen }, (_, i) => i + 1),
    ...Array.from({ length: Math.max(0, Math.min(used.rows, start + PAGE_ROWS - 1) - start + 1) }, (_, i) => start + i),
  ];
  const annotations: CellAnnotation[] = [];
  const rows = rowNumbers.map((row): RowView => ({
    row,
    cells: Array.from({ length: used.columns }, (_, c) => {
      const cell = sheet.cells[row - 1]?.[c];
      if (cell?.background || cell?.note || cell?.bold || cell?.wrap) {
        annotations.push({
          row, column: c + 1,
          ...(cell.background ? { background: cell.background } : {}),
          ...(cell.note ? { note: cell.note } : {}),
          ...(cell.bold ? { bold: true } : {}),
          ...(cell.wrap ? { wrap: true } : {}),
        });
      }
      return displayText(cell, timeZone);
    }),
  }));
  return {
    name: sheet.name, rowCount: used.rows, columnCount: used.columns, frozenRows: sheet.frozenRows,
    columnWidths: Array.from({ length: used.columns }, (_, c) => sheet.columnWidths[c] ?? DEFAULT_COLUMN_WIDTH),
    rows, annotations, charts: chartViews(model, sheet),
    merges: sheet.merges.filter((m) => rowNumbers.some((r) => r >= m.row && r < m.row + m.numRows)).map((m) => ({ ...m })),
  };
}

/** The first row of the selection (runtime.selection() always gives one, `C5` or `A2:D9`). */
function selectedRow(selection: Selection): number {
  return Number(/\d+/.exec(selection.range)?.[0] ?? 1);
}

export function workbookView(runtime: Runtime, file: string): WorkbookView {
  const { model } = runtime;
  const selection = runtime.selection();
  const tabs = model.sheets.filter((sheet) => !sheet.hidden).map((sheet) => {
    return tabView(model, sheet, sheet.name === selection.sheet ? selectedRow(selection) : 1);
  });
  return { file, tabs, selection, menus: runtime.menus };
}
