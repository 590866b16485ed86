// Rules that read one 支援記録 record alone (SPEC §4, §6).
import { ACTIVITY_FIELDS } from '../fields';
import type { RecordText } from '../record';
import type { Settings } from '../settings';
import { checkFields, dateOf } from './fieldRules';
import { finding, say, type Finding } from './problem';

export function checkActivity(text: RecordText, settings: Settings, today: string): Finding[] {
  const findings = checkFields(ACTIVITY_FIELDS, text, settings);
  const on = dateOf(text, 'activityOn');
  if (on && on > today) findings.push(finding('activityOn', 'future_date', say.futureDate('実施日', on, today)));
  if (text.activityType === 'アウトリーチ' && !text.visitors) findings.push(finding('visitors', 'required', say.required('訪問人数')));
  return findings;
}
