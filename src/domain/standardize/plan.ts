// 標準化's plan (SPEC §7): from a hand-made tab as read, which row is the
// header, which column becomes which standard column (or is kept as it is),
// which rows are cases and which are left out, and every value as it will be
// written, with the meaning it had: a number becomes a date only where the tab
// showed it as that date, a value shown through a number format (0012) is
// kept as shown, a formula's result is kept as a value, a vertically merged
// cell gives its value to every row it spans. The person's choices (sidebar,
// CLI --map) override a column's mapping.
import { cellText, dateCell, isBlankCell, isDateCell, type Cell } from '../cell';
import { CASE_FIELDS, type FieldDef } from '../fields';
import { HEADER_QUESTIONS, headerKey, matchHeaders, type HeaderMatch } from '../headers';
import { normalizeText, parseDate } from '../normalize';
import { ageBandOf } from '../record';
import type { Settings } from '../settings';
import { columnIndexOf, columnLetter } from '../validate/problem';
import { keepLocalNumbers } from './idColumn';
import { findTableLayout, mergeAt, type LeftOutRow, type SourceGrid, type TableLayout } from './layout';
import { standardizeCases, type StandardizeResult } from './standardize';

/** What the person may answer for a column: a standard header, or 'keep' (「そのまま残す」). */
export const KEEP = 'keep';
const KEEP_WORDS = new Set([KEEP, 'そのまま残す', 'そのまま']);

export interface ColumnChoiceInput {
  readonly column: string;
  readonly to: string;
}

export interface ColumnMapping {
  readonly index: number;
  /** The header as the person reads it. */
  readonly source: string;
  /** The column letter. */
  readonly column: string;
  /** A standard header, or 'keep'. */
  readonly to: string;
  readonly question: string | null;
}

/** How a value was carried over other than by §5 normalisation, for 変更履歴 and the report. */
export interface CarriedValue {
  /** 0-based row of the tab as read. */
  readonly sourceRow: number;
  readonly sourceColumn: number;
  readonly kind: 'merge' | 'shown' | 'serial' | 'formula' | 'keptAsWritten' | 'age';
  readonly before: string;
  readonly after: string;
}

export interface StandardizeOutcome extends StandardizeResult {
  readonly layout: TableLayout;
  readonly mapping: readonly ColumnMapping[];
  /** For each output data row, the 0-based row of the tab it came from. */
  readonly sourceRows: readonly number[];
  readonly carried: readonly CarriedValue[];
  readonly leftOutRows: readonly LeftOutRow[];
  /** Values written differently from how the tab held them. */
  readonly rewrites: number;
}

const FIELD_BY_HEADER = new Map(CASE_FIELDS.map((f) => [headerKey(f.header), f]));
const AGE_HEADERS = new Set(['年齢', '年令', '年齢（歳）', '歳'].map(headerKey));
const PLAIN_AGE = /^(\d{1,3})\s*(?:歳|才)?$/;

function plainAge(cell: Cell): number | null {
  if (typeof cell === 'number') return Number.isInteger(cell) && cell >= 0 && cell <= 120 ? cell : null;
  if (typeof cell !== 'string') return null;
  const m = PLAIN_AGE.exec(normalizeText(cell).trim());
  return m && Number(m[1]) <= 120 ? Number(m[1]) : null;
}

/** Sheets' day 0 is 1899-12-30; a serial is a date only between 1900 and 2100. */
const LAST_SERIAL_2100 = 73_415;

function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial > LAST_SERIAL_2100) return null;
  const iso = new Date(Date.UTC(1899, 11, 30) + Math.floor(serial) * 86_400_000).toISOString().slice(0, 10);
  const year = Number(iso.slice(0, 4));
  return year >= 1900 && year <= 2100 ? iso : null;
}

function choiceField(to: string): FieldDef | 'keep' {
  const text = to.trim();
  if (KEEP_WORDS.has(text)) return KEEP;
  const field = FIELD_BY_HEADER.get(headerKey(text));
  if (!field) throw new Error(`「${text}」は共通シートの列ではありません。共通シートの見出し（受付日、本人氏名 など）か「そのまま残す」を指定してください。`);
  return field;
}

