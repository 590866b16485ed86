// 「次第を作成」 (SPEC §8): under the document lock, the 次第 tab is written
// (replacing an earlier one of the same name) and the meeting's 会議記録 row
// is added or updated — never a second row for the same meeting — with
// 状態 予定 and the ケースID on the agenda; everything is logged to 変更履歴.
import { layoutAgenda, agendaJson } from '../../domain/agenda/render';
import type { Agenda } from '../../domain/agenda/types';
import { cellText, dateCell, type Cell } from '../../domain/cell';
import { IdAllocator, MEETING_ID_FORMAT } from '../../domain/caseId';
import { MEETING_FIELDS, TAB } from '../../domain/fields';
import { joinList } from '../../domain/normalize';
import { sheetRow } from '../../domain/table';
import { writeAgendaSheet } from '../../sheets/agendaSheet';
import { logChanges, type ChangeEntry } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { appendRow, writeRows } from '../../sheets/tables';
import { agendaArgs, parseArgs } from '../contracts';
import type { RecordTable } from '../recordTable';
import { createMeetingTable } from './meetingTable';
import { prepareAgenda } from './prepare';
import type { AgendaCreated } from './types';

const OPERATION = '会議次第を作成';

/** The 会議記録 cells this agenda sets, by field key. */
function meetingCells(agenda: Agenda): Record<string, Cell> {
  return {
    meetingType: agenda.meeting.type,
    heldOn: dateCell(agenda.meeting.date),
    startTime: agenda.meeting.start,
    place: agenda.meeting.place,
    meetingStatus: '予定',
    caseIds: joinList(agenda.items.map((i) => i.caseId)),
  };
}

interface MeetingRow {
  readonly row: Cell[];
  readonly meetingId: string;
  readonly changes: readonly ChangeEntry[];
}

/** The meeting's row as it will be (a new one when index is -1), its 会議ID and what changes. */
function meetingRowOf(table: RecordTable, index: number, agenda: Agenda): MeetingRow {
  const before: readonly Cell[] = index >= 0 ? table.rows[index]! : [];
  const row = Array.from({ length: table.header.length }, (_, c) => before[c] ?? '');
  const cells = meetingCells(agenda);
  const idColumn = table.columnOf.get('meetingId')!;
  if (cellText(row[idColumn] ?? '').trim() === '') {
    const used = table.rows.map((r) => cellText(r[idColumn] ?? '').trim());
    const id = new IdAllocator(MEETING_ID_FORMAT, used).next(agenda.meeting.date);
    if (!id) throw new Error(`${agenda.meeting.date}の年度の会議IDが999番まで使われているため、会議記録に追加できません。会議記録の会議IDを確かめてください。`);
    cells.meetingId = id;
  }
  const meetingId = cellText(cells.meetingId ?? row[idColumn] ?? '').trim();
  const changes: ChangeEntry[] = [];
  const was = index >= 0 ? table.textOf(index) : {};
  for (const field of MEETING_FIELDS) {
    const after = cells[field.key];
    if (after === undefined) continue;
    const afterText = cellText(after);
    if (afterText !== (was[field.key] ?? '')) {
      changes.push({ operation: `${OPERATION}（${meetingId}）`, sheet: TAB.meetings, caseId: '', field: field.header, before: was[field.key] ?? '', after: afterText });
    }
    row[table.columnOf.get(field.key)!] = after;
  }
  return { row, meetingId, changes };
}

export function createAgenda(rawArgs?: unknown): AgendaCreated {
  const args = parseArgs(agendaArgs, rawArgs);
  return withDocumentLock(() => {
    const { book, settings, agenda, meetingIndex, meetings } = prepareAgenda(args);
    const held = meetingIndex >= 0 ? meetings!.textOf(meetingIndex) : null;
    if (held?.meetingStatus === '開催済') {
      throw new Error(`${agenda.meeting.type}（${agenda.meeting.date}）は会議記録で「開催済」になっているため、次第を作り直しません。記録を残すため、開催前の会議だけ作成できます。`);
    }
    const table = meetings ?? createMeetingTable(book, settings);
    const { row, meetingId, changes } = meetingRowOf(table, meetingIndex, agenda);
    const replaced = book.sheets.has(agenda.sheet);
    writeAgendaSheet(book, agenda.sheet, layoutAgenda(agenda));
    const added = meetingIndex < 0;
    if (added) appendRow(table.sheet, row, book.timeZone, table.size);
    else writeRows(table.sheet, sheetRow(meetingIndex), [row], book.timeZone, table.size);
    logChanges(book, [
      {
        operation: `${OPERATION}（${meetingId}）`, sheet: agenda.sheet, caseId: '', field: '', before: '',
        after: `${replaced ? '作り直しました' : '作成しました'}（ケース${agenda.items.length}件、${agenda.meeting.start}〜${agenda.meeting.end}）`,
      },
      ...changes,
    ]);
    return { ...agendaJson(agenda), meetingId, meetingRecord: added ? 'added' : 'updated', replaced, notes: agenda.notes };
  });
}
