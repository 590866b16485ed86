// Counting a fiscal year of the open workbook: of each tab the columns it
// counts, read once, then the pure engine and the summary of src/domain/counts.
import { COUNTED_COLUMNS, countFiscalYear, type CountsResult } from '../../domain/counts/metrics';
import { renderSummary, type Summary } from '../../domain/counts/render';
import { fiscalYearOf, todayInTokyo } from '../../domain/normalize';
import type { Settings } from '../../domain/settings';
import { readCaseWorkbook, type Book } from '../../sheets/book';

/** The day and fiscal year an operation works on: today in Asia/Tokyo and its year unless given. */
export function dayAndYear(args: { today?: string; fiscalYear?: number }): { today: string; fiscalYear: number } {
  const today = args.today ?? todayInTokyo();
  return { today, fiscalYear: args.fiscalYear ?? fiscalYearOf(today) };
}

export function countBook(book: Book, fiscalYear: number, today: string): { counts: CountsResult; settings: Settings } {
  const { cases, activities, meetings, plans, settings } = readCaseWorkbook(book, COUNTED_COLUMNS);
  const counts = countFiscalYear({ cases, activities, meetings, plans, settings, fiscalYear, today });
  return { counts, settings };
}

export function summaryOf(counts: CountsResult, settings: Settings, builtOn: string): Summary {
  return renderSummary(counts, {
    builtOn,
    threshold: settings.smallCountThreshold,
    meetingTypes: settings.meetingTypes.map((m) => m.name),
    approvals: settings.approvals,
  });
}
