// The checks of 自己診断 (SPEC §13): what the local runtime cannot prove is
// tried in the town's own spreadsheet, harmlessly. Each check catches its own
// failure, so one refused permission never hides the others.
import { dateCell } from '../../domain/cell';
import { skippedRowCount } from '../../domain/counts/render';
import { TAB } from '../../domain/fields';
import { parseDate } from '../../domain/normalize/date';
import { normalizeKana } from '../../domain/normalize/kana';
import { activeUserEmail } from '../../sheets/activeUser';
import { openBook, type Book } from '../../sheets/book';
import { TEXT_FORMAT } from '../../sheets/cellFormat';
import { readTable, writeRows } from '../../sheets/tables';
import { dateCellToInstant, instantToDateCell } from '../../sheets/zonedDate';
import { countBook, dayAndYear } from '../counts/compute';

export type Verdict = 'OK' | '要確認' | 'NG';

export interface CheckResult {
  readonly item: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** The one-off trigger 自己診断 schedules: a dry run of the daily rebuild, in a trigger's context. */
export const PROBE_HANDLER = 'selfTestTrigger';
/** When the dry run fires after 自己診断 was run. */
const PROBE_AFTER_MS = 60_000;
/** The last dry run's result (document property), shown by the next 自己診断. */
const DRY_RUN_KEY = 'tsunagi.selfTest.dailyDryRun';
/** Sheets' limit on a spreadsheet, every tab's grid counted. */
export const MAX_WORKBOOK_CELLS = 10_000_000;
/** A new tab's grid (1000 × 26): what the scratch tab (or the report tab) adds. */
export const NEW_TAB_CELLS = 26_000;
/** A read and a write of 共通シート slower than this may not finish big operations within Apps Script's 6 minutes. */
const SLOW_MS = 30_000;

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function check(item: string, run: () => { verdict: Verdict; detail: string }): CheckResult {
  try {
    return { item, ...run() };
  } catch (error) {
    return { item, verdict: 'NG', detail: messageOf(error) };
  }
}

/** Text that Sheets would otherwise parse, or keep an apostrophe of, written raw into '@' cells and read back. */
function plainText(scratch: GoogleAppsScript.Spreadsheet.Sheet): CheckResult {
  return check('書式なしテキストの読み書き', () => {
    const typed = ["'2024-0001", '0012', '2024/4/1', '=1+1'];
    const range = scratch.getRange(1, 1, 1, typed.length);
    range.setNumberFormat(TEXT_FORMAT).setValues([typed]);
    const back = range.getValues()[0]!;
    const same = typed.every((t, i) => back[i] === t);
    return { verdict: same ? 'OK' : 'NG', detail: same ? '入力したとおりに保存されました。' : `書いた値：${typed.join(' ／ ')}、読んだ値：${back.map(String).join(' ／ ')}` };
  });
}

function userEmail(): CheckResult {
  return check('利用者のメールアドレス', () => {
    const email = activeUserEmail();
    // Only the domain goes into the report: it is sent to the maintainers.
    return email
      ? { verdict: 'OK', detail: `取得できました（ドメイン：${email.split('@')[1] ?? ''}）。変更履歴に名前が残ります。` }
      : { verdict: '要確認', detail: '取得できません。変更履歴・更新者は「（不明）」になります（組織の設定によります）。' };
  });
}

function documentLock(): CheckResult {
  return check('ドキュメントのロック', () => {
    const lock = LockService.getDocumentLock();
    if (!lock) return { verdict: 'NG', detail: 'ロックを取得できません（スクリプトのロックで代わりに動きます）。' };
    if (!lock.tryLock(10_000)) return { verdict: '要確認', detail: 'ほかの方の更新中でロックが空きませんでした。少し待って再実行してください。' };
    lock.releaseLock();
    return { verdict: 'OK', detail: '取得して解放できました。' };
  });
}

const probes = (): GoogleAppsScript.Script.Trigger[] => ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === PROBE_HANDLER);

/** Schedules the dry run once; one an earlier 自己診断 scheduled and that never ran is removed first. */
function trigger(): CheckResult {
  return check('時間主導型トリガー', () => {
    const stale = probes();
    for (const probe of stale) ScriptApp.deleteTrigger(probe);
    ScriptApp.newTrigger(PROBE_HANDLER).timeBased().after(PROBE_AFTER_MS).create();
    return stale.length
      ? { verdict: '要確認', detail: '前回の自己診断で予約した試運転が動いていませんでした（削除して予約し直しました）。しばらくして再実行してください。' }
      : { verdict: 'OK', detail: '作成できました（毎日の自動更新が使えます）。1分後に自動更新の試運転が動き、自分で削除されます。' };
  });
}

