// The read-only 集計 endpoints: the counts as JSON (SPEC §11) and the summary
// as CSV for the sidebar's download. Neither writes to the workbook.
import { toCsv } from '../../domain/counts/csv';
import type { CountsResult } from '../../domain/counts/metrics';
import { openBook } from '../../sheets/book';
import { countsArgs, parseArgs } from '../contracts';
import { countBook, dayAndYear, summaryOf } from './compute';
import type { CountsCsv } from './types';

export function getCounts(rawArgs?: unknown): CountsResult {
  const { today, fiscalYear } = dayAndYear(parseArgs(countsArgs, rawArgs));
  return countBook(openBook(), fiscalYear, today).counts;
}

/** The summary exactly as the tab shows it (small counts as <k), as CSV for Excel. */
export function countsCsv(rawArgs?: unknown): CountsCsv {
  const { today, fiscalYear } = dayAndYear(parseArgs(countsArgs, rawArgs));
  const { counts, settings } = countBook(openBook(), fiscalYear, today);
  const summary = summaryOf(counts, settings, today);
  return { fileName: `${summary.sheetName}_${today.replace(/-/g, '')}.csv`, text: toCsv(summary.cells) };
}
