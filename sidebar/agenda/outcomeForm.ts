// 「会議のあと」: pick a meeting from 会議記録, mark it 開催済 or 中止, and
// record for each of its cases what the meeting decided (状態, 次回会議,
// 次回モニタリング日, 終結日・終結理由), checked as it is typed, saved at once
// (recordMeetingOutcome), with the 決定 or review of its plan at a consent
// meeting. Cases go by ケースID, 年代 and 性別, never by name.
import type { MeetingForOutcomes, MeetingSummary, OutcomeCase, OutcomeResult } from '../../src/app/agenda/types';
import { changedOutcome, checkOutcome, OUTCOME_KEYS, type OutcomeKey } from '../../src/domain/agenda/outcome';
import { CASE_FIELDS, CASE_STATUSES, isClosedStatus, MEETING_FIELDS, MEETING_STATUSES } from '../../src/domain/fields';
import { splitList } from '../../src/domain/normalize';
import type { Settings } from '../../src/domain/settings';
import { meetingLabel } from './agendaText';
import type { ControlSpec } from '../shared/controlSpec';
import { chosenText } from '../shared/chosenText';
import { createConfirmation } from '../shared/confirm';
import { button, fill, h } from '../shared/dom';
import { createControl, type FieldControl } from '../shared/fieldControls';
import { errorsFirst, issuesByField, type FieldIssue } from '../shared/issues';
import { attemptKey, SaveAttempts } from '../shared/saveAttempts';
import { PlanOutcome } from '../plan/planOutcome';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export interface OutcomeFormContext {
  readonly settings: Settings;
  readonly today: string;
  /** After a save: the meeting list changes. */
  readonly onSaved: () => void;
}

const HELD = MEETING_STATUSES[1];
const CANCELLED = MEETING_STATUSES[2];
const RETRY_NOTE = 'もう一度「結果を保存」を押すと、同じ内容を送り直します（二重に記録されることはありません）。';

const fieldOf = (fields: typeof CASE_FIELDS, key: string) => fields.find((f) => f.key === key)!;

/** The controls of one case's outcome. */
class CaseOutcome {
  readonly element: HTMLElement;
  private readonly controls = new Map<OutcomeKey, FieldControl>();
  private readonly closing: HTMLElement;
  /** 決定 or review of the case's plan, at a consent meeting when it has one. */
  readonly plan: PlanOutcome | null;

  constructor(readonly outcomeCase: OutcomeCase, index: number, meeting: MeetingSummary, private readonly context: OutcomeFormContext) {
    const c = outcomeCase;
    const specs: Record<OutcomeKey, ControlSpec> = {
      status: { kind: 'select', options: CASE_STATUSES },
      nextMeetingType: { kind: 'select', options: context.settings.meetingTypes.map((t) => t.name) },
      nextMeetingOn: { kind: 'date' },
      nextMonitoringOn: { kind: 'date' },
      closedOn: { kind: 'date' },
      closingNote: { kind: 'textarea' },
    };
    for (const key of OUTCOME_KEYS) {
      this.controls.set(key, createControl(fieldOf(CASE_FIELDS, key), specs[key], {
        id: `outcome-${index}-${key}`, help: '',
        onInput: () => { if (key === 'status') this.showClosing(); this.validate(); },
        onLeave: () => this.validate(),
      }));
    }
    // This meeting is over: its date is no longer the case's next meeting.
    const waitingForThis = c.nextMeetingType === meeting.meetingType && c.nextMeetingOn === meeting.date;
    const values: Record<OutcomeKey, string> = {
      status: c.status, nextMeetingType: waitingForThis ? '' : c.nextMeetingType, nextMeetingOn: waitingForThis ? '' : c.nextMeetingOn,
      nextMonitoringOn: c.nextMonitoringOn, closedOn: c.closedOn, closingNote: c.closingNote,
    };
    for (const key of OUTCOME_KEYS) this.control(key).set(values[key]);
    const about = [c.ageBand, c.sex, c.kind].filter(Boolean).join('・');
    this.closing = h('div', { class: 'closing' }, this.control('closedOn').element, this.control('closingNote').element);
    this.plan = PlanOutcome.of(c.plans, index, () => this.validate());
    this.element = h('fieldset', { class: 'group outcome-case', id: `outcome-${index}` },
      h('legend', {}, `${c.caseId}${about ? `（${about}）` : ''}`),
      this.control('status').element,
      this.control('nextMeetingType').element,
      this.control('nextMeetingOn').element,
      this.control('nextMonitoringOn').element,
      this.closing,
      this.plan?.element,
      waitingForThis ? h('p', { class: 'hint' }, 'この会議の日付は次回会議から外しました。次に検討する会議があれば入れてください。') : null);
    this.showClosing();
    this.validate();
  }

  private control(key: OutcomeKey): FieldControl {
    return this.controls.get(key)!;
  }

  private showClosing(): void {
    this.closing.hidden = !isClosedStatus(this.control('status').get());
  }

