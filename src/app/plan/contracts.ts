// The arguments of the plan endpoints (SPEC §12), shared with the sidebar.
import { decisionInput, planDraftInput, reviewInput, taskListInput, versionInput } from '../../domain/plan/schema';
import * as z from '../../domain/zod';
import { isoDate, requestId, todayShape } from '../contracts';

const caseId = z.string().check(z.trim(), z.minLength(1, { message: 'ケースIDを指定してください。' }), z.maxLength(40));

export const planCasesArgs = z.strictObject({ ...todayShape });
export const casePlansArgs = z.strictObject({ ...todayShape, caseId });
// Saves take no `today`: the server decides it, as for every save.
export const savePlanDraftArgs = z.strictObject({
  caseId, plan: planDraftInput, tasks: taskListInput, requestId,
  /**
   * The case's 案 as the form loaded it (version null: it had none); the
   * sidebar always sends it, and the save is refused when the 案 changed since.
   */
  loaded: z.optional(z.strictObject({ version: z.nullable(versionInput), plan: planDraftInput, tasks: taskListInput })),
});
export const decidePlanArgs = z.strictObject({
  caseId, ...decisionInput,
  /** Default: today. */
  decidedOn: z.optional(isoDate),
  requestId,
});
export const reviewPlanArgs = z.strictObject({
  caseId, ...reviewInput,
  /** Default: today. */
  reviewedOn: z.optional(isoDate),
  requestId,
});
export const planPrintArgs = z.strictObject({ ...todayShape, caseId, version: z.optional(versionInput) });
