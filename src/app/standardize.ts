// 標準化 (SPEC §7): plan first (previewStandardize changes nothing), then,
// with the same plan and the person's column choices, standardizeSheet:
// checks before anything is written (protections, the 10 million cells), the
// backup, the standard table written in one call, what belongs to each cell
// moved with its value, missing tabs created, furniture applied, every change
// logged. Rows that are not cases stay in the backup and are listed.
import { cellText } from '../domain/cell';
import { CASE_FIELDS, TAB } from '../domain/fields';
import { planStandardize, type CarriedValue, type StandardizeOutcome } from '../domain/standardize/plan';
import { columnLetter } from '../domain/validate/problem';
import { STANDARD_TABS, openBook, readBookSettings, type Book } from '../sheets/book';
import { logChanges, type ChangeEntry } from '../sheets/changeLog';
import { cellName, moveBelongings, readHandMadeTab, restoreLinks, unmergeAll, type HandMadeTab } from '../sheets/handMade';
import { withDocumentLock } from '../sheets/lock';
import { readTable, writeTable } from '../sheets/tables';
import { parseArgs, standardizeArgs } from './contracts';
import { assertFurnishable, createMissingTabs, furnishStandardTabs } from './setup';
import type { StandardizePlan } from './standardizeTypes';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface StandardizeReport {
  readonly sheet: string;
  readonly backupSheet: string | null;
  readonly headerRow: number;
  readonly mapping: StandardizePlan['mapping'];
  readonly leftOutRows: StandardizePlan['leftOutRows'];
  readonly rewrites: number;
  readonly renamedHeaders: { from: string; to: string }[];
  readonly addedColumns: string[];
  readonly extraColumns: string[];
  readonly normalizedCells: number;
  readonly assignedIds: number;
  readonly createdTabs: string[];
  readonly renamedFrom: string | null;
  /** The hand-made tab whose rows were moved into an empty 共通シート (it became the backup), or null. */
  readonly movedFrom: string | null;
  /** Merged ranges undone (A1), so no value hides under another column's merge. */
  readonly unmerged: string[];
  /** Cells whose formula's result was kept as a value (A1 in the tab as it was). */
  readonly formulasKeptAsValues: string[];
  /** Cells whose link target was carried over. */
  readonly linksKept: number;
}

/** Tabs that hold something else and must never be rebuilt as 共通シート. */
const NOT_CASE_TABS = /^(支援記録|会議記録|支援プラン|役割分担|設定|変更履歴|次第_|集計_|プラン_|ケース票_|バックアップ_)/;

/** Sheets' limit on a workbook, every tab's grid counted (SPEC §13). */
const MAX_WORKBOOK_CELLS = 10_000_000;

interface Target {
  readonly source: Sheet;
  /** Where the standard table goes: the source itself, or an empty 共通シート シートを準備 made. */
  readonly destination: Sheet;
}

const isEmptyTab = (book: Book, sheet: Sheet): boolean => readTable(sheet, book.timeZone).rows.every((row) => row.every((c) => cellText(c).trim() === ''));

/** The tab named, else 共通シート, else the first tab (SPEC §11). */
function targetOf(book: Book, requested: string | undefined): Target {
  const name = requested ?? (book.sheets.has(TAB.cases) ? TAB.cases : [...book.sheets.keys()][0] ?? '');
  const source = book.sheets.get(name);
  if (!source) throw new Error(`タブ「${name}」が見つかりません。タブの名前を確かめてください。`);
  if (NOT_CASE_TABS.test(name)) throw new Error(`「${name}」はアドオンが使う別の表のため、共通シートとして標準化できません。ケースの一覧があるタブを選んでください。`);
  const cases = book.sheets.get(TAB.cases);
  if (!cases || cases === source) return { source, destination: source };
  if (!isEmptyTab(book, cases)) {
    throw new Error(`「共通シート」にはすでにケースが入っています。「${name}」の行を移すと混ざってしまうため、何も変更していません。共通シートのケースを「${name}」に移すか、どちらかを別のブックにしてから実行してください。`);
  }
  return { source, destination: cases };
}

function backupName(book: Book): string {
  const base = `バックアップ_${Utilities.formatDate(new Date(), book.timeZone, 'yyyyMMdd_HHmmss')}`;
  let name = base;
  for (let n = 2; book.sheets.has(name); n++) name = `${base}_${n}`;
  return name;
}

