// The «支援記録» view: one 支援記録 for a case found by the server search
// (ケースID, 年代, 機関, 状態; never by name), checked live and saved with saveActivity.
import type { CaseChoice, SaveResult } from '../src/app/sidebarTypes';
import { ACTIVITY_FIELDS } from '../src/domain/fields';
import { activityRecordSchema } from '../src/domain/schema';
import type { Settings } from '../src/domain/settings';
import { caseChoiceLabel } from './caseChoice';
import { CaseFinder } from './caseFinder';
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
  private readonly picker: FieldControl;
  private readonly visitors: FieldControl;
  private readonly saveButton: HTMLButtonElement;
  private readonly finder: CaseFinder;
  private shown: readonly CaseChoice[] = [];

  constructor(private readonly context: ActivityFormContext) {
    this.core = new FormCore({
      fields: ACTIVITY_FIELDS,
      settings: context.settings,
      idPrefix: 'activity-',
      fixedValues: () => ({ recordId: '' }),
      onChange: (key) => { if (key === 'activityType') this.showVisitorsRequired(); },
    });
    this.core.useSchema(activityRecordSchema(context.settings, context.today));
    this.picker = this.core.control('caseId', { label: 'ケース', help: '上の「ケースを探す」で見つかったケースから選びます。' }, { kind: 'select', options: [] });
    this.finder = new CaseFinder(context.settings, (cases) => this.showCases(cases));
    const fields = [
      this.picker,
      this.core.control('activityOn'),
      this.core.control('activityType'),
      this.core.control('staff'),
      (this.visitors = this.core.control('visitors')),
      this.core.control('content'),
    ];
    this.saveButton = button('記録を保存', () => { void this.save(); }, { class: 'primary', id: 'activity-save' });
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '訪問・同行などの支援を1件ずつ記録します。'),
      this.summary.element,
      this.finder.element,
      h('fieldset', {}, h('legend', { class: 'sr-only' }, '支援記録'), ...fields.map((f) => f.element)),
      h('div', { class: 'footer' }, this.saveButton, this.status.element));
    this.core.fill({}, false);
    this.showVisitorsRequired();
  }

  /**
   * When the view is shown: the first page of open cases, or, when no case is
   * picked yet, the case open in the case form (picked when the search finds it).
   */
  async activate(caseId: string): Promise<void> {
    if (caseId && this.core.get('caseId') === '') {
      if (await this.finder.lookUp(caseId)) {
        this.core.set('caseId', caseId);
        this.core.validate();
      }
    } else if (!this.finder.searched) {
      await this.finder.search();
    }
  }

  /** A case was saved in the case form: the list may have changed. */
  async casesChanged(): Promise<void> {
    await this.finder.refresh();
  }

  private showCases(cases: readonly CaseChoice[]): void {
    // The picked case stays offered while another page is shown.
    const picked = this.shown.find((c) => c.caseId === this.core.get('caseId'));
    this.shown = picked && !cases.some((c) => c.caseId === picked.caseId) ? [picked, ...cases] : cases;
    this.picker.setChoices(this.shown.map((c) => c.caseId), this.shown.map(caseChoiceLabel));
  }

  private showVisitorsRequired(): void {
    this.visitors.setRequired(this.core.get('activityType') === OUTREACH);
  }

  private async save(): Promise<void> {
    if (this.attempts.busy) return;
    this.core.revealAll();
    const issues = this.core.validate();
    if (hasErrors(issues)) {
      this.status.clear();
      this.summary.show(errorsFirst(issues).filter((i) => i.severity === 'error'));
      return;
    }
    this.summary.hide();
    const record = this.core.record();
    const attempt = this.attempts.begin(attemptKey(record));
    if (!attempt) return;
    this.saveButton.disabled = true;
    const result = await this.status.run('保存しています…', '保存',
      () => callServer('saveActivity', { record: { ...record, recordId: '' }, requestId: attempt.id }), RETRY_NOTE);
    this.saveButton.disabled = false;
    if (!result) {
      this.attempts.failedOnTheWay();
      return;
    }
    this.attempts.answered();
    this.answered(result.value);
  }

  private answered(result: SaveResult): void {
    if (!result.saved) {
      const issues = errorsFirst([...result.errors, ...result.warnings]);
      this.core.show(issues);
      this.summary.show(issues.filter((i) => i.severity === 'error'));
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
