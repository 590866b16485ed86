// 「次第を作る」: pick the meeting type (from 設定), the date (its 和暦 and a
// warning for a Saturday, Sunday or holiday shown as it is typed), the start
// time, the place and whether to take cases due for monitoring; see what the
// agenda will hold (previewAgenda) and only then write it (createAgenda).
import type { AgendaPreview, MeetingList } from '../../src/app/agenda/types';
import type { Settings } from '../../src/domain/settings';
import { meetingDate, meetingTypeLabel, startTime, upcomingLabel } from './agendaText';
import { renderPreview } from './agendaPreview';
import { chosenText } from '../shared/chosenText';
import { button, fill, h } from '../shared/dom';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export interface AgendaFormContext {
  readonly settings: Settings;
  /** After an agenda was written: the meetings to record change. */
  readonly onCreated: () => void;
}

interface AgendaArgs {
  meetingType: string;
  date: string;
  start?: string;
  place?: string;
  includeDue: boolean;
}

function labelled(id: string, label: string, control: HTMLElement, ...after: HTMLElement[]): HTMLElement {
  return h('div', { class: 'field' }, h('div', { class: 'head' }, h('label', { for: id }, label)), control, ...after);
}

export class AgendaForm {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly type = h('select', { id: 'agenda-type' });
  private readonly date = h('input', { id: 'agenda-date', type: 'text', class: 'date', placeholder: '例 R8.12.8', autocomplete: 'off', 'aria-describedby': 'agenda-date-wareki agenda-date-error' });
  private readonly wareki = h('span', { id: 'agenda-date-wareki', class: 'wareki' });
  private readonly dateError = h('div', { id: 'agenda-date-error', class: 'issues', 'aria-live': 'polite' });
  private readonly quickDates = h('div', { class: 'options', id: 'agenda-quick-dates', role: 'group', 'aria-label': 'ケースが待っている開催日' });
  private readonly start = h('input', { id: 'agenda-start', type: 'text', class: 'short', autocomplete: 'off', 'aria-describedby': 'agenda-start-error agenda-start-hint' });
  private readonly startHint = h('p', { id: 'agenda-start-hint', class: 'hint' });
  private readonly startError = h('div', { id: 'agenda-start-error', class: 'issues', 'aria-live': 'polite' });
  private readonly place = h('input', { id: 'agenda-place', type: 'text', autocomplete: 'off', placeholder: '空欄なら会議記録の場所' });
  private readonly includeDue = h('input', { id: 'agenda-include-due', type: 'checkbox' });
  private readonly previewButton: HTMLButtonElement;
  private readonly createButton: HTMLButtonElement;
  private readonly printButton: HTMLButtonElement;
  private readonly result = h('section', { id: 'agenda-preview', class: 'agenda-preview', 'aria-label': '次第の内容', 'aria-live': 'polite' });
  private upcoming: MeetingList['upcoming'] = [];
  /** The arguments last previewed, while the form still says the same. */
  private previewed: AgendaArgs | null = null;
  private created: AgendaArgs | null = null;
  private busy = false;

  constructor(private readonly context: AgendaFormContext) {
    fill(this.type, ...context.settings.meetingTypes.map((t) => h('option', { value: t.name }, meetingTypeLabel(t))));
    this.previewButton = button('内容を確認', () => { void this.preview(); }, { class: 'primary', id: 'agenda-preview-button' });
    this.createButton = button('次第を作成', () => { void this.create(); }, { id: 'agenda-create', disabled: true });
    this.printButton = button('印刷用に開く', () => { void this.print(); }, { id: 'agenda-print', hidden: true });
    this.element = h('div', { class: 'agenda-form' },
      labelled('agenda-type', '会議種別', this.type, chosenText(this.type)),
      labelled('agenda-date', '開催日', h('div', { class: 'date-row' }, this.date, this.wareki), this.dateError, this.quickDates),
      labelled('agenda-start', '開始時刻', this.start, this.startError, this.startHint),
      labelled('agenda-place', '場所', this.place),
      h('div', { class: 'field' }, h('label', { class: 'option', for: 'agenda-include-due' }, this.includeDue, 'モニタリング時期のケースも含める'),
        h('p', { class: 'hint' }, '次回会議予定日が空欄で、次回モニタリング日が開催日までに来るケース（次回会議種別がこの会議のもの）も載せます。')),
      h('div', { class: 'actions' }, this.previewButton, this.createButton, this.printButton),
      this.status.element,
      this.result);

    this.type.addEventListener('change', () => { this.typeChanged(); this.changed(); });
    this.date.addEventListener('input', () => { this.showDate(); this.changed(); });
    this.date.addEventListener('blur', () => this.normalizeDate());
    this.start.addEventListener('input', () => this.changed());
    this.start.addEventListener('blur', () => { const t = startTime(this.start.value); if (t !== null) this.start.value = t; });
    this.place.addEventListener('input', () => this.changed());
    this.includeDue.addEventListener('change', () => this.changed());
    this.typeChanged();
  }

