// Rules that read one 支援プラン or 役割分担 record (SPEC §6, §12), given
// what they need to know about the case it belongs to.
import { CASE_FIELDS } from '../fields';
import type { RecordText } from '../record';
import type { Settings } from '../settings';
import { checkFields, dateOf } from '../validate/fieldRules';
import { finding, say, type Finding } from '../validate/problem';
import { PLAN_FIELDS, TASK_FIELDS } from './fields';

/** What a plan's rules need to know about its case; null when the case is not in 共通シート. */
export interface CaseFacts {
  readonly receivedOn: string | null;
  readonly consent: string;
}

export function caseFactsOf(caseText: RecordText): CaseFacts {
  return { receivedOn: dateOf(caseText, 'receivedOn'), consent: caseText.consent ?? '' };
}

const planHeader = (key: string): string => PLAN_FIELDS.find((f) => f.key === key)?.header ?? key;

/** The key of a plan version: ケースID and 版 as a number, so 1 and ０１ are the same version. */
export function planKey(caseId: string, version: string | number): string {
  return `${caseId.trim()}|${Number(version)}`;
}

const NOT_IN_FUTURE = ['createdOn', 'decidedOn', 'reviewedOn'] as const;
/** [later, earlier]: the later date may not come before the earlier one. */
const ORDER = [['decidedOn', 'createdOn'], ['reviewedOn', 'decidedOn'], ['periodEnd', 'periodStart']] as const;

function checkPlanDates(text: RecordText, today: string, facts: CaseFacts | null): Finding[] {
  const findings: Finding[] = [];
  for (const key of NOT_IN_FUTURE) {
    const iso = dateOf(text, key);
    if (iso && iso > today) findings.push(finding(key, 'future_date', say.futureDate(planHeader(key), iso, today)));
  }
  const created = dateOf(text, 'createdOn');
  if (created && facts?.receivedOn && created < facts.receivedOn) {
    findings.push(finding('createdOn', 'date_order', say.dateBefore(planHeader('createdOn'), `ケースの${CASE_FIELDS[1]!.header}`)));
  }
  for (const [later, earlier] of ORDER) {
    const [a, b] = [dateOf(text, later), dateOf(text, earlier)];
    if (a && b && a < b) findings.push(finding(later, 'date_order', say.dateBefore(planHeader(later), planHeader(earlier))));
  }
  return findings;
}

/** Every finding for one 支援プラン record, in the order of its columns. */
export function checkPlan(text: RecordText, settings: Settings, today: string, facts: CaseFacts | null): Finding[] {
  const findings = [...checkFields(PLAN_FIELDS, text, settings), ...checkPlanDates(text, today, facts)];
  if (text.planStatus === '決定' && !text.decidedOn) findings.push(finding('decidedOn', 'required', say.decidedOnRequired()));
  const caseId = text.caseId ?? '';
  if (caseId && !facts) findings.push(finding('caseId', 'unknown_case', say.unknownCase(caseId)));
  if (facts && facts.consent !== 'あり') findings.push(finding('caseId', 'consent_required_for_plan', say.consentForPlanRow()));
  const order = new Map(PLAN_FIELDS.map((f, i) => [f.key, i]));
  return findings.sort((a, b) => (order.get(a.field) ?? 0) - (order.get(b.field) ?? 0));
}

/** Every finding for one 役割分担 record: its fields, its case, its plan version. */
export function checkTask(text: RecordText, settings: Settings, caseIds: ReadonlySet<string>, planKeys: ReadonlySet<string>): Finding[] {
  const findings = checkFields(TASK_FIELDS, text, settings);
  const caseId = text.caseId ?? '';
  const version = text.version ?? '';
  if (caseId && !caseIds.has(caseId)) findings.push(finding('caseId', 'unknown_case', say.unknownCase(caseId)));
  if (caseId && /^[1-9]\d*$/.test(version) && !planKeys.has(planKey(caseId, version))) {
    findings.push(finding('version', 'unknown_plan', say.unknownPlan(caseId, version)));
  }
  return findings;
}
