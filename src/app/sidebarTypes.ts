// What the sidebar endpoints return. google.script.run passes plain data
// only (no Date), so every value here is a string, number, boolean or list.
import type { Settings } from '../domain/settings';
import type { EditConflict } from '../domain/edits';
import type { Finding } from '../domain/validate/problem';
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

export interface SidebarState {
  readonly today: string;
  readonly settings: Settings;
  /** The case on the row selected in 共通シート, if any. */
  readonly selected: LoadedCase | null;
  /** Open cases, for picking the case of a 支援記録. */
  readonly openCases: readonly CaseChoice[];
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
