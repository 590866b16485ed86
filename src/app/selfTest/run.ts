// 自己診断: runs the checks and writes the report tab a town's IT person can
// send to the maintainers. It holds no case data: only verdicts, times and the
// e-mail domain.
import { openBook } from '../../sheets/book';
import { furnishPlainTab } from '../../sheets/furniture';
import { writeRows } from '../../sheets/tables';
import { instantToDateCell } from '../../sheets/zonedDate';
import { reportingErrors } from '../menu';
import { dryRunDailyRebuild, NEW_TAB_CELLS, runChecks, type CheckResult } from './checks';

export const SELF_TEST_TAB = '自己診断';
const TITLE = '自己診断';

export interface SelfTestResult {
  readonly sheet: string;
  readonly checks: readonly CheckResult[];
}

export function runSelfTest(): SelfTestResult {
  const book = openBook();
  const checks = runChecks(book, book.sheets.has(SELF_TEST_TAB) ? 0 : NEW_TAB_CELLS);
  const sheet = book.sheets.get(SELF_TEST_TAB) ?? book.spreadsheet.insertSheet(SELF_TEST_TAB);
  sheet.clear();
  writeRows(sheet, 1, [
    ['項目', '結果', '詳細'],
    ...checks.map((c) => [c.item, c.verdict, c.detail]),
    [],
    ['実行日時', '', instantToDateCell(new Date(), book.timeZone)],
    ['スプレッドシートのタイムゾーン', '', book.timeZone],
    ['スクリプトのタイムゾーン', '', Session.getScriptTimeZone()],
  ], book.timeZone);
  furnishPlainTab(sheet);
  sheet.setColumnWidth(1, 220);
  sheet.setColumnWidth(3, 520);
  sheet.activate();
  return { sheet: SELF_TEST_TAB, checks };
}

export function menuSelfTest(): void {
  reportingErrors(TITLE, (ui) => {
    const { checks, sheet } = runSelfTest();
    const failed = checks.filter((c) => c.verdict !== 'OK');
    const summary = failed.length === 0
      ? 'すべての項目が OK でした。'
      : `${failed.length}項目に問題があります：\n${failed.map((c) => `・${c.item}（${c.verdict}）：${c.detail}`).join('\n')}`;
    ui.alert(TITLE, `${summary}\n結果はタブ「${sheet}」にあります。問い合わせの際は、このタブの内容を保守担当に送ってください。`, ui.ButtonSet.OK);
  });
}

/** The one-off trigger 自己診断 schedules: the daily rebuild's dry run (checks.ts). */
export function selfTestTrigger(): void {
  dryRunDailyRebuild();
}
