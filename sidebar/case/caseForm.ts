// The «ケース» view: a new case or the one on the selected row, grouped
// fields, live validation, and 保存 (saveCase).
import { CaseSheetActions } from './caseSheetActions';
import type { LoadedCase, SaveResult } from '../../src/app/sidebarTypes';
import type { EditConflict } from '../../src/domain/edits';
import type { CaseDraft } from '../../src/sheets/caseDraft';
import { CASE_FIELDS } from '../../src/domain/fields';
import { normalizeRecord } from '../../src/domain/record';
import { caseRecordSchema } from '../../src/domain/schema';
import type { Settings } from '../../src/domain/settings';
import { CASE_GROUPS, isClosingGroupOpen } from '../shared/caseLayout';
import { personOf, type CasePerson } from '../shared/casePerson';
import { createConfirmation } from '../shared/confirm';
import { button, fill, h } from '../shared/dom';
import { createErrorSummary } from '../shared/errorSummary';
import { readOnlyField } from '../shared/fieldControls';
import { FormCore } from '../shared/formCore';
import { countBySeverity, type FieldIssue } from '../shared/issues';
import { sameRecord } from '../shared/record';
import { attemptKey, SaveAttempts } from '../shared/saveAttempts';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export interface SavedCase {
  readonly id: string;
  readonly row: number;
  readonly record: Readonly<Record<string, string>>;
  /** An edit's カナ and 生年月日 as the form loaded them; none for a new case. */
  readonly formerly?: { readonly personKana: string; readonly birthDate: string };
}

export interface CaseFormContext {
  readonly settings: Settings;
  readonly today: string;
  /** After a case was saved (or loaded): the row it is on. */
  readonly onSaved: (saved: SavedCase) => void;
}

/** Derived by the schema (SPEC §3); shown as soon as the form can tell. */
const DERIVED_KEYS = ['referrerField', 'ageBand'] as const;

const NO_ID_NOTE = 'この行にはケースIDがないため、ここからは保存できません（保存すると別の行が増えてしまいます）。メニュー「多機関協働」の「標準化」を実行するとケースIDが付きます。';
const RETRY_NOTE = 'もう一度「保存」を押すと、同じ内容を送り直します（二重に保存されることはありません）。';
/** How long typing pauses before the draft is kept. */
const DRAFT_DELAY_MS = 1500;

export class CaseForm {
  readonly element: HTMLElement;
  private readonly core: FormCore;
  private readonly status = new StatusLine();
  private readonly attempts = new SaveAttempts();
  private readonly confirmation = createConfirmation();
  private readonly summary = createErrorSummary('case-error-summary', (key) => this.core.focusField(key));
  private readonly mode = h('p', { class: 'mode', id: 'case-mode' });
  private readonly draftOffer = h('div', { id: 'case-draft-offer', class: 'confirm', hidden: true });
  private readonly draftNote = h('p', { id: 'case-draft-note', class: 'hint', 'aria-live': 'polite' });
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  /** Whether this page kept a draft that is still there. */
  private draftKept = false;
  /** The form as loaded from the sheet (or last saved): a save sends what differs from it. */
  private loadedRecord: Record<string, string> | null = null;
  private readonly otherIssues = h('div', { id: 'case-other-error', class: 'issues', 'aria-live': 'polite' });
  private readonly caseIdField = readOnlyField('caseId', 'ケースID');
  private readonly updatedAtField = readOnlyField('updatedAt', '最終更新');
  private readonly updatedByField = readOnlyField('updatedBy', '更新者');
  private readonly saveButton: HTMLButtonElement;
  private readonly groupBadges = new Map<string, HTMLElement>();
  private readonly closingGroup: HTMLDetailsElement;
  private editing: { caseId: string; row: number } | null = null;
  private readonly caseSheet = new CaseSheetActions(() => this.editing?.caseId ?? '');
  private stamps = { updatedAt: '', updatedBy: '' };
  private saved: Record<string, string> = {};
  private lastStatus = '';

