// The preview page: the workbook's tabs as tables, the menu as buttons, the
// sidebar in a 300-px frame. It always shows the runtime's active sheet, and
// clicking a tab or a cell selects it there, as in Sheets, so 標準化（開いているタブ）
// and the sidebar see what the person sees.
import { columnLetters, parseA1, type GridRect } from '../../runtime/a1';
import { PAGE_ROWS, type FrameMessage, type PersonAnswer, type TabView, type WorkbookView } from '../types';
import { withPreviewToken } from '../token';
import { fetchWorkbook, runFunction, selectRange } from './api';
import { renderCharts } from './charts';
import { askQuestion, showAlerts, showFailure } from './dialog';
import { initMenus, renderMenus, setMenusBusy } from './menu';
import { highlight, renderTable } from './table';
import { initTabs, renderTabs } from './tabs';

const element = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const ui = {
  book: element('book'),
  status: element('status'),
  menu: element('menu'),
  tabs: element('tabs'),
  panel: element('panel'),
  selection: element('selection'),
  cellValue: element('cell-value'),
  cellNote: element('cell-note'),
  grid: element('grid'),
  table: element<HTMLTableElement>('table'),
  pager: element('pager'),
  pagePosition: element('page-position'),
  previousPage: element<HTMLButtonElement>('previous-page'),
  nextPage: element<HTMLButtonElement>('next-page'),
  charts: element('charts'),
  sidebarPane: element('sidebar-pane'),
  sidebarTitle: element('sidebar-title'),
  sidebarClose: element<HTMLButtonElement>('sidebar-close'),
  sidebarFrame: element<HTMLIFrameElement>('sidebar-frame'),
  dialogPane: element('dialog-pane'),
  dialogTitle: element('dialog-title'),
  dialogClose: element<HTMLButtonElement>('dialog-close'),
  dialogFrame: element<HTMLIFrameElement>('dialog-frame'),
};

let view: WorkbookView | undefined;
let busy = false;
let latestRefresh = 0;
/** The selection last scrolled to: a refresh scrolls only when the selection moved, not under someone reading. */
let scrolledTo = '';

function showStatus(text: string, isError = false): void {
  ui.status.textContent = text;
  ui.status.classList.toggle('error', isError);
}

const showError = (error: unknown): void => showStatus(error instanceof Error ? error.message : String(error), true);

function currentTab(): TabView | undefined {
  return view?.tabs.find((tab) => tab.name === view?.selection.sheet) ?? view?.tabs[0];
}

function selectedRect(tab: TabView): GridRect | undefined {
  if (view?.selection.sheet !== tab.name) return undefined;
  try {
    return parseA1(view.selection.range, () => ({ maxRows: tab.rowCount, maxColumns: tab.columnCount })).rect;
  } catch {
    return undefined;
  }
}

/** Rows after the frozen ones: the page on screen. */
const pageRows = (tab: TabView) => tab.rows.filter((r) => r.row > tab.frozenRows);

/** Highlights the selection and, like Sheets' formula bar, shows its first cell whole, with its note. */
function showSelection(tab: TabView): void {
  const selection = view?.selection;
  const rect = selectedRect(tab);
  ui.selection.textContent = rect && selection ? selection.range : '';
  ui.cellValue.textContent = rect ? tab.rows.find((r) => r.row === rect.row)?.cells[rect.column - 1] ?? '' : '';
  const note = rect && tab.annotations.find((a) => a.row === rect.row && a.column === rect.column)?.note;
  ui.cellNote.hidden = !note;
  ui.cellNote.textContent = note ? `メモ：${note}` : '';
  const cell = highlight(ui.table, rect);
  const key = `${selection?.sheet}!${selection?.range}`;
  if (key !== scrolledTo) cell?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  scrolledTo = key;
}

function showPager(tab: TabView): void {
  const rows = pageRows(tab);
  const first = rows[0]?.row ?? 0;
  const last = rows.at(-1)?.row ?? 0;
  ui.pager.hidden = tab.rowCount <= tab.frozenRows + PAGE_ROWS;
  ui.pagePosition.textContent = `${first.toLocaleString('ja-JP')}〜${last.toLocaleString('ja-JP')}行目（全${tab.rowCount.toLocaleString('ja-JP')}行）`;
  ui.previousPage.textContent = `前の${PAGE_ROWS}行`;
  ui.nextPage.textContent = `次の${PAGE_ROWS}行`;
  ui.previousPage.setAttribute('aria-disabled', String(first <= tab.frozenRows + 1));
  ui.nextPage.setAttribute('aria-disabled', String(last >= tab.rowCount));
}

function render(): void {
  if (!view) return;
  ui.book.textContent = view.file.split(/[\\/]/).pop() ?? view.file;
  ui.book.title = view.file;
  renderMenus(ui.menu, view.menus);
  setMenusBusy(ui.menu, busy);
  const tab = currentTab();
  renderTabs(ui.tabs, ui.panel, view.tabs.map((t) => t.name), tab?.name ?? '');
  if (!tab) return;
  renderTable(ui.table, tab);
  // Keep a cell scrolled into view clear of the sticky header rows and row numbers.
  ui.grid.style.scrollPaddingTop = `${ui.table.tHead?.offsetHeight ?? 0}px`;
  ui.grid.style.scrollPaddingLeft = `${ui.table.querySelector('tbody th')?.clientWidth ?? 0}px`;
  ui.grid.setAttribute('aria-label', `${tab.name}の表`);
  showPager(tab);
  renderCharts(ui.charts, tab.charts);
  showSelection(tab);
}

