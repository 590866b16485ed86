// A printed paper (次第, プラン, ケース票) as rows of a table on an A4 page: the
// tab and its print view are both drawn from it.

export type RowRole = 'title' | 'info' | 'notice' | 'header' | 'session' | 'item' | 'empty' | 'participants' | 'footer';

/** A row of the table; when it has fewer cells than columns, its last cell spans to the right edge. */
export interface LayoutRow {
  readonly role: RowRole;
  readonly cells: readonly string[];
}