  values(): Record<OutcomeKey, string> {
    return Object.fromEntries(OUTCOME_KEYS.map((key) => [key, this.control(key).get()])) as Record<OutcomeKey, string>;
  }

  /**
   * What is sent for the case: the fields changed since loading (only those are
   * written) and the case as loaded, so that the server refuses a field a
   * colleague changed meanwhile instead of undoing their edit.
   */
  outcome() {
    const c = this.outcomeCase;
    const loaded = Object.fromEntries(OUTCOME_KEYS.map((key) => [key, c[key]])) as Record<OutcomeKey, string>;
    const { status, ...rest } = changedOutcome(loaded, this.values(), this.context.settings);
    const plan = this.plan?.value();
    return { caseId: c.caseId, ...rest, ...(status ? { status: status as (typeof CASE_STATUSES)[number] } : {}), ...(plan ? { plan } : {}), loaded };
  }

  /** Shows what the rules say beside each field; returns it. */
  validate(): FieldIssue[] {
    const issues = checkOutcome(this.values(), this.outcomeCase.consent, this.context.settings, this.context.today);
    this.show(issues);
    return [...issues, ...this.plan?.validate() ?? []];
  }

  show(issues: readonly FieldIssue[]): void {
    const byField = issuesByField(issues);
    for (const [key, control] of this.controls) control.showIssues(byField.get(key) ?? []);
    if (issues.some((i) => i.severity === 'error' && (i.field === 'closedOn' || i.field === 'closingNote'))) this.closing.hidden = false;
  }

  focusFirstError(): void {
    const key = OUTCOME_KEYS.find((k) => this.control(k).element.querySelector('[aria-invalid="true"]'));
    if (key) this.control(key).focus();
    else this.plan?.focusFirstError();
  }
}

export class OutcomeForm {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly attempts = new SaveAttempts();
  private readonly confirmation = createConfirmation('outcome-confirm');
  private readonly picker = h('select', { id: 'outcome-meeting' });
  private readonly body = h('div', { id: 'outcome-body' });
  private readonly loadButton: HTMLButtonElement;
  private loaded: {
    readonly meeting: MeetingSummary;
    readonly cases: readonly CaseOutcome[];
    readonly meetingStatus: () => string;
    readonly agencies: FieldControl;
    readonly decisions: FieldControl;
    /** What the form held as loaded (or last saved), to tell whether anything was typed since. */
    shown: string;
  } | null = null;

  constructor(private readonly context: OutcomeFormContext) {
    this.loadButton = button('読み込む', () => this.whenNothingTyped(() => { void this.load(); }), { id: 'outcome-load' });
    this.picker.addEventListener('change', () => this.whenNothingTyped(() => { void this.load(); }));
    this.element = h('div', { class: 'outcome-form' },
      h('div', { class: 'field' }, h('div', { class: 'head' }, h('label', { for: 'outcome-meeting' }, '会議')), this.picker, chosenText(this.picker)),
      h('div', { class: 'actions' }, this.loadButton),
      this.confirmation.element,
      this.body,
      this.status.element);
  }

  setMeetings(meetings: readonly MeetingSummary[]): void {
    const current = this.picker.value;
    fill(this.picker, h('option', { value: '' }, '選んでください'), ...meetings.map((m) => h('option', { value: m.meetingId }, meetingLabel(m))));
    if (meetings.some((m) => m.meetingId === current)) this.picker.value = current;
    this.loadButton.disabled = meetings.length === 0;
    if (meetings.length === 0) fill(this.body, h('p', { class: 'mode' }, '会議記録に予定の会議がありません。上で次第を作成すると、ここに出ます。'));
  }

  /** Everything the form would send, as text. */
  private snapshot(): string {
    const loaded = this.loaded;
    if (!loaded) return '';
    return attemptKey([loaded.meetingStatus(), loaded.agencies.get(), loaded.decisions.get(), loaded.cases.map((c) => [c.values(), c.plan?.value()])]);
  }

  /** Loading another meeting replaces the form: ask first when something was typed, as the case form does. */
  private whenNothingTyped(then: () => void): void {
    const loaded = this.loaded;
    if (this.attempts.busy) return;
    if (!loaded || this.snapshot() === loaded.shown) {
      then();
      return;
    }
    const chosen = this.picker.value;
    this.picker.value = loaded.meeting.meetingId;
    this.confirmation.ask(`${loaded.meeting.meetingId} に入力した結果がまだ保存されていません。入力を破棄して、別の会議を読み込みますか？`, '入力を破棄して読み込む', () => {
      this.picker.value = chosen;
      void this.load();
    });
  }

  private async load(): Promise<void> {
    this.confirmation.hide();
    const meetingId = this.picker.value;
    if (!meetingId) return;
    const result = await this.status.run('会議を読み込んでいます…', '読み込み', () => callServer('getMeetingForOutcomes', { meetingId }));
    if (result) this.render(result.value);
  }