  constructor(private readonly context: CaseFormContext) {
    this.core = new FormCore({
      fields: CASE_FIELDS,
      settings: context.settings,
      idPrefix: '',
      fixedValues: () => ({ caseId: this.editing?.caseId ?? '', ...this.stamps }),
      onShown: (shown) => this.showGroupCounts(shown),
      onChange: (key) => this.changed(key),
    });
    this.core.useSchema(caseRecordSchema(context.settings, context.today));

    const groups = CASE_GROUPS.map((group) => {
      const badge = h('span', { class: 'group-count' });
      this.groupBadges.set(group.id, badge);
      return h('details', { class: 'group', id: `group-${group.id}`, open: group.id !== 'closing' },
        h('summary', {}, h('span', { class: 'group-title' }, group.title), badge),
        h('fieldset', {}, h('legend', { class: 'sr-only' }, group.title),
          ...group.keys.map((key) => this.core.control(key).element)));
    });
    this.closingGroup = groups[CASE_GROUPS.findIndex((g) => g.id === 'closing')] as HTMLDetailsElement;

    this.saveButton = button('保存', () => { void this.save(); }, { class: 'primary', id: 'case-save' });
    this.element = h('div', { class: 'view' },
      h('div', { class: 'actions' },
        button('新規ケース', () => this.whenNoUnsavedChanges(() => this.startNew()), { id: 'case-new' }),
        button('選択中の行を読み込む', () => this.whenNoUnsavedChanges(() => { void this.loadSelected(); }), { id: 'case-load' })),
      this.confirmation.element,
      this.draftOffer,
      this.mode,
      this.summary.element,
      h('div', { class: 'ids' }, this.caseIdField.element, this.updatedAtField.element, this.updatedByField.element),
      this.otherIssues,
      ...groups,
      h('div', { class: 'footer' }, this.saveButton, this.status.element),
      this.draftNote,
      this.caseSheet.element);
    this.startNew(false);
  }

  /** A blank form for a new case. */
  startNew(focus = true): void {
    this.editing = null;
    this.loadedRecord = null;
    this.stamps = { updatedAt: '', updatedBy: '' };
    this.summary.hide();
    this.status.clear();
    this.core.fill({}, false);
    this.afterFill();
    if (focus) this.core.focusField(CASE_GROUPS[0]!.keys[0]!);
  }

  /** Shows a case read from the sheet, with every issue it has. */
  load(loaded: LoadedCase): void {
    this.editing = { caseId: loaded.caseId, row: loaded.row };
    this.loadedRecord = { ...loaded.record };
    this.stamps = { updatedAt: loaded.record.updatedAt ?? '', updatedBy: loaded.record.updatedBy ?? '' };
    this.summary.hide();
    this.core.fill(loaded.record, true);
    this.afterFill();
    this.status.success(loaded.caseId
      ? `${loaded.row}行目のケース ${loaded.caseId} を読み込みました。`
      : `${loaded.row}行目のケースを読み込みました。`);
  }

  private async loadSelected(): Promise<void> {
    const result = await this.status.run('選択中の行を読み込んでいます…', '読み込み', () => callServer('loadSelectedCase'));
    if (!result) return;
    if (result.value) this.load(result.value);
    else this.status.show('共通シートで、読み込みたいケースの行（どのセルでも）を選んでから、もう一度押してください。');
  }

  private whenNoUnsavedChanges(then: () => void): void {
    if (this.attempts.busy) return;
    const discard = (): void => { this.discardDraft(); then(); };
    if (sameRecord(this.core.record(), this.saved)) then();
    else this.confirmation.ask('保存していない変更があります。変更を破棄して続けますか？', '変更を破棄して続ける', discard);
  }

  /** Offers back what this person typed in an earlier sidebar and did not save. */
  offerDraft(draft: CaseDraft): void {
    const what = draft.editing ? `ケース ${draft.editing} の編集` : '新しいケース';
    const kept = draft.keptAt ? `${draft.keptAt.slice(0, 10)} ${new Date(draft.keptAt).toTimeString().slice(0, 5)}` : '';
    fill(this.draftOffer,
      h('p', { id: 'case-draft-text' }, `保存していない入力（${what}${kept ? `、${kept}` : ''}）が下書きに残っています。復元しますか？`),
      h('div', { class: 'actions' },
        button('下書きを復元', () => { this.draftOffer.hidden = true; this.restoreDraft(draft); }, { class: 'primary' }),
        button('下書きを破棄', () => { this.draftOffer.hidden = true; this.draftKept = true; this.discardDraft(); })));
    this.draftOffer.setAttribute('role', 'alertdialog');
    this.draftOffer.setAttribute('aria-labelledby', 'case-draft-text');
    this.draftOffer.hidden = false;
  }

