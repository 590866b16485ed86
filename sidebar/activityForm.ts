// The «支援記録» view: one 支援記録 for an open case, picked by ケースID
// (never by name), checked live and saved with saveActivity.
import type { CaseChoice, SaveResult } from '../src/app/sidebarTypes';
import { ACTIVITY_FIELDS } from '../src/domain/fields';
import { activityRecordSchema } from '../src/domain/schema';
import type { Settings } from '../src/domain/settings';
import { caseChoiceLabel } from './caseChoice';
import { createConfirmation } from './confirm';
import { button, h } from './dom';
import { createErrorSummary } from './errorSummary';
import type { FieldControl } from './fieldControls';
import { FormCore } from './formCore';
import { errorsFirst, hasErrors } from './issues';
import { attemptKey, SaveAttempts } from './saveAttempts';
import { callServer } from './server';
import { StatusLine } from './status';

export interface ActivityFormContext {
  readonly settings: Settings;
  readonly today: string;
  readonly onSaved: () => void;
}

const OUTREACH = 'アウトリーチ';
const RETRY_NOTE = 'もう一度「記録を保存」を押すと、同じ内容を送り直します（二重に保存されることはありません）。';

export class ActivityForm {
  readonly element: HTMLElement;
  private readonly core: FormCore;
  private readonly status = new StatusLine();
  private readonly attempts = new SaveAttempts();
  private readonly summary = createErrorSummary('activity-error-summary', (key) => this.core.focusField(key));
  private readonly confirmation = createConfirmation('activity-confirm');
  private readonly picker: FieldControl;
  private readonly visitors: FieldControl;
  private readonly saveButton: HTMLButtonElement;
  private readonly emptyNote = h('p', { class: 'note', hidden: true }, '対応中のケースがありません。先に「ケース」でケースを保存してください。');
  private openCases: readonly CaseChoice[] = [];

  constructor(private readonly context: ActivityFormContext, openCases: readonly CaseChoice[]) {
    this.core = new FormCore({
      fields: ACTIVITY_FIELDS,
      settings: context.settings,
      idPrefix: 'activity-',
      fixedValues: () => ({ recordId: '' }),
      onChange: (key) => { if (key === 'activityType') this.showVisitorsRequired(); },
    });
    this.core.useSchema(activityRecordSchema(context.settings, context.today));
    this.picker = this.core.control('caseId', { label: 'ケース', help: '対応中のケース（終結・つなぎもどし・中断を除く）から、ケースIDで選びます。' }, { kind: 'select', options: [] });
    const fields = [
      this.picker,
      this.core.control('activityOn'),
      this.core.control('activityType'),
      this.core.control('staff'),
      (this.visitors = this.core.control('visitors')),
      this.core.control('content'),
    ];
    this.saveButton = button('記録を保存', () => { void this.save(false); }, { class: 'primary', id: 'activity-save' });
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '訪問・同行などの支援を1件ずつ記録します。'),
      h('div', { class: 'actions' }, button('選択中の行のケース', () => { void this.pickSelectedCase(); }, { id: 'activity-selected-case' })),
      this.confirmation.element,
      this.summary.element,
      this.emptyNote,
      h('fieldset', {}, h('legend', { class: 'sr-only' }, '支援記録'), ...fields.map((f) => f.element)),
      h('div', { class: 'footer' }, this.saveButton, this.status.element));
    this.setOpenCases(openCases);
    this.core.fill({}, false);
    this.showVisitorsRequired();
  }

  setOpenCases(choices: readonly CaseChoice[]): void {
    this.openCases = choices;
    this.picker.setChoices(choices.map((c) => c.caseId), choices.map(caseChoiceLabel));
    this.emptyNote.hidden = choices.length > 0;
  }

  /** Picks a case when none is picked yet (the one open in the case form). */
  suggestCase(caseId: string): void {
    if (caseId && this.core.get('caseId') === '' && this.openCases.some((c) => c.caseId === caseId)) {
      this.core.set('caseId', caseId);
      this.core.validate();
    }
  }

  /** The case on the row selected in 共通シート, picked without scrolling the list. */
  private async pickSelectedCase(): Promise<void> {
    const result = await this.status.run('選択中の行を読み込んでいます…', '読み込み', () => callServer('loadSelectedCase'));
    if (!result) return;
    const caseId = result.value?.caseId ?? '';
    if (!caseId) {
      this.status.show('共通シートで、ケースの行（どのセルでも）を選んでから、もう一度押してください。');
    } else if (!this.openCases.some((c) => c.caseId === caseId)) {
      this.status.show(`ケース ${caseId} は終結などで対応中ではないため、ここでは選べません。`);
    } else {
      this.core.set('caseId', caseId);
      this.core.validate();
      this.status.success(`ケース ${caseId} を選びました。`);
    }
  }

  private showVisitorsRequired(): void {
    this.visitors.setRequired(this.core.get('activityType') === OUTREACH);
  }

  /** `allowSameDay`: the person confirmed it is another visit on a day that already has one. */
  private async save(allowSameDay: boolean): Promise<void> {
    if (this.attempts.busy) return;
    this.confirmation.hide();
    this.core.revealAll();
    const issues = this.core.validate();
    if (hasErrors(issues)) {
      this.status.clear();
      this.summary.show(this.core.inFormOrder(issues.filter((i) => i.severity === 'error')));
      return;
    }
    this.summary.hide();
    const record = this.core.record();
    const attempt = this.attempts.begin(attemptKey({ record, allowSameDay }));
    if (!attempt) return;
    this.saveButton.disabled = true;
    const result = await this.status.run('保存しています…', '保存',
      () => callServer('saveActivity', { record: { ...record, recordId: '' }, allowSameDay, requestId: attempt.id }), RETRY_NOTE);
    this.saveButton.disabled = false;
    if (!result) {
      this.attempts.failedOnTheWay();
      return;
    }
    this.attempts.answered();
    this.answered(result.value);
  }

  private answered(result: SaveResult): void {
    if (!result.saved && result.sameDay?.length) {
      const which = result.sameDay.map((r) => `${r.id}（${r.row}行目）`).join('、');
      this.confirmation.ask(
        `このケースには、同じ実施日・同じ種別の支援記録がすでにあります：${which}。もう一度押しただけなら「やめる」を。別の支援なら保存できます。`,
        '別の支援として保存する', () => { void this.save(true); });
      return;
    }
    if (!result.saved) {
      const issues = errorsFirst([...result.errors, ...result.warnings]);
      this.core.show(issues);
      this.summary.show(this.core.inFormOrder(issues.filter((i) => i.severity === 'error')));
      return;
    }
    // The next record is often for the same day and the same staff: keep those, clear the content.
    const kept = { ...this.core.record(), content: '' };
    this.core.fill(kept, false);
    this.status.success(`支援記録 ${result.id} を保存しました（${result.row}行目）`,
      ...result.warnings.map((w) => h('p', {}, `注意：${w.message}`)));
    this.context.onSaved();
  }
}
