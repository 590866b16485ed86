// The arguments every server function accepts, as zod schemas shared with the
// sidebar: whatever crosses from the page to the server is checked here first.
import { z } from '../domain/zod';
import { isIsoDate } from '../domain/normalize';


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

export class ArgumentError extends Error {}

/** Parses an endpoint's argument or throws a Japanese message naming what is wrong. */
export function parseArgs<S extends z.ZodMiniType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const details = result.error.issues.map((i) => `${i.path.join('.') || '引数'}: ${i.message}`).join(' / ');
  throw new ArgumentError(`指定された内容を読み取れませんでした（${details}）。`);
}
