// Recording an outreach visit or participation support against a case, or
// (アウトリーチ only) for someone not yet a case under a 対象: one row appended
// to 支援記録 under the document lock, with its 記録ID. A record of the same
// case, date and 種別 as an existing one is saved only once the person has
// confirmed it is another visit (a second press is not). Read: the ケースID
// column of 共通シート; of 支援記録, which grows five times as fast, no column
// but its header, its newest rows and the rows Sheets finds showing the ケースID;
// for a record under a 対象, also every case's 本人氏名, カナ and 生年月日, so
// a 対象 that names a case is caught.
import { namesAnyone } from '../../domain/agenda/masking';
import { cellText, type Cell } from '../../domain/cell';
import { IdAllocator, RECORD_ID_FORMAT } from '../../domain/caseId';
import { ACTIVITY_FIELDS, TAB } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import { readActivityRecord } from '../../domain/schema';
import { sheetRow } from '../../domain/table';
import { checkSubjectAgainstCases } from '../../domain/validate/activityRules';
import { finding, say } from '../../domain/validate/problem';
import { createTab, openBook, readBookSettings, STANDARD_TABS } from '../../sheets/book';
import { logChanges } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { saveOnce, type PropertyStore } from '../../sheets/recentSaves';
import { anyRowShows, appendRow, readTableColumns } from '../../sheets/tables';
import { readRecordTable, type RecordTable } from '../recordTable';
import { parseArgs, saveActivityArgs } from '../contracts';
import type { SaveResult } from '../sidebarTypes';
import { IDENTITY_KEYS, readCaseTable, workbookPeople } from './caseTable';

/** The rows at the end of 支援記録 read for the newest 記録ID: a month of records in a large town. */
const NEWEST_ROWS = 500;

/**
 * The last 記録ID this add-on gave in each fiscal year (document property,
 * `{"R2026": "R2026-00123"}`): once 支援記録 is sorted, say by ケースID, its
 * newest rows no longer hold the largest.
 */
const LAST_RECORD_IDS = 'tsunagi.lastRecordIds';

function lastRecordIds(properties: PropertyStore): Record<string, string> {
  try {
    const parsed: unknown = JSON.parse(properties.getProperty(LAST_RECORD_IDS) ?? '{}');
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}

/**
 * The next 記録ID of the record's year: one more than the largest among the
 * newest rows and the last one the add-on gave, once Sheets finds no cell
 * showing it. Only when it does (IDs typed or pasted by hand) is the whole
 * 記録ID column read; the ID given is remembered.
 */
function nextRecordId(table: RecordTable, on: string, timeZone: string, properties: PropertyStore): string {
  const column = table.columnOf.get('recordId')!;
  const idsIn = (rows: readonly Cell[][]): string[] => rows.flatMap((row) => [cellText(row[column] ?? '').trim()]);
  const given = lastRecordIds(properties);
  let id = new IdAllocator(RECORD_ID_FORMAT, [...idsIn(table.rows), ...Object.values(given)]).next(on) ?? '';
  if (id && anyRowShows(table.sheet, column, table.rows.length, id)) {
    const all = readTableColumns(table.sheet, timeZone, () => [column]);
    id = new IdAllocator(RECORD_ID_FORMAT, [...idsIn(all.rows), ...Object.values(given)]).next(on) ?? '';
  }
  if (id) properties.setProperty(LAST_RECORD_IDS, JSON.stringify({ ...given, [id.slice(0, id.indexOf('-'))]: id }));
  return id;
}

export function saveActivity(rawArgs?: unknown): SaveResult {
  const args = parseArgs(saveActivityArgs, rawArgs);
  const today = todayInTokyo();
  return withDocumentLock(() => saveOnce(args.requestId, (properties): SaveResult => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    const { record, findings } = readActivityRecord(settings, today)(args.record);
    const subject = record?.text.subject ?? '';
    const cases = readCaseTable(book, settings, { columns: subject ? ['caseId', ...IDENTITY_KEYS] : ['caseId'] });
    const caseId = record?.text.caseId ?? '';
    const unknown = caseId && cases.indexOfCase(caseId) < 0 ? [finding('caseId', 'unknown_case', say.unknownCase(caseId))] : [];
    const errors = [...findings.filter((f) => f.severity === 'error'), ...unknown];
    const named = subject && record ? checkSubjectAgainstCases(record.text, namesAnyone(workbookPeople(cases))) : [];
    const warnings = [...findings.filter((f) => f.severity === 'warning'), ...named];
    if (!record || errors.length) return { saved: false, errors, warnings };

    const sheet = book.sheets.get(TAB.activities)
      ?? createTab(book, TAB.activities, STANDARD_TABS.find((t) => t.name === TAB.activities)!.initial());
    const table = readRecordTable(sheet, book.timeZone, settings, {
      fields: ACTIVITY_FIELDS, kind: 'other', missingColumnsHint: '見出し行を確かめてください。', addable: ['subject'],
    }, { tail: NEWEST_ROWS, ...(caseId ? { search: { key: 'caseId', texts: [caseId] } } : {}) });
    const { columnOf } = table;
    const sameDay = table.indexesOf('caseId', caseId)
      .filter((i) => table.textOf(i).activityOn === record.text.activityOn && table.textOf(i).activityType === record.text.activityType)
      .map((i) => ({ id: table.textOf(i).recordId ?? '', row: sheetRow(i) }));
    if (caseId && sameDay.length && !args.allowSameDay) return { saved: false, errors: [], warnings, sameDay };
    const cells: Record<string, Cell> = { ...record.cells };
    if (!cellText(cells.recordId ?? '')) cells.recordId = nextRecordId(table, record.text.activityOn ?? '', book.timeZone, properties);
    const row: Cell[] = Array.from({ length: table.header.length }, () => '');
    for (const field of ACTIVITY_FIELDS) row[columnOf.get(field.key)!] = cells[field.key] ?? '';
    const rowNumber = sheetRow(table.rows.length);
    appendRow(sheet, row, book.timeZone, table.size);
    const id = cellText(cells.recordId ?? '');
    logChanges(book, [{ operation: '支援記録を登録', sheet: TAB.activities, caseId, field: '記録ID', before: '', after: id }], { properties });
    return { saved: true, id, row: rowNumber, created: true, warnings };
  }));
}
