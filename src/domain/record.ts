// One row of a tab as the core sees it: the cells by field key, normalised
// (SPEC §5) into what is written back and the text that rules read.
import { cellText, dateCell, isDateCell, type Cell } from './cell';
import { AGE_BANDS, type FieldDef } from './fields';
import { ageAt, normalizeKana, normalizeText, parseDate, joinList, splitList } from './normalize';
import type { Settings } from './settings';

export type RawRecord = Readonly<Record<string, Cell>>;
/** Normalised text of every field: ISO for readable dates, `、`-joined lists. */
export type RecordText = Readonly<Record<string, string>>;

export interface NormalizedRecord {
  readonly text: RecordText;
  /** The cells to write back, by field key. */
  readonly cells: Readonly<Record<string, Cell>>;
}

function normalizeTime(cell: Cell): Cell {
  if (isDateCell(cell)) {
    const time = /T(\d{2}):(\d{2})/.exec(cell.iso);
    return time ? `${time[1]}:${time[2]}` : cell;
  }
  if (typeof cell !== 'string') return cell;
  const text = normalizeText(cell).replace(/：/g, ':');
  return /^\d:\d{2}$/.test(text) ? `0${text}` : text;
}

/** The value a field's cell should hold after §5; non-text cells keep their type. */
export function normalizeCell(field: FieldDef, cell: Cell): Cell {
  switch (field.type) {
    case 'date': {
      const iso = parseDate(cell);
      if (iso) return dateCell(iso);
      return typeof cell === 'string' ? normalizeText(cell) : cell;
    }
    case 'datetime':
      return typeof cell === 'string' ? normalizeText(cell) : cell;
    case 'time':
      return normalizeTime(cell);
    case 'kana':
      return typeof cell === 'string' ? normalizeKana(cell) : cell;
    case 'list':
      return typeof cell === 'string' ? joinList(splitList(cell)) : cell;
    case 'integer': {
      if (typeof cell !== 'string') return cell;
      const text = normalizeText(cell);
      return /^\d{1,9}$/.test(text) ? Number(text) : text;
    }
    default:
      return typeof cell === 'string' ? normalizeText(cell) : cell;
  }
}

function textOf(field: FieldDef, cell: Cell): string {
  if (field.type === 'date' && isDateCell(cell)) return cell.iso.slice(0, 10);
  return cellText(cell);
}

export function ageBandOf(age: number): string {
  if (age < 10) return AGE_BANDS[0];
  if (age >= 90) return '90代以上';
  return `${Math.floor(age / 10) * 10}代`;
}

/** Fills what the spec derives: つなぎ元分野 from the agency, 年代 from 生年月日 at 受付日. */
function deriveCaseFields(cells: Record<string, Cell>, settings: Settings): void {
  const referrerField = cells.referrerField ?? '';
  if (cellText(referrerField).trim() === '') {
    const agency = settings.agencies.find((a) => a.name === cellText(cells.referrerAgency ?? ''));
    if (agency) cells.referrerField = agency.field;
  }
  const birth = parseDate(cells.birthDate ?? '');
  const received = parseDate(cells.receivedOn ?? '');
  if (birth && received && birth <= received) {
    const age = ageAt(birth, received);
    if (age <= 120) cells.ageBand = ageBandOf(age);
  }
}

/** The fields a case field is derived from (deriveCaseFields): normalising it needs them too. */
const DERIVED_FROM: Readonly<Record<string, readonly string[]>> = { ageBand: ['birthDate', 'receivedOn'], referrerField: ['referrerAgency'] };

/** The fields among `fields` that normalising only `keys` needs: the keys and what they derive from. */
export function fieldsFor(fields: readonly FieldDef[], keys: readonly string[]): FieldDef[] {
  const wanted = new Set(keys.flatMap((k) => [k, ...(DERIVED_FROM[k] ?? [])]));
  return fields.filter((f) => wanted.has(f.key));
}

export function normalizeRecord(
  fields: readonly FieldDef[],
  raw: RawRecord,
  settings: Settings,
  kind: 'case' | 'other' = 'other',
): NormalizedRecord {
  const cells: Record<string, Cell> = {};
  for (const field of fields) cells[field.key] = normalizeCell(field, raw[field.key] ?? '');
  if (kind === 'case') deriveCaseFields(cells, settings);
  const text: Record<string, string> = {};
  for (const field of fields) text[field.key] = textOf(field, cells[field.key] ?? '');
  return { text, cells };
}

/** Two cells hold the same value (dates by calendar day, other values by type and text). */
export function sameCell(a: Cell, b: Cell): boolean {
  if (isDateCell(a) || isDateCell(b)) return isDateCell(a) && isDateCell(b) && a.iso === b.iso;
  return typeof a === typeof b && a === b;
}
