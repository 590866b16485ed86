// What the sidebar endpoints return. google.script.run passes plain data
// only (no Date), so every value here is a string, number, boolean or list.
import type { Settings } from '../domain/settings';
import type { EditConflict } from '../domain/edits';
import type { Finding } from '../domain/validate/problem';
import type { ValidationResult } from '../domain/validate/workbook';
import type { CaseDraft } from '../sheets/caseDraft';

/** A case as the form shows it: every field as text, dates as YYYY-MM-DD. */
export type CaseForm = Record<string, string>;

export interface LoadedCase {
  /** The sheet row it was read from. */
  readonly row: number;
  readonly caseId: string;
  readonly record: CaseForm;
}

export interface CaseChoice {
  readonly caseId: string;
  readonly ageBand: string;
  readonly referrerAgency: string;
}

/** One page of the cases a search found (searchCases), newest ケースID first. */
export interface CaseSearchResult {
  readonly cases: readonly CaseChoice[];
  /** How many cases match in all. */
  readonly total: number;
  /** The page shown, from 0. */
  readonly page: number;
  readonly pageSize: number;
}

export interface SidebarState {
  readonly today: string;
  readonly settings: Settings;
  /** The case on the row selected in 共通シート, if any. */
  readonly selected: LoadedCase | null;
  readonly settingsNotes: readonly string[];
  /** This person's unsaved case form from an earlier sidebar, if any. */
  readonly draft: CaseDraft | null;
}

export type SaveResult =
  | { readonly saved: true; readonly id: string; readonly row: number; readonly created: boolean; readonly warnings: readonly Finding[] }
  | {
    readonly saved: false; readonly errors: readonly Finding[]; readonly warnings: readonly Finding[];
    /** Fields this person changed that someone else changed too since the form was loaded. */
    readonly conflicts?: readonly EditConflict[];
    /** 支援記録 already holding the same case, date and 種別 (saved only when the person confirms). */
    readonly sameDay?: readonly { readonly id: string; readonly row: number }[];
  };

export interface SelectResult {
  readonly sheet: string;
  readonly a1: string;
}

/** Outreach recorded under a 対象 and not yet linked to a case. */
export interface PreIntakeSubject {
  readonly subject: string;
  readonly records: number;
  /** The first and last 実施日 (YYYY-MM-DD; '' when unreadable). */
  readonly firstOn: string;
  readonly lastOn: string;
  /** The 対象 names a person (SPEC §6 target_names_person): the link offer says so. */
  readonly namesPerson: boolean;
}

export interface LinkPreIntakeResult {
  readonly caseId: string;
  readonly subject: string;
  /** Sheet rows that now name the case. */
  readonly rows: readonly number[];
  /** Their 記録IDs (rows without one left out), for the re-check after the link. */
  readonly recordIds: readonly string[];
}

/** The saved row checked again: every problem of the rows it names, and only of those. */
export interface RecheckResult extends ValidationResult {
  /** The rows checked again: the saved one, the rows the rules across rows tie to it, and its case's plan rows. */
  readonly rows: readonly { readonly sheet: string; readonly row: number }[];
  /** Cells of those rows that carry a mark now. */
  readonly markedCells: number;
}
