// The «標準化» view, opened by the menu 「標準化（開いているタブ）」: what
// standardising the tab would do (previewStandardize), each column's mapping
// changeable, and nothing written until 「この内容で標準化する」
// (standardizeSheet with the person's choices). Every value is shown as text.
import type { ColumnChoice, StandardizeColumnPlan, StandardizePlan } from '../../src/app/standardizeTypes';
import { chosenText } from '../shared/chosenText';
import { button, fill, h } from '../shared/dom';
import { isRefusal } from '../shared/failure';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';
import {
  columnLabel, exampleLine, leftOutLine, questionsLine, resultLines, rewritesLine, targetLabel, targetOptions,
} from './standardizeText';

export interface StandardizeViewContext {
  /** The tab the menu was run on. */
  readonly sheet: string;
  /** After the tab was standardised: the other views can read the book now. */
  readonly onStandardized: () => void;
  /** 「入力チェックを実行」, the next step. */
  readonly runCheck: () => void;
}

const CONFIRM = 'この内容で標準化する';

export class StandardizeView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  /** Disabled while 標準化 runs: no choice can change under it. */
  private readonly plan = h('fieldset', { id: 'standardize-plan' });
  private readonly confirmButton = button(CONFIRM, () => { void this.confirm(); }, { class: 'primary', id: 'standardize-confirm', disabled: true });
  private readonly cancelButton = button('やめる（何も変えない）', () => this.cancel(), { id: 'standardize-cancel' });
  private readonly actions = h('div', { class: 'actions footer' }, this.confirmButton, this.cancelButton);
  /**
   * Each column the person chose for (letter → standard header or 'keep'), sent
   * as `map`. A choice stays the person's even when it equals the add-on's own
   * reading: the add-on moves its own mapping aside for a chosen one, never a
   * chosen one for another.
   */
  private readonly chosen = new Map<string, string>();
  /** The plan on screen matches the choices: only then may it be confirmed. */
  private current: StandardizePlan | null = null;
  /** Each preview's number: an answer to an older one (the person changed a column again) is dropped. */
  private asked = 0;
  private busy = false;

  constructor(private readonly context: StandardizeViewContext) {
    this.element = h('div', { class: 'view standardize' },
      h('h2', { class: 'section-title', id: 'standardize-title' }, '標準化の確認'),
      h('p', { class: 'mode' }, `タブ「${context.sheet}」を共通シートの形に整える前に、何がどう変わるかを示します。「${CONFIRM}」を押すまで、シートは何も変わりません。`),
      this.plan,
      this.status.element,
      this.actions);
  }

  /** Reads the plan of the tab as the add-on sees it, no choice made yet. */
  async open(): Promise<void> {
    this.chosen.clear();
    this.actions.hidden = false;
    await this.preview();
  }

  /** `done`: what the person just changed, said before the next step once the new plan is shown. */
  private async preview(done = ''): Promise<void> {
    const asked = ++this.asked;
    this.current = null;
    this.updateConfirm();
    const map = this.map();
    let refused = false;
    const result = await this.status.run('標準化の内容を調べています…', '標準化の内容を確認',
      () => callServer('previewStandardize', { sheetName: this.context.sheet, map }).catch((error: unknown) => {
        refused = isRefusal(error);
        throw error;
      }));
    if (asked !== this.asked) return;
    if (!result) {
      // The add-on's own refusal (two columns chosen for 受付日) is answered by choosing again, not by asking again.
      if (!refused) this.status.element.append(button('もう一度調べる', () => { void this.preview(done); }, { class: 'small' }));
      return;
    }
    const plan = result.value;
    this.current = plan;
    this.render(plan);
    this.updateConfirm(done);
  }

  private render(plan: StandardizePlan): void {
    const questions = questionsLine(plan);
    const focused = document.activeElement?.id;
    fill(this.plan,
      h('dl', { class: 'facts' },
        h('dt', {}, 'タブ'), h('dd', {}, plan.sheet),
        h('dt', {}, '見出しの行'), h('dd', {}, `${plan.headerRow}行目`)),
      h('h3', {}, '列の行き先'),
      h('p', { class: 'hint' }, '左が今の列、選んだものが共通シートでの列です。「そのまま残す」の列は、中身ごと共通シートの右側に残ります。'),
      questions ? h('p', { class: 'issue warning', id: 'standardize-questions' }, questions) : null,
      h('div', { id: 'standardize-columns' }, ...plan.mapping.map((column) => this.columnField(plan, column))),
      h('h3', {}, `共通シートに入れない行（${plan.leftOutRows.length}行）`),
      plan.leftOutRows.length
        ? h('div', {},
          h('p', { class: 'hint' }, 'ケースではない行です。消さずにバックアップのタブに残します。'),
          h('ul', { id: 'standardize-left-out' }, ...plan.leftOutRows.map((row) => h('li', {}, leftOutLine(row)))))
        : h('p', { class: 'mode' }, 'ありません。'),
      h('h3', {}, '書き方をそろえる値'),
      h('p', { id: 'standardize-rewrites' }, rewritesLine(plan.rewrites)),
      plan.examples.length ? h('h3', {}, '例（今 → 標準化のあと）') : null,
      plan.examples.length ? h('div', { id: 'standardize-examples' }, ...plan.examples.map((example) => h('section', { 'aria-label': `${example.row}行目の例` },
        h('h4', {}, `${example.row}行目`),
        h('ul', {}, ...example.cells.map((cell) => h('li', {}, exampleLine(cell))))))) : null,
      h('p', { class: 'hint' }, '元の表は「バックアップ_日付_時刻」のタブとして、そのまま残します。'));
    // Re-drawn after a change: the focus stays on the dropdown that was changed.
    if (focused) document.getElementById(focused)?.focus();
  }

  private columnField(plan: StandardizePlan, column: StandardizeColumnPlan): HTMLElement {
    const id = `standardize-to-${column.column}`;
    const questionId = `${id}-question`;
    const select = h('select', { id, 'aria-describedby': column.question ? questionId : null },
      ...targetOptions(plan, column).map((o) => h('option', { value: o.value, selected: o.value === column.to }, o.label)));
    select.addEventListener('change', () => {
      this.chosen.set(column.column, select.value);
      void this.preview(`${columnLabel(column)}の行き先を「${targetLabel(select.value)}」にしました。`);
    });
    return h('div', { class: `field${column.question ? ' question' : ''}` },
      h('div', { class: 'head' }, h('label', { for: id }, columnLabel(column))),
      select, chosenText(select),
      column.question ? h('p', { class: 'issue warning', id: questionId }, `確かめてください：${column.question}`) : null);
  }

  /** 標準化 may run once the plan on screen is the one chosen and nothing refuses it. */
  private updateConfirm(done = ''): void {
    const plan = this.current;
    this.confirmButton.disabled = this.busy || !plan || plan.refusal !== null;
    if (!plan || this.busy) return;
    if (plan.refusal) this.status.error(`このままでは標準化できません：${plan.refusal}`);
    else this.status.show(done ? `${done}${rewritesLine(plan.rewrites)}` : '', `よければ「${CONFIRM}」を押してください。`);
  }

  private async confirm(): Promise<void> {
    const plan = this.current;
    if (!plan || this.busy) return;
    this.setBusy(true);
    const map = this.map();
    const result = await this.status.run('標準化しています…（大きな表では数分かかります）', '標準化',
      () => callServer('standardizeSheet', { sheetName: this.context.sheet, map }));
    this.setBusy(false);
    // After a failure the plan on screen is still the one chosen: it may be tried again.
    if (!result) return;
    this.actions.hidden = true;
    const next = button('入力チェックを実行', () => this.context.runCheck(), { class: 'primary', id: 'standardize-check' });
    fill(this.plan,
      h('h3', {}, '標準化しました'),
      h('ul', { id: 'standardize-result' }, ...resultLines(result.value).map((line) => h('li', {}, line))),
      h('p', {}, '次は「入力チェック」で、日付の読めない値や足りない項目がないかを確かめてください。'),
      h('div', { class: 'actions' }, next));
    this.status.success('標準化しました。元の表はバックアップのタブに残っています。');
    next.focus();
    this.context.onStandardized();
  }

  private map(): ColumnChoice[] {
    return [...this.chosen].map(([column, to]) => ({ column, to }));
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    this.plan.disabled = busy;
    this.cancelButton.disabled = busy;
    this.confirmButton.disabled = busy;
  }

  private cancel(): void {
    this.asked++;
    this.current = null;
    this.actions.hidden = true;
    const again = button('もう一度確認する', () => { void this.open(); }, { id: 'standardize-again' });
    fill(this.plan, h('div', { class: 'actions' }, again));
    this.status.show('標準化はやめました。シートは何も変えていません。');
    again.focus();
  }
}
