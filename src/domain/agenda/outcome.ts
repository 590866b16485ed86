// The outcome form's own checks while it is typed; the outcome itself is
// judged by the case-outcome core that plan steps share (../caseOutcome).
import { isOutcomeField, type OutcomeKey } from '../caseOutcome';
import type { RecordText } from '../record';
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