/** Why 標準化 must not start (SPEC §7 checks before the backup), or null. */
function refusalOf(book: Book, target: Target): string | null {
  for (const sheet of new Set([target.source, target.destination])) {
    const protections = [
      ...sheet.getProtections(SpreadsheetApp.ProtectionType.SHEET),
      ...sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE),
    ];
    const blocking = protections.find((p) => !p.isWarningOnly() && !p.canEdit());
    if (blocking) {
      const where = blocking.getProtectionType() === SpreadsheetApp.ProtectionType.RANGE ? `の範囲 ${blocking.getRange().getA1Notation()}` : '';
      return `タブ「${sheet.getName()}」${where}は保護されていて、あなたには編集する権限がありません。何も変更していません（バックアップも作っていません）。保護を設定した人に編集者へ追加してもらうか、保護を外してから、もう一度実行してください。`;
    }
  }
  const cells = [...book.sheets.values()].reduce((sum, s) => sum + s.getMaxRows() * s.getMaxColumns(), 0);
  const copy = target.source === target.destination ? target.source.getMaxRows() * target.source.getMaxColumns() : 0;
  const created = STANDARD_TABS.filter((t) => !book.sheets.has(t.name) && !(t.name === TAB.cases))
    .reduce((sum, t) => sum + 1000 * Math.max(1, t.initial().header.length), 0);
  if (cells + copy + created > MAX_WORKBOOK_CELLS) {
    const f = (n: number) => n.toLocaleString('ja-JP');
    return `バックアップのコピーを作ると、ブック全体のセル数が ${f(cells + copy + created)} になり、Google スプレッドシートの上限（${f(MAX_WORKBOOK_CELLS)}セル）を超えます。何も変更していません。古いバックアップのタブや使っていない行・列を削除してから、もう一度実行してください。`;
  }
  return null;
}

interface Prepared {
  readonly book: Book;
  readonly target: Target;
  readonly tab: HandMadeTab;
  readonly outcome: StandardizeOutcome;
  readonly refusal: string | null;
}

function prepare(rawArgs: unknown): Prepared {
  const args = parseArgs(standardizeArgs, rawArgs);
  const book = openBook();
  const target = targetOf(book, args.sheetName);
  const tab = readHandMadeTab(target.source, book.timeZone);
  const outcome = planStandardize(tab.grid, readBookSettings(book).settings, args.map ?? []);
  return { book, target, tab, outcome, refusal: refusalOf(book, target) };
}

/** Up to three rows as they are and as they will be, for the person to see. */
function examplesOf(tab: HandMadeTab, outcome: StandardizeOutcome): StandardizePlan['examples'] {
  const shown = (row: number, column: number | null) => (column === null ? '' : tab.grid.shown[row]?.[column] ?? '');
  return outcome.rows.flatMap((row, i) => {
    const from = outcome.sourceRows[i]!;
    const cells = outcome.header.flatMap((header, j) => {
      const before = shown(from, outcome.sourceColumns[j] ?? null);
      const after = cellText(row[j] ?? '');
      return before !== after && (before !== '' || after !== '') ? [{ header, before, after }] : [];
    });
    return cells.length ? [{ row: from + 1, cells: cells.slice(0, 8) }] : [];
  }).slice(0, 3);
}

function planOf({ target, tab, outcome, refusal }: Prepared): StandardizePlan {
  return {
    sheet: target.source.getName(),
    headerRow: outcome.layout.headerIndex + 1,
    mapping: outcome.mapping.map(({ source, column, to, question }) => ({ source, column, to, question })),
    choices: CASE_FIELDS.filter((f) => !f.system).map((f) => f.header),
    leftOutRows: outcome.leftOutRows,
    rewrites: outcome.rewrites,
    examples: examplesOf(tab, outcome),
    refusal,
  };
}

/** The plan (SPEC §7): changes nothing. */
export function previewStandardize(rawArgs?: unknown): StandardizePlan {
  return planOf(prepare(rawArgs));
}

const CARRIED_TEXT: Record<CarriedValue['kind'], (c: CarriedValue) => string> = {
  merge: (c) => `結合されたセルの値「${c.after}」をこの行にも入れました`,
  shown: (c) => `表示どおり「${c.after}」を文字として残しました`,
  serial: (c) => `日付として表示されていた数値を日付 ${c.after} にしました`,
  formula: (c) => `数式の結果「${c.after}」を値として残しました`,
  keptAsWritten: (c) => `日付として読めない数値のため「${c.after}」のまま残しました（入力チェックで確認してください）`,
  age: (c) => `年齢から年代「${c.after}」にしました`,
};

