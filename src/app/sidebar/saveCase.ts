// Saving a case from the sidebar: validated again here with the schema the
// page used, then one row written under the document lock, stamped, logged.
// An edit writes only the fields the person changed since loading the form;
// a field someone else changed meanwhile is refused, never overwritten, and
// only the cells that change are written, so a colleague typing into another
// cell of the row in the sheet meanwhile keeps what they typed. Of 共通シート
// only the ケースID, カナ and 生年月日 columns and the edited row are read.
import { cellText, type Cell } from '../../domain/cell';
import { CASE_ID_FORMAT, IdAllocator } from '../../domain/caseId';
import { changedFields, editConflicts } from '../../domain/edits';
import { CASE_FIELDS, TAB } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import { normalizeRecord, sameCell, type RawRecord } from '../../domain/record';
import { readCaseRecord } from '../../domain/schema';
import type { Settings } from '../../domain/settings';
import { sheetRow } from '../../domain/table';
import { finding, say, type Finding } from '../../domain/validate/problem';
import { personKey, possibleDuplicateOf } from '../../domain/validate/workbook';
import { openBook, readBookSettings } from '../../sheets/book';
import { clearCaseDraft } from '../../sheets/caseDraft';
import { currentUser, logChanges, type ChangeEntry } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { saveOnce } from '../../sheets/recentSaves';
import { appendRow, runsOf, writeBlock } from '../../sheets/tables';
import { instantToDateCell } from '../../sheets/zonedDate';
import { ArgumentError, parseArgs, saveCaseArgs } from '../contracts';
import type { SaveResult } from '../sidebarTypes';
import { readCaseRows, type CaseTable } from './caseTable';

type Args = ReturnType<typeof parseArgs<typeof saveCaseArgs>>;

const headerOf = new Map(CASE_FIELDS.map((f) => [f.key, f.header]));
const PERSON_KEYS = ['personKana', 'birthDate'];
/** What 変更履歴 calls a value the add-on rewrote in the standard form without the person changing it. */
export const RENORMALISED = '表記の統一';

const textOf = (raw: RawRecord, settings: Settings) => normalizeRecord(CASE_FIELDS, raw, settings, 'case').text;

/** The row index being edited (or -1 for a new case), after checking the IDs the page sent. */
function targetRow(args: Args, table: CaseTable): number {
  const sentId = cellText(args.record.caseId ?? '').trim();
  if (args.editing === undefined) {
    if (sentId) throw new ArgumentError('新しいケースのケースIDは保存するときに付番します。ケースIDを空欄にしてください。');
    if (args.loaded) throw new ArgumentError('新しいケースに「読み込んだときの内容」は送れません。');
    return -1;
  }
  if (sentId !== args.editing) throw new ArgumentError(`編集中のケース（${args.editing}）と違うケースID「${sentId}」は保存できません。ケースIDは変えられません。`);
  if (!args.loaded || cellText(args.loaded.caseId ?? '').trim() !== args.editing) {
    throw new ArgumentError('読み込んだときの内容がないため、どこを変えたか分かりません。ケースを読み込み直してください。');
  }
  const rows = table.indexesOf('caseId', args.editing);
  if (rows.length === 0) {
    throw new Error(`ケースID「${args.editing}」が共通シートに見つかりません。ほかの方が変更した可能性があります。サイドバーを開き直してください。`);
  }
  if (rows.length > 1) throw new Error(say.duplicateCaseId(args.editing, rows.map(sheetRow)));
  return rows[0]!;
}

export function saveCase(rawArgs?: unknown): SaveResult {
  const args = parseArgs(saveCaseArgs, rawArgs);
  const today = todayInTokyo();
  return withDocumentLock(() => saveOnce(args.requestId, (properties): SaveResult => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    const table = readCaseRows(book, settings, args.editing === undefined ? [] : [args.editing], PERSON_KEYS);
    const index = targetRow(args, table);

    // An edit applies only the changed fields to the row as it is now.
    const sent = textOf(args.record, settings);
    const changed = index < 0 ? CASE_FIELDS.map((f) => f.key) : changedFields(CASE_FIELDS, textOf(args.loaded!, settings), sent);
    if (index >= 0) {
      const conflicts = editConflicts(CASE_FIELDS, changed, textOf(args.loaded!, settings), table.textOf(index), sent);
      if (conflicts.length) return { saved: false, errors: [], warnings: [], conflicts };
    }
    const merged: Record<string, Cell> = index < 0 ? { ...args.record } : { ...table.rawOf(index) };
    for (const key of changed) merged[key] = args.record[key] ?? '';
    const { record, findings } = readCaseRecord(settings, today)(merged);
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    if (!record || errors.length) return { saved: false, errors, warnings };

    const cells: Record<string, Cell> = { ...record.cells };
    const idColumn = table.columnOf.get('caseId')!;
    const usedIds = table.rows.map((row, i) => (i === index ? '' : cellText(row[idColumn] ?? '').trim()));
    if (index < 0) cells.caseId = new IdAllocator(CASE_ID_FORMAT, usedIds).next(record.text.receivedOn ?? '') ?? '';
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
    const user = currentUser();
    cells.updatedBy = user;
    const before = index >= 0 ? table.rows[index]! : [];
    const row = Array.from({ length: table.header.length }, (_, c) => before[c] ?? '');
    const changes: ChangeEntry[] = [];
    const current = index >= 0 ? table.textOf(index) : {};
    for (const field of CASE_FIELDS) {
      const column = table.columnOf.get(field.key)!;
      const after = cells[field.key] ?? '';
      if (!field.system && !sameCell(row[column] ?? '', after)) {
        // The same text in another form (a date typed as text, 、 for ,) is the add-on's doing, not the person's.
        const byPerson = index < 0 || (current[field.key] ?? '') !== (record.text[field.key] ?? '');
        const operation = byPerson ? (index >= 0 ? 'ケースを更新' : 'ケースを登録') : RENORMALISED;
        changes.push({ operation, sheet: TAB.cases, caseId: id, field: headerOf.get(field.key)!, before: cellText(row[column] ?? ''), after: cellText(after) });
      }
      row[column] = after;
    }
    const rowNumber = index >= 0 ? sheetRow(index) : sheetRow(table.rows.length);
    if (index < 0) appendRow(table.sheet, row, book.timeZone, table.size);
    else {
      const changedColumns = row.flatMap((cell, c) => (sameCell(before[c] ?? '', cell) ? [] : [c]));
      for (const { first, count } of runsOf(changedColumns)) writeBlock(table.sheet, rowNumber, first + 1, [row.slice(first, first + count)], book.timeZone, table.size);
    }
    logChanges(book, changes, { properties, user });
    clearCaseDraft();
    return { saved: true, id, row: rowNumber, created: index < 0, warnings: [...warnings, ...duplicates] };
  }));
}
