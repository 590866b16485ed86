// Validation of a whole workbook (SPEC §6): every row of 共通シート, 支援記録
// and 会議記録, plus the rules that compare rows. Reads only; changes nothing.
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, TAB, type FieldDef } from '../fields';
import { matchHeaders, rowRecord } from '../headers';
import { splitList } from '../normalize';
import { fieldsFor, normalizeRecord, type RawRecord, type RecordText } from '../record';
import type { Settings } from '../settings';
import { isBlankRow, sheetRow, type Table } from '../table';
import { validatePlanTabs } from '../plan/validate';
import { namesAnyone, personOf } from '../agenda/masking';
import { checkActivity, checkSubjectAgainstCases } from './activityRules';
import { checkCase } from './caseRules';
import { checkFields, dateOf } from './fieldRules';
import { checkSettingsTable } from './settingsRules';
import { columnIndexOf, finding, OTHER_ROWS_NAMED, placeFinding, say, type Finding, type OtherCase, type Problem } from './problem';

export interface WorkbookInput {
  readonly cases: Table;
  readonly activities: Table | null;
  readonly meetings: Table | null;
  readonly plans?: Table | null;
  readonly tasks?: Table | null;
  readonly settings: Settings;
  /** The 設定 tab as read, for the rules on 設定 itself; none without the tab. */
  readonly settingsTable?: Table | null;
  readonly today: string;
}

export interface ValidationResult {
  readonly problems: Problem[];
  readonly counts: { error: number; warning: number };
}

interface CheckedRow {
  readonly row: number;
  readonly text: RecordText;
}

/** A row of 共通シート by the columns the rules across rows compare; `index` is its data row (from 0). */
export interface CaseKeyRow extends CheckedRow {
  readonly index: number;
}

/**
 * Runs `check` on every non-blank row of a tab (or on the data rows
 * `indexes` alone, a re-check of saved rows) and places its findings.
 * A standard column missing from the tab is reported once on the header row,
 * not once per row: a required one always, any other one (訪問人数 for
 * アウトリーチ, 終結日 for a closed case …) as soon as a row needs it.
 */
function checkTab(
  sheet: string, fields: readonly FieldDef[], table: Table, settings: Settings,
  kind: 'case' | 'other', check: (text: RecordText) => Finding[], indexes?: readonly number[],
): { problems: Problem[]; rows: CheckedRow[] } {
  const { columnOf } = matchHeaders(fields, table.header);
  const problems: Problem[] = [];
  const missing = fields.filter((f) => !f.system && !columnOf.has(f.key));
  for (const field of missing.filter((f) => f.required)) {
    problems.push(placeFinding(finding(field.key, 'required', say.requiredColumn(field.header)), sheet, 1, field.header, -1));
  }
  const missingKeys = new Set(missing.map((f) => f.key));
  const headerOf = new Map(fields.map((f) => [f.key, f.header]));
  const reportedMissing = new Set(missing.filter((f) => f.required).map((f) => `${f.key}|required`));
  const rows: CheckedRow[] = [];
  const visit = (cells: Table['rows'][number], index: number): void => {
    if (isBlankRow(cells)) return;
    const row = sheetRow(index);
    const { text } = normalizeRecord(fields, rowRecord(fields, columnOf, cells), settings, kind);
    rows.push({ row, text });
    for (const f of check(text)) {
      if (missingKeys.has(f.field)) {
        const key = `${f.field}|${f.code}`;
        if (reportedMissing.has(key)) continue;
        reportedMissing.add(key);
        const header = headerOf.get(f.field) ?? f.field;
        problems.push(placeFinding({ ...f, message: say.requiredColumn(header) }, sheet, 1, header, -1));
        continue;
      }
      problems.push(placeFinding(f, sheet, row, headerOf.get(f.field) ?? f.field, columnOf.get(f.field) ?? -1, text.caseId ?? ''));
    }
  };
  if (indexes) for (const index of indexes) visit(table.rows[index] ?? [], index);
  else table.rows.forEach(visit);
  return { problems, rows };
}

function placeOn(sheet: string, fields: readonly FieldDef[], table: Table) {
  const { columnOf } = matchHeaders(fields, table.header);
  const header = (key: string) => fields.find((f) => f.key === key)?.header ?? key;
  return (f: Finding, row: CheckedRow) => placeFinding(f, sheet, row.row, header(f.field), columnOf.get(f.field) ?? -1, row.text.caseId ?? '');
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string | null): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    if (key === null) continue;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/** Who a case is about, for possible_duplicate: normalised カナ and 生年月日, or null when either is missing. */
export function personKey(text: RecordText): string | null {
  const kana = (text.personKana ?? '').replace(/[\s\u3000]/g, '');
  const birth = dateOf(text, 'birthDate');
  return kana && birth ? `${kana}|${birth}` : null;
}

