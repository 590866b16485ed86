// 共通シート as the sidebar endpoints use it: read once, columns by header,
// rows as normalised records.
import { personOf, type PersonIdentity } from '../../domain/agenda/masking';
import { CASE_FIELDS, TAB } from '../../domain/fields';
import type { Settings } from '../../domain/settings';
import type { Book } from '../../sheets/book';
import { readRecordTable, type PartialRead, type RecordTable } from '../recordTable';

export interface CaseTable extends RecordTable {
  indexOfCase(caseId: string): number;
}

export const IDENTITY_KEYS = ['personName', 'personKana', 'birthDate'] as const;

/** Every case's 本人氏名, カナ and 生年月日 (SPEC §8: the workbook is the name list); only these three columns are normalised. */
export function workbookPeople(cases: CaseTable): PersonIdentity[] {
  return cases.filled.map((i) => personOf(cases.partOf(i, IDENTITY_KEYS)));
}

/** The workbook's people read from those three columns of 共通シート alone. */
export function readWorkbookPeople(book: Book, settings: Settings): PersonIdentity[] {
  return workbookPeople(readCaseTable(book, settings, { columns: IDENTITY_KEYS }));
}

/** 共通シート whole, or with `only` the part of it an operation needs (see readRecordTable). */
export function readCaseTable(book: Book, settings: Settings, only?: PartialRead): CaseTable {
  const sheet = book.sheets.get(TAB.cases);
  if (!sheet) throw new Error('このブックには「共通シート」タブがありません。メニュー「多機関協働」の「シートを準備」を先に実行してください。');
  const table = readRecordTable(sheet, book.timeZone, settings, {
    fields: CASE_FIELDS, kind: 'case', missingColumnsHint: 'メニューの「標準化」を実行してから、もう一度お試しください。',
  }, only);
  return { ...table, indexOfCase: (caseId) => table.indexOf('caseId', caseId) };
}

/** Of 共通シート, every ケースID (and `columns`) and, whole, the rows of the cases `caseIds`. */
export function readCaseRows(book: Book, settings: Settings, caseIds: readonly string[], columns: readonly string[] = []): CaseTable {
  return readCaseTable(book, settings, { columns: ['caseId', ...columns], rowsWhere: { key: 'caseId', values: caseIds } });
}
