// A printed paper (the person's plan, a ケース票) previewed in the sidebar as
// its tab will read: the same rows, as a table. Text only, never HTML.
import type { PaperPreview } from '../../src/app/paper';
import { fill, h } from './dom';

export function renderPaper(target: HTMLElement, paper: PaperPreview): void {
  const width = paper.columns.length;
  const row = (r: PaperPreview['rows'][number]): HTMLElement => h('tr', { class: r.role },
    ...r.cells.map((text, i) => h(r.role === 'header' ? 'th' : 'td', { colspan: i === r.cells.length - 1 && width - i > 1 ? width - i : null }, text)));
  fill(target,
    h('p', { class: 'hint' }, `タブ「${paper.sheet}」に次の内容で作成します（A4縦）。`),
    h('table', { class: 'paper', 'aria-label': paper.title }, h('tbody', {}, ...paper.rows.map(row))));
}