/** duplicate_case_id and possible_duplicate, which compare rows with each other: one problem per row, naming a few of the others. */
function checkCaseRowsTogether(rows: readonly CheckedRow[], place: (f: Finding, row: CheckedRow) => Problem): Problem[] {
  const problems: Problem[] = [];
  for (const [id, same] of groupBy(rows, (r) => r.text.caseId || null)) {
    if (same.length < 2) continue;
    for (const r of same) {
      const others = same.filter((o) => o !== r);
      const named = [r, ...others.slice(0, OTHER_ROWS_NAMED)].map((o) => o.row).sort((a, b) => a - b);
      problems.push(place(finding('caseId', 'duplicate_case_id', say.duplicateCaseId(id, named, others.length - OTHER_ROWS_NAMED)), r));
    }
  }
  for (const same of groupBy(rows, (r) => personKey(r.text)).values()) {
    if (same.length < 2) continue;
    const candidates = same.map((o) => ({ caseId: o.text.caseId ?? '', row: o.row }));
    const withId = new Map<string, number>();
    for (const c of candidates) if (c.caseId) withId.set(c.caseId, (withId.get(c.caseId) ?? 0) + 1);
    for (const [i, r] of same.entries()) {
      const self = candidates[i]!;
      const message = possibleDuplicateOf(self, candidates, same.length - (self.caseId ? withId.get(self.caseId)! : 1));
      if (message) problems.push(place(finding('personKana', 'possible_duplicate', message), r));
    }
  }
  return problems;
}

/**
 * The possible_duplicate message for `self` among `candidates` sharing its
 * カナ and 生年月日, of which `others` are neither itself nor under its own
 * ケースID (those are duplicate_case_id's); null when there are none.
 * Stops after the few cases it names, so a crowd of placeholders stays linear.
 */
export function possibleDuplicateOf(self: OtherCase, candidates: readonly OtherCase[], others: number): string | null {
  if (others <= 0) return null;
  const named: OtherCase[] = [];
  for (const c of candidates) {
    if (named.length === OTHER_ROWS_NAMED) break;
    if (c.row !== self.row && !(self.caseId && c.caseId === self.caseId)) named.push(c);
  }
  return say.possibleDuplicate(named, others - named.length);
}

function checkActivityInBook(text: RecordText, settings: Settings, today: string, caseIds: ReadonlySet<string>, namesCase: (subject: string) => boolean): Finding[] {
  const findings = checkActivity(text, settings, today);
  if (text.caseId && !caseIds.has(text.caseId)) findings.push(finding('caseId', 'unknown_case', say.unknownCase(text.caseId)));
  return [...findings, ...checkSubjectAgainstCases(text, namesCase)];
}

function checkMeeting(text: RecordText, settings: Settings, caseIds: ReadonlySet<string>): Finding[] {
  const findings = checkFields(MEETING_FIELDS, text, settings);
  for (const id of splitList(text.caseIds ?? '')) {
    if (!caseIds.has(id)) findings.push(finding('caseIds', 'unknown_case', say.unknownCase(id)));
  }
  return findings;
}

const SHEET_ORDER: readonly string[] = [TAB.cases, TAB.activities, TAB.meetings, TAB.plans, TAB.tasks, TAB.settings];

export function validateWorkbook(input: WorkbookInput): ValidationResult {
  const { settings, today } = input;
  const cases = checkTab(TAB.cases, CASE_FIELDS, input.cases, settings, 'case', (t) => checkCase(t, settings, today));
  const problems = [...cases.problems, ...checkCaseRowsTogether(cases.rows, placeOn(TAB.cases, CASE_FIELDS, input.cases))];
  const caseIds = new Set(cases.rows.map((r) => r.text.caseId ?? '').filter(Boolean));
  if (input.activities) {
    const namesCase = namesAnyone(cases.rows.map((r) => personOf(r.text)));
    problems.push(...checkTab(TAB.activities, ACTIVITY_FIELDS, input.activities, settings, 'other',
      (t) => checkActivityInBook(t, settings, today, caseIds, namesCase)).problems);
  }
  if (input.meetings) {
    problems.push(...checkTab(TAB.meetings, MEETING_FIELDS, input.meetings, settings, 'other',
      (t) => checkMeeting(t, settings, caseIds)).problems);
  }
  problems.push(...validatePlanTabs(
    { cases: input.cases, caseRows: cases.rows, plans: input.plans ?? null, tasks: input.tasks ?? null, settings, today },
    { checkTab: (sheet, fields, table, check) => checkTab(sheet, fields, table, settings, 'other', check), placeOn },
  ));
  problems.push(...checkSettingsTable(input.settingsTable ?? null));
  return resultOf(problems);
}

