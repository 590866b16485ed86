// The «プラン» view: find a case with consent (ケースID, 年代, 機関 — never a
// name — or the case of the selected row), see its plan history, draft or edit
// the 案 with every field of SPEC §12 and its tasks (add, remove, reorder),
// decide it or record a review, and print the person's copy. Dates are typed
// as 和暦 or 西暦 in text fields read by the case form's parser. The server
// refuses a plan while 本人同意 is not あり; the view says so and keeps the
// form closed.
import type { CaseChoice } from '../../src/app/sidebarTypes';
import type { PaperPreview } from '../../src/app/paper';
import type { CasePlansView, PlanVersionView } from '../../src/app/plan/state';
import type { PlanStepResult } from '../../src/app/plan/steps';
import type { FieldDef } from '../../src/domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../../src/domain/plan/fields';
import { DRAFT_KEYS, TASK_KEYS } from '../../src/domain/plan/lifecycle';
import type { AgendaPlan } from '../../src/domain/plan/agendaPlan';
import type { Settings } from '../../src/domain/settings';
import { caseChoiceLabel } from '../activity/caseChoice';
import { CaseFinder } from '../activity/caseFinder';
import { chosenText } from '../shared/chosenText';
import { controlSpecOf, type ControlSpec } from '../shared/controlSpec';
import { button, fill, h } from '../shared/dom';
import { createControl, type FieldControl } from '../shared/fieldControls';
import { newRequestId } from '../shared/requestId';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';
import { PlanOutcome } from './planOutcome';
import { renderPaper } from '../shared/paperPreview';

type TaskRow = Record<string, string>;

/** The task fields typed on a 案 (評価メモ and 実施状況 come with reviews). */
const TASK_EDIT_KEYS = TASK_KEYS.filter((k) => k !== 'taskNote');
const PROSE_KEYS: ReadonlySet<string> = new Set(['personWish', 'direction', 'longTermGoal', 'shortTermGoal', 'content']);
const fieldOf = (fields: readonly FieldDef[], key: string): FieldDef => fields.find((f) => f.key === key)!;

/** A version as the decision and review part shows it. */
function asOutcomePlan(v: PlanVersionView): AgendaPlan {
  return {
    version: v.version, status: v.plan.planStatus ?? '', shortTermGoal: v.plan.shortTermGoal ?? '', nextReviewOn: v.plan.nextReviewOn ?? '',
    tasks: v.tasks.map((t) => ({ owner: t.owner ?? '', content: t.content ?? '', frequency: t.frequency ?? '', progress: t.progress || '未着手' })),
  };
}

