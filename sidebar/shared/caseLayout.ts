// How the case form groups the columns of 共通シート, in the order staff meet them.
import { CLOSED_STATUSES } from '../../src/domain/fields';

export interface FieldGroup {
  readonly id: string;
  readonly title: string;
  readonly keys: readonly string[];
}

export const CASE_GROUPS: readonly FieldGroup[] = [
  { id: 'person', title: '本人・世帯', keys: ['personName', 'personKana', 'birthDate', 'ageBand', 'sex', 'area', 'householdId', 'household'] },
  { id: 'referral', title: '相談とつなぎ', keys: ['receivedOn', 'referrerAgency', 'referrerField', 'referrerStaff', 'lifeAreas', 'tags', 'summary', 'reason', 'relatedAgencies'] },
  { id: 'consent', title: '同意', keys: ['consent', 'consentOn'] },
  { id: 'support', title: '支援の状況', keys: ['status', 'mainAgency', 'planOn'] },
  { id: 'meeting', title: '会議・モニタリング', keys: ['nextMeetingType', 'nextMeetingOn', 'nextMonitoringOn'] },
  { id: 'closing', title: '終結', keys: ['closedOn', 'closingNote'] },
  { id: 'other', title: 'その他', keys: ['notes'] },
];

/** Long free text gets a text area. */
export const MULTILINE_KEYS: ReadonlySet<string> = new Set(['summary', 'reason', 'closingNote', 'notes', 'content']);

/** The 終結 group is open when the case is closed (終結・つなぎもどし・中断). */
export function isClosingGroupOpen(status: string): boolean {
  return CLOSED_STATUSES.includes(status);
}
