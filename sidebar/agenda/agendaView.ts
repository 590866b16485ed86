// The «会議次第» view: make the agenda of a meeting (AgendaForm), and after
// the meeting record what it decided (OutcomeForm). The meetings and the
// dates cases wait for are read when the view is first opened.
import type { Settings } from '../../src/domain/settings';
import { AgendaForm } from './agendaForm';
import { button, h } from '../shared/dom';
import { OutcomeForm } from './outcomeForm';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export interface AgendaViewContext {
  readonly settings: Settings;
  readonly today: string;
}

export class AgendaView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly form: AgendaForm;
  private readonly outcomes: OutcomeForm;
  private loaded = false;

  constructor(context: AgendaViewContext) {
    const reload = (): void => { void this.reload(); };
    this.form = new AgendaForm({ settings: context.settings, onCreated: reload });
    this.outcomes = new OutcomeForm({ settings: context.settings, today: context.today, onSaved: reload });
    this.element = h('div', { class: 'view' },
      this.status.element,
      h('section', { 'aria-labelledby': 'agenda-make-heading' },
        h('h2', { id: 'agenda-make-heading', class: 'section-title' }, '次第を作る'),
        h('p', { class: 'mode' }, '共通シートの次回会議種別・次回会議予定日から、会議の次第（議題と時間割）を作ります。氏名・カナ・生年月日は載せません。'),
        this.form.element),
      h('section', { 'aria-labelledby': 'agenda-outcome-heading' },
        h('h2', { id: 'agenda-outcome-heading', class: 'section-title' }, '会議のあと（結果の記録）'),
        this.outcomes.element));
  }

  /** Reads the meetings the first time the view is shown. */
  activate(): void {
    if (!this.loaded) void this.reload();
  }

  private async reload(): Promise<void> {
    this.loaded = true;
    const result = await this.status.run('会議の一覧を読み込んでいます…', '会議の一覧の読み込み', () => callServer('listMeetings', {}));
    if (!result) {
      this.loaded = false;
      const retry = button('もう一度読み込む', () => { retry.remove(); void this.reload(); }, { class: 'small' });
      this.status.element.append(retry);
      return;
    }
    this.form.setUpcoming(result.value.upcoming);
    this.outcomes.setMeetings(result.value.meetings);
  }
}
