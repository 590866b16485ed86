// The read-only 集計 endpoints: the counts as JSON (SPEC §11) and the summary
// as CSV for the sidebar's download. Neither writes to the workbook.
import { toCsv } from '../../domain/counts/csv';
import type { CountsResult } from '../../domain/counts/metrics';
import { summarySheetName } from '../../domain/counts/render';
import { openBook } from '../../sheets/book';
import { countsArgs, parseArgs } from '../contracts';
import { countBook, dayAndYear, summaryOf } from './compute';
import type { RowKind } from '../../domain/counts/grid';
import type { CountsCsv } from './types';

/**
 * The counts as numbers. A page can call this, so with 少数秘匿 on it refuses:
 * the numbers a manager may see are the tab's and the CSV's (SPEC §9).
 */
export function getCounts(rawArgs?: unknown): CountsResult {
  const { today, fiscalYear } = dayAndYear(parseArgs(countsArgs, rawArgs));
  const { counts, settings } = countBook(openBook(), fiscalYear, today);
  if (settings.smallCountThreshold > 1) {
    throw new Error(`設定タブで少数秘匿（${settings.smallCountThreshold}）が設定されているため、件数をそのままは渡せません。タブ「${summarySheetName(fiscalYear)}」かその CSV をご覧ください。`);
  }
  return counts;
}

/** Rows for the printed page only: the 決裁欄 has no place in a CSV. */
const PAPER_ONLY: readonly RowKind[] = ['approval', 'stamp'];

/** The summary exactly as the tab shows it (small counts as <k, without the 決裁欄), as CSV for Excel. */
export function countsCsv(rawArgs?: unknown): CountsCsv {
  const { today, fiscalYear } = dayAndYear(parseArgs(countsArgs, rawArgs));
  const { counts, settings } = countBook(openBook(), fiscalYear, today);
  const summary = summaryOf(counts, settings, today);
  return { fileName: `${summary.sheetName}_${today.replace(/-/g, '')}.csv`, text: toCsv(summary.cells.filter((_, r) => !PAPER_ONLY.includes(summary.rowKinds[r]!))) };
}
