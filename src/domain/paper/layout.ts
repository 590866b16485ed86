// A printed paper (次第, プラン, ケース票, 集計) as rows of a table on an A4
// page: the tab and its print view are both drawn from it. What every paper
// shares lives here: 和暦 dates (SPEC §12 Papers) and the 決裁欄 of 設定.
import { dateWithWareki } from '../calendar/days';
import { isIsoDate, toWareki } from '../normalize';

export type RowRole =
  | 'title' | 'info' | 'notice' | 'header' | 'session' | 'item' | 'empty' | 'participants' | 'footer'
  | 'approval' | 'stamp';

/** A row of the table; when it has fewer cells than columns, its last cell spans to the right edge. */
export interface LayoutRow {
  readonly role: RowRole;
  readonly cells: readonly string[];
}

/** 「令和9年3月10日」 for a date on the paper; '' when blank, as typed when not a date. */
export function warekiDay(value: string | undefined): string {
  const text = (value ?? '').trim();
  return isIsoDate(text) ? toWareki(text) : text;
}

/** 「2027年3月10日（水）・令和9年3月10日」: the document's own date, 西暦 beside 和暦. */
export function documentDay(iso: string): string {
  return isIsoDate(iso) ? dateWithWareki(iso) : iso;
}

/** A 決裁欄 cell left blank for the stamp: tall enough to press a seal in. */
export const STAMP_SPACE = '\n\n';

/**
 * The 決裁欄 of 設定 (one title a row, printed left to right) as two rows at
 * the right edge of a table `width` columns wide: the titles, then the boxes
 * to stamp. None when the town lists none. More titles than columns share the
 * first box's cell, so no title is lost.
 */
export function approvalRows(titles: readonly string[], width: number): LayoutRow[] {
  if (titles.length === 0) return [];
  const shared = titles.length - width + 1;
  const boxes = shared > 1 ? [titles.slice(0, shared).join('・'), ...titles.slice(shared)] : titles;
  const pad = Array.from({ length: width - boxes.length }, () => '');
  return [{ role: 'approval', cells: [...pad, ...boxes] }, { role: 'stamp', cells: [...pad, ...boxes.map(() => STAMP_SPACE)] }];
}

/** How many leading cells of a 決裁欄 row are padding (no box). */
export const approvalPadding = (row: LayoutRow): number => row.cells.findIndex((c) => c !== '');
