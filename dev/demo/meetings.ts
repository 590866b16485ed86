// 会議記録: a monthly 支援会議 and 重層的支援会議 over the whole period, held or
// (now and then) cancelled, and the next two of each as 予定 carrying the cases
// whose 次回会議予定日 points at them.
import { dateCell, type Cell } from '../../src/domain/cell';
import { isClosedStatus } from '../../src/domain/fields';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { fiscalYearOf, isoOf, nthWeekday, partsOf, type Day } from './calendar';
import { PLAN_MEETING, SUPPORT_MEETING, type CaseDraft } from './cases';
import type { Rng } from './random';
import { MEETING_DECISIONS, MEETING_PLACES, NOTHING_TO_DISCUSS_NOTE, TYPHOON_NOTE } from './texts';

/** When each meeting is held: the 2nd Tuesday and the 4th Thursday of the month. */
const MONTHLY_RULES = [
  { type: SUPPORT_MEETING, weekday: 2, nth: 2 },
  { type: PLAN_MEETING, weekday: 4, nth: 4 },
] as const;

const SECRETARIAT = '福祉の相談窓口';
const UPCOMING_PER_TYPE = 2;

interface MeetingDate { readonly type: string; readonly day: Day }

function monthlyDates(fromDay: Day, months: number): MeetingDate[] {
  const { year, month } = partsOf(fromDay);
  const dates: MeetingDate[] = [];
  for (let i = 0; i < months; i++) {
    for (const rule of MONTHLY_RULES) {
      dates.push({ type: rule.type, day: nthWeekday(year + Math.floor((month - 1 + i) / 12), ((month - 1 + i) % 12) + 1, rule.weekday, rule.nth) });
    }
  }
  return dates;
}

/** Meetings held before today, from the start of the period. */
function pastMeetingDates(periodStart: Day, today: Day): MeetingDate[] {
  const months = (partsOf(today).year - partsOf(periodStart).year) * 12 + partsOf(today).month - partsOf(periodStart).month + 1;
  return monthlyDates(periodStart, months).filter((m) => m.day >= periodStart && m.day < today);
}

/** The next meeting dates strictly after today, soonest first, by type. */
export function upcomingMeetingDates(today: Day): Map<string, Day[]> {
  const byType = new Map<string, Day[]>();
  for (const m of monthlyDates(today, UPCOMING_PER_TYPE + 1).filter((d) => d.day > today)) {
    const days = byType.get(m.type) ?? [];
    if (days.length < UPCOMING_PER_TYPE) days.push(m.day);
    byType.set(m.type, days);
  }
  return byType;
}

interface MeetingDraft {
  readonly type: string;
  readonly day: Day;
  readonly status: string;
  readonly cases: readonly CaseDraft[];
  readonly attending: readonly string[];
  readonly decisions: string;
}

const CONSENT_NEEDED = new Set(DEFAULT_SETTINGS.meetingTypes.filter((t) => t.consentRequired).map((t) => t.name));

function couldDiscuss(d: CaseDraft, type: string, day: Day): boolean {
  if (d.receivedDay >= day || (d.closedDay !== null && d.closedDay < day)) return false;
  return !CONSENT_NEEDED.has(type) || (d.consent === 'あり' && d.consentDay !== null && d.consentDay <= day);
}

/**
 * Up to `wanted` cases that were open (and, for a meeting needing consent,
 * consented) on the day, drawn mostly from the latest referrals.
 */
function pickDiscussed(rng: Rng, byReceipt: readonly CaseDraft[], type: string, day: Day, wanted: number): CaseDraft[] {
  let receivedBefore = 0;
  for (let lo = 0, hi = byReceipt.length; lo < hi;) {
    const mid = (lo + hi) >> 1;
    if ((byReceipt[mid]?.receivedDay ?? day) < day) lo = receivedBefore = mid + 1;
    else hi = mid;
  }
  const from = Math.max(0, receivedBefore - Math.max(30, wanted * 8));
  const chosen = new Set<CaseDraft>();
  for (let tries = 0; tries < 40 && chosen.size < wanted && receivedBefore > 0; tries++) {
    const d = byReceipt[rng.int(from, receivedBefore - 1)];
    if (d && couldDiscuss(d, type, day)) chosen.add(d);
  }
  return [...chosen].sort((a, b) => a.receivedDay - b.receivedDay || a.row - b.row);
}

function attendingOf(cases: readonly CaseDraft[]): string[] {
  const names = cases.flatMap((d) => [d.referrer.name, d.mainAgency]).filter((n) => n !== '');
  return [...new Set([SECRETARIAT, ...names])];
}

function heldMeeting(rng: Rng, byReceipt: readonly CaseDraft[], m: MeetingDate): MeetingDraft {
  const cancelled = (note: string): MeetingDraft => ({ ...m, status: '中止', cases: [], attending: [], decisions: note });
  if (rng.chance(0.06)) return cancelled(TYPHOON_NOTE);
  const cases = pickDiscussed(rng, byReceipt, m.type, m.day, rng.int(2, 6));
  if (cases.length === 0) return cancelled(NOTHING_TO_DISCUSS_NOTE);
  return { ...m, status: '開催済', cases, attending: attendingOf(cases), decisions: rng.pick(MEETING_DECISIONS[m.type] ?? []) };
}

/** 予定 rows for the dates open cases are waiting for; a case the meeting cannot take is left off. */
function plannedMeetings(cases: readonly CaseDraft[]): MeetingDraft[] {
  const byDate = new Map<string, CaseDraft[]>();
  for (const d of cases) {
    if (d.meetingDay === null || isClosedStatus(d.status)) continue;
    if (CONSENT_NEEDED.has(d.meetingType) && d.consent !== 'あり') continue;
    const key = `${d.meetingType}|${d.meetingDay}`;
    const list = byDate.get(key) ?? [];
    list.push(d);
    byDate.set(key, list);
  }
  return [...byDate.values()].map((list) => {
    const first = list[0] as CaseDraft;
    return { type: first.meetingType, day: first.meetingDay as Day, status: '予定', cases: list, attending: [], decisions: '' };
  });
}

/** 会議記録 rows by field key, in date order, with 会議ID `M<fiscal year>-NNN` numbered in that order. */
export function drawMeetings(rng: Rng, cases: readonly CaseDraft[], periodStart: Day, today: Day): Record<string, Cell>[] {
  const byReceipt = cases.filter((d) => d.plant === null).sort((a, b) => a.receivedDay - b.receivedDay || a.row - b.row);
  const held = pastMeetingDates(periodStart, today).map((m) => heldMeeting(rng, byReceipt, m));
  const all = [...held, ...plannedMeetings(cases)].sort((a, b) => a.day - b.day || a.type.localeCompare(b.type));
  const next = new Map<number, number>();
  return all.map((m) => {
    const fiscalYear = fiscalYearOf(m.day);
    const seq = (next.get(fiscalYear) ?? 0) + 1;
    next.set(fiscalYear, seq);
    return {
      meetingId: `M${fiscalYear}-${String(seq).padStart(3, '0')}`,
      meetingType: m.type,
      heldOn: dateCell(isoOf(m.day)),
      startTime: '14:00',
      place: rng.pick(MEETING_PLACES),
      meetingStatus: m.status,
      caseIds: m.cases.map((d) => d.caseId).join('、'),
      attendingAgencies: m.attending.join('、'),
      decisions: m.decisions,
    };
  });
}
