// What every printed paper's endpoints share: the preview the sidebar draws
// (rows as the tab shows them) and the A4 print view in a dialog beside the sheet.
import type { LayoutRow } from '../domain/paper/layout';

/** A paper as the sidebar previews it: text only, drawn as a table. */
export interface PaperPreview {
  readonly sheet: string;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly LayoutRow[];
  readonly headerRows: number;
}

const DIALOG = { width: 860, height: 640 } as const;

export function showPaperDialog(html: string, title: string): { readonly title: string } {
  const page = HtmlService.createHtmlOutput(html).setWidth(DIALOG.width).setHeight(DIALOG.height);
  SpreadsheetApp.getUi().showModelessDialog(page, title);
  return { title };
}
