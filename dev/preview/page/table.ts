// One tab as an HTML table: column letters and the frozen rows in a sticky
// <thead>, row numbers in a sticky first column, each cell's background and
// note, boldness, wrapping and merged cells as Sheets shows them. Text in a
// cell that does not wrap spills into the empty cells on its right, as in
// Sheets (the 集計 tab's notes are one long line each). Every value goes in
// as text.
import { columnLetters, type GridRect } from '../../runtime/a1';
import type { CellAnnotation, TabView } from '../types';

function numberHeader(text: string): HTMLTableCellElement {
  const header = document.createElement('th');
  header.scope = 'row';
  header.textContent = text;
  return header;
}

/** Wide enough for five-digit row numbers. */
const ROW_NUMBER_WIDTH = 52;

function columns(tab: TabView): HTMLTableColElement {
  const group = document.createElement('colgroup');
  for (const width of [ROW_NUMBER_WIDTH, ...tab.columnWidths]) {
    const column = document.createElement('col');
    column.style.width = `${width}px`;
    group.append(column);
  }
  return group;
}

/** Where merged ranges span columns: the span of each range's first cell in a row, and the cells it covers. */
function mergeSpans(tab: TabView): { spans: Map<string, number>; covered: Set<string> } {
  const spans = new Map<string, number>();
  const covered = new Set<string>();
  for (const m of tab.merges) {
    for (let r = m.row; r < m.row + m.numRows; r++) {
      spans.set(`${r}:${m.column}`, m.numColumns);
      for (let c = m.column + 1; c < m.column + m.numColumns; c++) covered.add(`${r}:${c}`);
    }
  }
  return { spans, covered };
}

/** A number as Sheets shows one: it is cut at its own cell, never spilled. */
const NUMBER = /^[-+]?[\d,.]+%?$/;

/**
 * How far the text at column `c` (0-based) may spill: the widths of the empty
 * cells to its right, up to the first one holding anything or covered by a merge.
 */
function spillWidth(tab: TabView, row: number, cells: readonly string[], c: number, covered: ReadonlySet<string>): number {
  let width = 0;
  for (let next = c + 1; next < cells.length && cells[next] === '' && !covered.has(`${row}:${next + 1}`); next++) {
    width += tab.columnWidths[next] ?? 0;
  }
  return width;
}

export function renderTable(table: HTMLTableElement, tab: TabView): void {
  const annotations = new Map<string, CellAnnotation>(tab.annotations.map((a) => [`${a.row}:${a.column}`, a]));
  const { spans, covered } = mergeSpans(tab);
  const caption = document.createElement('caption');
  caption.className = 'visually-hidden';
  caption.textContent = tab.name;
  const head = document.createElement('thead');
  const letters = head.insertRow();
  letters.className = 'letters';
  letters.setAttribute('aria-hidden', 'true');
  letters.append(document.createElement('th'));
  for (let c = 1; c <= tab.columnCount; c++) {
    const letter = document.createElement('th');
    letter.textContent = columnLetters(c);
    letters.append(letter);
  }
  const body = document.createElement('tbody');
  for (const { row, cells } of tab.rows) {
    const frozen = row <= tab.frozenRows;
    const tr = (frozen ? head : body).insertRow();
    tr.dataset.row = String(row);
    tr.append(numberHeader(String(row)));
    cells.forEach((text, c) => {
      const key = `${row}:${c + 1}`;
      if (covered.has(key)) return;
      const cell = document.createElement(frozen ? 'th' : 'td') as HTMLTableCellElement;
      if (frozen) cell.scope = 'col';
      cell.colSpan = spans.get(key) ?? 1;
      const spill = frozen || annotations.get(key)?.wrap || cell.colSpan > 1 || text === '' || NUMBER.test(text)
        ? 0 : spillWidth(tab, row, cells, c, covered);
      if (spill > 0) {
        const line = document.createElement('span');
        line.textContent = text;
        cell.classList.add('spills');
        cell.style.setProperty('--spill', `${spill}px`);
        cell.append(line);
      } else {
        cell.textContent = text;
      }
      cell.dataset.column = String(c + 1);
      const annotation = annotations.get(key);
      if (annotation?.background) cell.style.backgroundColor = annotation.background;
      if (annotation?.bold) cell.style.fontWeight = 'bold';
      if (annotation?.wrap) cell.classList.add('wrap');
      if (annotation?.note) {
        cell.title = annotation.note;
        cell.classList.add('has-note');
      }
      tr.append(cell);
    });
  }
  table.replaceChildren(caption, columns(tab), head, body);
}

/** Marks the cells of `rect` that are on the page; gives back its top-left cell. */
export function highlight(table: HTMLTableElement, rect: GridRect | undefined): HTMLTableCellElement | undefined {
  for (const cell of table.querySelectorAll('.selected')) cell.classList.remove('selected');
  if (!rect) return undefined;
  let first: HTMLTableCellElement | undefined;
  for (let r = rect.row; r < rect.row + rect.numRows; r++) {
    const tr = table.querySelector<HTMLTableRowElement>(`tr[data-row="${r}"]`);
    for (let c = rect.column; tr && c < rect.column + rect.numColumns; c++) {
      const cell = tr.querySelector<HTMLTableCellElement>(`[data-column="${c}"]`);
      if (!cell) continue; // covered by a merged cell
      cell.classList.add('selected');
      first ??= cell;
    }
  }
  return first;
}
