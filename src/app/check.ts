// 入力チェック (SPEC §6): validates every standard tab, marks the problem
// cells, and reports what it found. Changes no value.
import { TAB } from '../domain/fields';
import { todayInTokyo } from '../domain/normalize';
import { validateWorkbook, type ValidationResult } from '../domain/validate/workbook';
import { openBook, readCaseWorkbook } from '../sheets/book';
import { logChanges } from '../sheets/changeLog';
import { withDocumentLock } from '../sheets/lock';
import { markProblems } from '../sheets/marks';
import type * as z from '../domain/zod';
import { checkArgs, parseArgs } from './contracts';

export interface CheckResult extends ValidationResult {
  readonly today: string;
  readonly markedCells: number;
  /** Entries in 設定 that could not be used, in Japanese. */
  readonly settingsNotes: readonly string[];
}

export function checkEntries(rawArgs?: unknown): CheckResult {
  const args = parseArgs(checkArgs, rawArgs);
  // Marking appends to 変更履歴, so it reads and marks under the lock (SPEC §13); a check that only reports does not write.
  return args.mark ? withDocumentLock(() => check(args)) : check(args);
}

function check(args: z.infer<typeof checkArgs>): CheckResult {
  const today = args.today ?? todayInTokyo();
  const book = openBook();
  const { cases, activities, meetings, plans, tasks, settings, notes, table: settingsTable } = readCaseWorkbook(book);
  const result = validateWorkbook({ cases, activities, meetings, plans, tasks, settings, settingsTable, today });
  let markedCells = 0;
  if (args.mark) {
    markedCells = markProblems(book, [TAB.cases, TAB.activities, TAB.meetings, TAB.plans, TAB.tasks, TAB.settings], result.problems);
    logChanges(book, [{
      operation: '入力チェック', sheet: TAB.cases, caseId: '', field: '', before: '',
      after: `エラー${result.counts.error}件・注意${result.counts.warning}件（${markedCells}か所に印）`,
    }]);
  }
  return { ...result, today, markedCells, settingsNotes: notes };
}
