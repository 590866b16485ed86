// zod schemas of the records of every tab (SPEC §3–§4), for whatever crosses
// into the server as one record: the sidebar's form, a saved row. They carry
// the same rules and Japanese messages as 入力チェック, so the page and the
// server say the same thing about the same record.
import * as z from './zod';
import { dateCell, type Cell } from './cell';
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, type FieldDef } from './fields';
import { normalizeRecord, type NormalizedRecord } from './record';
import type { Settings } from './settings';
import { checkActivity } from './validate/activityRules';
import { checkCase } from './validate/caseRules';
import { checkFields } from './validate/fieldRules';
import type { Finding, Severity } from './validate/problem';

const MAX_CELL_TEXT = 50_000;

/** One cell as a form or a sheet hands it over. */
export const cellSchema = z.union([
  z.string().check(z.maxLength(MAX_CELL_TEXT, { message: `${MAX_CELL_TEXT}文字以内で入力してください。` })),
  z.number(),
  z.boolean(),
  z.pipe(z.strictObject({ kind: z.literal('date'), iso: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}:\d{2})?$/)) }), z.transform((d) => dateCell(d.iso))),
]);

/** A record of a tab: every field optional (blank), nothing unknown. */
export function recordShape(fields: readonly FieldDef[]) {
  return z.strictObject(Object.fromEntries(fields.map((f) => [f.key, z._default(cellSchema, '')])));
}

export const caseRecordInput = recordShape(CASE_FIELDS);
export const activityRecordInput = recordShape(ACTIVITY_FIELDS);
export const meetingRecordInput = recordShape(MEETING_FIELDS);

export type RecordInput = Record<string, Cell>;

/** The rule code and severity a schema issue carries, so callers can tell errors from warnings. */
export interface RuleParams {
  readonly code: string;
  readonly severity: Severity;
}

/** A record read against its tab's rules: normalised (null when its shape is wrong) and what the rules found. */
export interface RecordVerdict {
  readonly record: NormalizedRecord | null;
  readonly findings: readonly Finding[];
}

type RecordInputSchema = ReturnType<typeof recordShape>;
type Rules = (text: NormalizedRecord['text']) => Finding[];

/** Reads one record: its shape by zod, then normalisation and the rules. Warnings do not stop the record. */
function readRecord(input: RecordInputSchema, fields: readonly FieldDef[], settings: Settings, kind: 'case' | 'other', rules: Rules) {
  return (raw: unknown): RecordVerdict => {
    const shape = input.safeParse(raw);
    if (!shape.success) {
      return {
        record: null,
        findings: shape.error.issues.map((i) => ({ field: String(i.path[0] ?? ''), code: 'invalid_format', severity: 'error', message: i.message })),
      };
    }
    const record = normalizeRecord(fields, shape.data as RecordInput, settings, kind);
    return { record, findings: rules(record.text) };
  };
}

/** The same reading as a zod schema: every finding an issue carrying its RuleParams. */
function asSchema(input: RecordInputSchema, read: (raw: unknown) => RecordVerdict) {
  return z.pipe(input, z.transform((record, ctx) => {
    const verdict = read(record);
    for (const f of verdict.findings) {
      ctx.issues.push({ code: 'custom', input: record[f.field], path: [f.field], message: f.message, params: { code: f.code, severity: f.severity } satisfies RuleParams });
    }
    return verdict.record!;
  }));
}

/** A 共通シート record: normalised, and checked by every single-record rule of SPEC §6. */
export const readCaseRecord = (settings: Settings, today: string) =>
  readRecord(caseRecordInput, CASE_FIELDS, settings, 'case', (text) => checkCase(text, settings, today));
export const caseRecordSchema = (settings: Settings, today: string) => asSchema(caseRecordInput, readCaseRecord(settings, today));

/** A 支援記録 record: normalised and checked; whether its ケースID exists needs the workbook. */
export const readActivityRecord = (settings: Settings, today: string) =>
  readRecord(activityRecordInput, ACTIVITY_FIELDS, settings, 'other', (text) => checkActivity(text, settings, today));
export const activityRecordSchema = (settings: Settings, today: string) => asSchema(activityRecordInput, readActivityRecord(settings, today));

/** A 会議記録 record: normalised, with its field rules. */
export const readMeetingRecord = (settings: Settings) =>
  readRecord(meetingRecordInput, MEETING_FIELDS, settings, 'other', (text) => checkFields(MEETING_FIELDS, text, settings));
export const meetingRecordSchema = (settings: Settings) => asSchema(meetingRecordInput, readMeetingRecord(settings));
