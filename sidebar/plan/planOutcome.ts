// The plan part of one case in 「会議のあと」 (SPEC §12): at a consent meeting,
// 決定 the case's 案, or record a review of its 決定 plan (達成度, 評価の方針,
// 評価メモ, each task's 実施状況). 決定日・評価日 and 決定会議ID are the
// meeting's, set by the server. The «プラン» view uses the same part to record
// a decision or review made outside a meeting (dated today). Checked with the
// server's own schemas.
import type { OutcomeCase } from '../../src/app/agenda/types';
import type { AgendaPlan } from '../../src/domain/plan/agendaPlan';
import { ACHIEVEMENTS, EXPLANATIONS, PLAN_FIELDS, REVIEW_POLICIES, TASK_FIELDS, TASK_PROGRESS } from '../../src/domain/plan/fields';
import { planDecisionOutcome, planReviewOutcome } from '../../src/domain/plan/schema';
import type * as z from '../../src/domain/zod';
import { h } from '../shared/dom';
import { createControl, type FieldControl } from '../shared/fieldControls';
import type { FieldIssue } from '../shared/issues';

export type PlanOutcomeValue = z.infer<typeof planDecisionOutcome> | z.infer<typeof planReviewOutcome>;
type Action = 'none' | 'decide' | 'review';

/** Where the part sits: in 「会議のあと」 (the meeting's date and ID) or at the desk in «プラン» (today). */
export type OutcomePlace = { readonly at: 'meeting'; readonly index: number } | { readonly at: 'desk' };

const DATES_NOTE = {
  meeting: { decide: '決定日と決定会議IDには、この会議の開催日と会議IDが入ります。', review: '評価日にはこの会議の開催日が入ります。' },
  desk: { decide: '決定日には今日の日付が入ります。会議で決めたときは「会議次第」の「会議のあと」で記録してください。', review: '評価日には今日の日付が入ります。' },
} as const;

const planField = (key: string) => PLAN_FIELDS.find((f) => f.key === key)!;
const PROGRESS = TASK_FIELDS.find((f) => f.key === 'progress')!;

function summary(plan: AgendaPlan): HTMLElement {
  return h('div', { class: 'hint' }, `短期目標：${plan.shortTermGoal}`,
    h('ul', {}, ...plan.tasks.map((t) => h('li', {}, `${t.owner} — ${t.content}${t.frequency ? `（${t.frequency}）` : ''} — ${t.progress}`))));
}

export class PlanOutcome {
  readonly element: HTMLElement;
  private readonly radios: HTMLInputElement[];
  private readonly decideBlock: HTMLElement | null = null;
  private readonly reviewBlock: HTMLElement | null = null;
  /** Issues are shown by key: a plan field's key, or `tasks.<n>.progress`. */
  private readonly controls = new Map<string, FieldControl>();

  /** Null when the case has neither a 案 nor a 決定 plan. */
  static of(plans: OutcomeCase['plans'], index: number, onInput: () => void, place: OutcomePlace = { at: 'meeting', index }): PlanOutcome | null {
    return plans.draft || plans.current ? new PlanOutcome(plans, place, onInput) : null;
  }

