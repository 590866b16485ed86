// 「月次集計を更新」: rebuilds the tab 集計_N年度 from the tabs as they stand,
// under the document lock, and logs one 変更履歴 row. The tab carries the
// build date (a date, not a time), so rebuilding on the same day gives the same tab.
import { skippedRowCount } from '../../domain/counts/render';
import { openBook } from '../../sheets/book';
import { logChanges } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { countsArgs, parseArgs } from '../contracts';
import { countBook, dayAndYear, summaryOf } from './compute';
import { writeSummaryTab } from './summaryTab';
import type { RebuildCountsResult } from './types';

export const REBUILD_OPERATION = '月次集計を更新';

/** Rebuilds one fiscal year's tab; `operation` names it in 変更履歴. */
export function rebuildSummary(today: string, fiscalYear: number, operation: string): RebuildCountsResult {
  return withDocumentLock(() => {
    const book = openBook();
    const { counts, settings } = countBook(book, fiscalYear, today);
    const summary = summaryOf(counts, settings, today);
    writeSummaryTab(book, summary);
    logChanges(book, [{
      operation, sheet: summary.sheetName, caseId: '', field: '', before: '',
      after: `作成日 ${today}・集計から除いた行 ${skippedRowCount(counts)}行`,
    }]);
    return { sheet: summary.sheetName, fiscalYear, builtOn: today, counts };
  });
}

export function rebuildCounts(rawArgs?: unknown): RebuildCountsResult {
  const { today, fiscalYear } = dayAndYear(parseArgs(countsArgs, rawArgs));
  return rebuildSummary(today, fiscalYear, REBUILD_OPERATION);
}
