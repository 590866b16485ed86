// Rules that read one 支援記録 record alone (SPEC §4, §6).
import { ACTIVITY_FIELDS } from '../fields';
import type { RecordText } from '../record';
import type { Settings } from '../settings';
import { checkFields, dateOf } from './fieldRules';
import { finding, say, type Finding } from './problem';

export const OUTREACH = 'アウトリーチ';

/**
 * The shapes of a person's name in a 対象, found without the case list (the
 * sidebar checks as the person types): a name before an honorific (佐藤さん),
 * a 姓 and 名 with a space (佐藤 トメ), kanji then a katakana given name (佐藤トメ).
 */
const PERSON_NAME_SHAPES: readonly RegExp[] = [
  /[\p{Script=Han}\p{Script=Katakana}ー]{1,4}[ \u3000]?(?:さん|さま|様|氏|君|くん|ちゃん|殿)/u,
  /^[\p{Script=Han}]{1,3}[ \u3000][\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}ー]{1,4}$/u,
  /^[\p{Script=Han}]{1,3}[\p{Script=Katakana}ー]{2,3}$/u,
];

export const looksLikePersonName = (subject: string): boolean => PERSON_NAME_SHAPES.some((shape) => shape.test(subject.trim()));

/** target_names_person against 共通シート's people, for a 対象 whose shape did not already tell (山田太郎, やまだ). */
export function checkSubjectAgainstCases(text: RecordText, namesCase: (subject: string) => boolean): Finding[] {
  const subject = text.subject ?? '';
  return subject && !looksLikePersonName(subject) && namesCase(subject) ? [finding('subject', 'target_names_person', say.targetNamesPerson())] : [];
}

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
  if (looksLikePersonName(subject)) findings.push(finding('subject', 'target_names_person', say.targetNamesPerson()));
  return findings;
}
