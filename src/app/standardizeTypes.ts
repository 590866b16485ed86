// The plan 標準化 shows before it changes anything (SPEC §7, §11 --dry-run):
// shared by the server (previewStandardize), the CLI and the sidebar's
// confirmation view, so all three read and send the same shape.
import * as z from '../domain/zod';

/** One column's mapping the person changed: a source column letter → a standard header, or 'keep' (「そのまま残す」). */
export const columnChoice = z.strictObject({
  column: z.string().check(z.regex(/^[A-Z]{1,3}$/, { message: '列は A、B … の列記号で指定してください。' })),
  to: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
});
export type ColumnChoice = z.infer<typeof columnChoice>;

export interface StandardizeColumnPlan {
  /** The source header as the person reads it (a two-row header as 「受付／受付日」). */
  readonly source: string;
  /** The source column letter. */
  readonly column: string;
  /** A standard header, or 'keep' for a column kept as it is after the standard ones. */
  readonly to: string;
  /** Set when the add-on is unsure (担当, 年齢 …): the person must look at this mapping. */
  readonly question: string | null;
}

export interface StandardizePlan {
  readonly sheet: string;
  /** The sheet row (1-based) of the header; with a two-row header, its lower row. */
  readonly headerRow: number;
  readonly mapping: readonly StandardizeColumnPlan[];
  /** The standard headers a column may be mapped to (the dropdown's choices, besides 'keep'). */
  readonly choices: readonly string[];
  /** Rows that are not cases, left out (kept in the backup), with the reason in Japanese. */
  readonly leftOutRows: readonly { readonly row: number; readonly reason: string }[];
  /** How many values standardising will rewrite (normalised, dates, IDs, merged values filled). */
  readonly rewrites: number;
  /** Two or three rows before → after, for the person to see what will change. */
  readonly examples: readonly {
    readonly row: number;
    readonly cells: readonly { readonly header: string; readonly before: string; readonly after: string }[];
  }[];
  /** Why standardising would be refused now (a protection, the 10 million cells), or null. */
  readonly refusal: string | null;
}
