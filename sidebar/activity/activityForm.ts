// The «支援記録» view: one 支援記録 for a case found by the server search
// (ケースID, 年代, 機関, 状態; never by name), or an アウトリーチ to someone not yet a case under a
// non-identifying 対象; checked live and saved with saveActivity. With a case
// picked, it offers to link that 対象's earlier records to the case. The case
// follows the one open in ケース, and the line beside 記録を保存 says whose
// record a save writes: a record never goes to a person picked earlier.
import type { CaseChoice, PreIntakeSubject, SaveResult } from '../../src/app/sidebarTypes';
import { CaseFinder } from './caseFinder';
import { ACTIVITY_FIELDS } from '../../src/domain/fields';
import { activityRecordSchema } from '../../src/domain/schema';
import type { Settings } from '../../src/domain/settings';
import { caseChoiceLabel } from './caseChoice';
import { personOf, recordForText, type CasePerson } from '../shared/casePerson';
import { chosenText } from '../shared/chosenText';
import { createConfirmation } from '../shared/confirm';
import { button, h } from '../shared/dom';
import { createErrorSummary } from '../shared/errorSummary';
import type { FieldControl } from '../shared/fieldControls';
import { FormCore } from '../shared/formCore';
import { attemptKey, SaveAttempts } from '../shared/saveAttempts';
import { newRequestId } from '../shared/requestId';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export interface ActivityFormContext {
  readonly settings: Settings;
  readonly today: string;
  /** After a record was saved (its 記録ID), or records were linked to a case (none). */
  /** After a save or a 連携: the 記録IDs of the rows written. */
  readonly onSaved: (recordIds: readonly string[]) => void;
}

const OUTREACH = 'アウトリーチ';
const PRE_INTAKE = 'pre-intake';
const SUBJECT_HELP = '氏名は書かないでください。「北地区の80代男性（仮称A）」のように、本人と分からない呼び名にします。ケースになったら、その記録をケースにつなげられます。';
/** Before a 対象 that names a person (SPEC §6 target_names_person): the offer never shows it as a neutral label. */
const NAMES_PERSON = '注意・氏名が入っています';
const RETRY_NOTE = 'もう一度「記録を保存」を押すと、同じ内容を送り直します（二重に保存されることはありません）。';

export class ActivityForm {
  readonly element: HTMLElement;
  private readonly core: FormCore;
  private readonly status = new StatusLine();
  private readonly attempts = new SaveAttempts();
  // 「ケースIDも対象も空欄」 sits on 対象, which is hidden while a case is to be picked: go to the picker then.
  private readonly summary = createErrorSummary('activity-error-summary', (key) =>
    this.core.focusField(key === 'subject' && this.who.value !== PRE_INTAKE ? 'caseId' : key));
  private readonly confirmation = createConfirmation('activity-confirm');
  private readonly picker: FieldControl;
  private readonly subject: FieldControl;
  private readonly who: HTMLSelectElement;
  private readonly linkBox: HTMLElement;
  private readonly linkChoice: HTMLSelectElement;
  private readonly linkStatus = new StatusLine();
  private readonly linkConfirmation = createConfirmation('activity-link-confirm');
  private subjects: readonly PreIntakeSubject[] = [];
  private readonly visitors: FieldControl;
  private readonly saveButton: HTMLButtonElement;
  private readonly finder: CaseFinder;
  private shown: readonly CaseChoice[] = [];
  /** The case open in ケース when the view was last shown: the picker follows it when it changes. */
  private followed: string | null = null;
  private readonly recordFor = h('p', { id: 'activity-record-for', class: 'record-for', 'aria-live': 'polite' });
  /** The people of the cases picked so far, by ケースID: the list names no one, the line beside 記録を保存 does. */
  private readonly people = new Map<string, CasePerson>();
  private readonly asking = new Set<string>();

