// The cells of a generated tab, row by row, each row as wide as the tab.
export type SummaryCell = string | number;
/** How a row is formatted on the tab. */
export type RowKind = 'title' | 'info' | 'header' | 'data' | 'heading' | 'note' | 'blank' | 'approval' | 'stamp';

/** A block of cells, 1-based as Sheets counts. */
export interface GridArea {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

export interface ChartSpec {
  readonly type: 'COLUMN' | 'BAR' | 'LINE';
  readonly title: string;
  /** Columns with a header row on top; the first column is the categories (months, values). */
  readonly ranges: readonly GridArea[];
  readonly stacked: boolean;
  /** Top-left anchor cell. */
  readonly row: number;
  readonly column: number;
  readonly width: number;
  readonly height: number;
}

export class Grid {
  readonly cells: SummaryCell[][] = [];
  readonly kinds: RowKind[] = [];

  constructor(private readonly width: number) {}

  /** Adds a row; returns its 1-based row number. */
  add(kind: RowKind, ...cells: SummaryCell[]): number {
    this.cells.push(Array.from({ length: this.width }, (_, i) => cells[i] ?? ''));
    this.kinds.push(kind);
    return this.cells.length;
  }
}