  private render(data: MeetingForOutcomes): void {
    const { meeting } = data;
    const initial = meeting.status === HELD || meeting.status === CANCELLED ? meeting.status : (meeting.date <= data.today ? HELD : CANCELLED);
    const radios = [HELD, CANCELLED].map((value) => h('input', { type: 'radio', name: 'outcome-status', id: `outcome-status-${value}`, value, checked: value === initial }));
    const agencies = createControl(fieldOf(MEETING_FIELDS, 'attendingAgencies'), { kind: 'checks', options: this.context.settings.agencies.map((a) => a.name) },
      { id: 'outcome-agencies', help: '出席した機関に印を付けます（事務局を除く）。', onInput: () => undefined, onLeave: () => undefined });
    agencies.set((meeting.attendingAgencies.length ? meeting.attendingAgencies : data.expectedAgencies).join('、'));
    const decisions = createControl(fieldOf(MEETING_FIELDS, 'decisions'), { kind: 'textarea' },
      { id: 'outcome-decisions', help: '会議で決まったことを簡潔に（氏名は書かないでください）。', onInput: () => undefined, onLeave: () => undefined });
    decisions.set(meeting.decisions);
    const cases = data.cases.filter((c) => c.found).map((c, i) => new CaseOutcome(c, i, meeting, this.context));
    const missing = data.cases.filter((c) => !c.found);
    this.loaded = { meeting, cases, agencies, decisions, meetingStatus: () => radios.find((r) => r.checked)?.value ?? HELD, shown: '' };
    fill(this.body,
      h('p', { class: 'mode' }, `${meeting.meetingId}：${meetingLabel(meeting)}`),
      meeting.hasSheet ? h('p', { class: 'hint' }, `次第のタブ：${meeting.sheet}`) : null,
      h('fieldset', { class: 'field checks', id: 'outcome-status' }, h('legend', {}, '会議の状態'),
        h('div', { class: 'options' }, ...radios.map((r) => h('label', { class: 'option', for: r.id }, r, r.value)))),
      agencies.element,
      decisions.element,
      h('h4', {}, `ケースごとの結果（${cases.length}件）`),
      ...cases.map((c) => c.element),
      missing.length ? h('p', { class: 'note' }, `共通シートに見つからないケースID：${missing.map((c) => c.caseId).join('、')}（結果は記録しません）`) : null,
      h('div', { class: 'footer' }, button('結果を保存', () => { void this.save(); }, { class: 'primary', id: 'outcome-save' })));
    this.loaded.shown = this.snapshot();
  }

  private async save(): Promise<void> {
    const loaded = this.loaded;
    if (!loaded || this.attempts.busy) return;
    const invalid = loaded.cases.filter((c) => c.validate().some((i) => i.severity === 'error'));
    if (invalid.length) {
      this.status.error('直す項目があります。赤字の項目を直してから保存してください。');
      invalid[0]!.focusFirstError();
      return;
    }
    const args = {
      meetingId: loaded.meeting.meetingId,
      meetingStatus: loaded.meetingStatus() as typeof HELD | typeof CANCELLED,
      attendingAgencies: splitList(loaded.agencies.get()),
      decisions: loaded.decisions.get(),
      outcomes: loaded.cases.map((c) => c.outcome()),
    };
    const attempt = this.attempts.begin(attemptKey(args));
    if (!attempt) return;
    const result = await this.status.run('結果を保存しています…', '保存', () => callServer('recordMeetingOutcome', { ...args, requestId: attempt.id }), RETRY_NOTE);
    if (!result) {
      this.attempts.failedOnTheWay();
      return;
    }
    this.attempts.answered();
    this.answered(result.value, loaded);
  }

  private answered(result: OutcomeResult, loaded: NonNullable<OutcomeForm['loaded']>): void {
    if (!result.saved) {
      const meetingLevel = result.errors.filter((e) => e.caseId === '');
      for (const c of loaded.cases) c.show(errorsFirst(result.errors.filter((e) => e.caseId === c.outcomeCase.caseId)));
      const changedMeanwhile = result.errors.some((e) => e.code === 'edit_conflict');
      this.status.error('保存できませんでした。', ...meetingLevel.map((e) => h('p', {}, e.message)),
        ...result.errors.filter((e) => e.caseId !== '').map((e) => h('p', {}, `${e.caseId}：${e.message}`)),
        changedMeanwhile ? h('p', {}, '「読み込む」で最新の内容を読み込んでから、必要なら入力し直して保存してください（読み込むと、この画面の入力は消えます）。') : null);
      return;
    }
    loaded.shown = this.snapshot();
    const plans = loaded.cases.flatMap((c) => (c.plan?.recorded() ? [`${c.outcomeCase.caseId}の${c.plan.recorded()}`] : []));
    this.status.success(`会議記録の ${result.meetingId} を「${result.meetingStatus}」にし、ケース${result.updatedCases.length}件の結果を共通シートに記録しました。${plans.length ? `プランも記録しました（${plans.join('、')}）。` : ''}`,
      ...result.warnings.map((w) => h('p', {}, `注意：${w.caseId} ${w.message}`)));
    this.context.onSaved();
  }
}