  constructor(private readonly context: ActivityFormContext) {
    this.core = new FormCore({
      fields: ACTIVITY_FIELDS,
      settings: context.settings,
      idPrefix: 'activity-',
      fixedValues: () => ({ recordId: '' }),
      onChange: (key) => {
        if (key === 'activityType') this.showVisitorsRequired();
        if (key === 'caseId') this.showLinkOffer();
        if (key === 'caseId' || key === 'subject') this.showRecordFor();
      },
    });
    this.core.useSchema(activityRecordSchema(context.settings, context.today));
    this.picker = this.core.control('caseId', { label: 'ケース', help: '上の「ケースを探す」で見つかったケースから選びます。' }, { kind: 'select', options: [] });
    this.finder = new CaseFinder(context.settings, (cases) => this.showCases(cases));
    this.subject = this.core.control('subject', { label: '対象（まだケースになっていない方）', help: SUBJECT_HELP });
    this.who = h('select', { id: 'activity-who' },
      h('option', { value: 'case' }, 'ケース（共通シートにある方）'),
      h('option', { value: PRE_INTAKE }, 'まだケースになっていない方'));
    this.who.addEventListener('change', () => this.showWho());
    this.linkChoice = h('select', { id: 'activity-link-subject' });
    this.linkBox = h('div', { class: 'link-offer', hidden: true },
      h('p', { id: 'activity-link-text' }, 'このケースの方に、ケースになる前のアウトリーチ記録があれば、このケースにつなげます（支援記録にケースIDを書き込みます。対象はそのまま残ります）。'),
      h('label', { for: 'activity-link-subject' }, 'ケースになる前の対象'),
      this.linkChoice, chosenText(this.linkChoice),
      h('div', { class: 'actions' }, button('選んだ対象の記録をこのケースにつなぐ', () => this.askLink(), { id: 'activity-link' })),
      this.linkConfirmation.element,
      this.linkStatus.element);
    const fields = [
      this.picker,
      this.subject,
      this.core.control('activityOn'),
      this.core.control('activityType'),
      this.core.control('staff'),
      (this.visitors = this.core.control('visitors')),
      this.core.control('content'),
    ];
    this.saveButton = button('記録を保存', () => { void this.save(false); }, { class: 'primary', id: 'activity-save', 'aria-describedby': this.recordFor.id });
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '訪問・同行などの支援を1件ずつ記録します。'),
      h('div', { class: 'actions' }, button('選択中の行のケース', () => { void this.pickSelectedCase(); }, { id: 'activity-selected-case' })),
      this.confirmation.element,
      this.summary.element,
      this.finder.element,
      h('fieldset', {}, h('legend', { class: 'sr-only' }, '支援記録'),
        h('div', { class: 'field' }, h('label', { for: 'activity-who' }, '記録する相手'), this.who, chosenText(this.who)),
        ...fields.map((f) => f.element)),
      this.linkBox,
      h('div', { class: 'footer' }, this.recordFor, this.saveButton, this.status.element));
    this.core.fill({}, false);
    this.showVisitorsRequired();
    this.showWho();
    void this.loadSubjects();
  }

  /** Someone not yet a case: a 対象 instead of a case, and アウトリーチ only (SPEC §4). */
  private showWho(): void {
    const preIntake = this.who.value === PRE_INTAKE;
    this.picker.element.hidden = preIntake;
    this.subject.element.hidden = !preIntake;
    this.subject.setRequired(preIntake);
    if (preIntake) {
      this.core.set('caseId', '');
      this.core.set('activityType', OUTREACH);
    } else this.core.set('subject', '');
    this.showVisitorsRequired();
    this.showLinkOffer();
    this.showRecordFor();
  }

  /** Whose record 記録を保存 writes, in full: the list names cases without names, this line does not. */
  private showRecordFor(): void {
    let text: string;
    if (this.who.value === PRE_INTAKE) {
      const subject = this.core.get('subject').trim();
      text = subject ? `対象「${subject}」（まだケースになっていない方）` : 'まだ対象を入力していません';
    } else {
      const caseId = this.core.get('caseId');
      const person = this.people.get(caseId);
      text = !caseId ? 'まだケースを選んでいません' : person ? recordForText(person) : `ケース ${caseId}（どなたか確かめています…）`;
      if (caseId && !person) void this.lookUpPerson(caseId);
    }
    this.recordFor.textContent = `記録する相手：${text}`;
  }

  /** Reads the picked case's row for its 年代, 性別 and name. */
  private async lookUpPerson(caseId: string): Promise<void> {
    if (this.asking.has(caseId)) return;
    this.asking.add(caseId);
    try {
      const loaded = await callServer('loadSelectedCase', { caseId });
      if (loaded) this.people.set(caseId, personOf(loaded.caseId, loaded.record));
    } catch {
      // The line keeps saying the person is being checked; the ケースID beside it still names the case.
    } finally {
      this.asking.delete(caseId);
    }
    if (this.core.get('caseId') === caseId && this.people.has(caseId)) this.showRecordFor();
  }

  private async loadSubjects(): Promise<void> {
    try {
      this.subjects = await callServer('getPreIntakeSubjects', {});
    } catch {
      this.subjects = [];
    }
    // No 対象 is chosen for the person: linking the wrong one would file someone else's visits under this case.
    this.linkChoice.replaceChildren(h('option', { value: '' }, '（選んでください）'), ...this.subjects.map((s) =>
      h('option', { value: s.subject }, `${s.namesPerson ? `${NAMES_PERSON}：` : ''}${s.subject}（${s.records}件${s.firstOn ? `、${s.firstOn}〜${s.lastOn}` : ''}）`)));
    this.showLinkOffer();
  }

  private showLinkOffer(): void {
    this.linkBox.hidden = this.who.value === PRE_INTAKE || this.core.get('caseId') === '' || this.subjects.length === 0;
  }

  private askLink(): void {
    const caseId = this.core.get('caseId');
    const subject = this.linkChoice.value;
    if (!subject) {
      this.linkStatus.show('つなぐ対象を選んでください。');
      this.linkChoice.focus();
      return;
    }
    if (!caseId) return;
    this.linkConfirmation.ask(`対象「${subject}」の記録を、ケース ${caseId} の記録としてつなぎます。同じ方の記録か確かめましたか？`, 'つなぐ', () => {
      void this.link(caseId, subject);
    });
  }

  private async link(caseId: string, subject: string): Promise<void> {
    const result = await this.linkStatus.run('つないでいます…', 'つなぐ', () =>
      callServer('linkPreIntakeRecords', { subject, caseId, records: this.subjects.find((s) => s.subject === subject)?.records, requestId: newRequestId() }));
    if (!result) return;
    this.linkStatus.success(`対象「${subject}」の記録 ${result.value.rows.length}件を、ケース ${caseId} につなぎました（${result.value.rows.map((r) => `${r}行目`).join('・')}）。`);
    await this.loadSubjects();
    this.context.onSaved(result.value.recordIds);
  }

  /**
   * When the view is shown: when the case open in ケース has changed since, the
   * picker follows it (or is emptied when ケース has none or it cannot be
   * picked), so a case picked earlier never stays chosen for another person.
   */
  async activate(open: CasePerson | null): Promise<void> {
    const caseId = open?.caseId ?? '';
    if (open) this.people.set(caseId, open);
    if (this.who.value !== PRE_INTAKE && caseId !== this.followed) {
      this.followed = caseId;
      this.choose('');
      if (caseId && await this.finder.lookUp(caseId)) this.choose(caseId);
      else if (caseId) this.status.show(`ケース ${caseId} は終結などで対応中ではないため、ここでは選べません。「状態で絞り込む」を変えて探してください。`);
    }
    if (!this.finder.searched) await this.finder.search();
  }

  private choose(caseId: string): void {
    this.core.set('caseId', caseId);
    if (caseId) this.core.validate();
    this.showLinkOffer();
    this.showRecordFor();
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
    this.showRecordFor();
  }

  /** The case on the row selected in 共通シート, picked without scrolling the list. */
  private async pickSelectedCase(): Promise<void> {
    const result = await this.status.run('選択中の行を読み込んでいます…', '読み込み', () => callServer('loadSelectedCase'));
    if (!result) return;
    const caseId = result.value?.caseId ?? '';
    if (result.value && caseId) this.people.set(caseId, personOf(caseId, result.value.record));
    if (!caseId) {
      this.status.show('共通シートで、ケースの行（どのセルでも）を選んでから、もう一度押してください。');
    } else if (!(await this.finder.lookUp(caseId))) {
      this.status.show(`ケース ${caseId} は終結などで対応中ではないため、ここでは選べません。`);
    } else {
      if (this.who.value === PRE_INTAKE) {
        this.who.value = 'case';
        this.showWho();
      }
      this.choose(caseId);
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
    if (!this.core.readyToSave(this.summary)) {
      this.status.clear();
      return;
    }
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
      this.core.showRefusal(this.summary, result.errors, result.warnings);
      return;
    }
    // The next record is often for the same day and the same staff: keep those, clear the content.
    const kept = { ...this.core.record(), content: '' };
    this.core.fill(kept, false);
    if (this.who.value === PRE_INTAKE) void this.loadSubjects();
    this.status.success(`支援記録 ${result.id} を保存しました（${result.row}行目）`,
      ...result.warnings.map((w) => h('p', {}, `注意：${w.message}`)));
    this.context.onSaved([result.id]);
  }
}
