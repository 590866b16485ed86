// 標準化 (SPEC §7): turns any hand-made table into the standard 共通シート
// without losing a value. Standard columns come first in the standard order,
// every other column follows with its data; values are normalised (§5) and
// blank ケースID filled (a column of row counters under 番号 or No. is kept as
// an extra column, never taken as ケースID). Running it on its own output changes nothing.
import { cellText, isBlankCell, type Cell } from '../cell';
import { CASE_ID_FORMAT, IdAllocator } from '../caseId';
import { CASE_FIELDS } from '../fields';
import { matchHeaders, rowRecord, type HeaderMatch } from '../headers';
import { parseDate } from '../normalize';
import { normalizeRecord, sameCell } from '../record';
import type { Settings } from '../settings';
import { isBlankRow, sheetRow, type Table } from '../table';
import { keepLocalNumbers } from './idColumn';
import { columnLetter } from '../validate/problem';

export interface CellChange {
  readonly row: number;
  readonly caseId: string;
  readonly column: string;
  readonly before: string;
  readonly after: string;
}

export interface StandardizeResult {
  readonly header: string[];
  readonly rows: Cell[][];
  readonly renamedHeaders: { from: string; to: string }[];
  readonly addedColumns: string[];
  readonly extraColumns: string[];
  readonly normalizedCells: number;
  readonly assignedIds: number;
  /** Every cell whose value changed, for 変更履歴. */
  readonly changes: CellChange[];
  /** False when the table already was standard: nothing needs writing. */
  readonly changed: boolean;
  /** For each output column, the input column (from 0) its cells came from; null for an added column. */
  readonly sourceColumns: (number | null)[];
}

/**
 * The columns kept after the standard ones, data right of the last header cell
 * included. A blank header gets a name, and a name already used, or one that
 * would be read as a standard column (a second 氏名 next to 本人氏名), gets
 * the original column letter, so that every column can still be found by its
 * header and none is ever taken for the standard one.
 */
function extraColumnsOf(table: Table, extra: readonly number[]): { index: number; header: string }[] {
  const used = new Set(CASE_FIELDS.map((f) => f.header));
  const width = table.rows.reduce((most, row) => Math.max(most, row.length), table.header.length);
  const beyondHeader = Array.from({ length: width - table.header.length }, (_, i) => table.header.length + i);
  const readAsStandard = (name: string) => matchHeaders(CASE_FIELDS, [name]).columnOf.size > 0;
  return [...extra, ...beyondHeader]
    .map((index) => ({ index, header: cellText(table.header[index] ?? '').trim() }))
    // A column with neither a header nor any data holds nothing to keep.
    .filter(({ index, header }) => header !== '' || table.rows.some((row) => !isBlankCell(row[index] ?? '')))
    .map(({ index, header }) => {
      const base = header === '' ? `列${columnLetter(index)}` : header;
      let name = used.has(base) || readAsStandard(base) ? `${base}（元の${columnLetter(index)}列）` : base;
      for (let n = 2; used.has(name); n++) name = `${base}（元の${columnLetter(index)}列・${n}）`;
      used.add(name);
      return { index, header: name };
    });
}

/** With `match`, the columns as the plan decided them (the person's choices included); without, by header. */
export function standardizeCases(table: Table, settings: Settings, decided?: HeaderMatch): StandardizeResult {
  const match = decided ?? keepLocalNumbers(table, matchHeaders(CASE_FIELDS, table.header));
  const extras = extraColumnsOf(table, match.extra);
  const header = [...CASE_FIELDS.map((f) => f.header), ...extras.map((e) => e.header)];
  const changes: CellChange[] = [];
  let normalizedCells = 0;

  const rows: Cell[][] = table.rows.map((cells, index) => {
    const extraCells = extras.map((e) => cells[e.index] ?? '');
    if (isBlankRow(cells)) return [...CASE_FIELDS.map((): Cell => ''), ...extraCells];
    const raw = rowRecord(CASE_FIELDS, match.columnOf, cells);
    const { cells: normalized } = normalizeRecord(CASE_FIELDS, raw, settings, 'case');
    const out = CASE_FIELDS.map((field) => {
      const before = raw[field.key] ?? '';
      const after = normalized[field.key] ?? '';
      if (!sameCell(before, after)) {
        normalizedCells++;
        // The ケースID is filled in below, once blank IDs have been assigned.
        changes.push({ row: sheetRow(index), caseId: '', column: field.header, before: cellText(before), after: cellText(after) });
      }
      return after;
    });
    return [...out, ...extraCells];
  });

  const idColumn = CASE_FIELDS.findIndex((f) => f.key === 'caseId');
  const receivedColumn = CASE_FIELDS.findIndex((f) => f.key === 'receivedOn');
  const allocator = new IdAllocator(CASE_ID_FORMAT, rows.map((row) => cellText(row[idColumn] ?? '')));
  let assignedIds = 0;
  rows.forEach((row, index) => {
    if (isBlankRow(table.rows[index] ?? []) || !isBlankCell(row[idColumn] ?? '')) return;
    const receivedOn = parseDate(row[receivedColumn] ?? '');
    const id = receivedOn ? allocator.next(receivedOn) : null;
    if (!id) return;
    row[idColumn] = id;
    assignedIds++;
    changes.push({ row: sheetRow(index), caseId: id, column: 'ケースID', before: '', after: id });
  });

  const caseIdOfRow = (row: number) => cellText(rows[row - sheetRow(0)]?.[idColumn] ?? '');
  const logged = changes.map((c) => (c.caseId ? c : { ...c, caseId: caseIdOfRow(c.row) }));

  const addedColumns = CASE_FIELDS.filter((f) => !match.columnOf.has(f.key)).map((f) => f.header);
  const sameLayout = header.length === table.header.length && header.every((h, i) => h === cellText(table.header[i] ?? ''));
  return {
    header,
    rows,
    renamedHeaders: match.renamed.map(({ from, to }) => ({ from, to })),
    addedColumns,
    extraColumns: extras.map((e) => e.header),
    normalizedCells,
    assignedIds,
    changes: logged,
    changed: !sameLayout || normalizedCells > 0 || assignedIds > 0,
    sourceColumns: [...CASE_FIELDS.map((f) => match.columnOf.get(f.key) ?? null), ...extras.map((e) => e.index)],
  };
}
