// The plan as an agenda item shows it (SPEC §8, §12): a 新規検討 item the 案 to
// decide, a モニタリング or 終結評価 item the 決定 plan with each task's
// 実施状況. Every copied text goes through the agenda's masking; an owner not
// listed in 設定 (or 本人・家族・地域) shows as 「（設定外の値）」.
import type { RecordText } from '../record';
import { sourceValues, type Settings } from '../settings';
import { TASK_FIELDS } from './fields';

export interface AgendaPlanTask {
  readonly owner: string;
  readonly content: string;
  readonly frequency: string;
  readonly progress: string;
}

/** SPEC §8's `items[].plan`, with the 次回評価日 the tab also shows. */
export interface AgendaPlan {
  readonly version: number;
  readonly status: string;
  readonly shortTermGoal: string;
  readonly nextReviewOn: string;
  readonly tasks: readonly AgendaPlanTask[];
}

export interface PlanSource {
  readonly plan: RecordText;
  readonly tasks: readonly RecordText[];
}

/** A case's plan in force and its 案 in preparation, when it has them. */
export interface CasePlanSources {
  readonly current?: PlanSource;
  readonly draft?: PlanSource;
}

export const NOT_IN_SETTINGS = '（設定外の値）';
const OWNER_SOURCE = TASK_FIELDS.find((f) => f.key === 'owner')!.source!;

/** One version as an agenda (or the 会議のあと form) shows it, every copied text masked. */
export function maskedPlanOf(source: PlanSource, masker: (text: string) => string, settings: Settings): AgendaPlan {
  const owners = sourceValues(OWNER_SOURCE, settings);
  const mask = (text: string | undefined): string => masker(text ?? '');
  return {
    version: Number(source.plan.version),
    status: source.plan.planStatus ?? '',
    shortTermGoal: mask(source.plan.shortTermGoal),
    // A date cell is ISO; a 次回評価日 typed as text (「林守さん退院後に決める」) is copied text like any other.
    nextReviewOn: mask(source.plan.nextReviewOn),
    tasks: source.tasks.map((t) => ({
      owner: owners.includes(t.owner ?? '') ? t.owner! : NOT_IN_SETTINGS,
      content: mask(t.content),
      frequency: mask(t.frequency),
      progress: mask(t.progress) || '未着手',
    })),
  };
}
