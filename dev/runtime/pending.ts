// Pending writes (SPEC §13): Sheets applies an execution's writes for others
// to see only at SpreadsheetApp.flush() or when the execution ends; releasing
// the document lock does not flush. Executions here are runtimes sharing one
// model and one document state (RuntimeOptions.lock). Node runs one at a time:
// a second execution starts inside a service call of the first (onServiceCall)
// and runs to its end before the first goes on. So when one starts, the model
// is turned back to what the running one last published, the second works on
// that, and when it ends (publishing its writes) the first one's own pending
// changes are laid over the result, cell by cell, as its later flush would.
import { isDeepStrictEqual } from 'node:util';
import type { Model, SheetModel } from './model';

/** A sheet's contents at one moment; the SheetModel object itself is kept, since Sheet objects of the script hold it. */
interface SheetCopy {
  readonly sheet: SheetModel;
  readonly data: SheetModel;
}

/** The model's sheets, in order, at one moment. */
type Snapshot = readonly SheetCopy[];

interface Execution {
  readonly id: symbol;
  /** What this execution last published (its start or its last flush): what any other execution sees. */
  published: Snapshot;
  /** Its own view (published + pending) while another execution runs. */
  paused?: Snapshot;
}

/** The executions running on one document, outermost first. */
export class PendingWrites {
  private readonly running: Execution[] = [];

  constructor(private readonly model: Model) {}

  /** An execution starts: it sees only what was published, never another's pending writes. */
  begin(id: symbol): void {
    const outer = this.running.at(-1);
    if (outer) {
      outer.paused = snapshot(this.model);
      restore(this.model, outer.published);
    }
    this.running.push({ id, published: snapshot(this.model) });
  }

  /** SpreadsheetApp.flush(): this execution's writes become what others see. */
  flush(id: symbol): void {
    const execution = this.running.find((e) => e.id === id);
    if (execution) execution.published = snapshot(this.model);
  }

  /** The execution ends, which publishes its writes; the one it interrupted gets its own pending changes back on top. */
  end(id: symbol): void {
    if (this.running.at(-1)?.id !== id) return;
    this.running.pop();
    const outer = this.running.at(-1);
    if (!outer?.paused) return;
    const own = outer.paused;
    const before = outer.published;
    outer.published = snapshot(this.model);
    outer.paused = undefined;
    overlay(this.model, before, own);
  }
}

/**
 * A deep copy made in this realm: structuredClone builds Node's own Dates,
 * which fail `instanceof Date` where the runtime runs inside another realm
 * (a jest test), and a date cell would then read as a formula.
 */
function deepCopy<T>(value: T): T {
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (Array.isArray(value)) return value.map(deepCopy) as T;
  if (value instanceof Map) return new Map([...value].map(([k, v]) => [k, deepCopy(v)])) as T;
  if (value instanceof Set) return new Set([...value].map(deepCopy)) as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, deepCopy(v)])) as T;
  }
  return value;
}

const copyOf = (sheet: SheetModel): SheetModel => deepCopy(sheet);

function snapshot(model: Model): Snapshot {
  return model.sheets.map((sheet) => ({ sheet, data: copyOf(sheet) }));
}

function restore(model: Model, to: Snapshot): void {
  for (const { sheet, data } of to) Object.assign(sheet, copyOf(data));
  model.sheets.splice(0, model.sheets.length, ...to.map((s) => s.sheet));
}

/** Applies to the model what changed between `before` and `after` (one execution's pending writes): cells one by one, other sheet properties whole. */
function overlay(model: Model, before: Snapshot, after: Snapshot): void {
  const was = new Map(before.map((s) => [s.sheet, s.data]));
  const now = new Set(after.map((s) => s.sheet));
  for (const { sheet } of before) {
    const at = model.sheets.indexOf(sheet);
    if (!now.has(sheet) && at >= 0) model.sheets.splice(at, 1);
  }
  after.forEach(({ sheet, data }, index) => {
    const old = was.get(sheet);
    if (!old) {
      Object.assign(sheet, copyOf(data));
      model.sheets.splice(Math.min(index, model.sheets.length), 0, sheet);
      return;
    }
    if (!model.sheets.includes(sheet)) return; // deleted by the other execution: its writes have nowhere to go
    for (const key of Object.keys(data) as (keyof SheetModel)[]) {
      if (key === 'cells' || isDeepStrictEqual(data[key], old[key])) continue;
      Object.assign(sheet, { [key]: deepCopy(data[key]) });
    }
    const rows = Math.max(data.cells.length, old.cells.length);
    for (let r = 0; r < rows; r++) {
      const columns = Math.max(data.cells[r]?.length ?? 0, old.cells[r]?.length ?? 0);
      for (let c = 0; c < columns; c++) {
        const cell = data.cells[r]?.[c];
        if (isDeepStrictEqual(cell, old.cells[r]?.[c])) continue;
        const line = (sheet.cells[r] ??= []);
        line[c] = cell === undefined ? undefined : deepCopy(cell);
      }
    }
  });
}
