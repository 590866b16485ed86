// Rules that read several fields of one 共通シート record (SPEC §6).
import { CASE_FIELDS, isClosedStatus } from '../fields';
import { ageAt } from '../normalize';
import { readNameField } from '../personName';
import type { RecordText } from '../record';
import type { Settings } from '../settings';
import { checkFields, dateOf } from './fieldRules';
import { finding, say, type Finding } from './problem';

const headerOf = (key: string): string => CASE_FIELDS.find((f) => f.key === key)?.header ?? key;

const NOT_IN_FUTURE = ['receivedOn', 'consentOn', 'planOn', 'closedOn', 'birthDate'] as const;

function checkDates(record: RecordText, today: string): Finding[] {
  const findings: Finding[] = [];
  for (const key of NOT_IN_FUTURE) {
    const iso = dateOf(record, key);
    if (iso && iso > today) findings.push(finding(key, 'future_date', say.futureDate(headerOf(key), iso, today)));
  }
  const received = dateOf(record, 'receivedOn');
  const birth = dateOf(record, 'birthDate');
  if (received && birth) {
    if (birth > received) findings.push(finding('birthDate', 'date_order', say.birthAfterReceived()));
    else {
      const age = ageAt(birth, received);
      if (age > 120) findings.push(finding('birthDate', 'age_out_of_range', say.ageOutOfRange(age)));
    }
  }
  if (received) {
    for (const key of ['planOn', 'closedOn'] as const) {
      const iso = dateOf(record, key);
      if (iso && iso < received) findings.push(finding(key, 'date_order', say.beforeReceived(headerOf(key))));
    }
  }
  return findings;
}

function checkConsent(record: RecordText, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  const consented = record.consent === 'あり';
  if (record.planOn && !consented) findings.push(finding('planOn', 'consent_required_for_plan', say.consentForPlan()));
  const meeting = settings.meetingTypes.find((m) => m.name === record.nextMeetingType);
  if (meeting?.consentRequired && !consented) {
    findings.push(finding('nextMeetingType', 'consent_required_for_meeting', say.consentForMeeting(meeting.name)));
  }
  if (consented && !record.consentOn) findings.push(finding('consentOn', 'consent_date_missing', say.consentDateMissing()));
  return findings;
}

function checkMeetingAndClosing(record: RecordText, today: string): Finding[] {
  const findings: Finding[] = [];
  const type = record.nextMeetingType ?? '';
  const on = record.nextMeetingOn ?? '';
  if (type && !on) findings.push(finding('nextMeetingOn', 'meeting_incomplete', say.meetingIncomplete(headerOf('nextMeetingOn'), headerOf('nextMeetingType'))));
  if (!type && on) findings.push(finding('nextMeetingType', 'meeting_incomplete', say.meetingIncomplete(headerOf('nextMeetingType'), headerOf('nextMeetingOn'))));

  const status = record.status ?? '';
  if (isClosedStatus(status)) {
    for (const key of ['closedOn', 'closingNote'] as const) {
      if (!record[key]) findings.push(finding(key, 'closing_required', say.closingRequired(headerOf(key), status)));
    }
  } else {
    if (record.closedOn) findings.push(finding('closedOn', 'closed_date_on_open_case', say.closedDateOnOpen(status || '未入力')));
    const monitoring = dateOf(record, 'nextMonitoringOn');
    if (monitoring && monitoring < today) findings.push(finding('nextMonitoringOn', 'monitoring_overdue', say.monitoringOverdue(monitoring)));
  }
  return findings;
}

const hasSpace = (text: string): boolean => /[\s\u3000]/.test(text.trim());

/**
 * name_not_split: with no space in 本人氏名 or its カナ, an agenda cannot tell
 * 姓 from 名 and must mask by guesswork. A one-character name has nothing to split.
 */
function checkNameSplit(record: RecordText): Finding[] {
  const name = (record.personName ?? '').trim();
  if ([...name].length < 2 || hasSpace(name) || hasSpace(record.personKana ?? '')) return [];
  return [finding('personName', 'name_not_split', say.nameNotSplit())];
}

/** name_has_extra_text: an age or a reading in brackets beside the name (SPEC §6); agendas mask the name part and the bracketed reading. */
function checkNameText(record: RecordText): Finding[] {
  return (['personName', 'personKana'] as const)
    .filter((key) => readNameField(record[key] ?? '').hasExtraText)
    .map((key) => finding(key, 'name_has_extra_text', say.nameHasExtraText(headerOf(key))));
}

/** Every finding for one case record, fields first, in the order a person reads the row. */
export function checkCase(record: RecordText, settings: Settings, today: string): Finding[] {
  const findings = [
    ...checkFields(CASE_FIELDS, record, settings),
    ...checkDates(record, today),
    ...checkConsent(record, settings),
    ...checkMeetingAndClosing(record, today),
    ...checkNameSplit(record),
    ...checkNameText(record),
  ];
  const order = new Map(CASE_FIELDS.map((f, i) => [f.key, i]));
  return findings.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
}
