// The words the 会議次第 view shows for meetings, dates and items: plain
// functions, so that they can be tested without a page.
import type { AgendaDrift } from '../../src/domain/agenda/drift';
import type { MeetingList, MeetingSummary, PreviewItem } from '../../src/app/agenda/types';
import { offDayNote } from '../../src/domain/calendar/offDays';
import { normalizeText } from '../../src/domain/normalize';
import type { MeetingType } from '../../src/domain/settings';
import { TIME_PATTERN } from '../../src/domain/validate/fieldRules';
import { describeDate } from '../shared/dateText';

/** 「重層的支援会議（本人同意が必要）」 */
export function meetingTypeLabel(type: MeetingType): string {
  return type.consentRequired ? `${type.name}（本人同意が必要）` : type.name;
}

/** 「2026年12月8日（火）・令和8年12月8日 支援会議（予定・3件）」 */
export function meetingLabel(m: MeetingSummary): string {
  return `${m.dateText} ${m.meetingType}（${m.status || '状態なし'}・${m.caseIds.length}件）`;
}

/** 「12/8（火）3件」, for the dates cases of a type are waiting for. */
export function upcomingLabel(u: MeetingList['upcoming'][number]): string {
  const weekday = /（(.)）/.exec(u.dateText)?.[1] ?? '';
  return `${Number(u.date.slice(5, 7))}/${Number(u.date.slice(8, 10))}（${weekday}）${u.cases}件`;
}

/** 「14:05〜14:25 新規検討 2026-0012（40代・男性・地域包括支援センター）」 */
export function itemLabel(item: PreviewItem): string {
  const about = [item.ageBand, item.sex, item.referrerAgency].filter(Boolean).join('・');
  return `${item.start}〜${item.end} ${item.kind} ${item.caseId}${about ? `（${about}）` : ''}`;
}

export interface MeetingDate {
  readonly iso: string;
  readonly wareki: string;
  /** A Saturday, Sunday or holiday, told; null on a working day. */
  readonly offDay: string | null;
}

/** The meeting date typed (2026/12/8, 令和8年12月8日 …), or null when it is not a date. */
export function meetingDate(text: string): MeetingDate | null {
  const date = describeDate(text);
  return date ? { ...date, offDay: offDayNote(date.iso) } : null;
}

/** 「9:00」「９：００」 → 「09:00」; '' stays '' (the meeting type's time); null when it is not a time. */
export function startTime(text: string): string | null {
  const typed = normalizeText(text);
  if (typed === '') return '';
  const padded = /^\d:\d{2}$/.test(typed) ? `0${typed}` : typed;
  return TIME_PATTERN.test(padded) ? padded : null;
}

/** What changed since the tab was written, one line each, by ケースID. */
export function driftLines(drift: AgendaDrift): string[] {
  return [
    ...(drift.added.length ? [`新しく載るケース：${drift.added.join('、')}`] : []),
    ...(drift.removed.length ? [`外れるケース：${drift.removed.join('、')}`] : []),
    ...drift.kindChanged.map((c) => `議題が変わるケース：${c.caseId}（${c.was} → ${c.now}）`),
    ...(drift.added.length || drift.removed.length || drift.kindChanged.length ? []
      : ['時間・場所・概要などの記載が変わっています。']),
  ];
}
