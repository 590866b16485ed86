// The JSON the preview server sends, shared by the server and the page.
import type { MenuRecord, PromptAnswer, QuestionRecord } from '../runtime';

/** A cell among the rows sent that has a background or a note; row and column are 1-based. */
export interface CellAnnotation {
  readonly row: number;
  readonly column: number;
  /** `#rrggbb`. */
  readonly background?: string;
  readonly note?: string;
  readonly bold?: true;
  /** Text wraps in the cell (it is shown whole, on several lines). */
  readonly wrap?: true;
}

/** Rows per page of a long tab, after its frozen rows: a demo fits on one, a 10,000-row tab stays quick. */
export const PAGE_ROWS = 200;

export interface RowView {
  /** 1-based, as Sheets numbers rows. */
  readonly row: number;
  readonly cells: readonly string[];
}

/** An embedded chart with the data it draws, read from its ranges. */
export interface ChartView {
  /** A Charts.ChartType name; the page draws COLUMN and LINE, and names any other. */
  readonly type: string;
  readonly title: string;
  /** The anchor cell, e.g. `A42`. */
  readonly position: string;
  /** A1 notation with the sheet, e.g. `'集計_2024年度'!A28:F40`. */
  readonly ranges: readonly string[];
  readonly stacked: boolean;
  /** The first column below the header rows: the labels along the x axis. */
  readonly categories: readonly string[];
  /** Every other column; a cell that is not a number (a blank, or a small count shown as <k) is null. */
  readonly series: readonly { readonly name: string; readonly values: readonly (number | null)[] }[];
}

export interface TabView {
  readonly name: string;
  /** The used area: up to the last row and column holding a value or a note. */
  readonly rowCount: number;
  readonly columnCount: number;
  readonly frozenRows: number;
  /** Pixel widths of the used columns, as the sheet sets them. */
  readonly columnWidths: readonly number[];
  /**
   * The frozen rows, then one page of PAGE_ROWS rows: on the active tab the page
   * holding the selection, on the others the first. Cells as a person reads them.
   */
  readonly rows: readonly RowView[];
  /** Of the rows sent. */
  readonly annotations: readonly CellAnnotation[];
  /** Merged ranges that meet the rows sent (1-based); the top-left cell holds the value. */
  readonly merges: readonly { readonly row: number; readonly column: number; readonly numRows: number; readonly numColumns: number }[];
  readonly charts: readonly ChartView[];
}

export interface Selection {
  readonly sheet: string;
  /** A1 notation, e.g. `C5` or `A2:D2`. */
  readonly range: string;
}

export interface WorkbookView {
  /** The .xlsx path, absolute. */
  readonly file: string;
  /** Visible tabs in order. */
  readonly tabs: readonly TabView[];
  readonly selection: Selection;
  /** The menus onOpen added, in order. */
  readonly menus: readonly MenuRecord[];
}

export type RunResponse =
  | {
    readonly ok: true;
    /** What the function returned, as JSON (omitted for undefined). */
    readonly value?: unknown;
    /** ui.alert texts shown during the call: `title\nprompt`. */
    readonly alerts: readonly string[];
    readonly sidebarOpened: boolean;
    /** The title showSidebar gave, when sidebarOpened. */
    readonly sidebarTitle?: string;
    /** Whether the function showed a dialog (showModelessDialog); GET /dialog serves it. */
    readonly dialogOpened: boolean;
    readonly dialogTitle?: string;
    /** Apps Script service calls the function made. */
    readonly calls: number;
  }
  | { readonly ok: false; readonly error: string };

/** A menu item run with `answers` stopped at a question for the person; POST it again with their answer added. */
export interface QuestionResponse {
  readonly ok: true;
  readonly question: QuestionRecord;
  readonly calls: number;
}

/** What POST /api/run answers a call sent with `answers` (a menu item run by a person). */
export type MenuRunResponse = RunResponse | QuestionResponse;

/** A person's answer to a question, as the page sends it back. */
export type PersonAnswer = PromptAnswer;

/** What the sidebar frame tells the page. */
export type FrameMessage =
  | { readonly type: 'tsunagi:changed' }
  | { readonly type: 'tsunagi:close' }
  /** The sidebar's call showed a dialog (the agenda's print view): the page opens GET /dialog. */
  | { readonly type: 'tsunagi:dialog'; readonly title: string };
