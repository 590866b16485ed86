// After a save, the sidebar checks the saved row again instead of the whole
// book (the full 入力チェック stays a menu command and a button): the rules
// the full check runs on that row, and the rules across rows that involve it.
// A case: its own rules, duplicate ケースID and possible duplicate against
// every row (by the ケースID, カナ and 生年月日 columns alone), and its plans'
// consistency (its 支援プラン and 役割分担 rows). The rows so tied to it, and
// after an edit of カナ or 生年月日 those that shared the old ones, are checked
// whole too, since their problems change with it. A 支援記録: its
// rules, and whether its case is in 共通シート. Only those rows are marked,
// under the document lock, so a fixed cell loses its mark and a new problem
// gets one. Read: a few columns of 共通シート, the ケースID column of the plan
// tabs, and the rows themselves, never a whole tab; of 支援記録 (five rows a
// case) no column: Sheets finds the record's row by its 記録ID.
import { namesAnyone } from '../../domain/agenda/masking';
import type { Cell } from '../../domain/cell';
import { ACTIVITY_FIELDS, TAB } from '../../domain/fields';
import { todayInTokyo } from '../../domain/normalize';
import type { Settings } from '../../domain/settings';
import { sheetRow, type Table } from '../../domain/table';
import type { RecordText } from '../../domain/record';
import { caseKeyRows, caseKeyText, CASE_KEY_COLUMNS, rowsTiedTo, validateActivityRows, validateCaseRows, type ValidationResult } from '../../domain/validate/workbook';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import { withDocumentLock } from '../../sheets/lock';
import { markRows } from '../../sheets/marks';
import { readRowsInto } from '../../sheets/tables';
import { parseArgs, recheckArgs } from '../contracts';
import { readPlanTables } from '../plan/planTables';
import { readRecordTable, type RecordTable } from '../recordTable';
import type { RecheckResult } from '../sidebarTypes';
import { IDENTITY_KEYS, readCaseRows, readCaseTable, workbookPeople } from './caseTable';

export function recheckSaved(rawArgs?: unknown): RecheckResult {
  const args = parseArgs(recheckArgs, rawArgs);
  const today = args.today ?? todayInTokyo();
  return withDocumentLock(() => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    const checked = args.sheet === TAB.cases
      ? recheckCase(book, settings, args.id, today, args.formerly && caseKeyText(args.formerly, settings))
      : recheckActivities(book, settings, args.ids, today);
    const markedCells = checked.rows.reduce((marked, { sheet, rows }) => marked + markRows(book, sheet, rows, checked.result.problems), 0);
    return {
      ...checked.result, markedCells,
      rows: checked.rows.flatMap(({ sheet, rows }) => rows.map((row) => ({ sheet, row }))),
    };
  });
}

interface Checked {
  readonly result: ValidationResult;
  /** The sheet rows checked, by tab. */
  readonly rows: readonly { readonly sheet: string; readonly rows: readonly number[] }[];
}

/** Only the rows of these cases, the others left as holes: the rules then see those cases' rows alone. */
function rowsOfCases(table: RecordTable | null, caseIds: readonly string[]): Table | null {
  if (!table) return null;
  const rows: (readonly Cell[])[] = [];
  for (const id of caseIds) for (const index of table.indexesOf('caseId', id)) rows[index] = table.rows[index]!;
  return { header: table.header, rows };
}

const sheetRowsOf = (table: Table | null): number[] => (table ? Object.keys(table.rows).map((index) => sheetRow(Number(index))) : []);

function recheckCase(book: Book, settings: Settings, caseId: string, today: string, formerly: RecordText | undefined): Checked {
  const cases = readCaseRows(book, settings, [caseId], CASE_KEY_COLUMNS);
  const saved = cases.indexesOf('caseId', caseId);
  if (saved.length === 0) throw new Error(`ケースID「${caseId}」が共通シートに見つかりません。ほかの方が変更した可能性があります。「入力チェックを実行」で確かめてください。`);
  const keys = caseKeyRows(cases, settings);
  const indexes = rowsTiedTo(keys, saved, formerly);
  // The rows tied by カナ and 生年月日 under another ケースID were read by those columns only.
  readRowsInto(cases.sheet, book.timeZone, { header: cases.header, rows: cases.rows as Cell[][] }, indexes.filter((i) => !saved.includes(i)));
  const tied = new Set(indexes);
  const caseIds = [...new Set(keys.flatMap((k) => (tied.has(k.index) && k.text.caseId ? [k.text.caseId] : [])))];
  const tables = readPlanTables(book, settings, false, caseIds);
  const plans = rowsOfCases(tables.plans, caseIds);
  const tasks = rowsOfCases(tables.tasks, caseIds);
  return {
    result: validateCaseRows({ cases, keys, indexes, plans, tasks, settings, today }),
    rows: [
      { sheet: TAB.cases, rows: indexes.map(sheetRow) },
      { sheet: TAB.plans, rows: sheetRowsOf(plans) },
      { sheet: TAB.tasks, rows: sheetRowsOf(tasks) },
    ],
  };
}

function recheckActivities(book: Book, settings: Settings, recordIds: readonly string[], today: string): Checked {
  const sheet = book.sheets.get(TAB.activities);
  if (!sheet) throw new Error('このブックには「支援記録」タブがありません。「入力チェックを実行」で確かめてください。');
  const activities = readRecordTable(sheet, book.timeZone, settings, {
    fields: ACTIVITY_FIELDS, kind: 'other', missingColumnsHint: '見出し行を確かめてください。',
  }, { tail: 0, search: { key: 'recordId', texts: recordIds } });
  const indexes = [...new Set(recordIds.flatMap((id) => activities.indexesOf('recordId', id)))];
  if (indexes.length === 0) throw new Error(`記録ID「${recordIds.join('」「')}」が支援記録に見つかりません。ほかの方が変更した可能性があります。「入力チェックを実行」で確かめてください。`);
  // Every case's name, カナ and 生年月日 only for a record under a 対象 (target_names_person), as saveActivity reads them.
  const subjects = indexes.some((i) => activities.textOf(i).subject);
  const cases = readCaseTable(book, settings, { columns: subjects ? ['caseId', ...IDENTITY_KEYS] : ['caseId'] });
  const caseIds = new Set(cases.filled.flatMap((i) => cases.partOf(i, ['caseId']).caseId || []));
  let names: ((subject: string) => boolean) | null = null;
  const namesCase = (subject: string): boolean => (names ??= namesAnyone(workbookPeople(cases)))(subject);
  return {
    result: validateActivityRows({ activities, indexes, caseIds, namesCase, settings, today }),
    rows: [{ sheet: TAB.activities, rows: indexes.map(sheetRow) }],
  };
}