  /** The dates open cases wait for, offered as one-click choices for the chosen type. */
  setUpcoming(upcoming: MeetingList['upcoming']): void {
    this.upcoming = upcoming;
    this.typeChanged();
  }

  private typeChanged(): void {
    const type = this.context.settings.meetingTypes.find((t) => t.name === this.type.value);
    this.start.placeholder = type?.startTime ?? '';
    fill(this.startHint, type ? `空欄なら、会議記録にある時刻（なければ${type.startTime}）で始めます。` : '');
    const dates = this.upcoming.filter((u) => u.meetingType === this.type.value);
    fill(this.quickDates, ...dates.map((u) => button(upcomingLabel(u), () => {
      this.date.value = u.date;
      this.showDate();
      this.changed();
    }, { class: 'small', 'aria-label': `${upcomingLabel(u)}：${u.dateText}、ケース${u.cases}件` })));
    if (this.date.value === '' && dates[0]) {
      this.date.value = dates[0].date;
      this.showDate();
    }
  }

  private showDate(): void {
    const date = meetingDate(this.date.value);
    fill(this.wareki, date?.wareki ?? '');
    fill(this.dateError, date?.offDay ? h('p', { class: 'issue warning' }, `注意：${date.offDay}`) : null);
    this.date.removeAttribute('aria-invalid');
  }

  private normalizeDate(): void {
    const date = meetingDate(this.date.value);
    if (date) this.date.value = date.iso;
    this.showDate();
  }

  /** The form's arguments, or null after showing what to fix beside the field. */
  private args(): AgendaArgs | null {
    const date = meetingDate(this.date.value);
    const start = startTime(this.start.value);
    if (!date) {
      fill(this.dateError, h('p', { class: 'issue error' }, this.date.value.trim() === ''
        ? '開催日を入力してください。'
        : `開催日「${this.date.value}」は日付として読めません。2026/12/8 や 令和8年12月8日 の形で入力してください。`));
      this.date.setAttribute('aria-invalid', 'true');
    }
    fill(this.startError, start === null ? h('p', { class: 'issue error' }, '開始時刻は 14:00 の形で入力してください。') : null);
    this.start.setAttribute('aria-invalid', String(start === null));
    if (!date || start === null) return null;
    const place = this.place.value.trim();
    return {
      meetingType: this.type.value, date: date.iso, includeDue: this.includeDue.checked,
      ...(start ? { start } : {}), ...(place ? { place } : {}),
    };
  }

  /** Anything typed makes the preview stale: 作成 waits for a new 内容を確認. */
  private changed(): void {
    if (!this.previewed && !this.created) return;
    this.previewed = null;
    this.created = null;
    this.showNextStep(false);
    this.printButton.hidden = true;
    fill(this.result, h('p', { class: 'mode' }, '内容が変わりました。「内容を確認」を押してください。'));
  }

  /** 次第を作成 becomes the main button once there is a preview to write. */
  private showNextStep(previewed: boolean): void {
    this.createButton.disabled = !previewed;
    this.createButton.classList.toggle('primary', previewed);
    this.previewButton.classList.toggle('primary', !previewed);
  }

  private async preview(): Promise<void> {
    const args = this.args();
    if (!args || this.busy) return;
    this.busy = true;
    const result = await this.status.run('内容を確かめています…', '内容の確認', () => callServer('previewAgenda', args));
    this.busy = false;
    if (!result) return;
    const preview: AgendaPreview = result.value;
    renderPreview(this.result, preview);
    this.previewed = args;
    this.created = null;
    this.printButton.hidden = true;
    this.showNextStep(true);
    this.createButton.textContent = preview.drift ? '次第を作り直す' : '次第を作成';
    this.status.show(`よければ「${this.createButton.textContent}」を押してください。タブ「${preview.sheet}」と会議記録を書き込みます。`);
  }

  private async create(): Promise<void> {
    const args = this.previewed;
    if (!args || this.busy) return;
    this.busy = true;
    this.createButton.disabled = true;
    const result = await this.status.run('次第を作成しています…', '次第の作成', () => callServer('createAgenda', args));
    this.busy = false;
    if (!result) {
      this.createButton.disabled = false;
      return;
    }
    const created = result.value;
    this.created = args;
    this.printButton.hidden = false;
    this.status.success(
      `タブ「${created.sheet}」を${created.replaced ? '作り直しました' : '作成しました'}（ケース${created.items.length}件、${created.meeting.start}〜${created.meeting.end}）。`,
      h('br'),
      `会議記録の ${created.meetingId} を「予定」として${created.meetingRecord === 'added' ? '追加' : '更新'}しました。`);
    this.context.onCreated();
  }

  private async print(): Promise<void> {
    const args = this.created;
    if (!args || this.busy) return;
    this.busy = true;
    const result = await this.status.run('印刷用の画面を開いています…', '印刷用の画面', () => callServer('showAgendaPrintView', args));
    this.busy = false;
    if (result) this.status.success('印刷用の画面を開きました。画面の「印刷」を押すと、A4縦で印刷できます。');
  }
}
