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
import type { RebuildCountsResult, RebuiltCountsTab } from './types';

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
      after: `作成日 ${today}・集計から除いた行 ${skippedRowCount(counts.skipped)}行`,
    }]);
    return { sheet: summary.sheetName, fiscalYear, builtOn: today, counts };
  });
}

/** The command line's `counts`: the tab, and the counts as numbers for its JSON. Private (`_`): no page can call it. */
export function rebuildCounts_(rawArgs?: unknown): RebuildCountsResult {
  const { today, fiscalYear } = dayAndYear(parseArgs(countsArgs, rawArgs));
  return rebuildSummary(today, fiscalYear, REBUILD_OPERATION);
}

/** The sidebar's 「集計タブを更新」: the tab is rebuilt, and the page is told only which tab and which rows were left out. */
export function rebuildCounts(rawArgs?: unknown): RebuiltCountsTab {
  const { sheet, fiscalYear, builtOn, counts } = rebuildCounts_(rawArgs);
  return { sheet, fiscalYear, builtOn, skipped: counts.skipped };
}
