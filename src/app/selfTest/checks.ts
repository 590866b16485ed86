// The checks of 自己診断 (SPEC §13): what the local runtime cannot prove is
// tried in the town's own spreadsheet, harmlessly. Each check catches its own
// failure, so one refused permission never hides the others.
import { TAB } from '../../domain/fields';
import { parseDate } from '../../domain/normalize/date';
import { normalizeKana } from '../../domain/normalize/kana';
import { activeUserEmail } from '../../sheets/activeUser';
import type { Book } from '../../sheets/book';
import { TEXT_FORMAT } from '../../sheets/cellFormat';
import { readTable, writeRows } from '../../sheets/tables';
import { dateCellToInstant, instantToDateCell } from '../../sheets/zonedDate';

export type Verdict = 'OK' | '要確認' | 'NG';

export interface CheckResult {
  readonly item: string;
  readonly verdict: Verdict;
  readonly detail: string;
}

/** A no-op the trigger check schedules and removes at once; it would do nothing if it ever ran. */
export const PROBE_HANDLER = 'selfTestTrigger';
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

function trigger(): CheckResult {
  return check('時間主導型トリガー', () => {
    const made = ScriptApp.newTrigger(PROBE_HANDLER).timeBased().everyDays(1).atHour(3).create();
    ScriptApp.deleteTrigger(made);
    const left = ScriptApp.getProjectTriggers().some((t) => t.getHandlerFunction() === PROBE_HANDLER);
    return left ? { verdict: 'NG', detail: '試しに作ったトリガーが消えずに残りました。' } : { verdict: 'OK', detail: '作成して削除できました（毎日の自動更新が使えます）。' };
  });
}

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

/** One timed read of 共通シート and a write of the same size into the scratch tab (never into 共通シート itself). */
function speed(book: Book, scratch: GoogleAppsScript.Spreadsheet.Sheet): CheckResult {
  return check('共通シートの読み書きの時間', () => {
    const sheet = book.sheets.get(TAB.cases);
    if (!sheet) return { verdict: '要確認', detail: `「${TAB.cases}」タブがありません。メニュー「シートを準備」を実行してください。` };
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

/** Runs every check; the scratch tab is removed whatever happens. */
export function runChecks(book: Book): CheckResult[] {
  const scratch = book.spreadsheet.insertSheet(`自己診断_作業_${Date.now()}`);
  try {
    return [plainText(scratch), userEmail(), documentLock(), trigger(), dates(book.timeZone), kana(), speed(book, scratch)];
  } finally {
    book.spreadsheet.deleteSheet(scratch);
  }
}
