// What every agenda endpoint starts from: the request checked against 設定,
// the cases that asked for the meeting, the meeting's 会議記録 row (its time
// and place are kept unless new ones are given) and the agenda built from them.
import { buildAgenda, findMeetingType } from '../../domain/agenda/build';
import type { Agenda, AgendaRequest, CaseRow } from '../../domain/agenda/types';
import { cellText } from '../../domain/cell';
import { CASE_FIELDS } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import { normalizeCell } from '../../domain/record';
import type { Settings } from '../../domain/settings';
import { sheetRow } from '../../domain/table';
import { TIME_PATTERN } from '../../domain/validate/fieldRules';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import type { RecordTable } from '../recordTable';
import { readCaseTable, workbookPeople, type CaseTable } from '../sidebar/caseTable';
import { planSourcesOf, readPlanTables } from '../plan/planTables';
import { findMeeting, readMeetingTable } from './meetingTable';

export interface AgendaArgs {
  readonly today?: string;
  readonly meetingType: string;
  readonly date: string;
  readonly start?: string;
  readonly place?: string;
  readonly includeDue: boolean;
}

export interface PreparedAgenda {
  readonly book: Book;
  readonly settings: Settings;
  readonly cases: CaseTable;
  readonly meetings: RecordTable | null;
  /** The 会議記録 row of this meeting, or -1. */
  readonly meetingIndex: number;
  readonly agenda: Agenda;
}

const TYPE_FIELD = CASE_FIELDS.find((f) => f.key === 'nextMeetingType')!;

/**
 * The rows whose 次回会議種別 is this meeting's type. Only they can be on the
 * agenda, so only they are normalised: the rest of a 10,000-row sheet is not.
 */
function rowsOfType(cases: CaseTable, meetingType: string): CaseRow[] {
  const column = cases.columnOf.get(TYPE_FIELD.key)!;
  return cases.filled
    .filter((i) => cellText(normalizeCell(TYPE_FIELD, cases.rows[i]![column] ?? '')) === meetingType)
    .map((i) => ({ row: sheetRow(i), text: cases.textOf(i) }));
}

export function prepareAgenda(args: AgendaArgs): PreparedAgenda {
  const book = openBook();
  const { settings } = readBookSettings(book);
  findMeetingType(settings, args.meetingType); // an unknown type is refused before anything else is read
  const cases = readCaseTable(book, settings);
  const meetings = readMeetingTable(book, settings);
  const meetingIndex = findMeeting(meetings, args.meetingType, args.date);
  const recorded = meetingIndex >= 0 ? meetings!.textOf(meetingIndex) : null;
  const request: AgendaRequest = {
    meetingType: args.meetingType,
    date: args.date,
    start: args.start ?? (TIME_PATTERN.test(recorded?.startTime ?? '') ? recorded!.startTime : undefined),
    place: args.place ?? recorded?.place ?? '',
    includeDue: args.includeDue,
  };
  const candidates = rowsOfType(cases, args.meetingType);
  const plans = planSourcesOf(readPlanTables(book, settings), new Set(candidates.map((c) => c.text.caseId ?? '')));
  const agenda = buildAgenda({ request, settings, cases: candidates, today: args.today ?? todayInTokyo(), plans, people: workbookPeople(cases) });
  return { book, settings, cases, meetings, meetingIndex, agenda };
}
