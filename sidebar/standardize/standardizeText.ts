// The words and the choices of the 標準化 confirmation: what each column
// becomes, what the person changed, and what the plan and the result say.
// Plain data in, text out, so the view only puts it on the page.
import type { StandardizeReport } from '../../src/app/standardize';
import type { StandardizeColumnPlan, StandardizePlan } from '../../src/app/standardizeTypes';

/** A column kept as it is, after the standard ones. */
export const KEEP = 'keep';

export function targetLabel(to: string): string {
  return to === KEEP ? 'そのまま残す' : to;
}

/** 「D列「受付年月日」」: the letter, so two columns of the same header (or none) are told apart. */
export function columnLabel(column: StandardizeColumnPlan): string {
  return `${column.column}列「${column.source}」`;
}

/** The dropdown's options: the plan's standard columns, then 「そのまま残す」; a target the plan does not offer stays choosable. */
export function targetOptions(plan: StandardizePlan, column: StandardizeColumnPlan): { value: string; label: string }[] {
  const targets = [...plan.choices];
  if (column.to !== KEEP && !targets.includes(column.to)) targets.unshift(column.to);
  return [...targets, KEEP].map((value) => ({ value, label: targetLabel(value) }));
}

export function questionsLine(plan: StandardizePlan): string | null {
  const count = plan.mapping.filter((c) => c.question).length;
  return count ? `確かめてほしい列が${count}つあります（黄色の枠）。行き先が合っているか見て、違えば選び直してください。` : null;
}

export function rewritesLine(rewrites: number): string {
  return rewrites === 0
    ? '書き方を変える値はありません。'
    : `${rewrites.toLocaleString('ja-JP')}か所の値を、共通シートの書き方にそろえます（日付・カナ・ケースIDなど）。意味は変えません。`;
}

export function leftOutLine(row: { row: number; reason: string }): string {
  return `${row.row}行目：${row.reason}`;
}

export function exampleLine(cell: { header: string; before: string; after: string }): string {
  const shown = (text: string): string => text === '' ? '（空欄）' : text;
  return `${cell.header}：${shown(cell.before)} → ${shown(cell.after)}`;
}

/** What 標準化 did, in the words the person saw on the plan. */
export function resultLines(report: StandardizeReport): string[] {
  if (!report.backupSheet) return ['すでに共通シートの形でした。何も変えていません。'];
  const { sheet, backupSheet, movedFrom, renamedFrom, leftOutRows } = report;
  return [
    movedFrom ? `タブ「${movedFrom}」のケースを、空だった「${sheet}」に移しました。`
      : renamedFrom ? `タブ「${renamedFrom}」を共通シートの形にし、名前を「${sheet}」にしました。`
        : `タブ「${sheet}」を共通シートの形にしました。`,
    movedFrom ? `元のタブは、名前を「${backupSheet}」に変えてそのまま残しています。` : `元の表は、タブ「${backupSheet}」にそのまま残しています。`,
    `書き方をそろえた値：${report.normalizedCells}か所、新しく付けたケースID：${report.assignedIds}件。`,
    report.extraColumns.length ? `そのまま残した列：${report.extraColumns.join('、')}。` : null,
    leftOutRows.length ? `共通シートに入れなかった行：${leftOutRows.map((r) => `${r.row}行目`).join('、')}（バックアップのタブに残っています）。` : null,
    report.createdTabs.length ? `新しく作ったタブ：${report.createdTabs.join('、')}。` : null,
  ].filter((line): line is string => line !== null);
}
