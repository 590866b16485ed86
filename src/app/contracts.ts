// The arguments every server function accepts, as zod schemas shared with the
// sidebar: whatever crosses from the page to the server is checked here first.
import { TAB } from '../domain/fields';
import { isIsoDate } from '../domain/normalize';
import { activityRecordInput, caseRecordInput } from '../domain/schema';
import * as z from '../domain/zod';

const isoDate = z.string().check(z.refine(isIsoDate, { message: '日付は 2024-04-01 の形で指定してください。' }));

const todayShape = {
  /** The day rules treat as today (tests and the CLI's --today); default: today in Asia/Tokyo. */
  today: z.optional(isoDate),
};

export const prepareArgs = z.strictObject({ ...todayShape });
export const standardizeArgs = z.strictObject({
  ...todayShape,
  sheetName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
});
export const checkArgs = z.strictObject({
  ...todayShape,
  /** Whether to mark problem cells on the sheet (the menu does; a dry check does not). */
  mark: z._default(z.boolean(), true),
});

/** Sent with every save, so a double click or a retried call saves once. */
const requestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '送信IDの形が正しくありません。' }));

export const sidebarStateArgs = z.strictObject({ ...todayShape });
export const saveCaseArgs = z.strictObject({
  ...todayShape,
  record: caseRecordInput,
  /** The ケースID of the case being edited; absent for a new case. */
  editing: z.optional(z.string().check(z.maxLength(20))),
  requestId,
});
export const saveActivityArgs = z.strictObject({ ...todayShape, record: activityRecordInput, requestId });
export const selectCellArgs = z.strictObject({
  sheet: z.enum([TAB.cases, TAB.activities, TAB.meetings]),
  row: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  /** The column's header text, as a problem names it. */
  column: z.string().check(z.minLength(1), z.maxLength(100)),
});

export class ArgumentError extends Error {}

/** Parses an endpoint's argument or throws a Japanese message naming what is wrong. */
export function parseArgs<S extends z.ZodMiniType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.join('.') || '引数'}: ${i.message}`).join(' / ');
  throw new ArgumentError(`指定された内容を読み取れませんでした（${details}）。`);
}
