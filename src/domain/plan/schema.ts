// The shapes of a plan's 案 and its tasks as they cross from the sidebar (and
// from a meeting's outcome) into the server: the same zod schemas on both sides.
import { recordShape } from '../schema';
import * as z from '../zod';
import { DRAFT_KEYS, MAX_TASKS, TASK_KEYS } from './lifecycle';
import { ACHIEVEMENTS, EXPLANATIONS, PLAN_FIELDS, REVIEW_POLICIES, TASK_FIELDS, TASK_PROGRESS } from './fields';

const only = (fields: typeof PLAN_FIELDS, keys: readonly string[]) => fields.filter((f) => keys.includes(f.key));

/** The 案's own fields: what the person and the team write; 状態, 決定 and 評価 are set by the steps. */
export const planDraftInput = recordShape(only(PLAN_FIELDS, DRAFT_KEYS));
/** One task of the 案, in order; its 実施状況 is set by reviews. */
export const taskInput = recordShape(only(TASK_FIELDS, TASK_KEYS));
export const taskListInput = z.array(taskInput).check(z.maxLength(MAX_TASKS, { message: `役割分担は${MAX_TASKS}行までにしてください。` }));

export const versionInput = z.int().check(z.minimum(1, { message: '版は1以上の整数で指定してください。' }), z.maximum(999));
const text = (max: number) => z.string().check(z.maxLength(max, { message: `${max}文字以内で入力してください。` }));

export const decisionInput = {
  version: versionInput,
  /** 次回評価日; default: the one written on the 案. */
  nextReviewOn: z.optional(text(40)),
  explanation: z.optional(z.enum(EXPLANATIONS)),
};

export const reviewInput = {
  version: versionInput,
  achievement: z.enum(ACHIEVEMENTS, { message: `達成度を${ACHIEVEMENTS.join('・')}から選んでください。` }),
  reviewPolicy: z.enum(REVIEW_POLICIES, { message: `評価の方針を${REVIEW_POLICIES.join('・')}から選んでください。` }),
  reviewNote: z.optional(text(5000)),
  nextReviewOn: z.optional(text(40)),
  successorAgency: z.optional(text(100)),
  tasks: z.array(z.strictObject({ progress: z.enum(TASK_PROGRESS, { message: `実施状況を${TASK_PROGRESS.join('・')}から選んでください。` }), taskNote: z.optional(text(2000)) })).check(z.maxLength(MAX_TASKS)),
};

/** What a consent meeting records about a case's plan (SPEC §12): 決定日・評価日 and 決定会議ID are the meeting's. */
export const planDecisionOutcome = z.strictObject({ action: z.literal('decide'), ...decisionInput });
export const planReviewOutcome = z.strictObject({ action: z.literal('review'), ...reviewInput });
export const planOutcomeInput = z.union([planDecisionOutcome, planReviewOutcome]);
