// 「プランを印刷用に作成」 (SPEC §12): the tab プラン_<ケースID>, the person's
// own copy, rebuilt from 共通シート, 支援プラン and 役割分担 under the lock.
import { TAB } from '../../domain/fields';
import { currentPlan, draftPlan, tasksOf, versionOf } from '../../domain/plan/lifecycle';
import { paperHtml } from '../../domain/paper/printHtml';
import { layoutPlanPrint, PLAN_PRINT_COLUMNS, planPrintSheetName } from '../../domain/plan/printView';
import { openBook, readBookSettings } from '../../sheets/book';
import { logChanges } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { writePlanPrintSheet } from '../../sheets/planSheet';
import { parseArgs } from '../contracts';
import { showPaperDialog, type PaperPreview } from '../paper';
import { reportingErrors } from '../menu';
import { planPrintArgs } from './contracts';
import { readConsentedCasePlans } from './planTables';
import { selectedCaseId } from './state';

/** SPEC §11's JSON of `plan`. */
export interface PlanPrinted {
  readonly sheet: string;
  readonly caseId: string;
  readonly version: number;
  readonly status: string;
  readonly tasks: readonly { owner: string; content: string; frequency: string; progress: string }[];
}

/** The person's copy as the tab and its print view draw it; refused while 本人同意 is not あり, as saving a 案 is. */
function preparePlanPrint(rawArgs: unknown) {
  const args = parseArgs(planPrintArgs, rawArgs);
  const book = openBook();
  const { settings } = readBookSettings(book);
  const plans = readConsentedCasePlans(book, settings, args.caseId, '本人用のプランは印刷できません。同意を得て共通シートの本人同意を「あり」にしてから作成してください。');
  const person = plans.caseText;
  // Without a version: the plan in force, else the 案 being prepared, else the newest.
  const plan = args.version !== undefined
    ? plans.plans.find((p) => versionOf(p) === args.version)
    : currentPlan(plans) ?? draftPlan(plans) ?? [...plans.plans].sort((a, b) => versionOf(b) - versionOf(a))[0];
  if (!plan) {
    throw new Error(args.version !== undefined
      ? `ケース「${args.caseId}」の${args.version}版の支援プランはありません。`
      : `ケース「${args.caseId}」には支援プランがまだありません。サイドバーの「プラン」で案を作ってください。`);
  }
  const version = versionOf(plan);
  const tasks = tasksOf(plans, version).map((t) => t.text);
  const review = plans.plans.filter((p) => p.text.reviewedOn && versionOf(p) <= version)
    .sort((a, b) => (b.text.reviewedOn ?? '').localeCompare(a.text.reviewedOn ?? '') || versionOf(b) - versionOf(a))[0];
  const agency = person.mainAgency || person.referrerAgency || '';
  const layout = layoutPlanPrint({
    personName: person.personName ?? '', plan: plan.text, tasks, review: review?.text ?? null,
    contact: { agency, desk: settings.agencies.find((a) => a.name === agency)?.contact ?? '' }, approvals: settings.approvals,
  });
  return { book, caseId: plans.caseId, sheet: planPrintSheetName(plans.caseId), plan, version, tasks, layout };
}

export function createPlanPrint(rawArgs?: unknown): PlanPrinted {
  return withDocumentLock(() => {
    const { book, caseId, sheet, plan, version, tasks, layout } = preparePlanPrint(rawArgs);
    writePlanPrintSheet(book, sheet, layout);
    logChanges(book, [{ operation: 'プランを印刷用に作成', sheet, caseId, field: '', before: '', after: `${version}版（${plan.text.planStatus}）` }]);
    return {
      sheet, caseId, version, status: plan.text.planStatus ?? '',
      tasks: tasks.map((t) => ({ owner: t.owner ?? '', content: t.content ?? '', frequency: t.frequency ?? '', progress: t.progress || '未着手' })),
    };
  });
}

/** The sidebar's print preview: the page's rows as the tab and the print view show them. Reads only. */
export function previewPlanPrint(rawArgs?: unknown): PaperPreview {
  const { sheet, layout } = preparePlanPrint(rawArgs);
  return { sheet, title: layout.title, columns: PLAN_PRINT_COLUMNS.map((c) => c.header), rows: layout.rows, headerRows: layout.headerRows };
}

/** 「印刷用に開く」: the person's copy as an A4 page in a dialog, with the page numbers a sheet cannot print. */
export function showPlanPrintView(rawArgs?: unknown): { readonly title: string } {
  const { sheet, layout } = preparePlanPrint(rawArgs);
  const html = paperHtml({ title: layout.title, columns: PLAN_PRINT_COLUMNS, rows: layout.rows, headerRows: layout.headerRows, orientation: 'portrait' });
  return showPaperDialog(html, `印刷用：${sheet}`);
}

/** The menu item: the case on the selected row, else the ケースID typed into a prompt. */
export function menuPlanPrint(): void {
  reportingErrors('プランを印刷用に作成', (ui) => {
    let caseId = selectedCaseId(openBook());
    if (!caseId) {
      const answer = ui.prompt('プランを印刷用に作成', `${TAB.cases}・${TAB.plans}・${TAB.tasks}でケースの行を選んでから実行するか、ケースID（例 2024-0001）を入力してください。`, ui.ButtonSet.OK_CANCEL);
      if (answer.getSelectedButton() !== ui.Button.OK) return;
      caseId = answer.getResponseText().trim();
    }
    const printed = createPlanPrint({ caseId });
    SpreadsheetApp.getActiveSpreadsheet().getSheetByName(printed.sheet)?.activate();
    ui.alert('プランを印刷用に作成', `「${printed.sheet}」を作成しました（${printed.version}版・${printed.status}）。本人の氏名が載っています。印刷して本人にお渡しし、タブは用が済んだら削除してください。`, ui.ButtonSet.OK);
  });
}