export function standardizeSheet(rawArgs?: unknown): StandardizeReport {
  return withDocumentLock(() => {
    const prepared = prepare(rawArgs);
    const { book, target, tab, outcome, refusal } = prepared;
    if (refusal) throw new Error(refusal);
    const name = target.source.getName();
    const sheet = target.destination;
    const moving = sheet !== target.source;
    const bookSettings = readBookSettings(book);
    assertFurnishable(book, sheet, [TAB.cases]); // the only existing tab 標準化 furnishes
    const renamedFrom = !moving && name !== TAB.cases ? name : null;
    const rewrite = outcome.changed || renamedFrom !== null || moving;
    let backupSheet: string | null = null;
    const linksKept: { row: number; column: number; url: string; text: string }[] = [];
    const merges = tab.grid.merges.map((m) => `${cellName(m.row, m.column)}:${cellName(m.row + m.numRows - 1, m.column + m.numColumns - 1)}`);
    /** Output row (0 = header) → source row. */
    const sourceRow = (r: number): number | null => (r === 0 ? outcome.layout.headerIndex : outcome.sourceRows[r - 1] ?? null);
    if (rewrite) {
      backupSheet = backupName(book);
      if (moving) {
        // The hand-made tab itself becomes the backup: nothing to copy, nothing lost.
        target.source.setName(backupSheet);
        book.sheets.delete(name);
        book.sheets.set(backupSheet, target.source);
      } else {
        book.sheets.set(backupSheet, target.source.copyTo(book.spreadsheet).setName(backupSheet));
        if (merges.length) unmergeAll(sheet);
      }
      const previous = moving ? { rows: sheet.getLastRow(), columns: sheet.getLastColumn() } : { rows: tab.rows, columns: tab.columns };
      writeTable(sheet, outcome, book.timeZone, previous);
      // In place, the old area too: nothing may stay where its value left.
      const [height, width] = moving ? [outcome.rows.length + 1, outcome.header.length]
        : [Math.max(outcome.rows.length + 1, tab.rows), Math.max(outcome.header.length, tab.columns)];
      moveBelongings(sheet, tab.belongings, height, width, sourceRow, (c) => outcome.sourceColumns[c] ?? null);
      for (const link of tab.belongings.links) {
        const column = outcome.sourceColumns.indexOf(link.column);
        const r = link.row === outcome.layout.headerIndex ? 0 : outcome.sourceRows.indexOf(link.row) + 1;
        if (column < 0 || (r === 0 && link.row !== outcome.layout.headerIndex)) continue;
        const text = cellText((r === 0 ? outcome.header : outcome.rows[r - 1]!)[column] ?? '');
        if (text) linksKept.push({ row: r + 1, column: column + 1, url: link.url, text });
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
    // Tabs 標準化 did not touch keep the furniture シートを準備 gave them.
    furnishStandardTabs(book, createdTabs.includes(TAB.settings) ? readBookSettings(book) : bookSettings, [TAB.cases, ...createdTabs]);
    const idColumn = outcome.header.indexOf('ケースID');
    const caseIdOfSource = (row: number) => cellText(outcome.rows[outcome.sourceRows.indexOf(row)]?.[idColumn] ?? '');
    const entry = (caseId: string, field: string, before: string, after: string): ChangeEntry =>
      ({ operation: '標準化', sheet: TAB.cases, caseId, field, before, after });
    const headerOfSource = (column: number) => outcome.header[outcome.sourceColumns.indexOf(column)] ?? `${columnLetter(column)}列`;
    logChanges(book, rewrite ? [
      entry('', '', name, `バックアップ「${backupSheet}」を作成しました`),
      ...(moving ? [entry('', 'タブ', name, `行を空の共通シートに移し、元のタブを「${backupSheet}」として残しました`)] : []),
      ...(renamedFrom ? [entry('', 'タブ名', renamedFrom, TAB.cases)] : []),
      ...(!moving ? merges.map((a1) => entry('', 'セルの結合', a1, '結合を解除しました')) : []),
      ...outcome.leftOutRows.map((l) => entry('', `${l.row}行目`, l.reason, 'ケースではないため除きました（バックアップに残っています）')),
      ...outcome.renamedHeaders.map((r) => entry('', '見出し', r.from, r.to)),
      ...outcome.addedColumns.map((c) => entry('', '列の追加', '', c)),
      ...outcome.carried.map((c) => entry(caseIdOfSource(c.sourceRow), headerOfSource(c.sourceColumn), `${cellName(c.sourceRow, c.sourceColumn)}：${c.before}`, CARRIED_TEXT[c.kind](c))),
      ...outcome.changes.map((c) => entry(c.caseId, c.column, c.before, c.after)),
      ...createdTabs.map((t) => ({ operation: '標準化', sheet: t, caseId: '', field: '', before: '', after: 'タブを作成しました' })),
    ] : createdTabs.map((t) => ({ operation: '標準化', sheet: t, caseId: '', field: '', before: '', after: 'タブを作成しました' })));
    const plan = planOf(prepared);
    return {
      sheet: TAB.cases, backupSheet,
      headerRow: plan.headerRow, mapping: plan.mapping, leftOutRows: plan.leftOutRows, rewrites: plan.rewrites,
      renamedHeaders: outcome.renamedHeaders, addedColumns: outcome.addedColumns, extraColumns: outcome.extraColumns,
      normalizedCells: outcome.normalizedCells, assignedIds: outcome.assignedIds, createdTabs, renamedFrom,
      movedFrom: moving && rewrite ? name : null,
      unmerged: rewrite && !moving ? merges : [],
      formulasKeptAsValues: rewrite ? outcome.carried.filter((c) => c.kind === 'formula').map((c) => cellName(c.sourceRow, c.sourceColumn)) : [],
      linksKept: linksKept.length,
    };
  });
}
