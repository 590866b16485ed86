// Outreach before intake (SPEC §4): the 対象 whose 支援記録 rows have no
// ケースID yet, and linking them once the person has become a case: the
// ケースID is written into those rows and their 対象 stays, so the records
// count under the case from then on (SPEC §9). Only the columns that say
// which rows are whose are read, never the tabs whole; linking reads only the
// rows Sheets finds for the 対象 when they are the ones the person was offered.
import { namesAnyone } from '../../domain/agenda/masking';
import type { Cell } from '../../domain/cell';
import { ACTIVITY_FIELDS, TAB } from '../../domain/fields';
import { isIsoDate } from '../../domain/normalize';
import { sheetRow } from '../../domain/table';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import { logChanges } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { saveOnce } from '../../sheets/recentSaves';
import { writeEachRow } from '../../sheets/tables';
import { linkPreIntakeArgs, parseArgs, preIntakeSubjectsArgs } from '../contracts';
import { readRecordTable, type PartialRead, type RecordTable } from '../recordTable';
import type { LinkPreIntakeResult, PreIntakeSubject } from '../sidebarTypes';
import { looksLikePersonName } from '../../domain/validate/activityRules';
import { readCaseTable, readWorkbookPeople } from './caseTable';

/** 支援記録 as `only` says (by default its ケースID and 対象 columns), its 対象 column added when missing; null when the tab is missing. */
export function activityTable(book: Book, only: PartialRead = { columns: ['caseId', 'subject'] }): RecordTable | null {
  const sheet = book.sheets.get(TAB.activities);
  if (!sheet) return null;
  const { settings } = readBookSettings(book);
  return readRecordTable(sheet, book.timeZone, settings, {
    fields: ACTIVITY_FIELDS, kind: 'other', missingColumnsHint: '見出し行を確かめてください。', addable: ['subject'],
  }, only);
}

/** Data rows (index from 0) of the 対象 not linked to a case, by 対象. */
function unlinked(table: RecordTable): Map<string, number[]> {
  const bySubject = new Map<string, number[]>();
  for (const index of table.filled) {
    const text = table.partOf(index, ['caseId', 'subject']);
    if (text.caseId || !text.subject) continue;
    bySubject.set(text.subject, [...(bySubject.get(text.subject) ?? []), index]);
  }
  return bySubject;
}

/**
 * The 対象's rows not linked to a case: the rows Sheets finds showing it, when
 * they are the `offered` records the person was shown; otherwise (the 対象 typed
 * another way in a row, say in full-width letters) from 支援記録's columns, so
 * no row is left behind.
 */
function unlinkedRowsOf(book: Book, subject: string, offered: number | undefined): { table: RecordTable | null; indexes: number[] } {
  if (offered) {
    const searched = activityTable(book, { tail: 0, search: { key: 'subject', texts: [subject] } });
    const found = searched ? unlinked(searched).get(subject) ?? [] : [];
    if (found.length === offered) return { table: searched, indexes: found };
  }
  const table = activityTable(book, { columns: ['caseId', 'subject', 'recordId'] });
  return { table, indexes: table ? unlinked(table).get(subject) ?? [] : [] };
}

export function getPreIntakeSubjects(rawArgs?: unknown): PreIntakeSubject[] {
  parseArgs(preIntakeSubjectsArgs, rawArgs ?? {});
  const book = openBook();
  const table = activityTable(book, { columns: ['caseId', 'subject', 'activityOn'] });
  if (!table) return [];
  const subjects = [...unlinked(table)];
  if (subjects.length === 0) return [];
  // A 対象 that names a person (SPEC §6 target_names_person) is offered with a warning, never as if neutral.
  const namesCase = namesAnyone(readWorkbookPeople(book, readBookSettings(book).settings));
  return subjects.map(([subject, indexes]) => {
    const days = indexes.map((i) => table.partOf(i, ['activityOn']).activityOn ?? '').filter(isIsoDate).sort();
    return { subject, records: indexes.length, firstOn: days[0] ?? '', lastOn: days.at(-1) ?? '', namesPerson: looksLikePersonName(subject) || namesCase(subject) };
  });
}

/** Writes the ケースID into every unlinked 支援記録 row of the 対象, in one write, and logs each row. */
export function linkPreIntakeRecords(rawArgs?: unknown): LinkPreIntakeResult {
  const args = parseArgs(linkPreIntakeArgs, rawArgs);
  return withDocumentLock(() => saveOnce(args.requestId, (properties): LinkPreIntakeResult => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    if (readCaseTable(book, settings, { columns: ['caseId'] }).indexOfCase(args.caseId) < 0) {
      throw new Error(`ケースID「${args.caseId}」は共通シートにありません。先にケースを保存してください。`);
    }
    const { table, indexes } = unlinkedRowsOf(book, args.subject, args.records);
    if (!table || indexes.length === 0) {
      throw new Error(`対象「${args.subject}」の、ケースIDのない支援記録はありません（すでにつないだか、対象が変わっています）。`);
    }
    // The ケースID cell of each of the 対象's rows, and no other cell: the rows between are others' records.
    const column = table.columnOf.get('caseId')!;
    const row: Cell[] = Array.from({ length: column + 1 }, (_, c) => (c === column ? args.caseId : ''));
    writeEachRow(table.sheet, book.timeZone, new Map(indexes.map((index) => [index, row])), column, column, table.size);
    logChanges(book, indexes.map((index) => ({
      operation: 'まだケースでなかった方の支援記録をケースにつなぐ', sheet: TAB.activities, caseId: args.caseId,
      field: `ケースID（${sheetRow(index)}行目・対象「${args.subject}」）`, before: '', after: args.caseId,
    })), { properties });
    const recordIds = indexes.map((index) => table.partOf(index, ['recordId']).recordId ?? '').filter((id) => id !== '');
    return { caseId: args.caseId, subject: args.subject, rows: indexes.map(sheetRow), recordIds };
  }));
}
