// The outcome form's own checks while it is typed, and which of its fields the
// coordinator changed or a colleague changed meanwhile; the outcome itself is
// judged by the case-outcome core that plan steps share (../caseOutcome).
import { isOutcomeField, OUTCOME_KEYS, type OutcomeKey, type OutcomeValues } from '../caseOutcome';
import { changedFields, conflictFinding, editConflicts } from '../edits';
import { CASE_FIELDS } from '../fields';
import { normalizeRecord, type RecordText } from '../record';
import type { Settings } from '../settings';
import { checkCase } from '../validate/caseRules';
import type { Finding } from '../validate/problem';

export { OUTCOME_KEYS, type OutcomeKey } from '../caseOutcome';

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
