// Small-count suppression that cannot be undone (SPEC §9), for any table of
// counts: counts 1 … k-1 are hidden (primary), and where the cells that add
// up (a row and its total, a group of rows and the row they make) would let a
// reader work a hidden count out, further cells are hidden too (secondary).
// Whether a hidden count can be worked out is judged as a reader would: from
// every shown cell and every sum, bounds on each hidden cell are narrowed
// until nothing changes; a primary cell whose bounds meet is exposed.

/** A cell of the table: [row, column], 0-based. */
export type CellRef = readonly [row: number, column: number];

/** The cells `parts` add up to the cell `total`. */
export interface CountEquation {
  readonly total: CellRef;
  readonly parts: readonly CellRef[];
}

export interface CountTable {
  /** Whole non-negative counts. */
  readonly values: readonly (readonly number[])[];
  readonly equations: readonly CountEquation[];
  /** Rows a reader knows anyway and that are never hidden (e.g. a remainder the table does not show). */
  readonly knownRows?: readonly number[];
}

/** shown: the number; small: 1 … k-1, shown as <k; secondary: hidden so that no small count can be worked out. */
export type CountMark = 'shown' | 'small' | 'secondary';

/** What a secondarily hidden cell shows: not <k, since it may be 0 or any number. */
export const SECONDARY_MARK = '*';

export function isSmallCount(value: number, threshold: number): boolean {
  return threshold > 1 && value >= 1 && value < threshold;
}

/** A count as a reader sees it: the number, <k, or the secondary mark. */
export function shownMarkedCount(value: number, mark: CountMark, threshold: number): string | number {
  if (mark === 'small') return `<${threshold}`;
  return mark === 'secondary' ? SECONDARY_MARK : value;
}

interface Bounds {
  lo: number;
  hi: number;
}

const key = ([r, c]: CellRef): string => `${r}:${c}`;

/** Bounds a reader can derive for every cell; shown cells are exact. */
export function readerBounds(table: CountTable, marks: readonly (readonly CountMark[])[], threshold: number): Map<string, Bounds> {
  const bounds = new Map<string, Bounds>();
  const boundsOf = (cell: CellRef): Bounds => {
    const k = key(cell);
    let b = bounds.get(k);
    if (!b) {
      const mark = marks[cell[0]]?.[cell[1]] ?? 'shown';
      const value = table.values[cell[0]]?.[cell[1]] ?? 0;
      b = mark === 'shown' ? { lo: value, hi: value } : mark === 'small' ? { lo: 1, hi: threshold - 1 } : { lo: 0, hi: Infinity };
      bounds.set(k, b);
    }
    return b;
  };
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    for (const { total, parts } of table.equations) {
      const t = boundsOf(total);
      const ps = parts.map(boundsOf);
      const narrow = (b: Bounds, lo: number, hi: number): void => {
        if (lo > b.lo) { b.lo = lo; changed = true; }
        if (hi < b.hi) { b.hi = hi; changed = true; }
      };
      narrow(t, ps.reduce((s, b) => s + b.lo, 0), ps.reduce((s, b) => s + b.hi, 0));
      ps.forEach((p, i) => {
        // Summed without p itself, so an unbounded p does not meet Infinity - Infinity.
        const others = ps.filter((_, j) => j !== i);
        narrow(p, t.lo - others.reduce((s, b) => s + b.hi, 0), t.hi - others.reduce((s, b) => s + b.lo, 0));
      });
    }
  }
  return bounds;
}

/**
 * The marks for every cell: primary where 1 … k-1, then secondary until no
 * hidden cell can be worked out — a secondary cell too, or hiding it would
 * protect nothing (its value would follow from another sum). Each step takes
 * an exposed cell, a secondary one first, and hides among the shown cells
 * summed with it the smallest count above 0 (hiding a 0 adds little doubt);
 * when none is left, a <k summed with it is shown as the secondary mark.
 */
export function suppressCounts(table: CountTable, threshold: number): CountMark[][] {
  const marks: CountMark[][] = table.values.map((row) => row.map((v) => (isSmallCount(v, threshold) ? 'small' : 'shown')));
  if (threshold <= 2) return marks; // <2 can only be 1: nothing further to protect
  const known = new Set(table.knownRows ?? []);
  const markOf = (cell: CellRef): CountMark => marks[cell[0]]![cell[1]]!;
  const hideable = (cell: CellRef): boolean => !known.has(cell[0]) && markOf(cell) === 'shown';
  const valueOf = (cell: CellRef): number => table.values[cell[0]]![cell[1]]!;
  const cellsOf = (e: CountEquation): CellRef[] => [e.total, ...e.parts];
  const rank = (cell: CellRef): number => (valueOf(cell) > 0 ? valueOf(cell) : Number.MAX_SAFE_INTEGER);
  for (;;) {
    const bounds = readerBounds(table, marks, threshold);
    const exposed = [...bounds.entries()]
      .map(([k, b]) => ({ cell: k.split(':').map(Number) as unknown as CellRef, b }))
      .filter(({ cell, b }) => markOf(cell) !== 'shown' && b.lo === b.hi)
      .sort((x, y) => Number(markOf(x.cell) === 'small') - Number(markOf(y.cell) === 'small'));
    if (exposed.length === 0) return marks;
    const target = key(exposed[0]!.cell);
    const sums = table.equations.filter((e) => cellsOf(e).some((cell) => key(cell) === target)).flatMap(cellsOf);
    const around = sums.filter(hideable);
    // With nothing left to hide around it, a <k would still tell (1+1 = <3 can only be 1 and 1): it shows the secondary mark instead.
    const small = sums.filter((cell) => markOf(cell) === 'small');
    const pool = around.length ? around : small.length ? small : table.equations.flatMap(cellsOf).filter(hideable);
    if (pool.length === 0) return marks;
    const choice = pool.reduce((best, cell) => (rank(cell) < rank(best) ? cell : best));
    marks[choice[0]]![choice[1]] = 'secondary';
  }
}

/** Equations of rows whose last listed column is the sum of the others. */
export function rowSumEquations(rows: readonly number[], parts: readonly number[], totalColumn: number): CountEquation[] {
  return rows.map((r) => ({ total: [r, totalColumn] as const, parts: parts.map((c) => [r, c] as const) }));
}

/** Equations of a row that is the sum of other rows, column by column. */
export function groupEquations(totalRow: number, partRows: readonly number[], columns: readonly number[]): CountEquation[] {
  return columns.map((c) => ({ total: [totalRow, c] as const, parts: partRows.map((r) => [r, c] as const) }));
}
