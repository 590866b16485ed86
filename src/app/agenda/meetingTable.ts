// 会議記録 as the agenda endpoints use it: the row of a meeting (by type and
// date, or by 会議ID), a meeting as plain data for the sidebar, and the
// tab made when a workbook has none yet.
import { agendaSheetName } from '../../domain/agenda/build';
import { dateWithWareki } from '../../domain/calendar/days';
import { MEETING_FIELDS, TAB } from '../../domain/fields';
import { isIsoDate, splitList } from '../../domain/normalize';
import type { Settings } from '../../domain/settings';
import { sheetRow } from '../../domain/table';
import { createTab, STANDARD_TABS, type Book } from '../../sheets/book';
import { readRecordTable, type RecordTable } from '../recordTable';
import type { MeetingSummary } from './types';

const SPEC = {
  fields: MEETING_FIELDS,
  kind: 'other',
  missingColumnsHint: '会議記録の1行目に見出しをそろえてから、もう一度お試しください。',
} as const;

/**
 * 会議記録 as read, or null when the workbook has no such tab (it then counts
 * as empty); with `meetingId`, only the 会議ID column and that meeting's row.
 */
export function readMeetingTable(book: Book, settings: Settings, meetingId?: string): RecordTable | null {
  const sheet = book.sheets.get(TAB.meetings);
  const only = meetingId === undefined ? undefined : { columns: ['meetingId'], rowsWhere: { key: 'meetingId', values: [meetingId] } };
  return sheet ? readRecordTable(sheet, book.timeZone, settings, SPEC, only) : null;
}

/** A new 会議記録 tab with its header, for a workbook that has none. */
export function createMeetingTable(book: Book, settings: Settings): RecordTable {
  const sheet = createTab(book, TAB.meetings, STANDARD_TABS.find((t) => t.name === TAB.meetings)!.initial());
  return readRecordTable(sheet, book.timeZone, settings, SPEC);
}

/** The first row of a meeting of this type on this day, or -1. */
export function findMeeting(table: RecordTable | null, meetingType: string, date: string): number {
  if (!table) return -1;
  return table.filled.find((i) => {
    const t = table.textOf(i);
    return t.meetingType === meetingType && t.heldOn === date;
  }) ?? -1;
}

export function meetingSummary(book: Book, table: RecordTable, index: number): MeetingSummary {
  const t = table.textOf(index);
  const date = t.heldOn ?? '';
  const sheet = isIsoDate(date) ? agendaSheetName(date, t.meetingType ?? '') : '';
  return {
    row: sheetRow(index),
    meetingId: t.meetingId ?? '',
    meetingType: t.meetingType ?? '',
    date,
    dateText: isIsoDate(date) ? dateWithWareki(date) : date,
    start: t.startTime ?? '',
    place: t.place ?? '',
    status: t.meetingStatus ?? '',
    caseIds: splitList(t.caseIds ?? ''),
    attendingAgencies: splitList(t.attendingAgencies ?? ''),
    decisions: t.decisions ?? '',
    sheet,
    hasSheet: sheet !== '' && book.sheets.has(sheet),
  };
}