/** What the last dry run in a trigger's context found. */
function dailyDryRun(): CheckResult {
  return check('毎日の自動更新の試運転（トリガーから）', () => {
    const last = PropertiesService.getDocumentProperties().getProperty(DRY_RUN_KEY);
    if (!last) return { verdict: '要確認', detail: 'まだ試運転の結果がありません。1分ほど待って、もう一度自己診断を実行してください。' };
    const { verdict, detail, at } = JSON.parse(last) as CheckResult & { at: string };
    return { verdict, detail: `${detail}（${at}）` };
  });
}

/**
 * The trigger's handler: the daily rebuild's reading and counting, as the
 * trigger runs them (no UI, no selection), writing nothing but its result;
 * then it deletes its own trigger.
 */
export function dryRunDailyRebuild(): void {
  for (const probe of probes()) ScriptApp.deleteTrigger(probe);
  const book = openBook();
  const result = check('毎日の自動更新の試運転（トリガーから）', () => {
    const { today, fiscalYear } = dayAndYear({});
    const { counts } = countBook(book, fiscalYear, today);
    return { verdict: 'OK', detail: `${fiscalYear}年度を集計できました（書き込みなし・集計から除いた行 ${skippedRowCount(counts.skipped)}行）` };
  });
  const at = instantToDateCell(new Date(), book.timeZone).iso.replace('T', ' ');
  PropertiesService.getDocumentProperties().setProperty(DRY_RUN_KEY, JSON.stringify({ ...result, at }));
}

/** A date and a date with a time, written through the add-on's own write path and read back in the sheet's time zone. */
function datesInSheet(book: Book, scratch: GoogleAppsScript.Spreadsheet.Sheet): CheckResult {
  return check('日付と時刻の書き込みと読み取り', () => {
    const written = ['2024-04-01', '2024-04-01T14:30:00'];
    writeRows(scratch, 3, [written.map(dateCell)], book.timeZone);
    const back = scratch.getRange(3, 1, 1, written.length).getValues()[0]!
      .map((value) => (value instanceof Date ? instantToDateCell(value, book.timeZone).iso : String(value)));
    const same = written.every((iso, i) => back[i] === iso);
    return {
      verdict: same ? 'OK' : 'NG',
      detail: same ? `タイムゾーン ${book.timeZone} で、書いた日付と時刻のまま読めました。` : `書いた値：${written.join(' ／ ')}、読んだ値：${back.join(' ／ ')}`,
    };
  });
}

/** A formula whose result is "" must read as an empty cell, never as data. */
function emptyFormula(scratch: GoogleAppsScript.Spreadsheet.Sheet): CheckResult {
  return check('空文字を返す数式の読み取り', () => {
    const cell = scratch.getRange(5, 1);
    cell.setValue('=IF(FALSE,1,"")'); // a cell of the automatic format: Sheets takes it as a formula
    SpreadsheetApp.flush();
    const value: unknown = cell.getValue();
    return value === ''
      ? { verdict: 'OK', detail: '空欄として読めました（データとは見なしません）。' }
      : { verdict: 'NG', detail: `空欄ではなく ${JSON.stringify(value)} と読めました。` };
  });
}

/** Every tab's grid, as Sheets counts toward its limit. */
function workbookCells(book: Book): number {
  return book.spreadsheet.getSheets().reduce((sum, sheet) => sum + sheet.getMaxRows() * sheet.getMaxColumns(), 0);
}

function cellsCheck(cells: number): CheckResult {
  return check('ブック全体のセル数', () => {
    const share = Math.round((cells / MAX_WORKBOOK_CELLS) * 1000) / 10;
    const detail = `${cells.toLocaleString('ja-JP')} セル（上限 ${MAX_WORKBOOK_CELLS.toLocaleString('ja-JP')} セルの ${share}%）`;
    return share >= 90 ? { verdict: '要確認', detail: `${detail}。上限に近いため、不要なタブや空の行・列を削除してください。` } : { verdict: 'OK', detail };
  });
}

const skipped = (item: string, why: string): CheckResult => ({ item, verdict: '要確認', detail: `${why}ため、試していません。` });

