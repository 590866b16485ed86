// What the 集計 endpoints return: plain data only (google.script.run passes
// no Date), shared with the sidebar and the command line.
import type { CountsResult, SkippedRow } from '../../domain/counts/metrics';

/**
 * What the sidebar is told of a rebuild: the tab and the rows left out, never
 * the counts themselves (with 少数秘匿 on, only the tab and its CSV may show
 * them, suppressed; SPEC §9).
 */
export interface RebuiltCountsTab {
  /** The tab written, e.g. 集計_2024年度. */
  readonly sheet: string;
  readonly fiscalYear: number;
  /** The build date shown on the tab, YYYY-MM-DD. */
  readonly builtOn: string;
  readonly skipped: SkippedRow[];
}

/** A rebuild with the counts as numbers, for the command line's JSON (SPEC §11): never sent to a page. */
export interface RebuildCountsResult {
  /** The tab written, e.g. 集計_2024年度. */
  readonly sheet: string;
  readonly fiscalYear: number;
  /** The build date shown on the tab, YYYY-MM-DD. */
  readonly builtOn: string;
  readonly counts: CountsResult;
}

export interface CountsCsv {
  /** e.g. 集計_2024年度_20261122.csv */
  readonly fileName: string;
  /** UTF-8 text with a BOM and CRLF line ends. */
  readonly text: string;
}

export interface DailyCountsState {
  /** A daily rebuild is set, by this user or by another. */
  readonly installed: boolean;
  /** It is this user's trigger (only its owner can remove it). */
  readonly mine: boolean;
  /** Who set it, as Apps Script tells ('' when it cannot tell or nobody did). */
  readonly by: string;
  /** The hour (Asia/Tokyo) it runs, 0–23. */
  readonly hour: number;
}

export interface CountsState {
  readonly today: string;
  readonly currentFiscalYear: number;
  /** The years to offer, newest first: recent years and those with a tab. */
  readonly fiscalYears: number[];
  /** The years whose tab 集計_N年度 the workbook has. */
  readonly builtYears: number[];
  readonly daily: DailyCountsState;
}
