// 標準化 (SPEC §7): backup first, then the standard table written in one
// call, missing tabs created, furniture applied, every change logged.
import { TAB } from '../domain/fields';
import { standardizeCases } from '../domain/standardize/standardize';
import { openBook, readBookSettings, type Book } from '../sheets/book';
import { logChanges, type ChangeEntry } from '../sheets/changeLog';
import { withDocumentLock } from '../sheets/lock';
import { readTable, writeTable } from '../sheets/tables';
import { parseArgs, standardizeArgs } from './contracts';
import { createMissingTabs, furnishStandardTabs } from './setup';

export interface StandardizeReport {
  readonly sheet: string;
  readonly backupSheet: string | null;
  readonly renamedHeaders: { from: string; to: string }[];
  readonly addedColumns: string[];
  readonly extraColumns: string[];
  readonly normalizedCells: number;
  readonly assignedIds: number;
  readonly createdTabs: string[];
  readonly renamedFrom: string | null;
}

/** Tabs that hold something else and must never be rebuilt as 共通シート. */
const NOT_CASE_TABS = /^(支援記録|会議記録|支援プラン|役割分担|設定|変更履歴|次第_|集計_|プラン_|バックアップ_)/;

/** The tab named, else 共通シート, else the first tab (SPEC §11). */
function targetSheet(book: Book, requested: string | undefined): GoogleAppsScript.Spreadsheet.Sheet {
  const name = requested ?? (book.sheets.has(TAB.cases) ? TAB.cases : [...book.sheets.keys()][0] ?? '');
  const sheet = book.sheets.get(name);
  if (!sheet) throw new Error(`タブ「${name}」が見つかりません。タブの名前を確かめてください。`);
  if (NOT_CASE_TABS.test(name)) throw new Error(`「${name}」はアドオンが使う別の表のため、共通シートとして標準化できません。ケースの一覧があるタブを選んでください。`);
  if (name !== TAB.cases && book.sheets.has(TAB.cases)) {
    throw new Error(`このブックにはすでに「共通シート」があります。「${name}」を標準化すると共通シートが2つになるため、中身を共通シートに移してから実行してください。`);
  }
  return sheet;
}

function backupName(book: Book): string {
  const base = `バックアップ_${Utilities.formatDate(new Date(), book.timeZone, 'yyyyMMdd_HHmmss')}`;
  let name = base;
  for (let n = 2; book.sheets.has(name); n++) name = `${base}_${n}`;
  return name;
}

export function standardizeSheet(rawArgs?: unknown): StandardizeReport {
  const args = parseArgs(standardizeArgs, rawArgs);
  return withDocumentLock(() => {
    const book = openBook();
    const sheet = targetSheet(book, args.sheetName);
    const name = sheet.getName();
    const bookSettings = readBookSettings(book);
    const { settings } = bookSettings;
    const table = readTable(sheet, book.timeZone);
    const result = standardizeCases(table, settings);
    const renamedFrom = name === TAB.cases ? null : name;
    let backupSheet: string | null = null;
    if (result.changed || renamedFrom) {
      backupSheet = backupName(book);
      const backup = sheet.copyTo(book.spreadsheet).setName(backupSheet);
      book.sheets.set(backupSheet, backup);
      writeTable(sheet, result, book.timeZone, { rows: table.rows.length + 1, columns: table.header.length });
      if (renamedFrom) {
        sheet.setName(TAB.cases);
        book.sheets.delete(renamedFrom);
        book.sheets.set(TAB.cases, sheet);
      }
    }
    const createdTabs = createMissingTabs(book);
    // A 設定 tab made just now has the default lists: read its header once more.
    furnishStandardTabs(book, createdTabs.includes(TAB.settings) ? readBookSettings(book) : bookSettings);
    const entry = (caseId: string, field: string, before: string, after: string): ChangeEntry =>
      ({ operation: '標準化', sheet: TAB.cases, caseId, field, before, after });
    logChanges(book, [
      ...(backupSheet ? [entry('', '', name, `バックアップ「${backupSheet}」を作成しました`)] : []),
      ...(renamedFrom ? [entry('', 'タブ名', renamedFrom, TAB.cases)] : []),
      ...result.renamedHeaders.map((r) => entry('', '見出し', r.from, r.to)),
      ...result.addedColumns.map((c) => entry('', '列の追加', '', c)),
      ...result.changes.map((c) => entry(c.caseId, c.column, c.before, c.after)),
      ...createdTabs.map((t) => ({ operation: '標準化', sheet: t, caseId: '', field: '', before: '', after: 'タブを作成しました' })),
    ]);
    return {
      sheet: TAB.cases, backupSheet,
      renamedHeaders: result.renamedHeaders, addedColumns: result.addedColumns, extraColumns: result.extraColumns,
      normalizedCells: result.normalizedCells, assignedIds: result.assignedIds, createdTabs, renamedFrom,
    };
  });
}
