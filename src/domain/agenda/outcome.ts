// What a meeting decided for a case, applied to its 共通シート record: the
// next meeting, the next monitoring, the 状態 (with 終結日・終結理由 when it
// closes). An outcome that would make the case break a rule it did not break
// before is refused, so recording a meeting never leaves an invalid case.
import type { Cell } from '../cell';
import { changedFields, conflictFinding, editConflicts } from '../edits';
import { CASE_FIELDS } from '../fields';
import { normalizeRecord, type RawRecord, type RecordText } from '../record';
import { readCaseRecord } from '../schema';
import type { Settings } from '../settings';
import { checkCase } from '../validate/caseRules';
import type { Finding } from '../validate/problem';

export const OUTCOME_KEYS = ['status', 'nextMeetingType', 'nextMeetingOn', 'nextMonitoringOn', 'closedOn', 'closingNote'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];
/** What a meeting or a plan step may change on a case: the outcome form's fields, and プラン作成日 that deciding a plan fills. */
export const FOLLOW_KEYS = [...OUTCOME_KEYS, 'planOn'] as const;
export type FollowKey = (typeof FOLLOW_KEYS)[number];

/** A field left out stays as it is; '' empties it. */
export type OutcomeValues = Partial<Record<FollowKey, string>>;

const isOutcomeField = (f: Finding): boolean => (FOLLOW_KEYS as readonly string[]).includes(f.field);
const keyOf = (f: Finding): string => `${f.field}|${f.code}`;

export interface OutcomeChange {
  readonly key: FollowKey;
  readonly header: string;
  readonly before: string;
  readonly after: string;
  /** The normalised cell to write. */
  readonly cell: Cell;
}

export interface OutcomeVerdict {
  /** The fields whose value changes; empty when refused. */
  readonly changes: readonly OutcomeChange[];
  /** Errors the outcome would bring in: when any, nothing is written for the case. */
  readonly errors: readonly Finding[];
  /** Warnings on the outcome's fields after it (a monitoring date already past …). */
  readonly warnings: readonly Finding[];
}

/** Judges an outcome against the case's record as read from the sheet. */
export function judgeOutcome(raw: RawRecord, outcome: OutcomeValues, settings: Settings, today: string): OutcomeVerdict {
  const read = readCaseRecord(settings, today);
  const before = read(raw);
  const after = read({ ...raw, ...outcome });
  const warnings = after.findings.filter((f) => f.severity === 'warning' && isOutcomeField(f));
  // A row whose cells cannot be read at all (text over the size limit) takes no outcome.
  if (!before.record || !after.record) return { changes: [], errors: after.findings.filter((f) => f.severity === 'error'), warnings };
  const earlier = new Set(before.findings.filter((f) => f.severity === 'error').map(keyOf));
  const errors = after.findings.filter((f) => f.severity === 'error' && !earlier.has(keyOf(f)));
  if (errors.length) return { changes: [], errors, warnings };
  const { text: was } = before.record;
  const { text: now, cells } = after.record;
  const changes = FOLLOW_KEYS.filter((key) => key in outcome && (was[key] ?? '') !== (now[key] ?? '')).map((key) => ({
    key,
    header: CASE_FIELDS.find((f) => f.key === key)!.header,
    before: was[key] ?? '',
    after: now[key] ?? '',
    cell: cells[key] ?? '',
  }));
  return { changes, errors, warnings };
}

/**
 * What the rules say about an outcome's fields alone, for the sidebar to show
 * while it is typed (the server judges the whole record again on save).
 */
export function checkOutcome(values: Readonly<Record<OutcomeKey, string>>, consent: string, settings: Settings, today: string): Finding[] {
  const record: RecordText = { ...values, consent };
  return checkCase(record, settings, today).filter(isOutcomeField);
}

const OUTCOME_FIELDS = CASE_FIELDS.filter((f) => (OUTCOME_KEYS as readonly string[]).includes(f.key));
const sentFields = (sent: OutcomeValues) => OUTCOME_FIELDS.filter((f) => f.key in sent);
const textOf = (values: OutcomeValues, settings: Settings): RecordText => normalizeRecord(OUTCOME_FIELDS, values, settings).text;

/**
 * The outcome fields the coordinator changed: those sent whose value (as
 * normalised text, so 2027/1/5 is 2027-01-05) differs from the case as the
 * form loaded it. Only these are written: a prefilled value sent back as it
 * was must not undo what a colleague saved meanwhile.
 */
export function changedOutcome(loaded: OutcomeValues, sent: OutcomeValues, settings: Settings): OutcomeValues {
  const keys = changedFields(sentFields(sent), textOf(loaded, settings), textOf(sent, settings));
  return Object.fromEntries(keys.map((key) => [key, sent[key as OutcomeKey]!]));
}

/**
 * Of the fields the coordinator changed, those a colleague changed meanwhile
 * to something else (the case's record as it is now): refused as the case
 * form refuses them, saying what each was, is, and what was typed.
 */
export function outcomeConflicts(loaded: OutcomeValues, changed: OutcomeValues, current: RecordText, settings: Settings): Finding[] {
  const fields = sentFields(changed);
  return editConflicts(fields, fields.map((f) => f.key), textOf(loaded, settings), current, textOf(changed, settings)).map(conflictFinding);
}
