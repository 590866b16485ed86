// The tally of Apps Script service calls, and the log of calls that change
// the document, each marked with whether the document lock was held.
import { LABEL, SERVICE, type Emulated } from './bridge';

/** Optional on an emulated object: how many cells a call of `method` reads and writes. */
export const CELLS = Symbol('cells');
export interface CellCount {
  readonly read: number;
  readonly written: number;
}

export interface WriteRecord {
  /** `Kind.method`, e.g. `Range.setValues`. */
  readonly call: string;
  /** What was written, e.g. `'共通シート'!A2:A5`; '' when the object has no label. */
  readonly target: string;
  readonly locked: boolean;
}

// Triggers count as writes: they are saved with the document (`_appsscript`).
const WRITING_KINDS = new Set(['Spreadsheet', 'Sheet', 'Range', 'Protection', 'Properties', 'ScriptApp', 'ClockTriggerBuilder']);
const WRITING_METHOD = /^(?:set(?!Active)|insert|delete|clear|copyTo$|protect$|hideSheet$|showSheet$|remove(?:Chart)?$|create$)/;

// A value a batch call handed back (each cell's RichTextValue) is a copy in the
// script in Apps Script: reading it goes to no service, so it is not counted.
const VALUE_KINDS = new Set(['RichTextValue']);

export class CallLog {
  total = 0;
  cellsRead = 0;
  cellsWritten = 0;
  serviceMs = 0;
  readonly byMethod = new Map<string, number>();
  readonly writes: WriteRecord[] = [];

  constructor(private readonly isLocked: () => boolean) {}

  /** Counts every call, failed ones too; logs a write only when it went through. */
  record(target: Emulated, method: string, completed: boolean, args: readonly unknown[], elapsedMs: number): void {
    if (VALUE_KINDS.has(target[SERVICE])) return;
    const call = `${target[SERVICE]}.${method}`;
    this.total++;
    this.serviceMs += elapsedMs;
    this.byMethod.set(call, (this.byMethod.get(call) ?? 0) + 1);
    const cells = completed ? (target as { [CELLS]?: (method: string, args: readonly unknown[]) => CellCount })[CELLS]?.(method, args) : undefined;
    if (cells) {
      this.cellsRead += cells.read;
      this.cellsWritten += cells.written;
    }
    if (completed && WRITING_KINDS.has(target[SERVICE]) && WRITING_METHOD.test(method)) {
      this.writes.push({ call, target: target[LABEL]?.() ?? '', locked: this.isLocked() });
    }
  }

  reset(): void {
    this.total = 0;
    this.cellsRead = 0;
    this.cellsWritten = 0;
    this.serviceMs = 0;
    this.byMethod.clear();
  }
}
