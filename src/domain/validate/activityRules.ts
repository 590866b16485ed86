// Rules that read one 支援記録 record alone (SPEC §4, §6).
import { ACTIVITY_FIELDS } from '../fields';
import type { RecordText } from '../record';
import type { Settings } from '../settings';
import { checkFields, dateOf } from './fieldRules';
import { finding, say, type Finding } from './problem';

export const OUTREACH = 'アウトリーチ';

export function checkActivity(text: RecordText, settings: Settings, today: string): Finding[] {
  const findings = checkFields(ACTIVITY_FIELDS, text, settings);
  const on = dateOf(text, 'activityOn');
  if (on && on > today) findings.push(finding('activityOn', 'future_date', say.futureDate('実施日', on, today)));
  const type = text.activityType ?? '';
  if (type === OUTREACH && !text.visitors) findings.push(finding('visitors', 'required', say.required('訪問人数')));
  // Outreach before intake: a record names its case, or (アウトリーチ only) a non-identifying 対象.
  // A record linked later keeps its 対象 beside the ケースID it was given.
  const subject = text.subject ?? '';
  if (!text.caseId && !subject) findings.push(finding('subject', 'required', say.subjectRequired()));
  if (subject && type !== '' && type !== OUTREACH) findings.push(finding('subject', 'subject_outreach_only', say.subjectOutreachOnly(type)));
  return findings;
}