  private restoreDraft(draft: CaseDraft): void {
    this.editing = draft.editing ? { caseId: draft.editing, row: 0 } : null;
    this.loadedRecord = draft.loaded ? { ...draft.loaded } : null;
    this.stamps = { updatedAt: draft.loaded?.updatedAt ?? '', updatedBy: draft.loaded?.updatedBy ?? '' };
    this.summary.hide();
    this.core.fill(draft.record, true);
    this.afterFill();
    // What was restored is not saved yet.
    this.saved = this.loadedRecord ?? {};
    this.draftKept = true;
    this.status.success('下書きを復元しました。内容を確かめて「保存」を押してください。');
  }

  /** Keeps the form as this person's draft once typing pauses (see README: where it lives). */
  private scheduleDraft(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => { void this.keepDraft(); }, DRAFT_DELAY_MS);
  }

  private async keepDraft(): Promise<void> {
    if (this.attempts.busy) return;
    const record = this.core.record();
    if (sameRecord(record, this.saved)) {
      if (this.draftKept) this.discardDraft();
      return;
    }
    const editing = this.editing?.caseId || undefined;
    try {
      const { kept } = await callServer('saveCaseDraft', { record, ...(editing ? { editing } : {}), ...(editing && this.loadedRecord ? { loaded: this.loadedRecord } : {}) });
      this.draftKept = kept;
      fill(this.draftNote, kept
        ? `入力途中の内容を下書きに保存しました（${new Date().toTimeString().slice(0, 5)}・あなただけに見えます。保存すると消えます）。`
        : '入力が長いため下書きに保存できません。早めに「保存」してください。');
    } catch {
      fill(this.draftNote, '下書きを保存できませんでした。早めに「保存」してください。');
    }
  }

  private discardDraft(): void {
    clearTimeout(this.draftTimer);
    if (!this.draftKept) return;
    this.draftKept = false;
    fill(this.draftNote);
    void callServer('discardCaseDraft').catch(() => undefined);
  }

  private afterFill(justSaved = false): void {
    this.saved = this.core.record();
    this.lastStatus = this.core.get('status');
    this.closingGroup.open = isClosingGroupOpen(this.lastStatus);
    this.showIdentity(justSaved);
  }

  private showIdentity(justSaved = false): void {
    const editing = this.editing;
    if (editing) {
      fill(this.mode, `ケース ${editing.caseId || '（ケースIDなし）'}${editing.row ? `（${editing.row}行目）` : ''}を編集しています。`);
      this.caseIdField.set(editing.caseId, editing.caseId ? '' : NO_ID_NOTE);
    } else {
      fill(this.mode, '新しいケースを入力しています。');
      this.caseIdField.set('', '保存すると自動で付番します');
    }
    this.updatedAtField.set(justSaved ? 'いま保存しました' : this.stamps.updatedAt);
    this.updatedByField.set(justSaved ? '（あなた）' : this.stamps.updatedBy);
    this.updatedAtField.element.hidden = !editing;
    this.updatedByField.element.hidden = !editing;
    this.caseSheet.showFor(editing?.caseId ?? '');
  }

  /** Keeps derived fields and the 終結 group in step with what was typed. */
  private changed(key: string): void {
    this.scheduleDraft();
    if (key === 'status') {
      const status = this.core.get('status');
      if (isClosingGroupOpen(status) !== isClosingGroupOpen(this.lastStatus)) this.closingGroup.open = isClosingGroupOpen(status);
      this.lastStatus = status;
    }
    if (['referrerAgency', 'birthDate', 'receivedOn'].includes(key)) {
      const derived = normalizeRecord(CASE_FIELDS, this.core.record(), this.context.settings, 'case').text;
      for (const derivedKey of DERIVED_KEYS) {
        const value = derived[derivedKey] ?? '';
        if (value && value !== this.core.get(derivedKey)) this.core.set(derivedKey, value);
      }
    }
  }

  private showGroupCounts(shown: readonly FieldIssue[]): void {
    for (const group of CASE_GROUPS) {
      const counts = countBySeverity(shown.filter((i) => group.keys.includes(i.field)));
      const parts = [counts.error ? `エラー${counts.error}` : '', counts.warning ? `注意${counts.warning}` : ''].filter(Boolean);
      const badge = this.groupBadges.get(group.id);
      if (badge) fill(badge, parts.length ? `（${parts.join('・')}）` : '');
    }
    const loose = shown.filter((i) => !this.core.controls.has(i.field));
    fill(this.otherIssues, ...loose.map((i) => h('p', { class: `issue ${i.severity}` }, i.severity === 'warning' ? `注意：${i.message}` : i.message)));
  }

  private async save(): Promise<void> {
    if (this.attempts.busy) return;
    this.confirmation.hide();
    if (!this.core.readyToSave(this.summary)) {
      this.status.clear();
      return;
    }
    if (this.editing && !this.editing.caseId) {
      this.status.error(NO_ID_NOTE);
      return;
    }
    const record = this.core.record();
    const editing = this.editing?.caseId || undefined;
    const loaded = editing ? this.loadedRecord ?? undefined : undefined;
    const attempt = this.attempts.begin(attemptKey({ record, editing, loaded }));
    if (!attempt) return;
    clearTimeout(this.draftTimer);
    this.saveButton.disabled = true;
    const result = await this.status.run('保存しています…', '保存',
      () => callServer('saveCase', { record, ...(editing ? { editing, loaded } : {}), requestId: attempt.id }), RETRY_NOTE);
    this.saveButton.disabled = false;
    if (!result) {
      this.attempts.failedOnTheWay();
      return;
    }
    this.attempts.answered();
    this.answered(result.value, record);
  }

  private answered(result: SaveResult, sent: Record<string, string>): void {
    if (!result.saved && result.conflicts?.length) {
      this.showConflicts(result.conflicts);
      return;
    }
    if (!result.saved) {
      this.core.showRefusal(this.summary, result.errors, result.warnings);
      return;
    }
    const unchangedSince = sameRecord(this.core.record(), sent);
    this.editing = { caseId: result.id, row: result.row };
    // The server deleted the draft with the save.
    this.draftKept = false;
    fill(this.draftNote);
    // The server stamps 最終更新 and 更新者; they are read back with the row.
    this.stamps = { updatedAt: '', updatedBy: '' };
    const stored = normalizeRecord(CASE_FIELDS, sent, this.context.settings, 'case').text;
    const before = result.created ? null : this.loadedRecord;
    const formerly = before ? { personKana: before.personKana ?? '', birthDate: before.birthDate ?? '' } : undefined;
    this.loadedRecord = { ...stored, caseId: result.id };
    if (unchangedSince) {
      // Show what was written: dates as YYYY-MM-DD, カナ, lists joined with 、.
      this.core.fill({ ...stored, caseId: result.id }, true);
      this.afterFill(true);
    } else {
      this.saved = { ...stored, caseId: result.id, ...this.stamps };
      this.showIdentity(true);
      this.core.validate();
    }
    const warnings = result.warnings.map((w) => h('li', {}, `注意：${w.message}`));
    this.status.success(`ケースID ${result.id} を保存しました（${result.row}行目）`,
      warnings.length ? h('ul', { class: 'warnings' }, ...warnings) : null);
    this.context.onSaved({ id: result.id, row: result.row, record: { ...stored, caseId: result.id }, ...(formerly ? { formerly } : {}) });
  }

  /** Someone else saved the same fields since this form was loaded: nothing was saved; say what, and offer to reload. */
  private showConflicts(conflicts: readonly EditConflict[]): void {
    const caseId = this.editing?.caseId ?? '';
    const items = conflicts.map((c) => h('li', {},
      `${c.header}：読み込んだとき「${c.loaded}」→ いま「${c.now}」（あなたの入力「${c.yours}」）`));
    const reload = button('最新の内容を読み込む', () => { void this.reload(caseId, conflicts); }, { id: 'case-reload' });
    this.status.error(
      'ほかの方が、あなたがこのケースを読み込んだあとに同じ項目を変更したため、保存しませんでした。',
      h('ul', { class: 'conflicts' }, ...items),
      '最新の内容を読み込んでから、必要なら入力し直して保存してください（あなたの入力は上に残しています）。', reload);
  }

  private async reload(caseId: string, conflicts: readonly EditConflict[]): Promise<void> {
    const result = await this.status.run('最新の内容を読み込んでいます…', '読み込み', () => callServer('loadSelectedCase', { caseId }));
    if (!result) return;
    if (!result.value) {
      this.status.error(`ケースID「${caseId}」が共通シートに見つかりません。ほかの方が変更した可能性があります。`);
      return;
    }
    this.load(result.value);
    this.status.success(`ケース ${caseId} の最新の内容を読み込みました。あなたが入力していた内容：`,
      h('ul', { class: 'conflicts' }, ...conflicts.map((c) => h('li', {}, `${c.header}：「${c.yours}」`))));
  }

  /** The case being edited as last read or saved, if it has an ID: 支援記録 follows it and names the person. */
  get currentCase(): CasePerson | null {
    const caseId = this.editing?.caseId ?? '';
    return caseId && this.loadedRecord ? personOf(caseId, this.loadedRecord) : null;
  }
}
