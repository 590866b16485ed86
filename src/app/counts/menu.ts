// The two 集計 items of the 「多機関協働」 menu: rebuilding a year's tab (the
// year asked for, this year when left blank) and switching the daily rebuild.
import { FISCAL_YEAR_RANGE, fiscalYearTitle, parseFiscalYear, warekiFiscalYear } from '../../domain/counts/fiscalYear';
import { skippedRowCount } from '../../domain/counts/render';
import { reportingErrors } from '../menu';
import { dayAndYear } from './compute';
import { dailyCountsState, DAILY_HOUR, installDailyCounts, removeDailyCounts } from './daily';
import { rebuildCounts } from './rebuild';

const COUNTS_TITLE = '月次集計を更新';
const DAILY_TITLE = '毎日の自動更新';
/** Reasons listed in the dialog; the sidebar's 集計 view lists them all. */
const SHOWN_REASONS = 5;

export function menuCounts(): void {
  reportingErrors(COUNTS_TITLE, (ui) => {
    const current = dayAndYear({}).fiscalYear;
    const answer = ui.prompt(COUNTS_TITLE,
      `集計する年度を入力してください（例：${current}、${warekiFiscalYear(current)}）。\n空欄のまま OK を押すと、今年度（${fiscalYearTitle(current)}）を集計します。`,
      ui.ButtonSet.OK_CANCEL);
    if (answer.getSelectedButton() !== ui.Button.OK) return;
    const typed = answer.getResponseText().trim();
    const fiscalYear = typed === '' ? current : parseFiscalYear(typed);
    if (fiscalYear === null) {
      ui.alert(COUNTS_TITLE,
        `「${typed}」は年度として読めません。${FISCAL_YEAR_RANGE.min}〜${FISCAL_YEAR_RANGE.max}年度を、2024 や 令和6年度 の形で入力してください。`,
        ui.ButtonSet.OK);
      return;
    }
    const result = rebuildCounts({ fiscalYear });
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(result.sheet)?.activate();
    const { skipped } = result;
    const lines = [`${fiscalYearTitle(fiscalYear)}の集計をタブ「${result.sheet}」に作り直しました。`];
    if (skipped.length === 0) lines.push('集計から除いた行はありません。');
    else {
      lines.push(`集計から除いた行：${skippedRowCount(skipped)}行`);
      lines.push(...skipped.slice(0, SHOWN_REASONS).map((s) => `・${s.sheet} ${s.row}行目：${s.reason}`));
      if (skipped.length > SHOWN_REASONS) lines.push(`ほか${skipped.length - SHOWN_REASONS}件は、サイドバーの「集計」で確認できます。`);
    }
    ui.alert(COUNTS_TITLE, lines.join('\n'), ui.ButtonSet.OK);
  });
}

export function menuDailyCounts(): void {
  reportingErrors(DAILY_TITLE, (ui) => {
    const state = dailyCountsState();
    const what = `毎朝${DAILY_HOUR}時台に、今年度の集計タブを作り直します（4月は前年度も）。`;
    if (state.mine) {
      const answer = ui.alert(DAILY_TITLE, `いまは「設定済み」です。${what}\n解除しますか？`, ui.ButtonSet.YES_NO);
      if (answer !== ui.Button.YES) return;
      removeDailyCounts();
      ui.alert(DAILY_TITLE, '毎日の自動更新を解除しました。集計はメニュー「月次集計を更新」でいつでも作り直せます。', ui.ButtonSet.OK);
    } else if (state.installed) {
      ui.alert(DAILY_TITLE, `いまは「設定済み」です（${state.by || 'ほかの利用者'} が設定）。${what}\n解除は設定した方が行ってください。`, ui.ButtonSet.OK);
    } else {
      const answer = ui.alert(DAILY_TITLE, `いまは「未設定」です。${what}\n設定しますか？`, ui.ButtonSet.YES_NO);
      if (answer !== ui.Button.YES) return;
      installDailyCounts();
      ui.alert(DAILY_TITLE, `毎日の自動更新を設定しました。${what}`, ui.ButtonSet.OK);
    }
  });
}
