// Small books for the 集計 privacy tests: cases and plans as plain records,
// counted by the engine and rendered as the tab, and the tab read back as a
// reader reads it (the figures of tabFigures, each with what the tab prints).
import { dateCell, type Cell } from '../../../src/domain/cell';
import { BREAKDOWNS } from '../../../src/domain/counts/breakdowns';
import { metricCatalogue } from '../../../src/domain/counts/catalogue';
import { DURATIONS } from '../../../src/domain/counts/durations';
import { countFiscalYear, type CountsResult } from '../../../src/domain/counts/metrics';
import { renderSummary, type Summary } from '../../../src/domain/counts/render';
import type { CellRef, CountMark } from '../../../src/domain/counts/suppression';
import { publishesMonthlyStock, PREVIOUS_TO_DATE_COLUMN, PREVIOUS_YEAR_COLUMN, tabFigures, TOTAL_COLUMN, type TabFigures } from '../../../src/domain/counts/tabFigures';
import { CASE_FIELDS, type FieldDef } from '../../../src/domain/fields';
import { PLAN_FIELDS } from '../../../src/domain/plan/fields';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import type { Table } from '../../../src/domain/table';

export type Row = Partial<Record<string, Cell>>;

export const d = (iso: string): Cell => dateCell(iso);

function table(fields: readonly FieldDef[], records: readonly Row[]): Table {
  return { header: fields.map((f) => f.header), rows: records.map((r) => fields.map((f) => r[f.key] ?? '')) };
}

export interface SmallBook {
  readonly cases: readonly Row[];
  readonly plans?: readonly Row[];
  readonly settings?: Settings;
}

export function countBook(book: SmallBook, fiscalYear: number, today: string): CountsResult {
  return countFiscalYear({
    cases: table(CASE_FIELDS, book.cases), activities: null, meetings: null,
    plans: table(PLAN_FIELDS, book.plans ?? []), settings: book.settings ?? DEFAULT_SETTINGS, fiscalYear, today,
  });
}

export const render = (counts: CountsResult, threshold: number, builtOn: string): Summary =>
  renderSummary(counts, { builtOn, threshold, meetingTypes: [] });

/** The main table as the reader sees it: a cell by the row's label and the column's header (a prefix of it). */
export function mainTable(summary: Summary): (label: string, header: string) => string | number {
  const headerRow = summary.cells[summary.frozenRows - 1]!;
  return (label, header) => {
    const row = summary.cells.find((r) => r[0] === label);
    const column = headerRow.findIndex((h) => String(h).startsWith(header));
    if (!row || column < 0) throw new Error(`no cell ${label} / ${header}`);
    return row[column]!;
  };
}

export const isHiddenCell = (cell: string | number): boolean => typeof cell === 'string' && (cell.startsWith('<') || cell === '*');

/**
 * Every figure of tabFigures with what the tab prints for it, found on the
 * tab by its labels as a reader finds it: the marks the reader sees (a <k is
 * small, a * secondary), to give the solver.
 */
export function printedMarks(counts: CountsResult, summary: Summary, threshold: number, builtOn: string): { figures: TabFigures; marks: CountMark[][]; printed: Map<string, string | number> } {
  const reached = counts.months.map((m) => m <= builtOn.slice(0, 7));
  const figures = tabFigures(counts, { reached, meetingTypes: [], monthlyStock: publishesMonthlyStock(threshold) });
  const marks = figures.table.values.map((row) => row.map((): CountMark => 'shown'));
  const printed = new Map<string, string | number>();
  const headerRow = summary.cells[summary.frozenRows - 1]!;
  const set = (cell: CellRef | null, shown: string | number | undefined): void => {
    if (cell === null || shown === undefined) return;
    printed.set(`${cell[0]}:${cell[1]}`, shown);
    if (typeof shown === 'string' && shown.startsWith('<')) marks[cell[0]]![cell[1]] = 'small';
    if (shown === '*') marks[cell[0]]![cell[1]] = 'secondary';
  };
  const columnOf = (column: number): number => {
    if (column < 12) return column + 1;
    const header = column === TOTAL_COLUMN ? '合計' : column === PREVIOUS_YEAR_COLUMN ? '前年度' : '前年同期';
    return headerRow.findIndex((h) => String(h).startsWith(header));
  };
  for (const def of metricCatalogue([])) {
    const row = summary.cells.find((r) => r[0] === def.label)!;
    for (const column of [...Array(12).keys(), TOTAL_COLUMN, PREVIOUS_YEAR_COLUMN, PREVIOUS_TO_DATE_COLUMN]) {
      const at = columnOf(column);
      if (at >= 0) set(figures.metricCell(def.key, column), row[at]);
    }
  }
  for (const def of BREAKDOWNS) {
    const start = summary.cells.findIndex((r) => r[0] === def.label && r[1] === '件数');
    for (const value of Object.keys(counts.breakdowns[def.key])) {
      set(figures.breakdownCell(def.key, value), summary.cells.slice(start + 1).find((r) => r[0] === value)?.[1]);
    }
  }
  for (const def of DURATIONS) set(figures.durationCell(def.key), summary.cells.find((r) => r[0] === def.label)?.[1]);
  return { figures, marks, printed };
}
