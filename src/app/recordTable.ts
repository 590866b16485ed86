// A standard tab as the operations use it: read once, columns found by
// header, rows normalised into records on demand.
import { cellText, type Cell } from '../domain/cell';
import type { FieldDef } from '../domain/fields';
import { matchHeaders, rowRecord } from '../domain/headers';
import { normalizeRecord, type RawRecord, type RecordText } from '../domain/record';
import type { Settings } from '../domain/settings';
import { isBlankRow } from '../domain/table';
import { readTable, writeBlock } from '../sheets/tables';

export interface RecordTable {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly header: readonly Cell[];
  readonly rows: readonly Cell[][];
  readonly columnOf: ReadonlyMap<string, number>;
  /** The cells of a data row (index from 0) by field key, as the sheet holds them. */
  rawOf(index: number): RawRecord;
  /** The normalised record of a data row (index from 0). */
  textOf(index: number): RecordText;
  /** Data row indexes that hold something. */
  readonly filled: readonly number[];
  /** The first data row whose `key` column holds `value` (trimmed), or -1. */
  indexOf(key: string, value: string): number;
  /** Every data row whose `key` column holds `value` (trimmed). */
  indexesOf(key: string, value: string): number[];
}

export interface RecordTableSpec {
  readonly fields: readonly FieldDef[];
  readonly kind: 'case' | 'other';
  /** What to tell the person when standard columns are missing, after naming them. */
  readonly missingColumnsHint: string;
  /**
   * Columns added since towns made their tabs (支援記録 対象): when missing, their
   * headers are written after the last column instead of refusing the tab.
   */
  readonly addable?: readonly string[];
}

/** Reads a tab; refuses one that lacks a standard column, naming the columns. */
export function readRecordTable(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, settings: Settings, spec: RecordTableSpec): RecordTable {
  const table = readTable(sheet, timeZone);
  const { rows } = table;
  const header: Cell[] = [...table.header];
  let { columnOf } = matchHeaders(spec.fields, header);
  const added = spec.fields.filter((f) => !columnOf.has(f.key) && spec.addable?.includes(f.key)).map((f) => f.header);
  if (added.length && spec.fields.every((f) => columnOf.has(f.key) || spec.addable?.includes(f.key))) {
    writeBlock(sheet, 1, header.length + 1, [added], timeZone);
    header.push(...added);
    ({ columnOf } = matchHeaders(spec.fields, header));
  }
  const missing = spec.fields.filter((f) => !columnOf.has(f.key)).map((f) => f.header);
  if (missing.length) throw new Error(`${sheet.getName()}に列「${missing.join('」「')}」がありません。${spec.missingColumnsHint}`);
  const cache = new Map<number, RecordText>();
  const rawOf = (index: number): RawRecord => rowRecord(spec.fields, columnOf, rows[index] ?? []);
  const holds = (key: string, value: string) => {
    const column = columnOf.get(key)!;
    return (row: readonly Cell[]): boolean => cellText(row[column] ?? '').trim() === value;
  };
  return {
    sheet, header, rows, columnOf, rawOf,
    textOf(index) {
      let text = cache.get(index);
      if (!text) {
        text = normalizeRecord(spec.fields, rawOf(index), settings, spec.kind).text;
        cache.set(index, text);
      }
      return text;
    },
    filled: rows.flatMap((row, index) => (isBlankRow(row) ? [] : [index])),
    indexOf: (key, value) => rows.findIndex(holds(key, value)),
    indexesOf: (key, value) => {
      const match = holds(key, value);
      return rows.flatMap((row, index) => (match(row) ? [index] : []));
    },
  };
}