function resultOf(problems: Problem[]): ValidationResult {
  problems.sort((a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row
    || columnIndexOf(a.columnLetter) - columnIndexOf(b.columnLetter));
  const error = problems.filter((p) => p.severity === 'error').length;
  return { problems, counts: { error, warning: problems.length - error } };
}

/** The columns of 共通シート that duplicate_case_id and possible_duplicate compare. */
export const CASE_KEY_COLUMNS: readonly string[] = ['caseId', 'personKana', 'birthDate'];

const CASE_KEY_FIELDS = fieldsFor(CASE_FIELDS, CASE_KEY_COLUMNS);

/** A case's CASE_KEY_COLUMNS as the rules compare them. */
export const caseKeyText = (raw: RawRecord, settings: Settings): RecordText => normalizeRecord(CASE_KEY_FIELDS, raw, settings, 'case').text;

/** Every non-blank row of 共通シート by CASE_KEY_COLUMNS alone (the other columns may be unread). */
export function caseKeyRows(cases: Table, settings: Settings): CaseKeyRow[] {
  const { columnOf } = matchHeaders(CASE_KEY_FIELDS, cases.header);
  const rows: CaseKeyRow[] = [];
  cases.rows.forEach((cells, index) => {
    if (isBlankRow(cells)) return;
    rows.push({ index, row: sheetRow(index), text: caseKeyText(rowRecord(CASE_KEY_FIELDS, columnOf, cells), settings) });
  });
  return rows;
}

/**
 * The data rows the rules across rows tie to the rows `saved`: the same
 * ケースID, or the same カナ and 生年月日 (`saved` included); with `formerly`
 * (the カナ and 生年月日 they had before an edit), the rows that shared those too.
 */
export function rowsTiedTo(keys: readonly CaseKeyRow[], saved: readonly number[], formerly?: RecordText): number[] {
  const mine = keys.filter((k) => saved.includes(k.index));
  const ids = new Set(mine.flatMap((k) => k.text.caseId || []));
  const people = new Set([...mine.map((k) => k.text), ...(formerly ? [formerly] : [])].flatMap((text) => personKey(text) ?? []));
  return keys.filter((k) => {
    const person = personKey(k.text);
    return saved.includes(k.index) || ids.has(k.text.caseId ?? '') || (person !== null && people.has(person));
  }).map((k) => k.index);
}

export interface CaseRowsInput {
  /** 共通シート with every row's CASE_KEY_COLUMNS and the rows `indexes` whole. */
  readonly cases: Table;
  readonly keys: readonly CaseKeyRow[];
  /** The data rows re-checked: a saved row and the rows tied to it (rowsTiedTo). */
  readonly indexes: readonly number[];
  /** 支援プラン and 役割分担 holding only the rows of those rows' cases, the others holes. */
  readonly plans: Table | null;
  readonly tasks: Table | null;
  readonly settings: Settings;
  readonly today: string;
}

/**
 * What validateWorkbook finds on these 共通シート rows and on their cases'
 * 支援プラン and 役割分担 rows, and nothing else: the same rules, run on the
 * rows a save touched instead of the whole book.
 */
export function validateCaseRows(input: CaseRowsInput): ValidationResult {
  const { settings, today } = input;
  const cases = checkTab(TAB.cases, CASE_FIELDS, input.cases, settings, 'case', (t) => checkCase(t, settings, today), input.indexes);
  const checked = new Set(cases.rows.map((r) => r.row));
  const together = checkCaseRowsTogether(input.keys, placeOn(TAB.cases, CASE_FIELDS, input.cases)).filter((p) => checked.has(p.row));
  const problems = [...cases.problems.filter((p) => p.row > 1), ...together];
  problems.push(...validatePlanTabs(
    { cases: input.cases, caseRows: cases.rows, plans: input.plans, tasks: input.tasks, settings, today },
    { checkTab: (sheet, fields, table, check) => checkTab(sheet, fields, table, settings, 'other', check), placeOn },
  ));
  return resultOf(problems);
}

export interface ActivityRowsInput {
  readonly activities: Table;
  /** The data rows re-checked, whole. */
  readonly indexes: readonly number[];
  readonly caseIds: ReadonlySet<string>;
  readonly namesCase: (subject: string) => boolean;
  readonly settings: Settings;
  readonly today: string;
}

/** What validateWorkbook finds on these 支援記録 rows. */
export function validateActivityRows(input: ActivityRowsInput): ValidationResult {
  const { settings, today } = input;
  return resultOf(checkTab(TAB.activities, ACTIVITY_FIELDS, input.activities, settings, 'other',
    (t) => checkActivityInBook(t, settings, today, input.caseIds, input.namesCase), input.indexes).problems.filter((p) => p.row > 1));
}
