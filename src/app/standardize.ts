// 標準化 (SPEC §7): backup first, then the standard table written in one
// call, missing tabs created, furniture applied, every change logged. Nothing
// of the hand-made tab is lost: merged cells are unmerged before the columns
// move, formulas without a result are kept as their text, links go with their
// cells, and header rows repeated inside the table are left out and reported.
import { cellText } from '../domain/cell';
import { TAB } from '../domain/fields';
import { repeatedHeaderRows } from '../domain/standardize/repeatedHeaders';
import { standardizeCases } from '../domain/standardize/standardize';
import { sheetRow } from '../domain/table';
import { openBook, readBookSettings, type Book } from '../sheets/book';
import { logChanges, type ChangeEntry } from '../sheets/changeLog';
import { cellName, readHandMadeExtras, restoreLinks, unmergeAll } from '../sheets/handMade';
import { withDocumentLock } from '../sheets/lock';
import { readTable, writeTable } from '../sheets/tables';
import { parseArgs, standardizeArgs } from './contracts';
import { assertFurnishable, createMissingTabs, furnishStandardTabs } from './setup';

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
  /** Merged ranges undone (A1), so no value hides under another column's merge. */
  readonly unmerged: string[];
  /** Cells whose formula had no result, kept as the formula's text (A1 in the tab as it was). */
  readonly formulasKeptAsText: string[];
  /** Cells whose link target was carried over. */
  readonly linksKept: number;
  /** Sheet rows (as they were) that repeated the header: left out, not made cases. */
  readonly skippedHeaderRows: number[];
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
    const read = readTable(sheet, book.timeZone);
    assertFurnishable(book, sheet, [TAB.cases]); // the only existing tab 標準化 furnishes
    const header = [...read.header];
    const values = [header, ...read.rows];
    const extras = readHandMadeExtras(sheet, values);
    for (const f of extras.uncachedFormulas) {
      const row = f.row === 0 ? header : read.rows[f.row - 1]!;
      row[f.column] = f.formula;
    }
    const repeated = repeatedHeaderRows({ header, rows: read.rows });
    const table = { header, rows: read.rows.filter((_, i) => !repeated.includes(i)) };
    const result = standardizeCases(table, settings);
    /** Data row (from 0, after skipping) of each data row as read. */
    const keptIndex = read.rows.map((_, i) => (repeated.includes(i) ? -1 : i - repeated.filter((r) => r < i).length));
    const renamedFrom = name === TAB.cases ? null : name;
    let backupSheet: string | null = null;
    const rewrite = result.changed || renamedFrom !== null || repeated.length > 0;
    const linksKept: { row: number; column: number; url: string; text: string }[] = [];
    if (rewrite) {
      backupSheet = backupName(book);
      const backup = sheet.copyTo(book.spreadsheet).setName(backupSheet);
      book.sheets.set(backupSheet, backup);
      if (extras.merges.length) unmergeAll(sheet);
      writeTable(sheet, result, book.timeZone, { rows: read.rows.length + 1, columns: read.header.length });
      for (const link of extras.links) {
        const column = result.sourceColumns.indexOf(link.column);
        const index = link.row === 0 ? -1 : keptIndex[link.row - 1]!;
        if (column < 0 || (link.row > 0 && index < 0)) continue;
        const text = cellText((link.row === 0 ? result.header : result.rows[index]!)[column] ?? '');
        if (text) linksKept.push({ row: link.row === 0 ? 1 : sheetRow(index), column: column + 1, url: link.url, text });
      }
      restoreLinks(sheet, linksKept);
      if (renamedFrom) {
        sheet.setName(TAB.cases);
        book.sheets.delete(renamedFrom);
        book.sheets.set(TAB.cases, sheet);
      }
    }
    const createdTabs = createMissingTabs(book);
    // A 設定 tab made just now has the default lists: read its header once more.
    // Tabs 標準化 did not touch keep the furniture シートを準備 gave them: at
    // 10,000 cases refurnishing 支援記録 alone wrote 800,000 formats and rules.
    furnishStandardTabs(book, createdTabs.includes(TAB.settings) ? readBookSettings(book) : bookSettings, [TAB.cases, ...createdTabs]);
    const entry = (caseId: string, field: string, before: string, after: string): ChangeEntry =>
      ({ operation: '標準化', sheet: TAB.cases, caseId, field, before, after });
    logChanges(book, [
      ...(backupSheet ? [entry('', '', name, `バックアップ「${backupSheet}」を作成しました`)] : []),
      ...(renamedFrom ? [entry('', 'タブ名', renamedFrom, TAB.cases)] : []),
      ...(rewrite ? extras.merges.map((a1) => entry('', 'セルの結合', a1, '結合を解除しました（値は左上のセルに残ります）')) : []),
      ...(rewrite ? extras.uncachedFormulas.map((f) => entry('', cellName(f.row, f.column), f.formula, '計算結果がないため、数式を文字として残しました')) : []),
      ...repeated.map((i) => entry('', `${sheetRow(i)}行目`, '見出しと同じ行', 'ケースではないため除きました（バックアップに残っています）')),
      ...result.renamedHeaders.map((r) => entry('', '見出し', r.from, r.to)),
      ...result.addedColumns.map((c) => entry('', '列の追加', '', c)),
      ...result.changes.map((c) => entry(c.caseId, c.column, c.before, c.after)),
      ...createdTabs.map((t) => ({ operation: '標準化', sheet: t, caseId: '', field: '', before: '', after: 'タブを作成しました' })),
    ]);
    return {
      sheet: TAB.cases, backupSheet,
      renamedHeaders: result.renamedHeaders, addedColumns: result.addedColumns, extraColumns: result.extraColumns,
      normalizedCells: result.normalizedCells, assignedIds: result.assignedIds, createdTabs, renamedFrom,
      unmerged: rewrite ? [...extras.merges] : [],
      formulasKeptAsText: rewrite ? extras.uncachedFormulas.map((f) => cellName(f.row, f.column)) : [],
      linksKept: linksKept.length,
      skippedHeaderRows: repeated.map(sheetRow),
    };
  });
}
