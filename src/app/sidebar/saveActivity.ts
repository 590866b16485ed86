// Recording an outreach visit or participation support against a case, or
// (アウトリーチ only) for someone not yet a case under a 対象: one row appended
// to 支援記録 under the document lock, with its 記録ID. A record of the same
// case, date and 種別 as an existing one is saved only once the person has
// confirmed it is another visit (a second press is not). Read: the ケースID
// column of 共通シート, the ケースID and 記録ID columns of 支援記録, and the
// case's own 支援記録 rows, never the tabs whole; for a record under a 対象,
// also every case's 本人氏名, カナ and 生年月日, so a 対象 that names a case is caught.
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
import { saveOnce } from '../../sheets/recentSaves';
import { appendRow } from '../../sheets/tables';
import { readRecordTable } from '../recordTable';
import { parseArgs, saveActivityArgs } from '../contracts';
import type { SaveResult } from '../sidebarTypes';
import { IDENTITY_KEYS, readCaseTable, workbookPeople } from './caseTable';

export function saveActivity(rawArgs?: unknown): SaveResult {
  const args = parseArgs(saveActivityArgs, rawArgs);
  const today = todayInTokyo();
  return withDocumentLock(() => saveOnce(args.requestId, (): SaveResult => {
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
    }, { columns: ['recordId'], ...(caseId ? { rowsWhere: { key: 'caseId', values: [caseId] } } : {}) });
    const { columnOf } = table;
    const sameDay = table.indexesOf('caseId', caseId)
      .filter((i) => table.textOf(i).activityOn === record.text.activityOn && table.textOf(i).activityType === record.text.activityType)
      .map((i) => ({ id: table.textOf(i).recordId ?? '', row: sheetRow(i) }));
    if (caseId && sameDay.length && !args.allowSameDay) return { saved: false, errors: [], warnings, sameDay };
    const idColumn = columnOf.get('recordId')!;
    const cells: Record<string, Cell> = { ...record.cells };
    if (!cellText(cells.recordId ?? '')) {
      const used = table.rows.map((row) => cellText(row[idColumn] ?? '').trim());
      cells.recordId = new IdAllocator(RECORD_ID_FORMAT, used).next(record.text.activityOn ?? '') ?? '';
    }
    const row: Cell[] = Array.from({ length: table.header.length }, () => '');
    for (const field of ACTIVITY_FIELDS) row[columnOf.get(field.key)!] = cells[field.key] ?? '';
    const rowNumber = sheetRow(table.rows.length);
    appendRow(sheet, row, book.timeZone);
    const id = cellText(cells.recordId ?? '');
    logChanges(book, [{ operation: '支援記録を登録', sheet: TAB.activities, caseId, field: '記録ID', before: '', after: id }]);
    return { saved: true, id, row: rowNumber, created: true, warnings };
  }));
}
