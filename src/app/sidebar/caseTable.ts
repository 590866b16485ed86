// 共通シート as the sidebar endpoints use it: read once, columns by header,
// rows as normalised records.
import { cellText, type Cell } from '../../domain/cell';
import { CASE_FIELDS, TAB } from '../../domain/fields';
import { matchHeaders, rowRecord } from '../../domain/headers';
import { normalizeRecord, type RecordText } from '../../domain/record';
import type { Settings } from '../../domain/settings';
import { isBlankRow } from '../../domain/table';
import type { Book } from '../../sheets/book';
import { readTable } from '../../sheets/tables';

export interface CaseTable {
  readonly sheet: GoogleAppsScript.Spreadsheet.Sheet;
  readonly header: readonly Cell[];
  readonly rows: readonly Cell[][];
  readonly columnOf: ReadonlyMap<string, number>;
  /** The normalised record of a data row (index from 0). */
  textOf(index: number): RecordText;
  /** Data row indexes that hold something. */
  readonly filled: readonly number[];
  indexOfCase(caseId: string): number;
}

export function readCaseTable(book: Book, settings: Settings): CaseTable {
  const sheet = book.sheets.get(TAB.cases);
  if (!sheet) throw new Error('このブックには「共通シート」タブがありません。メニュー「多機関協働」の「シートを準備」を先に実行してください。');
  const { header, rows } = readTable(sheet, book.timeZone);
  const { columnOf } = matchHeaders(CASE_FIELDS, header);
  const missing = CASE_FIELDS.filter((f) => !columnOf.has(f.key)).map((f) => f.header);
  if (missing.length) {
    throw new Error(`共通シートに列「${missing.join('」「')}」がありません。メニューの「標準化」を実行してから、もう一度お試しください。`);
  }
  const cache = new Map<number, RecordText>();
  const idColumn = columnOf.get('caseId')!;
  return {
    sheet, header, rows, columnOf,
    textOf(index) {
      let text = cache.get(index);
      if (!text) {
        text = normalizeRecord(CASE_FIELDS, rowRecord(CASE_FIELDS, columnOf, rows[index] ?? []), settings, 'case').text;
        cache.set(index, text);
      }
      return text;
    },
    filled: rows.flatMap((row, index) => (isBlankRow(row) ? [] : [index])),
    indexOfCase: (caseId) => rows.findIndex((row) => cellText(row[idColumn] ?? '').trim() === caseId),
  };
}