  private constructor(private readonly plans: OutcomeCase['plans'], place: OutcomePlace, onInput: () => void) {
    const id = place.at === 'meeting' ? `outcome-${place.index}-plan` : 'plan-step';
    const note = DATES_NOTE[place.at];
    const control = (key: string, spec: Parameters<typeof createControl>[1], field = planField(key), label?: string): FieldControl => {
      const made = createControl(field, spec, { id: `${id}-${key.replace(/\./g, '-')}`, label, help: '', onInput, onLeave: onInput });
      this.controls.set(key, made);
      return made;
    };
    const choices: [Action, string][] = [['none', 'この会議では記録しない']];
    const { draft, current } = plans;
    if (draft) {
      choices.push(['decide', `第${draft.version}版の案を決定する`]);
      control('nextReviewOn', { kind: 'date' }).set(draft.nextReviewOn);
      control('explanation', { kind: 'select', options: EXPLANATIONS });
      this.decideBlock = h('div', { class: 'plan-decide', id: `${id}-decide-block` },
        h('p', { class: 'mode' }, `第${draft.version}版（案）`), summary(draft),
        this.control('nextReviewOn').element, this.control('explanation').element,
        h('p', { class: 'hint' }, note.decide));
    }
    if (current) {
      choices.push(['review', `第${current.version}版（決定）を評価する`]);
      control('achievement', { kind: 'select', options: ACHIEVEMENTS });
      control('reviewPolicy', { kind: 'select', options: REVIEW_POLICIES });
      control('reviewNote', { kind: 'textarea' });
      control('reviewNextOn', { kind: 'date' }, { ...planField('nextReviewOn'), header: '次回評価日（継続のとき）' });
      current.tasks.forEach((t, k) => {
        control(`tasks.${k}.progress`, { kind: 'select', options: TASK_PROGRESS }, PROGRESS, `役割${k + 1}の実施状況（${t.owner}：${t.content}）`).set(t.progress);
      });
      this.reviewBlock = h('div', { class: 'plan-review', id: `${id}-review-block` },
        h('p', { class: 'mode' }, `第${current.version}版（決定）`), summary(current),
        ...['achievement', 'reviewPolicy', 'reviewNote', 'reviewNextOn'].map((k) => this.control(k).element),
        ...current.tasks.map((_, k) => this.control(`tasks.${k}.progress`).element),
        h('p', { class: 'hint' }, `${note.review}見直しは次の版の案を作り、終結・つなぎもどし・中断はケースを終結検討にします。`));
    }
    this.radios = choices.map(([value]) => h('input', { type: 'radio', name: id, id: `${id}-${value}`, value, checked: value === 'none' }));
    for (const radio of this.radios) radio.addEventListener('change', () => { this.showBlocks(); onInput(); });
    this.element = h('div', { class: 'plan-outcome' },
      h('fieldset', { class: 'field checks', id }, h('legend', {}, 'プランについて'),
        h('div', { class: 'options' }, ...this.radios.map((r, i) => h('label', { class: 'option', for: r.id }, r, choices[i]![1])))),
      this.decideBlock, this.reviewBlock);
    this.showBlocks();
  }

  private control(key: string): FieldControl {
    return this.controls.get(key)!;
  }

  private action(): Action {
    return (this.radios.find((r) => r.checked)?.value ?? 'none') as Action;
  }

  private showBlocks(): void {
    if (this.decideBlock) this.decideBlock.hidden = this.action() !== 'decide';
    if (this.reviewBlock) this.reviewBlock.hidden = this.action() !== 'review';
  }

  /** What the form would send for the plan, as typed (not yet checked; an empty optional field left out); undefined when nothing is recorded. */
  private typed(): Record<string, unknown> | undefined {
    const value = (key: string): string => this.control(key).get();
    const optional = (key: string): string | undefined => value(key) || undefined;
    const typed = this.typedWith(value, optional);
    return typed && Object.fromEntries(Object.entries(typed).filter(([, v]) => v !== undefined));
  }

  private typedWith(value: (key: string) => string, optional: (key: string) => string | undefined): Record<string, unknown> | undefined {
    const { draft, current } = this.plans;
    switch (this.action()) {
      case 'decide':
        return { action: 'decide', version: draft!.version, nextReviewOn: optional('nextReviewOn'), explanation: optional('explanation') };
      case 'review':
        return {
          action: 'review', version: current!.version, achievement: value('achievement'), reviewPolicy: value('reviewPolicy'),
          reviewNote: optional('reviewNote'), nextReviewOn: optional('reviewNextOn'),
          tasks: current!.tasks.map((_, k) => ({ progress: value(`tasks.${k}.progress`) })),
        };
      case 'none':
        return undefined;
    }
  }

  /** What is recorded, in words (「第1版の決定」), or '' when nothing is. */
  recorded(): string {
    const value = this.typed();
    if (!value) return '';
    return `第${String(value.version)}版の${value.action === 'decide' ? '決定' : '評価'}`;
  }

  /** The plan to send, or undefined; only called after validate() found no error. */
  value(): PlanOutcomeValue | undefined {
    return this.typed() as PlanOutcomeValue | undefined;
  }

  /** The server's schema on what was typed; shows the issues beside their fields and returns them. */
  validate(): FieldIssue[] {
    const typed = this.typed();
    const schema = typed?.action === 'decide' ? planDecisionOutcome : planReviewOutcome;
    const result = typed ? schema.safeParse(typed) : null;
    const issues: FieldIssue[] = result && !result.success
      ? result.error.issues.map((i) => ({ field: i.path.join('.'), severity: 'error', code: i.code, message: i.message }))
      : [];
    const shown = (key: string): string => (key === 'nextReviewOn' && typed?.action === 'review' ? 'reviewNextOn' : key);
    for (const [key, control] of this.controls) control.showIssues(issues.filter((i) => shown(i.field) === key));
    return issues;
  }

  focusFirstError(): void {
    const control = [...this.controls.values()].find((c) => c.element.querySelector('[aria-invalid="true"]'));
    control?.focus();
  }
}
