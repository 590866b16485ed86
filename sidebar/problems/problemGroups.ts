// 入力チェック's problems grouped by case: a case's 共通シート row and its
// 支援記録 rows together; rows without a ケースID on their own. Groups with
// errors first, then by tab and row; within a group, errors first.
import { TAB } from '../../src/domain/fields';
import type { Problem } from '../../src/domain/validate/problem';
import { errorsFirst } from '../shared/issues';

export interface ProblemGroup {
  readonly caseId: string;
  readonly heading: string;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly Problem[];
}

const SHEET_ORDER: readonly string[] = [TAB.cases, TAB.activities, TAB.meetings, TAB.plans, TAB.tasks];

const sheetRank = (sheet: string): number => {
  const index = SHEET_ORDER.indexOf(sheet);
  return index < 0 ? SHEET_ORDER.length : index;
};

const byPlace = (a: Problem, b: Problem): number => sheetRank(a.sheet) - sheetRank(b.sheet) || a.row - b.row;

/** 「ケース 2024-0003」, or the row when it has no ケースID; row 1 is the header row. */
export function groupHeading(p: Problem): string {
  if (p.caseId) return `ケース ${p.caseId}`;
  return p.row === 1 ? `${p.sheet} 1行目（見出し）` : `${p.sheet} ${p.row}行目（ケースIDなし）`;
}

export function groupProblems(problems: readonly Problem[]): ProblemGroup[] {
  const groups = new Map<string, Problem[]>();
  for (const p of problems) {
    const key = p.caseId ? `case\u0000${p.caseId}` : `${p.sheet}\u0000${p.row}`;
    groups.set(key, [...(groups.get(key) ?? []), p]);
  }
  return [...groups.values()]
    .map((list): ProblemGroup => {
      const sorted = errorsFirst([...list].sort(byPlace));
      const errors = list.filter((p) => p.severity === 'error').length;
      return { caseId: sorted[0]!.caseId, heading: groupHeading(sorted[0]!), errors, warnings: list.length - errors, problems: sorted };
    })
    .sort((a, b) => Number(b.errors > 0) - Number(a.errors > 0) || byPlace([...a.problems].sort(byPlace)[0]!, [...b.problems].sort(byPlace)[0]!));
}

/** Where the problem is: 「共通シート 5行目・受付日（B列）」. */
export function problemPlace(p: Problem): string {
  const column = p.columnLetter ? `${p.column}（${p.columnLetter}列）` : p.column;
  return `${p.sheet} ${p.row}行目・${column}`;
}

/**
 * The message without the 「5行目「受付日」（B列）：」 it starts with, since the
 * group heading and problemPlace already say where.
 */
export function problemText(p: Problem): string {
  const where = p.columnLetter ? `${p.row}行目「${p.column}」（${p.columnLetter}列）：` : `${p.row}行目「${p.column}」：`;
  return p.message.startsWith(where) ? p.message.slice(where.length) : p.message;
}

export function summaryLine(counts: { readonly error: number; readonly warning: number }, groups: number): string {
  if (counts.error + counts.warning === 0) return '問題は見つかりませんでした。';
  return `エラー ${counts.error}件、注意 ${counts.warning}件（${groups}件のケース・行）`;
}
