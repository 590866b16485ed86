// The meetings the 会議次第 view offers: 予定 ones to prepare or to record,
// recent ones to correct, the dates cases are waiting for, and one meeting's
// cases as the outcome form shows them (by ケースID, never by name).
import { agendaMasker, participantsOf, SECRETARIAT } from '../../domain/agenda/build';
import { kindOfStatus } from '../../domain/agenda/selection';
import { addDays, dateWithWareki } from '../../domain/calendar/days';
import { cellText } from '../../domain/cell';
import { CASE_FIELDS, isClosedStatus, TAB } from '../../domain/fields';
import { isIsoDate, parseDate, todayInTokyo } from '../../domain/normalize';
import { normalizeCell } from '../../domain/record';
import { maskedPlanOf, type CasePlanSources } from '../../domain/plan/agendaPlan';
import type { Settings } from '../../domain/settings';
import { openBook, readBookSettings } from '../../sheets/book';
import { meetingArgs, meetingListArgs, parseArgs } from '../contracts';
import { planSourcesOf, readPlanTables } from '../plan/planTables';
import { readCaseTable, workbookPeople, type CaseTable } from '../sidebar/caseTable';
import { meetingSummary, readMeetingTable } from './meetingTable';
import type { MeetingForOutcomes, MeetingList, MeetingSummary, OutcomeCase } from './types';

const RECENT_DAYS = 60;
const UPCOMING_DATES = 12;

const field = (key: string) => CASE_FIELDS.find((f) => f.key === key)!;

/**
 * (会議種別, date) pairs open cases wait for from today on, read from four
 * columns only; a case the consent gate will leave out is not counted, so the
 * number matches the agenda.
 */
function upcomingDates(cases: CaseTable, today: string, settings: Settings): MeetingList['upcoming'] {
  const [type, on, status, consent] = [field('nextMeetingType'), field('nextMeetingOn'), field('status'), field('consent')];
  const needsConsent = new Set(settings.meetingTypes.filter((m) => m.consentRequired).map((m) => m.name));
  const cell = (row: number, f: typeof type): string => cellText(normalizeCell(f, cases.rows[row]![cases.columnOf.get(f.key)!] ?? ''));
  const counts = new Map<string, number>();
  for (const i of cases.filled) {
    const date = parseDate(cases.rows[i]![cases.columnOf.get(on.key)!] ?? '');
    const meetingType = cell(i, type);
    if (!date || date < today || !meetingType || isClosedStatus(cell(i, status))) continue;
    if (needsConsent.has(meetingType) && cell(i, consent) !== 'あり') continue;
    const key = `${date}|${meetingType}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return [...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).slice(0, UPCOMING_DATES).map(([key, n]) => {
    const [date = '', meetingType = ''] = key.split('|');
    return { meetingType, date, dateText: dateWithWareki(date), cases: n };
  });
}

export function listMeetings(rawArgs?: unknown): MeetingList {
  const args = parseArgs(meetingListArgs, rawArgs);
  const today = args.today ?? todayInTokyo();
  const book = openBook();
  const { settings } = readBookSettings(book);
  const cases = readCaseTable(book, settings);
  const table = readMeetingTable(book, settings);
  const all: MeetingSummary[] = table ? table.filled.map((i) => meetingSummary(book, table, i)).filter((m) => m.meetingId !== '') : [];
  const since = addDays(today, -RECENT_DAYS);
  const planned = all.filter((m) => m.status === '予定').sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const recent = all.filter((m) => m.status !== '予定' && isIsoDate(m.date) && m.date >= since && m.date <= today)
    .sort((a, b) => (a.date > b.date ? -1 : a.date < b.date ? 1 : 0));
  return { today, meetings: [...planned, ...recent], upcoming: upcomingDates(cases, today, settings) };
}

function outcomeCase(cases: CaseTable, caseId: string, plans: OutcomeCase['plans']): OutcomeCase {
  const index = cases.indexOfCase(caseId);
  const t = index >= 0 ? cases.textOf(index) : {};
  const value = (key: string): string => t[key] ?? '';
  return {
    caseId, found: index >= 0,
    ageBand: value('ageBand'), sex: value('sex'), kind: kindOfStatus(value('status')) ?? '', consent: value('consent'), status: value('status'),
    nextMeetingType: value('nextMeetingType'), nextMeetingOn: value('nextMeetingOn'), nextMonitoringOn: value('nextMonitoringOn'),
    closedOn: value('closedOn'), closingNote: value('closingNote'),
    plans,
  };
}

export function getMeetingForOutcomes(rawArgs?: unknown): MeetingForOutcomes {
  const args = parseArgs(meetingArgs, rawArgs);
  const book = openBook();
  const { settings } = readBookSettings(book);
  const table = readMeetingTable(book, settings);
  const index = table ? table.indexOf('meetingId', args.meetingId) : -1;
  if (!table || index < 0) throw new Error(`会議ID「${args.meetingId}」が${TAB.meetings}に見つかりません。ほかの方が変更した可能性があります。一覧を読み込み直してください。`);
  const meeting = meetingSummary(book, table, index);
  const cases = readCaseTable(book, settings);
  const foundRows = meeting.caseIds.map((id) => cases.indexOfCase(id)).filter((i) => i >= 0).map((i) => ({ row: i, text: cases.textOf(i) }));
  const found = foundRows.map((c) => c.text);
  const expected = participantsOf(found.map((t) => ({
    referrerAgency: t.referrerAgency ?? '', mainAgency: t.mainAgency ?? '', relatedAgencies: t.relatedAgencies ?? '',
  })), settings).filter((name) => name !== SECRETARIAT);
  // Only a consent meeting decides or reviews plans: the plan tabs are read for it alone.
  const consentMeeting = settings.meetingTypes.some((m) => m.name === meeting.meetingType && m.consentRequired);
  const sources = consentMeeting ? planSourcesOf(readPlanTables(book, settings), new Set(meeting.caseIds)) : new Map<string, CasePlanSources>();
  const mask = agendaMasker(workbookPeople(cases), settings);
  const plansOf = (caseId: string): OutcomeCase['plans'] => {
    const { draft, current } = sources.get(caseId) ?? {};
    return { draft: draft ? maskedPlanOf(draft, mask, settings) : null, current: current ? maskedPlanOf(current, mask, settings) : null };
  };
  return {
    today: args.today ?? todayInTokyo(),
    meeting,
    cases: meeting.caseIds.map((id) => outcomeCase(cases, id, plansOf(id))),
    expectedAgencies: expected,
  };
}
