// The «入力チェック» view: runs checkEntries (marking the cells), lists the
// problems by row, and selects a problem's cell in the spreadsheet. After a
// save, only the saved row is checked again (recheckSaved): its problems, and
// those of the rows checked with it, replace theirs in the list; the rest of
// the list stays as the last full run found it.
import { TAB } from '../../src/domain/fields';
import type { Problem } from '../../src/domain/validate/problem';
import { button, fill, h } from '../shared/dom';
import { groupProblems, problemPlace, problemText, summaryLine } from './problemGroups';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

type SelectableSheet = typeof TAB.cases | typeof TAB.activities | typeof TAB.meetings | typeof TAB.plans | typeof TAB.tasks;
const SELECTABLE: readonly string[] = [TAB.cases, TAB.activities, TAB.meetings, TAB.plans, TAB.tasks];

const SEVERITY_TEXT = { error: 'エラー', warning: '注意' } as const;

/** A row a form saved: a case by its ケースID (after an edit, with the カナ and 生年月日 it was loaded with), 支援記録 rows by their 記録IDs. */
export type SavedRow =
  | { readonly sheet: typeof TAB.cases; readonly id: string; readonly formerly?: { readonly personKana: string; readonly birthDate: string } }
  | { readonly sheet: typeof TAB.activities; readonly ids: readonly string[] };

const marked = (cells: number): string => (cells > 0 ? ` シートの${cells}か所に印を付けました。` : '');

export class ProblemsView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly runButton: HTMLButtonElement;
  private readonly summary = h('p', { class: 'summary-line', id: 'check-summary' });
  private readonly notes = h('div', { class: 'notes' });
  private readonly results = h('div', { class: 'results' });
  /** Whether the full check runs. */
  private running = false;
  private readonly savedMeanwhile: SavedRow[] = [];
  private itemCount = 0;
  /** The list shown: the last full run's, with the rows checked again since replaced. */
  private problems: readonly Problem[] = [];
  private fullRun = false;

  constructor() {
    this.runButton = button('入力チェックを実行', () => { void this.run(); }, { class: 'primary', id: 'check-run' });
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '共通シート・支援記録・会議記録・支援プラン・役割分担の入力内容を確かめ、問題のあるセルに印を付けます。'),
      h('div', { class: 'actions' }, this.runButton),
      this.status.element,
      h('section', { 'aria-label': '入力チェックの結果', id: 'check-results', class: 'check-results' },
        this.summary, this.notes, this.results));
  }

  async run(): Promise<void> {
    if (this.running) return;
    this.busy(true);
    const result = await this.status.run('入力チェックをしています…', '入力チェック', () => callServer('checkEntries', { mark: true }));
    this.busy(false);
    if (result) {
      const { problems, counts, markedCells, settingsNotes } = result.value;
      this.fullRun = true;
      this.show(problems);
      fill(this.summary, summaryLine(counts, groupProblems(problems).length), marked(markedCells));
      this.showNotes(settingsNotes);
    }
    // Saves made while it ran may have been read before they were written.
    for (const saved of this.savedMeanwhile.splice(0)) void this.recheck(saved);
  }

  /**
   * After a save: the saved row checked again, not the whole book. It does not
   * hold the button: a person may still ask for the full check meanwhile.
   */
  async recheck(saved: SavedRow): Promise<void> {
    if (this.running) {
      this.savedMeanwhile.push(saved);
      return;
    }
    const result = await this.status.run('保存した行を確かめています…', '保存した行の確認', () => callServer('recheckSaved', saved));
    if (!result) return;
    const { problems, rows, markedCells } = result.value;
    const checked = new Set(rows.map((r) => `${r.sheet}\u0000${r.row}`));
    const list = [...this.problems.filter((p) => !checked.has(`${p.sheet}\u0000${p.row}`)), ...problems];
    this.show(list);
    const error = list.filter((p) => p.severity === 'error').length;
    const what = saved.sheet === TAB.cases ? `ケース ${saved.id}` : `支援記録 ${saved.ids.join('・')}`;
    fill(this.summary,
      this.fullRun
        ? `保存した${what} の行を確かめ直しました（ほかの行は前回の入力チェックの結果です）。`
        : `保存した${what} の行を確かめました（ブック全体は「入力チェックを実行」で確かめます）。`,
      ' ', summaryLine({ error, warning: list.length - error }, groupProblems(list).length), marked(markedCells));
  }

  /**
   * While the full check runs, the button says so (aria-disabled) and ignores
   * presses, but keeps its place in the Tab order: disabled, it dropped out of
   * it, and Tab from the 入力チェック tab went past the view.
   */
  private busy(running: boolean): void {
    this.running = running;
    if (running) this.runButton.setAttribute('aria-disabled', 'true');
    else this.runButton.removeAttribute('aria-disabled');
  }

  private show(problems: readonly Problem[]): void {
    this.problems = problems;
    this.render(problems);
  }

  showNotes(notes: readonly string[]): void {
    fill(this.notes, notes.length
      ? h('details', {}, h('summary', {}, `設定タブについてのお知らせ（${notes.length}件）`), h('ul', {}, ...notes.map((n) => h('li', {}, n))))
      : null);
  }

  private render(problems: readonly Problem[]): void {
    this.itemCount = 0;
    fill(this.results, ...groupProblems(problems).map((group) => h('div', { class: 'group' },
      h('h3', {}, group.heading),
      h('ul', { class: 'problems' }, ...group.problems.map((p) => this.item(p))))));
  }

  private item(problem: Problem): HTMLElement {
    const id = `problem-${++this.itemCount}`;
    const select = SELECTABLE.includes(problem.sheet) && problem.row > 0
      ? button('セルを選択', () => { void this.selectCell(problem); }, { class: 'small', 'aria-describedby': id })
      : null;
    return h('li', { class: problem.severity },
      h('span', { class: `badge ${problem.severity}` }, SEVERITY_TEXT[problem.severity]),
      h('span', { class: 'place' }, problemPlace(problem)),
      h('p', { id, class: 'message' }, problemText(problem)),
      select);
  }

  private async selectCell(problem: Problem): Promise<void> {
    const result = await this.status.run('セルを選択しています…', 'セルの選択',
      () => callServer('selectCell', { sheet: problem.sheet as SelectableSheet, row: problem.row, column: problem.column }));
    if (result) this.status.show(`「${result.value.sheet}」の ${result.value.a1} を選択しました。`);
  }
}
