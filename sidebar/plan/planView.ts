// The «プラン» view: pick a case (ケースID, 年代, 機関 — never a name — or the
// case of the selected row), see its plan history, and draft or edit the 案
// with its tasks (add, remove, reorder). The server refuses a plan while
// 本人同意 is not あり; the view says so and keeps the form closed.
import type { CasePlansView, PlanCases, PlanVersionView } from '../../src/app/plan/state';
import type { PlanStepResult } from '../../src/app/plan/steps';
import { PERSONAL_OWNERS } from '../../src/domain/plan/fields';
import { DRAFT_KEYS, TASK_KEYS } from '../../src/domain/plan/lifecycle';
import type { Settings } from '../../src/domain/settings';
import { chosenText } from '../shared/chosenText';
import { button, fill, h } from '../shared/dom';
import { newRequestId } from '../shared/requestId';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

interface TaskRow { owner: string; content: string; frequency: string }

const GOAL_FIELDS = [
  ['shortTermGoal', '短期目標（必須）'], ['longTermGoal', '長期目標'], ['personWish', '本人の意向（本人の言葉で）'], ['direction', '支援の方向性'],
] as const;

export class PlanView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly picker = h('select', { id: 'plan-case' });
  private readonly history = h('div', { id: 'plan-history' });
  private readonly editor = h('div', { id: 'plan-editor' });
  private caseId = '';
  private tasks: TaskRow[] = [];

  constructor(private readonly context: { settings: Settings }) {
    this.picker.addEventListener('change', () => { void this.load(this.picker.value); });
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '本人同意が「あり」のケースの支援プラン（案）を作り、役割分担を入れます。決定・評価は会議のあとで記録します。'),
      h('label', { for: 'plan-case' }, 'ケース（ケースID・年代・機関）'), this.picker, chosenText(this.picker),
      h('div', { class: 'actions' }, button('選択中の行のケース', () => { void this.open(true); }, { id: 'plan-selected' })),
      this.status.element, this.history, this.editor);
  }

  async open(useSelection = false): Promise<void> {
    const result = await this.status.run('ケースを読み込んでいます…', 'ケースの読み込み', () => callServer('getPlanCases', {}));
    if (!result) return;
    const list: PlanCases = result.value;
    fill(this.picker, h('option', { value: '' }, '選んでください'),
      ...list.cases.map((c) => h('option', { value: c.caseId }, `${c.caseId}\u3000${c.ageBand}\u3000${c.agency}（同意：${c.consent || '未入力'}）`)));
    const chosen = useSelection ? list.selectedCaseId : this.caseId || null;
    if (useSelection && !chosen) this.status.error('共通シート・支援プラン・役割分担でケースの行を選んでから押してください。');
    if (chosen) {
      this.picker.value = chosen;
      await this.load(chosen);
    }
  }

  private async load(caseId: string): Promise<void> {
    this.caseId = caseId;
    fill(this.history);
    fill(this.editor);
    if (!caseId) return;
    const result = await this.status.run('プランを読み込んでいます…', 'プランの読み込み', () => callServer('getCasePlans', { caseId }));
    if (!result) return;
    const view: CasePlansView = result.value;
    fill(this.history, h('h3', {}, 'プランの履歴'),
      view.versions.length ? h('ol', { class: 'plan-history' }, ...view.versions.map(versionItem)) : h('p', {}, 'まだプランはありません。'));
    if (view.refusal) {
      fill(this.editor, h('p', { class: 'alert', role: 'alert', id: 'plan-refusal' }, view.refusal));
      return;
    }
    const draft = view.versions.find((v) => v.plan.planStatus === '案');
    this.tasks = (draft?.tasks ?? []).map((t) => ({ owner: t.owner ?? '', content: t.content ?? '', frequency: t.frequency ?? '' }));
    this.renderEditor(draft ?? null);
  }

  private renderEditor(draft: PlanVersionView | null): void {
    // The 案 as loaded goes with each save: the server refuses it when a colleague changed the 案 since.
    const pick = (text: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, text[k] ?? '']));
    const loaded = { version: draft?.version ?? null, plan: pick(draft?.plan ?? {}, DRAFT_KEYS), tasks: (draft?.tasks ?? []).map((t) => pick(t, TASK_KEYS)) };
    const inputs = new Map<string, HTMLInputElement | HTMLTextAreaElement>();
    const field = (key: string, label: string, type: 'text' | 'date' | 'textarea' = 'textarea') => {
      const id = `plan-${key}`;
      const control = type === 'textarea' ? h('textarea', { id, rows: 2 }) : h('input', { id, type });
      control.value = draft?.plan[key] ?? '';
      inputs.set(key, control);
      return h('div', { class: 'field' }, h('label', { for: id }, label), control);
    };
    const taskList = h('ol', { id: 'plan-tasks', class: 'plan-tasks' });
    const owners = [...this.context.settings.agencies.map((a) => a.name), ...PERSONAL_OWNERS];
    const renderTasks = (): void => {
      fill(taskList, ...this.tasks.map((task, i) => {
        const owner = h('select', { 'aria-label': `役割${i + 1}の担当` }, h('option', { value: '' }, '担当を選ぶ'), ...owners.map((o) => h('option', { value: o }, o)));
        owner.value = task.owner;
        owner.addEventListener('change', () => { task.owner = owner.value; });
        const content = h('input', { type: 'text', 'aria-label': `役割${i + 1}の支援内容` });
        content.value = task.content;
        content.addEventListener('input', () => { task.content = content.value; });
        const frequency = h('input', { type: 'text', 'aria-label': `役割${i + 1}の頻度`, placeholder: '週1回など' });
        frequency.value = task.frequency;
        frequency.addEventListener('input', () => { task.frequency = frequency.value; });
        const move = (to: number) => () => {
          if (to < 0 || to >= this.tasks.length) return;
          [this.tasks[i], this.tasks[to]] = [this.tasks[to]!, this.tasks[i]!];
          renderTasks();
        };
        return h('li', {}, owner, chosenText(owner), content, frequency,
          button('上へ', move(i - 1), { 'aria-label': `役割${i + 1}を上へ` }), button('下へ', move(i + 1), { 'aria-label': `役割${i + 1}を下へ` }),
          button('削除', () => { this.tasks.splice(i, 1); renderTasks(); }, { 'aria-label': `役割${i + 1}を削除` }));
      }));
    };
    renderTasks();
    const save = async (): Promise<void> => {
      const plan = Object.fromEntries([...inputs].map(([k, c]) => [k, c.value]));
      const result = await this.status.run('保存しています…', 'プラン案の保存', () => callServer('savePlanDraft', {
        caseId: this.caseId, plan, tasks: this.tasks.map((t) => ({ ...t })), loaded, requestId: newRequestId(),
      }));
      if (!result) return;
      const saved: PlanStepResult = result.value;
      if (!saved.saved) {
        const meanwhile = saved.errors.some((e) => e.code === 'edit_conflict');
        this.status.error(h('ul', {}, ...saved.errors.map((e) => h('li', {}, e.message))),
          meanwhile ? h('p', {}, '最新のプランを読み込んでから、必要なら入力し直して保存してください（読み込むと、この画面の入力は消えます）。') : null,
          meanwhile ? button('最新のプランを読み込む', () => { void this.load(this.caseId); }, { id: 'plan-reload' }) : null);
        return;
      }
      await this.load(this.caseId);
      this.status.success(`${saved.version}版の案を保存しました。${saved.warnings.map((w) => w.message).join(' ')}`);
    };
    fill(this.editor, h('h3', {}, draft ? `第${draft.version}版の案を直す` : '新しい案を作る'),
      ...GOAL_FIELDS.map(([key, label]) => field(key, label)), field('nextReviewOn', '次回評価日', 'date'),
      h('h4', {}, '役割分担（だれが・なにを・どのくらい）'), taskList,
      h('div', { class: 'actions' },
        button('役割を追加', () => { this.tasks.push({ owner: '', content: '', frequency: '' }); renderTasks(); }, { id: 'plan-add-task' }),
        button('案を保存', () => { void save(); }, { class: 'primary', id: 'plan-save' })));
  }
}

function versionItem(v: PlanVersionView): HTMLElement {
  const review = v.plan.reviewedOn ? `\u3000評価 ${v.plan.reviewedOn}：${v.plan.achievement}・${v.plan.reviewPolicy}` : '';
  return h('li', {}, `第${v.version}版（${v.plan.planStatus}）${v.plan.decidedOn ? ` 決定 ${v.plan.decidedOn}` : ''}${review}`,
    h('br'), `短期目標：${v.plan.shortTermGoal}`,
    h('ul', {}, ...v.tasks.map((t) => h('li', {}, `${t.owner} — ${t.content}${t.frequency ? `（${t.frequency}）` : ''} — ${t.progress || '未着手'}`))));
}
