// Small-count suppression that cannot be undone (SPEC §9), for any table of
// counts and the linear relations a reader knows between them: counts
// 1 … k-1 are hidden (primary), and where the relations would let a reader
// work a hidden count out, further cells are hidden too (secondary).
// Whether a hidden count can be worked out is judged by a small solver, as a
// reader would go about it: Gaussian elimination over the relations finds
// every hidden cell the shown ones fix exactly, and integer bounds (a <k is
// 1 … k-1, any count is ≥ 0) narrowed through the relations and through what
// the elimination derives find the cells only the bounds pin down
// (1 + 1 + 1 + 1 = 4 with k = 3).

/** A cell of the table: [row, column], 0-based. */
export type CellRef = readonly [row: number, column: number];

/** A relation every reader knows: the cells of `left` add up to the cells of `right`. */
export interface CountEquation {
  readonly left: readonly CellRef[];
  readonly right: readonly CellRef[];
}

export interface CountTable {
  /** Whole non-negative counts; rows may differ in length. */
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

/** `total` is the sum of `parts`. */
export const sumEquation = (total: CellRef, parts: readonly CellRef[]): CountEquation => ({ left: [total], right: parts });

/** Equations of rows whose column `totalColumn` is the sum of the columns `parts`. */
export function rowSumEquations(rows: readonly number[], parts: readonly number[], totalColumn: number): CountEquation[] {
  return rows.map((r) => sumEquation([r, totalColumn], parts.map((c) => [r, c] as const)));
}

/** Equations of a row that is the sum of other rows, column by column. */
export function groupEquations(totalRow: number, partRows: readonly number[], columns: readonly number[]): CountEquation[] {
  return columns.map((c) => sumEquation([totalRow, c], partRows.map((r) => [r, c] as const)));
}

const key = ([r, c]: CellRef): string => `${r}:${c}`;
const EPSILON = 1e-9;

/** Σ coefficient × hidden cell = constant over the hidden cells by index, the shown cells moved into the constant. */
interface LinearRow {
  readonly coefficients: Float64Array;
  constant: number;
}

const valueIn = (table: CountTable, [r, c]: CellRef): number => table.values[r]?.[c] ?? 0;
const sumIn = (table: CountTable, cells: readonly CellRef[]): number => cells.reduce((s, cell) => s + valueIn(table, cell), 0);

/** The equations as rows over the hidden cells (`index` numbers them). */
function linearRows(table: CountTable, equations: readonly CountEquation[], index: ReadonlyMap<string, number>): LinearRow[] {
  const valueOf = (cell: CellRef): number => valueIn(table, cell);
  return equations.flatMap(({ left, right }) => {
    const coefficients = new Float64Array(index.size);
    let constant = 0;
    let hidden = false;
    for (const [cells, sign] of [[left, 1], [right, -1]] as const) {
      for (const cell of cells) {
        const i = index.get(key(cell));
        if (i === undefined) constant -= sign * valueOf(cell);
        else { coefficients[i]! += sign; hidden = true; }
      }
    }
    return hidden ? [{ coefficients, constant }] : [];
  });
}

/** The rows in reduced row echelon form (Gauss-Jordan): each pivot cell is left in its own row only. */
function reduced(rows: readonly LinearRow[], width: number): LinearRow[] {
  const work = rows.map((r) => ({ coefficients: Float64Array.from(r.coefficients), constant: r.constant }));
  let top = 0;
  for (let column = 0; column < width && top < work.length; column++) {
    // The largest coefficient as the pivot (partial pivoting), so rounding stays far below EPSILON.
    let pivot = -1;
    for (let i = top; i < work.length; i++) {
      const a = Math.abs(work[i]!.coefficients[column]!);
      if (a > EPSILON && (pivot < 0 || a > Math.abs(work[pivot]!.coefficients[column]!))) pivot = i;
    }
    if (pivot < 0) continue;
    [work[top], work[pivot]] = [work[pivot]!, work[top]!];
    const row = work[top]!;
    const p = row.coefficients[column]!;
    for (let j = 0; j < width; j++) row.coefficients[j]! /= p;
    row.constant /= p;
    for (const other of work) {
      const factor = other === row ? 0 : other.coefficients[column]!;
      if (Math.abs(factor) <= EPSILON) continue;
      for (let j = 0; j < width; j++) other.coefficients[j]! -= factor * row.coefficients[j]!;
      other.constant -= factor * row.constant;
    }
    top++;
  }
  return work.slice(0, top);
}

/** Narrows integer bounds of each cell of each row from the bounds of the others, until nothing changes. */
function narrowBounds(rows: readonly LinearRow[], lo: Float64Array, hi: Float64Array): void {
  const terms = rows.map((r) => [...r.coefficients.keys()].filter((j) => Math.abs(r.coefficients[j]!) > EPSILON));
  for (let round = 0, changed = true; changed && round < 100; round++) {
    changed = false;
    rows.forEach(({ coefficients, constant }, r) => {
      for (const k of terms[r]!) {
        // a·x = constant − Σ others: the others' least and greatest sums bound x.
        let least = 0;
        let greatest = 0;
        for (const j of terms[r]!) {
          if (j === k) continue;
          const b = coefficients[j]!;
          least += b > 0 ? b * lo[j]! : b * hi[j]!;
          greatest += b > 0 ? b * hi[j]! : b * lo[j]!;
        }
        const a = coefficients[k]!;
        const [xLo, xHi] = a > 0 ? [(constant - greatest) / a, (constant - least) / a] : [(constant - least) / a, (constant - greatest) / a];
        if (Number.isFinite(xLo) && Math.ceil(xLo - EPSILON) > lo[k]!) { lo[k] = Math.ceil(xLo - EPSILON); changed = true; }
        if (Number.isFinite(xHi) && Math.floor(xHi + EPSILON) < hi[k]!) { hi[k] = Math.floor(xHi + EPSILON); changed = true; }
      }
    });
  }
}

/**
 * The hidden cells a reader can work out from the shown cells and the
 * relations: fixed by the relations alone (whatever the values, so a relation
 * that holds only nearly in the data still counts), or pinned to one value by
 * the bounds. Shown cells are not listed.
 */
export function workedOutCells(table: CountTable, marks: readonly (readonly CountMark[])[], threshold: number): CellRef[] {
  const hidden: CellRef[] = [];
  marks.forEach((row, r) => row.forEach((m, c) => { if (m !== 'shown') hidden.push([r, c]); }));
  const index = new Map(hidden.map((cell, i) => [key(cell), i]));
  const rows = linearRows(table, table.equations, index);
  const echelon = reduced(rows, hidden.length);
  // Bounds only from the relations the data meets exactly: from one it meets only nearly, they would be wrong
  // (and may contradict each other), while what the relations fix whatever the values is found above all the same.
  const exactRows = linearRows(table, table.equations.filter((e) => sumIn(table, e.left) === sumIn(table, e.right)), index);
  const exactEchelon = reduced(exactRows, hidden.length);
  const fixed = new Set(echelon.flatMap((r) => {
    const terms = [...r.coefficients.keys()].filter((j) => Math.abs(r.coefficients[j]!) > EPSILON);
    return terms.length === 1 ? terms : [];
  }));
  const small = hidden.map(([r, c]) => marks[r]![c] === 'small');
  const lo = Float64Array.from(small, (s) => (s ? 1 : 0));
  const hi = Float64Array.from(small, (s) => (s ? threshold - 1 : Infinity));
  narrowBounds([...exactRows, ...exactEchelon], lo, hi);
  return hidden.filter((_, i) => fixed.has(i) || lo[i] === hi[i]);
}

/**
 * The marks for every cell: primary where 1 … k-1, then secondary until no
 * hidden cell can be worked out — a secondary cell too, or hiding it would
 * protect nothing (its value would follow from another relation). Each step
 * takes a cell worked out, a secondary one first, and hides among the shown
 * cells related to it the smallest count above 0 (hiding a 0 adds little
 * doubt); when none is left, a <k related to it is shown as the secondary mark.
 */
export function suppressCounts(table: CountTable, threshold: number): CountMark[][] {
  const known = new Set(table.knownRows ?? []);
  const marks: CountMark[][] = table.values.map((row, r) => row.map((v) => (!known.has(r) && isSmallCount(v, threshold) ? 'small' : 'shown')));
  if (threshold <= 2) return marks; // <2 can only be 1: nothing further to protect
  const markOf = (cell: CellRef): CountMark => marks[cell[0]]?.[cell[1]] ?? 'shown';
  const hideable = (cell: CellRef): boolean => !known.has(cell[0]) && markOf(cell) === 'shown';
  const valueOf = (cell: CellRef): number => table.values[cell[0]]?.[cell[1]] ?? 0;
  const cellsOf = (e: CountEquation): CellRef[] => [...e.left, ...e.right];
  const rank = (cell: CellRef): number => (valueOf(cell) > 0 ? valueOf(cell) : Number.MAX_SAFE_INTEGER);
  const equationsOf = new Map<string, CountEquation[]>();
  for (const e of table.equations) for (const cell of cellsOf(e)) equationsOf.set(key(cell), [...(equationsOf.get(key(cell)) ?? []), e]);
  for (;;) {
    const exposed = workedOutCells(table, marks, threshold);
    // A secondary cell worked out first: hiding around it may protect the <k cells too.
    const targets = exposed.some((cell) => markOf(cell) === 'secondary') ? exposed.filter((cell) => markOf(cell) === 'secondary') : exposed;
    let hid = false;
    // One cell hidden for each cell worked out whose relations this round has not touched yet, then the
    // solver again: fewer rounds than one at a time, and no more cells hidden than one at a time would.
    const touched = new Set<CountEquation>();
    for (const target of targets) {
      const equations = equationsOf.get(key(target)) ?? [];
      if (equations.some((e) => touched.has(e))) continue;
      const related = equations.flatMap(cellsOf);
      const around = related.filter(hideable);
      // With nothing left to hide around it, a <k would still tell (1+1 = <3 can only be 1 and 1): it shows the secondary mark instead.
      const small = related.filter((cell) => markOf(cell) === 'small');
      const pool = around.length ? around : small.length ? small : table.equations.flatMap(cellsOf).filter(hideable);
      if (pool.length === 0) continue;
      const choice = pool.reduce((best, cell) => (rank(cell) < rank(best) ? cell : best));
      marks[choice[0]]![choice[1]] = 'secondary';
      for (const e of [...equations, ...(equationsOf.get(key(choice)) ?? [])]) touched.add(e);
      hid = true;
    }
    if (!hid) return marks;
  }
}
