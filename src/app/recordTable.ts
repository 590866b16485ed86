// A standard tab as the operations use it: read once, columns found by
// header, rows normalised into records on demand.
import { cellText, type Cell } from '../domain/cell';
import type { FieldDef } from '../domain/fields';
import { matchHeaders, rowRecord } from '../domain/headers';
import { fieldsFor, normalizeRecord, type RawRecord, type RecordText } from '../domain/record';
import type { Settings } from '../domain/settings';
import { isBlankRow } from '../domain/table';
import { readHeaderAndRows, readRowsInto, readTable, readTableColumns, rowsShowing, writeBlock, type KnownSize } from '../sheets/tables';

export interface RecordTable {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly header: readonly Cell[];
  readonly rows: readonly Cell[][];
  readonly columnOf: ReadonlyMap<string, number>;
  /** Rows and columns the tab surely has (from this read): a write inside them asks no grid size. */
  readonly size: KnownSize;
  /** The cells of a data row (index from 0) by field key, as the sheet holds them. */
  rawOf(index: number): RawRecord;
  /** The normalised record of a data row (index from 0). */
  textOf(index: number): RecordText;
  /** Only these fields of a data row, normalised: for operations that look at a few columns of every row. */
  partOf(index: number, keys: readonly string[]): RecordText;
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

/** Sheet rows `first`…`first + count − 1` and the header only. */
export interface RowSpan {
  readonly first: number;
  readonly count: number;
}

/**
 * What a write about one case (or a few) reads of a long tab: a few columns of
 * every row (the IDs, what a rule across rows compares) and, whole, only the
 * rows whose `key` column holds one of `values`. Other cells read as blank.
 */
export interface KeyedRows {
  readonly columns: readonly string[];
  readonly rowsWhere?: { readonly key: string; readonly values: readonly string[] };
}

/**
 * What a write about one case reads of a tab too long to read even a column of
 * (支援記録, five rows a case): the header, the last `tail` rows whole (where the
 * newest IDs are) and, whole, the rows Sheets finds showing one of `search.texts`
 * in the `search.key` column (rowsShowing: whole cells, case ignored), a superset
 * the caller narrows by their cells; `rows.length` is still the tab's number of
 * data rows.
 */
export interface SearchedRows {
  readonly tail: number;
  readonly search?: { readonly key: string; readonly texts: readonly string[] };
}

export type PartialRead = RowSpan | KeyedRows | SearchedRows;

function readKeyed(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, fields: readonly FieldDef[], read: KeyedRows) {
  const keys = [...read.columns, ...(read.rowsWhere ? [read.rowsWhere.key] : [])];
  const table = readTableColumns(sheet, timeZone, (header) => {
    const { columnOf } = matchHeaders(fields, header);
    return keys.flatMap((key) => (columnOf.has(key) ? [columnOf.get(key)!] : []));
  });
  const column = read.rowsWhere && matchHeaders(fields, table.header).columnOf.get(read.rowsWhere.key);
  if (read.rowsWhere && column !== undefined) {
    const wanted = new Set(read.rowsWhere.values.map((v) => v.trim()));
    readRowsInto(sheet, timeZone, table, table.rows.flatMap((row, i) => (wanted.has(cellText(row[column] ?? '').trim()) ? [i] : [])));
  }
  return table;
}

function readSearched(sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, fields: readonly FieldDef[], read: SearchedRows) {
  const { header, rows: tail, first, lastRow } = readHeaderAndRows(sheet, timeZone, 'last', read.tail);
  const table = placed({ header, rows: tail }, first);
  table.rows.length = Math.max(0, lastRow - 1);
  const column = read.search && matchHeaders(fields, header).columnOf.get(read.search.key);
  if (read.search && column !== undefined) {
    // Read again where the tail holds them too: the calls then depend on the matches, not on where they lie.
    const found = read.search.texts.flatMap((text) => rowsShowing(sheet, column, lastRow - 1, text));
    readRowsInto(sheet, timeZone, table, [...new Set(found)]);
  }
  return table;
}

/**
 * Reads a tab; refuses one that lacks a standard column, naming the columns.
 * With a RowSpan, reads the header and just those sheet rows: the others are
 * holes in `rows`, which `filled` and the lookups pass over. With KeyedRows,
 * the rows it names are whole and the others hold only its columns: rawOf and
 * textOf are then for those rows only. With SearchedRows, the rows found and
 * the tail are whole and the others are holes.
 */
export function readRecordTable(
  sheet: GoogleAppsScript.Spreadsheet.Sheet, timeZone: string, settings: Settings, spec: RecordTableSpec, only?: PartialRead,
): RecordTable {
  const table = !only ? readTable(sheet, timeZone)
    : 'first' in only ? placed(readHeaderAndRows(sheet, timeZone, only.first, only.count), only.first)
    : 'tail' in only ? readSearched(sheet, timeZone, spec.fields, only)
    : readKeyed(sheet, timeZone, spec.fields, only);
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
  const subsets = new Map<string, FieldDef[]>();
  // Rows by the trimmed text of a column, built on the first lookup of that
  // column: a meeting's cases or an outcome's rows are then found without a scan each.
  const lookups = new Map<string, Map<string, number[]>>();
  const rowsHolding = (key: string, value: string): readonly number[] => {
    let byValue = lookups.get(key);
    if (!byValue) {
      const column = columnOf.get(key)!;
      byValue = new Map();
      rows.forEach((row, index) => {
        const text = cellText(row[column] ?? '').trim();
        const list = byValue!.get(text);
        if (list) list.push(index);
        else byValue!.set(text, [index]);
      });
      lookups.set(key, byValue);
    }
    return byValue.get(value) ?? [];
  };
  return {
    sheet, header, rows, columnOf, rawOf,
    size: { rows: rows.length + 1, columns: header.length },
    textOf(index) {
      let text = cache.get(index);
      if (!text) {
        text = normalizeRecord(spec.fields, rawOf(index), settings, spec.kind).text;
        cache.set(index, text);
      }
      return text;
    },
    partOf(index, keys) {
      const id = keys.join('|');
      let fields = subsets.get(id);
      if (!fields) {
        fields = fieldsFor(spec.fields, keys);
        subsets.set(id, fields);
      }
      return normalizeRecord(fields, rowRecord(fields, columnOf, rows[index] ?? []), settings, spec.kind).text;
    },
    filled: rows.flatMap((row, index) => (isBlankRow(row) ? [] : [index])),
    indexOf: (key, value) => rowsHolding(key, value)[0] ?? -1,
    indexesOf: (key, value) => [...rowsHolding(key, value)],
  };
}

/** Rows read from sheet row `first` put at their data-row indexes (sheet row − 2), the rows before them left as holes. */
function placed(table: { header: readonly Cell[]; rows: Cell[][] }, first: number): { header: readonly Cell[]; rows: Cell[][] } {
  const rows: Cell[][] = [];
  table.rows.forEach((row, i) => { rows[first - 2 + i] = row; });
  return { header: table.header, rows };
}
