// Saving a case from the sidebar: validated again here with the schema the
// page used, then one row written under the document lock, stamped, logged.
import { cellText, type Cell } from '../../domain/cell';
import { CASE_ID_FORMAT, IdAllocator } from '../../domain/caseId';
import { CASE_FIELDS, TAB } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import { sameCell } from '../../domain/record';
import { readCaseRecord } from '../../domain/schema';
import { sheetRow } from '../../domain/table';
import { finding, say, type Finding } from '../../domain/validate/problem';
import { personKey, possibleDuplicateOf } from '../../domain/validate/workbook';
import { openBook, readBookSettings } from '../../sheets/book';
import { currentUser, logChanges, type ChangeEntry } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { saveOnce } from '../../sheets/recentSaves';
import { appendRow, writeRows } from '../../sheets/tables';
import { instantToDateCell } from '../../sheets/zonedDate';
import { parseArgs, saveCaseArgs } from '../contracts';
import type { SaveResult } from '../sidebarTypes';
import { readCaseTable } from './caseTable';

const headerOf = new Map(CASE_FIELDS.map((f) => [f.key, f.header]));
const PERSON_KEYS = ['personKana', 'birthDate'];

export function saveCase(rawArgs?: unknown): SaveResult {
  const args = parseArgs(saveCaseArgs, rawArgs);
  const today = args.today ?? todayInTokyo();
  return withDocumentLock(() => saveOnce(args.requestId, (): SaveResult => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    const { record, findings } = readCaseRecord(settings, today)(args.record);
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (!record || errors.length) return { saved: false, errors, warnings };
    const table = readCaseTable(book, settings);

    const index = args.editing === undefined ? -1 : table.indexOfCase(args.editing);
    if (args.editing !== undefined && index < 0) {
      throw new Error(`ケースID「${args.editing}」が共通シートに見つかりません。ほかの方が変更した可能性があります。サイドバーを開き直してください。`);
    }
    const cells: Record<string, Cell> = { ...record.cells };
    const idColumn = table.columnOf.get('caseId')!;
    const usedIds = table.rows.map((row, i) => (i === index ? '' : cellText(row[idColumn] ?? '').trim()));
    const typedId = cellText(cells.caseId ?? '');
    if (typedId && usedIds.includes(typedId)) {
      return { saved: false, errors: [finding('caseId', 'duplicate_case_id', say.duplicateCaseId(typedId, [sheetRow(usedIds.indexOf(typedId))]))], warnings };
    }
    if (!typedId) cells.caseId = new IdAllocator(CASE_ID_FORMAT, usedIds).next(record.text.receivedOn ?? '') ?? '';
    const id = cellText(cells.caseId ?? '');

    const samePerson = personKey(record.text);
    // Only カナ and 生年月日 of every row are normalised, then ケースID of the matches.
    const candidates = samePerson === null ? [] : table.filled
      .filter((i) => i !== index && personKey(table.partOf(i, PERSON_KEYS)) === samePerson)
      .map((i) => ({ caseId: table.partOf(i, ['caseId']).caseId ?? '', row: sheetRow(i) }));
    const self = { caseId: id, row: index >= 0 ? sheetRow(index) : 0 };
    const duplicate = possibleDuplicateOf(self, candidates, candidates.filter((c) => c.caseId !== id).length);
    const duplicates: Finding[] = duplicate ? [finding('personKana', 'possible_duplicate', duplicate)] : [];

    cells.updatedAt = instantToDateCell(new Date(), book.timeZone);
    cells.updatedBy = currentUser();
    const before = index >= 0 ? table.rows[index]! : [];
    const row = Array.from({ length: table.header.length }, (_, c) => before[c] ?? '');
    const changes: ChangeEntry[] = [];
    for (const field of CASE_FIELDS) {
      const column = table.columnOf.get(field.key)!;
      const after = cells[field.key] ?? '';
      if (!field.system && !sameCell(row[column] ?? '', after)) {
        changes.push({ operation: index >= 0 ? 'ケースを更新' : 'ケースを登録', sheet: TAB.cases, caseId: id, field: headerOf.get(field.key)!, before: cellText(row[column] ?? ''), after: cellText(after) });
      }
      row[column] = after;
    }
    const rowNumber = index >= 0 ? sheetRow(index) : sheetRow(table.rows.length);
    if (index >= 0) writeRows(table.sheet, rowNumber, [row], book.timeZone);
    else appendRow(table.sheet, row, book.timeZone);
    logChanges(book, changes);
    return { saved: true, id, row: rowNumber, created: index < 0, warnings: [...warnings, ...duplicates] };
  }));
}
