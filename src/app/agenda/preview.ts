// 「内容を確認」: what an agenda will hold and what it leaves out, with why,
// before anything is written, and whether the tab written earlier is out of
// date. Reads only.
import { dateWithWareki } from '../../domain/calendar/days';
import { agendaDrift } from '../../domain/agenda/drift';
import { layoutAgenda } from '../../domain/agenda/render';
import { dataRangeWithinLimits } from '../../sheets/limits';
import { agendaArgs, parseArgs } from '../contracts';
import { meetingSummary } from './meetingTable';
import { prepareAgenda } from './prepare';
import type { AgendaPreview } from './types';

export function previewAgenda(rawArgs?: unknown): AgendaPreview {
  const args = parseArgs(agendaArgs, rawArgs);
  const { book, agenda, meetings, meetingIndex } = prepareAgenda(args);
  const tab = book.sheets.get(agenda.sheet);
  // One read of the tab written earlier, to tell staff when it no longer matches 共通シート.
  const drift = tab ? agendaDrift(dataRangeWithinLimits(tab).getDisplayValues(), layoutAgenda(agenda)) : null;
  return {
    sheet: agenda.sheet,
    meeting: { ...agenda.meeting, dateText: dateWithWareki(agenda.meeting.date) },
    opening: agenda.opening,
    closing: agenda.closing,
    items: agenda.items.map(({ order, caseId, kind, start, end, minutes, ageBand, sex, referrerAgency, selectedBy }) =>
      ({ order, caseId, kind, start, end, minutes, ageBand, sex, referrerAgency, selectedBy })),
    excluded: agenda.excluded,
    participants: agenda.participants,
    notes: agenda.notes,
    sheetExists: tab !== undefined,
    drift,
    meetingRecord: meetingIndex >= 0 ? meetingSummary(book, meetings!, meetingIndex) : null,
  };
}
