// The JSON the preview server sends, shared by the server and the page.
import type { MenuRecord } from '../runtime';

/** A cell among the rows sent that has a background or a note; row and column are 1-based. */
export interface CellAnnotation {
  readonly row: number;
  readonly column: number;
  /** `#rrggbb`. */
  readonly background?: string;
  readonly note?: string;
}

/** Rows per page of a long tab, after its frozen rows: a demo fits on one, a 10,000-row tab stays quick. */
export const PAGE_ROWS = 200;

export interface RowView {
  /** 1-based, as Sheets numbers rows. */
  readonly row: number;
  readonly cells: readonly string[];
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
    /** Apps Script service calls the function made. */
    readonly calls: number;
  }
  | { readonly ok: false; readonly error: string };

/** What the sidebar frame tells the page. */
export type FrameMessage = { readonly type: 'tsunagi:changed' } | { readonly type: 'tsunagi:close' };
