// 「ケース票を印刷用に作成」 (SPEC §12): the tab ケース票_<ケースID>, one case's
// hand-off sheet for an agency that does not use the spreadsheet, rebuilt from
// 共通シート, the plan tabs and 支援記録 under the lock. Refused while 本人同意
// is not あり: such a case can only be discussed at 支援会議.
import { caseSheetName, CASE_SHEET_COLUMNS, layoutCaseSheet } from '../../domain/caseSheet/layout';
import { paperHtml } from '../../domain/paper/printHtml';
import { currentPlan, draftPlan, tasksOf, versionOf } from '../../domain/plan/lifecycle';
import { todayInTokyo } from '../../domain/normalize';
import * as z from '../../domain/zod';
import { openBook, readBookSettings } from '../../sheets/book';
import { logChanges } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { writePaperSheet } from '../../sheets/paperSheet';
import { parseArgs, todayShape } from '../contracts';
import { reportingErrors } from '../menu';
import { showPaperDialog, type PaperPreview } from '../paper';
import { readConsentedCasePlans } from '../plan/planTables';
import { selectedCaseId } from '../plan/state';
import { activityTable } from '../sidebar/preIntake';

export const CASE_SHEET_PROTECTION = 'tsunagi: ケース票（作り直すと置き換わります。手で直す場合はタブを複製してください）';

export const caseSheetArgs = z.strictObject({
  ...todayShape,
  caseId: z.string().check(z.trim(), z.minLength(1, { message: 'ケースIDを指定してください。' }), z.maxLength(40)),
});

/** SPEC §11's JSON of `casesheet`. */
export interface CaseSheetMade {
  readonly sheet: string;
  readonly caseId: string;
}

function prepareCaseSheet(rawArgs: unknown) {
  const args = parseArgs(caseSheetArgs, rawArgs);
  const book = openBook();
  const { settings } = readBookSettings(book);
  const plans = readConsentedCasePlans(book, settings, args.caseId,
    'ケース票は作れません（関係機関への共有には本人の同意が必要です）。同意のないケースは、支援会議（社会福祉法第106条の6）で検討できます。');
  const c = plans.caseText;
  const plan = currentPlan(plans) ?? draftPlan(plans);
  const activities = activityTable(book, { columns: ['caseId'], rowsWhere: { key: 'caseId', values: [plans.caseId] } });
  const layout = layoutCaseSheet({
    caseText: c,
    plan: plan ? {
      plan: plan.text,
      tasks: tasksOf(plans, versionOf(plan)).map((t) => t.text),
    } : null,
    activities: activities ? activities.indexesOf('caseId', plans.caseId).map((i) => activities.textOf(i)) : [],
    mainAgencyDesk: settings.agencies.find((a) => a.name === c.mainAgency)?.contact ?? '',
    approvals: settings.approvals,
    today: args.today ?? todayInTokyo(),
  });
  return { book, caseId: plans.caseId, sheet: caseSheetName(plans.caseId), layout };
}

export function createCaseSheet(rawArgs?: unknown): CaseSheetMade {
  return withDocumentLock(() => {
    const { book, caseId, sheet, layout } = prepareCaseSheet(rawArgs);
    writePaperSheet(book, sheet, { ...layout, columns: CASE_SHEET_COLUMNS, protection: CASE_SHEET_PROTECTION });
    logChanges(book, [{ operation: 'ケース票を印刷用に作成', sheet, caseId, field: '', before: '', after: sheet }]);
    return { sheet, caseId };
  });
}

/** The sidebar's print preview of the ケース票. Reads only. */
export function previewCaseSheet(rawArgs?: unknown): PaperPreview {
  const { sheet, layout } = prepareCaseSheet(rawArgs);
  return { sheet, title: layout.title, columns: CASE_SHEET_COLUMNS.map((c) => c.header), rows: layout.rows, headerRows: layout.headerRows };
}

/** 「印刷用に開く」: the ケース票 as an A4 page in a dialog. */
export function showCaseSheetPrintView(rawArgs?: unknown): { readonly title: string } {
  const { sheet, layout } = prepareCaseSheet(rawArgs);
  return showPaperDialog(paperHtml({ title: layout.title, columns: CASE_SHEET_COLUMNS, rows: layout.rows, headerRows: layout.headerRows, orientation: 'portrait', mark: '取扱注意' }), `印刷用：${sheet}`);
}

/** The menu item: the case on the selected row, else the ケースID typed into a prompt. */
export function menuCaseSheet(): void {
  reportingErrors('ケース票を印刷用に作成', (ui) => {
    let caseId = selectedCaseId(openBook());
    if (!caseId) {
      const answer = ui.prompt('ケース票を印刷用に作成', '共通シート・支援プラン・役割分担でケースの行を選んでから実行するか、ケースID（例 2024-0001）を入力してください。', ui.ButtonSet.OK_CANCEL);
      if (answer.getSelectedButton() !== ui.Button.OK) return;
      caseId = answer.getResponseText().trim();
    }
    const made = createCaseSheet({ caseId });
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(made.sheet)?.activate();
    ui.alert('ケース票を印刷用に作成', `「${made.sheet}」を作成しました。本人の氏名が載っています。本人の同意の範囲で関係機関に渡し、タブは用が済んだら削除してください。`, ui.ButtonSet.OK);
  });
}