function dates(timeZone: string): CheckResult {
  return check('日付・和暦の処理', () => {
    const instant = new Date(Date.UTC(2024, 2, 31, 15, 0, 0)); // 2024-04-01 00:00 in Tokyo
    const results = [
      Utilities.formatDate(instant, 'Asia/Tokyo', 'yyyy-MM-dd') === '2024-04-01',
      instantToDateCell(instant, 'Asia/Tokyo').iso === '2024-04-01',
      instantToDateCell(dateCellToInstant({ kind: 'date', iso: '2024-04-01' }, timeZone), timeZone).iso === '2024-04-01',
      parseDate('令和6年4月1日') === '2024-04-01' && parseDate('H31.4.30') === '2019-04-30',
    ];
    const ok = results.every(Boolean);
    return { verdict: ok ? 'OK' : 'NG', detail: ok ? `タイムゾーン ${timeZone} で日付がずれません。` : `結果：${results.join(', ')}` };
  });
}

function kana(): CheckResult {
  return check('カナ・全角半角の処理', () => {
    const ok = 'ｼｹﾝ　ﾊﾅｺ１２３'.normalize('NFKC') === 'シケン ハナコ123' && normalizeKana('しけん はなこ') === 'シケン ハナコ';
    return { verdict: ok ? 'OK' : 'NG', detail: ok ? 'NFKC とカタカナへの変換が正しく動きます。' : 'NFKC またはカナの変換結果が違います。' };
  });
}

/**
 * One timed read of 共通シート and a write of the same size into the scratch
 * tab (never into 共通シート itself), unless that write would take the book
 * past Sheets' cell limit (`room`: the cells left once the scratch tab exists).
 */
function speed(book: Book, scratch: GoogleAppsScript.Spreadsheet.Sheet, room: number): CheckResult {
  return check('共通シートの読み書きの時間', () => {
    const sheet = book.sheets.get(TAB.cases);
    if (!sheet) return { verdict: '要確認', detail: `「${TAB.cases}」タブがありません。メニュー「シートを準備」を実行してください。` };
    const grows = Math.max(0, sheet.getMaxRows() - scratch.getMaxRows()) * scratch.getMaxColumns()
      + Math.max(0, sheet.getMaxColumns() - scratch.getMaxColumns()) * Math.max(sheet.getMaxRows(), scratch.getMaxRows());
    if (grows > room) return { verdict: '要確認', detail: '同じ大きさを書き込むとブックのセル数が上限を超えるため、計測していません。' };
    const started = Date.now();
    const table = readTable(sheet, book.timeZone);
    const read = Date.now() - started;
    const rows = [table.header, ...table.rows].map((row) => row.map(() => 'x'));
    const writing = Date.now();
    if (rows.length && rows[0]!.length) writeRows(scratch, 1, rows, book.timeZone);
    const wrote = Date.now() - writing;
    const verdict = read + wrote > SLOW_MS ? '要確認' : 'OK';
    return { verdict, detail: `${table.rows.length}行 × ${table.header.length}列：読み取り ${read} ms、同じ大きさの書き込み ${wrote} ms` };
  });
}

/**
 * Runs every check; the scratch tab is removed whatever happens, and is not
 * made where it would pass the cell limit, `reserved` cells (the report tab,
 * when it is still to be made) counted in.
 */
export function runChecks(book: Book, reserved: number): CheckResult[] {
  const cells = workbookCells(book) + reserved;
  const common = [cellsCheck(cells), userEmail(), documentLock(), trigger(), dailyDryRun(), dates(book.timeZone), kana()];
  if (cells + NEW_TAB_CELLS > MAX_WORKBOOK_CELLS) {
    const why = 'ブックのセル数が上限に近く、作業用のタブを作れない';
    return [...common, ...['書式なしテキストの読み書き', '日付と時刻の書き込みと読み取り', '空文字を返す数式の読み取り', '共通シートの読み書きの時間'].map((item) => skipped(item, why))];
  }
  const scratch = book.spreadsheet.insertSheet(`自己診断_作業_${Date.now()}`);
  try {
    const room = MAX_WORKBOOK_CELLS - cells - NEW_TAB_CELLS;
    return [...common, plainText(scratch), datesInSheet(book, scratch), emptyFormula(scratch), speed(book, scratch, room)];
  } finally {
    book.spreadsheet.deleteSheet(scratch);
  }
}