async function refresh(): Promise<void> {
  const ticket = ++latestRefresh;
  const fresh = await fetchWorkbook();
  if (ticket !== latestRefresh) return; // a later refresh is on its way
  view = fresh;
  render();
}

function chooseTab(name: string): void {
  if (!view || name === view.selection.sheet) return;
  view = { ...view, selection: { sheet: name, range: 'A1' } };
  render();
  selectRange(name, 'A1').catch(showError);
}

/** Selects on the page at once and tells the runtime; a row on another page is fetched once the runtime has it. */
function chooseCell(row: number, column: number): void {
  const tab = currentTab();
  if (!view || !tab) return;
  const range = `${columnLetters(column)}${row}`;
  view = { ...view, selection: { sheet: tab.name, range } };
  const told = selectRange(tab.name, range);
  if (tab.rows.some((r) => r.row === row)) {
    showSelection(tab);
    told.catch(showError);
  } else {
    told.then(refresh).catch(showError);
  }
}

function turnPage(button: HTMLButtonElement, forward: boolean): void {
  const tab = currentTab();
  const rows = tab ? pageRows(tab) : [];
  if (!tab || button.getAttribute('aria-disabled') === 'true' || !rows.length) return;
  const row = forward ? rows.at(-1)!.row + 1 : Math.max(rows[0]!.row - PAGE_ROWS, tab.frozenRows + 1);
  chooseCell(row, selectedRect(tab)?.column ?? 1);
}

async function runMenuItem(caption: string, functionName: string): Promise<void> {
  if (busy) return;
  busy = true;
  setMenusBusy(ui.menu, true);
  showStatus(`「${caption}」を実行しています…`);
  try {
    // Each question stops the run; it is asked, then the item runs again with every answer given so far.
    const answers: PersonAnswer[] = [];
    let result = await runFunction(functionName, answers);
    while (result.ok && 'question' in result) {
      answers.push(await askQuestion(result.question));
      result = await runFunction(functionName, answers);
    }
    await refresh();
    if (!result.ok) {
      showStatus(`「${caption}」を実行できませんでした。`, true);
      showFailure(`${caption}：エラー`, result.error);
      return;
    }
    showStatus(`「${caption}」を実行しました。`);
    if (result.sidebarOpened) openSidebar(result.sidebarTitle ?? '');
    if (result.dialogOpened) openDialog(result.dialogTitle ?? '');
    if (result.alerts.length) showAlerts(caption, result.alerts);
  } catch (error) {
    showError(error);
  } finally {
    busy = false;
    setMenusBusy(ui.menu, false);
  }
}

function openSidebar(title: string): void {
  ui.sidebarTitle.textContent = title || 'サイドバー';
  ui.sidebarPane.hidden = false;
  ui.sidebarFrame.src = withPreviewToken('/sidebar', window.location.search); // a fresh page each time, as showSidebar gives
}

/** A modeless dialog floats over the sheet, as in Sheets; the sheet and the sidebar stay usable. */
function openDialog(title: string): void {
  ui.dialogTitle.textContent = title;
  ui.dialogPane.hidden = false;
  ui.dialogFrame.src = withPreviewToken(`/dialog?${Date.now()}`, window.location.search); // a fresh page for each dialog shown
  ui.dialogClose.focus();
}

function closeDialog(): void {
  ui.dialogPane.hidden = true;
  ui.dialogFrame.src = 'about:blank';
}

function closeSidebar(): void {
  const hadFocus = ui.sidebarPane.contains(document.activeElement);
  ui.sidebarPane.hidden = true;
  ui.sidebarFrame.src = 'about:blank';
  if (hadFocus) ui.grid.focus();
}

function onGridKey(event: KeyboardEvent): void {
  const tab = currentTab();
  const rect = tab && selectedRect(tab);
  const step = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] }[event.key];
  if (!tab || !rect || !step) return;
  event.preventDefault();
  const row = Math.min(Math.max(rect.row + step[0]!, 1), tab.rowCount);
  const column = Math.min(Math.max(rect.column + step[1]!, 1), tab.columnCount);
  chooseCell(row, column);
}

initMenus(ui.menu, (caption, functionName) => void runMenuItem(caption, functionName));
initTabs(ui.tabs, chooseTab);
ui.table.addEventListener('click', (event) => {
  const cell = (event.target as Element).closest('td, thead th[scope="col"]');
  const row = Number(cell?.parentElement?.dataset.row);
  const column = cell instanceof HTMLElement ? Number(cell.dataset.column) : 0;
  if (row && column) chooseCell(row, column);
});
ui.grid.addEventListener('keydown', onGridKey);
ui.previousPage.addEventListener('click', () => turnPage(ui.previousPage, false));
ui.nextPage.addEventListener('click', () => turnPage(ui.nextPage, true));
ui.sidebarClose.addEventListener('click', closeSidebar);
ui.dialogClose.addEventListener('click', closeDialog);
window.addEventListener('message', (event: MessageEvent<FrameMessage>) => {
  if (event.origin !== window.location.origin) return;
  if (event.source === ui.dialogFrame.contentWindow) {
    if (event.data.type === 'tsunagi:close') closeDialog();
    return;
  }
  if (event.source !== ui.sidebarFrame.contentWindow) return;
  if (event.data.type === 'tsunagi:dialog') openDialog(event.data.title);
  if (event.data.type === 'tsunagi:changed') refresh().catch(showError);
  if (event.data.type === 'tsunagi:close') closeSidebar();
});
refresh().catch(showError);