function planColumns(grid: SourceGrid, layout: TableLayout, choices: readonly ColumnChoiceInput[]): { mapping: ColumnMapping[]; ages: Set<number> } {
  const caseValues = (c: number) => layout.caseRows.map((r) => grid.values[r]?.[c] ?? '');
  const width = layout.sourceNames.length;
  const present = Array.from({ length: width }, (_, c) => c)
    .filter((c) => layout.sourceNames[c] !== '' || caseValues(c).some((v) => !isBlankCell(v)));
  const table = { header: layout.headerText, rows: layout.caseRows.map((r) => grid.values[r] ?? []) };
  const match: HeaderMatch = keepLocalNumbers(table, matchHeaders(CASE_FIELDS, layout.headerText));
  const fieldOf = new Map<number, FieldDef>();
  for (const [key, index] of match.columnOf) fieldOf.set(index, CASE_FIELDS.find((f) => f.key === key)!);
  const questions = new Map<number, string>();
  const ages = new Set<number>();
  const claimed = (field: FieldDef) => [...fieldOf.values()].includes(field);
  const ageBand = CASE_FIELDS.find((f) => f.key === 'ageBand')!;
  for (const c of present) {
    const key = headerKey(layout.headerText[c] ?? '');
    if (fieldOf.has(c)) continue;
    if (AGE_HEADERS.has(key)) {
      const values = caseValues(c).filter((v) => !isBlankCell(v));
      if (!claimed(ageBand) && values.every((v) => plainAge(v) !== null)) {
        fieldOf.set(c, ageBand);
        ages.add(c);
      } else questions.set(c, HEADER_QUESTIONS['年齢']!);
    }
    const question = Object.entries(HEADER_QUESTIONS).find(([header]) => headerKey(header) === key && header !== '年齢');
    if (question) questions.set(c, question[1]);
  }
  const chosen = new Set<number>();
  for (const choice of choices) {
    const c = columnIndexOf(choice.column);
    if (!present.includes(c)) throw new Error(`${choice.column}列は表の中にありません。計画に出ている列の記号を指定してください。`);
    if (chosen.has(c)) throw new Error(`${choice.column}列の指定が2回あります。1列に1つだけ指定してください。`);
    chosen.add(c);
    const field = choiceField(choice.to);
    fieldOf.delete(c);
    ages.delete(c);
    questions.delete(c);
    if (field === KEEP) continue;
    const holder = [...fieldOf].find(([, f]) => f === field)?.[0];
    if (holder !== undefined) {
      if (chosen.has(holder)) throw new Error(`「${field.header}」に${columnLetter(holder)}列と${choice.column}列の2つが指定されています。どちらか1つにしてください。`);
      fieldOf.delete(holder);
    }
    fieldOf.set(c, field);
    if (field === ageBand && caseValues(c).every((v) => isBlankCell(v) || plainAge(v) !== null)) ages.add(c);
  }
  const mapping = present.map((c): ColumnMapping => ({
    index: c,
    source: layout.sourceNames[c] || `（見出しなし）`,
    column: columnLetter(c),
    to: fieldOf.get(c)?.header ?? KEEP,
    question: questions.get(c) ?? null,
  }));
  return { mapping, ages };
}

const shownAt = (grid: SourceGrid, row: number, column: number): string =>
  grid.shown[row]?.[column] ?? cellText(grid.values[row]?.[column] ?? '');

/** One cell as it will be handed to §5 normalisation, and how it was carried. */
function carryCell(grid: SourceGrid, row: number, column: number, field: FieldDef | undefined, isAge: boolean, carried: CarriedValue[]): Cell {
  let from = row;
  let cell = grid.values[row]?.[column] ?? '';
  const note = (kind: CarriedValue['kind'], before: string, after: string) =>
    carried.push({ sourceRow: row, sourceColumn: column, kind, before, after });
  if (isBlankCell(cell)) {
    const merge = mergeAt(grid.merges, row, column);
    if (merge && merge.row !== row && merge.column === column) {
      from = merge.row;
      cell = grid.values[from]?.[column] ?? '';
      if (!isBlankCell(cell)) note('merge', '', cellText(cell));
    }
  }
  const formula = grid.formulas[from]?.[column] ?? '';
  const shown = shownAt(grid, from, column);
  if (typeof cell === 'number') {
    if (isAge) {
      cell = ageBandOf(cell);
      note('age', String(grid.values[from]?.[column]), cell);
    } else if (field?.type === 'date') {
      const iso = serialToIso(cell);
      if (iso && parseDate(shown) === iso) {
        note('serial', shown, iso);
        cell = dateCell(iso);
      } else if (parseDate(cell) === null) {
        // Never 1899-12-31: a number that was not shown as a date stays as written.
        note('keptAsWritten', shown, shown);
        cell = shown || String(cell);
      }
    } else if (shown !== '' && shown !== String(cell)) {
      note('shown', String(cell), shown);
      cell = shown;
    }
  } else if (isAge && !isDateCell(cell)) {
    const age = plainAge(cell);
    if (age !== null) {
      note('age', cellText(cell), ageBandOf(age));
      cell = ageBandOf(age);
    }
  }
  if (formula !== '' && !isBlankCell(cell)) note('formula', formula, cellText(cell));
  return cell;
}

/** The plan and the standard table a hand-made tab becomes. */
export function planStandardize(grid: SourceGrid, settings: Settings, choices: readonly ColumnChoiceInput[] = []): StandardizeOutcome {
  const layout = findTableLayout(grid);
  const { mapping, ages } = planColumns(grid, layout, choices);
  const width = layout.sourceNames.length;
  const fieldAt = new Map(mapping.filter((m) => m.to !== KEEP).map((m) => [m.index, FIELD_BY_HEADER.get(headerKey(m.to))!]));
  const carried: CarriedValue[] = [];
  const rows = layout.caseRows.map((r) =>
    Array.from({ length: width }, (_, c) => carryCell(grid, r, c, fieldAt.get(c), ages.has(c), carried)));
  const header = layout.sourceNames;
  const match: HeaderMatch = {
    columnOf: new Map([...fieldAt].map(([index, field]) => [field.key, index])),
    renamed: [...fieldAt].filter(([index, field]) => header[index] !== field.header)
      .map(([index, field]) => ({ from: header[index] ?? '', to: field.header, index })).sort((a, b) => a.index - b.index),
    extra: Array.from({ length: width }, (_, c) => c).filter((c) => !fieldAt.has(c)),
  };
  const result = standardizeCases({ header, rows }, settings, match);
  const sameAsRead = layout.headerIndex === 0 && layout.leftOutRows.length === 0 && carried.length === 0;
  return {
    ...result,
    changed: result.changed || !sameAsRead,
    layout,
    mapping,
    sourceRows: layout.caseRows,
    carried,
    leftOutRows: layout.leftOutRows,
    rewrites: result.normalizedCells + result.assignedIds + carried.filter((c) => c.kind !== 'keptAsWritten').length,
  };
}
