// What the sidebar's 集計 view needs to open: the years to offer, the tabs
// already built and whether the daily rebuild is set.
import { summarySheetName } from '../../domain/counts/render';
import { openBook } from '../../sheets/book';
import { countsStateArgs, parseArgs } from '../contracts';
import { dayAndYear } from './compute';
import { dailyCountsState } from './daily';
import type { CountsState } from './types';

/** The current year and the four before it, as a manager reports and compares. */
const RECENT_YEARS = 5;

export function getCountsState(rawArgs?: unknown): CountsState {
  const { today, fiscalYear: currentFiscalYear } = dayAndYear(parseArgs(countsStateArgs, rawArgs));
  const names = [...openBook().sheets.keys()];
  const built = names.flatMap((name) => {
    // The year read from the name, kept only when the name is exactly the tab the counts write.
    const year = Number(/^集計_(\d{4})/.exec(name)?.[1]);
    return year && summarySheetName(year) === name ? [year] : [];
  });
  const recent = Array.from({ length: RECENT_YEARS }, (_, i) => currentFiscalYear - i);
  const fiscalYears = [...new Set([...recent, ...built])].sort((a, b) => b - a);
  return { today, currentFiscalYear, fiscalYears, builtYears: built, daily: dailyCountsState() };
}