export class PlanView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly picker = h('select', { id: 'plan-case' });
  private readonly finder: CaseFinder;
  private readonly history = h('div', { id: 'plan-history' });
  private readonly editor = h('div', { id: 'plan-editor' });
  private readonly steps = h('div', { id: 'plan-steps' });
  private readonly paper = h('div', { id: 'plan-paper' });
  private caseId = '';
  private tasks: TaskRow[] = [];

  constructor(private readonly context: { settings: Settings }) {
    this.finder = new CaseFinder(context.settings, (cases) => this.showCases(cases), { idPrefix: 'plan-find', consentOnly: true });
    this.picker.addEventListener('change', () => { void this.load(this.picker.value); });
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '本人同意が「あり」のケースの支援プランを作り、役割分担を入れ、決定・評価を記録し、本人用のプランを印刷します。'),
      this.finder.element,
      h('label', { for: 'plan-case' }, 'ケース（ケースID・年代・機関）'), this.picker, chosenText(this.picker),
      h('div', { class: 'actions' }, button('選択中の行のケース', () => { void this.open(true); }, { id: 'plan-selected' })),
      this.status.element, this.history, this.editor, this.steps, this.paper);
  }

  async open(useSelection = false): Promise<void> {
    if (!this.finder.searched) await this.finder.search();
    if (!useSelection) return;
    const result = await this.status.run('選択中の行を読み込んでいます…', 'ケースの読み込み', () => callServer('getPlanCases', {}));
    if (!result) return;
    const chosen = result.value.selectedCaseId;
    if (!chosen) {
      this.status.error('共通シート・支援プラン・役割分担でケースの行を選んでから押してください。');
      return;
    }
    if (![...this.picker.options].some((o) => o.value === chosen)) this.picker.append(h('option', { value: chosen }, chosen));
    this.picker.value = chosen;
    await this.load(chosen);
  }

  private showCases(cases: readonly CaseChoice[]): void {
    fill(this.picker, h('option', { value: '' }, '選んでください'), ...cases.map((c) => h('option', { value: c.caseId }, caseChoiceLabel(c))));
    if (cases.some((c) => c.caseId === this.caseId)) this.picker.value = this.caseId;
  }

  private async load(caseId: string): Promise<void> {
    this.caseId = caseId;
    for (const part of [this.history, this.editor, this.steps, this.paper]) fill(part);
    if (!caseId) return;
    const result = await this.status.run('プランを読み込んでいます…', 'プランの読み込み', () => callServer('getCasePlans', { caseId }));
    if (!result) return;
    const view: CasePlansView = result.value;
    fill(this.history, h('h3', {}, `ケース${caseId}のプランの履歴`),
      view.versions.length ? h('ol', { class: 'plan-history' }, ...view.versions.map(versionItem)) : h('p', {}, 'まだプランはありません。'));
    if (view.refusal) {
      fill(this.editor, h('p', { class: 'alert', role: 'alert', id: 'plan-refusal' }, view.refusal));
      return;
    }
    const draft = view.versions.find((v) => v.plan.planStatus === '案');
    const current = view.versions.find((v) => v.plan.planStatus === '決定');
    this.tasks = (draft?.tasks ?? []).map((t) => Object.fromEntries(TASK_EDIT_KEYS.map((k) => [k, t[k] ?? ''])));
    this.renderEditor(draft ?? null);
    this.renderSteps(draft ?? null, current ?? null);
    if (view.versions.length) this.renderPaper();
  }

  private control(field: FieldDef, id: string, value: string, onInput: (value: string) => void, label?: string): FieldControl {
    const spec: ControlSpec = PROSE_KEYS.has(field.key) ? { kind: 'textarea' } : controlSpecOf(field, this.context.settings);
    const made: FieldControl = createControl(field, spec, {
      id, label, help: field.type === 'date' ? '和暦（R9.3.10、令和9年3月10日）でも西暦でも入力できます。' : undefined,
      onInput: () => onInput(made.get()), onLeave: () => onInput(made.get()),
    });
    made.set(value);
    return made;
  }

  private renderEditor(draft: PlanVersionView | null): void {
    // The 案 as loaded goes with each save: the server refuses it when a colleague changed the 案 since.
    const pick = (text: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, text[k] ?? '']));
    const loaded = { version: draft?.version ?? null, plan: pick(draft?.plan ?? {}, DRAFT_KEYS), tasks: (draft?.tasks ?? []).map((t) => pick(t, TASK_KEYS)) };
    const plan: Record<string, string> = Object.fromEntries(DRAFT_KEYS.map((k) => [k, draft?.plan[k] ?? '']));
    const controls = DRAFT_KEYS.map((key) => this.control(fieldOf(PLAN_FIELDS, key), `plan-${key}`, plan[key]!, (v) => { plan[key] = v; }));
    const taskList = h('ol', { id: 'plan-tasks', class: 'plan-tasks' });
    const renderTasks = (): void => {
      fill(taskList, ...this.tasks.map((task, i) => {
        const n = i + 1;
        const move = (to: number) => () => {
          if (to < 0 || to >= this.tasks.length) return;
          [this.tasks[i], this.tasks[to]] = [this.tasks[to]!, this.tasks[i]!];
          renderTasks();
        };
        const fields = TASK_EDIT_KEYS.map((key) => {
          const field = fieldOf(TASK_FIELDS, key);
          return this.control(field, `plan-task-${n}-${key}`, task[key] ?? '', (v) => { task[key] = v; }, `役割${n}の${field.header}`).element;
        });
        return h('li', {}, h('fieldset', { class: 'plan-task' }, h('legend', {}, `役割${n}`), ...fields,
          h('div', { class: 'actions' },
            button('上へ', move(i - 1), { 'aria-label': `役割${n}を上へ` }), button('下へ', move(i + 1), { 'aria-label': `役割${n}を下へ` }),
            button('削除', () => { this.tasks.splice(i, 1); renderTasks(); }, { 'aria-label': `役割${n}を削除` }))));
      }));
    };
    renderTasks();
    const save = async (): Promise<void> => {
      const caseId = this.caseId;
      const result = await this.status.run('保存しています…', 'プラン案の保存', () => callServer('savePlanDraft', {
        caseId, plan: { ...plan }, tasks: this.tasks.map((t) => ({ ...t })), loaded, requestId: newRequestId(),
      }));
      if (!result) return;
      const saved: PlanStepResult = result.value;
      if (!saved.saved) {
        const meanwhile = saved.errors.some((e) => e.code === 'edit_conflict');
        this.status.error(h('ul', {}, ...saved.errors.map((e) => h('li', {}, e.message))),
          meanwhile ? h('p', {}, '最新のプランを読み込んでから、必要なら入力し直して保存してください（読み込むと、この画面の入力は消えます）。') : null,
          meanwhile ? button('最新のプランを読み込む', () => { void this.load(caseId); }, { id: 'plan-reload' }) : null);
        return;
      }
      await this.load(caseId);
      this.status.success(`ケース${caseId}の第${saved.version}版の案を保存しました。${saved.warnings.map((w) => w.message).join(' ')}`);
    };
    fill(this.editor, h('h3', {}, draft ? `第${draft.version}版の案を直す` : '新しい案を作る'),
      ...controls.map((c) => c.element),
      h('h4', {}, '役割分担（課題・だれが・担当者・なにを・どのくらい・いつまでに）'), taskList,
      h('div', { class: 'actions' },
        button('役割を追加', () => { this.tasks.push(Object.fromEntries(TASK_EDIT_KEYS.map((k) => [k, '']))); renderTasks(); }, { id: 'plan-add-task' }),
        button('案を保存', () => { void save(); }, { class: 'primary', id: 'plan-save' })));
  }

  /** 決定 of the 案, or a review of the 決定 plan, recorded at the desk (dated today). */
  private renderSteps(draft: PlanVersionView | null, current: PlanVersionView | null): void {
    const part = PlanOutcome.of({ draft: draft && asOutcomePlan(draft), current: current && asOutcomePlan(current) }, 0, () => undefined, { at: 'desk' });
    if (!part) return;
    const record = async (): Promise<void> => {
      if (part.validate().length) { part.focusFirstError(); return; }
      const value = part.value();
      if (!value) { this.status.error('「決定する」か「評価する」を選んでください。'); return; }
      const caseId = this.caseId;
      const what = part.recorded();
      const requestId = newRequestId();
      const result = await this.status.run('記録しています…', 'プランの決定・評価', () => {
        if (value.action === 'decide') {
          const { action: _decide, ...step } = value;
          return callServer('decidePlan', { caseId, ...step, requestId });
        }
        const { action: _review, ...step } = value;
        return callServer('reviewPlan', { caseId, ...step, requestId });
      });
      if (!result) return;
      const saved: PlanStepResult = result.value;
      if (!saved.saved) {
        this.status.error(h('ul', {}, ...saved.errors.map((e) => h('li', {}, e.message))));
        return;
      }
      await this.load(caseId);
      const follows = saved.caseChanges.length ? `共通シート：${saved.caseChanges.join('、')}。` : '';
      this.status.success(`ケース${caseId}のプランの${what}を記録しました。${follows}${saved.warnings.map((w) => w.message).join(' ')}`);
    };
    fill(this.steps, h('h3', {}, '決定・評価を記録（会議以外で決めたとき）'), part.element,
      h('div', { class: 'actions' }, button('決定・評価を記録', () => { void record(); }, { class: 'primary', id: 'plan-record-step' })));
  }

  /** The person's copy: a preview here, the A4 print view, and the tab. */
  private renderPaper(): void {
    const caseId = this.caseId;
    const preview = h('div', { id: 'plan-paper-preview', class: 'paper-preview' });
    const show = async (): Promise<void> => {
      const result = await this.status.run('印刷プレビューを作っています…', '印刷プレビュー', () => callServer('previewPlanPrint', { caseId }));
      if (result) renderPaper(preview, result.value as PaperPreview);
    };
    const openPrint = async (): Promise<void> => {
      const result = await this.status.run('印刷用のページを開いています…', '印刷用に開く', () => callServer('showPlanPrintView', { caseId }));
      if (result) this.status.success(`「${result.value.title}」を開きました。A4縦で印刷できます。`);
    };
    const makeTab = async (): Promise<void> => {
      const result = await this.status.run('タブを作っています…', '本人用のプランの作成', () => callServer('createPlanPrint', { caseId }));
      if (result) this.status.success(`ケース${caseId}の本人用のプラン「${result.value.sheet}」を作成しました（第${result.value.version}版・${result.value.status}）。本人の氏名が載っています。用が済んだらタブを削除してください。`);
    };
    fill(this.paper, h('h3', {}, '本人用のプラン（印刷）'),
      h('div', { class: 'actions' },
        button('印刷プレビュー', () => { void show(); }, { id: 'plan-paper-show' }),
        button('印刷用に開く', () => { void openPrint(); }, { id: 'plan-paper-open' }),
        button('タブを作成', () => { void makeTab(); }, { id: 'plan-paper-tab' })),
      preview);
  }
}

function versionItem(v: PlanVersionView): HTMLElement {
  const review = v.plan.reviewedOn ? `\u3000評価 ${v.plan.reviewedOn}：${v.plan.achievement}・${v.plan.reviewPolicy}` : '';
  return h('li', {}, `第${v.version}版（${v.plan.planStatus}）${v.plan.decidedOn ? ` 決定 ${v.plan.decidedOn}` : ''}${review}`,
    h('br'), `短期目標：${v.plan.shortTermGoal}`,
    h('ul', {}, ...v.tasks.map((t) => h('li', {}, `${t.owner} — ${t.content}${t.frequency ? `（${t.frequency}）` : ''} — ${t.progress || '未着手'}`))));
}
