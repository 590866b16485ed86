// One tab as an HTML table: column letters and the frozen rows in a sticky
// <thead>, row numbers in a sticky first column, each cell's background and
// note, boldness, wrapping and merged cells as Sheets shows them. Every
// value goes in as text.
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
      cell.textContent = text;
      cell.colSpan = spans.get(key) ?? 1;
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
