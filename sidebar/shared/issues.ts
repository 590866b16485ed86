// What the shared record schemas say about a form, as issues by field, told
// apart into errors (block a save) and warnings (shown, never blocking).
import type { Severity } from '../../src/domain/validate/problem';

export interface FieldIssue {
  readonly field: string;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

/** The part of a zod issue the page reads; rule issues carry params {code, severity}. */
interface SchemaIssue {
  readonly path: readonly PropertyKey[];
  readonly message: string;
  readonly code?: string;
  readonly params?: unknown;
}

interface SchemaLike {
  safeParse(value: unknown): { success: true } | { success: false; error: { issues: readonly SchemaIssue[] } };
}

function ruleParams(params: unknown): { code: string; severity: Severity } | null {
  if (typeof params !== 'object' || params === null) return null;
  const { code, severity } = params as { code?: unknown; severity?: unknown };
  if (typeof code !== 'string' || (severity !== 'error' && severity !== 'warning')) return null;
  return { code, severity };
}

/** Every issue of a schema issue list; one without rule params (zod's own) is an error. */
export function issuesFromSchema(issues: readonly SchemaIssue[]): FieldIssue[] {
  return issues.map((issue) => {
    const rule = ruleParams(issue.params);
    return {
      field: String(issue.path[0] ?? ''),
      severity: rule?.severity ?? 'error',
      code: rule?.code ?? issue.code ?? 'invalid',
      message: issue.message,
    };
  });
}

export function validateWith(schema: SchemaLike, record: Readonly<Record<string, string>>): FieldIssue[] {
  const result = schema.safeParse(record);
  return result.success ? [] : issuesFromSchema(result.error.issues);
}

export function hasErrors(issues: readonly FieldIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** Errors before warnings, otherwise in the order given. */
export function errorsFirst<T extends { readonly severity: Severity }>(items: readonly T[]): T[] {
  return [...items.filter((i) => i.severity === 'error'), ...items.filter((i) => i.severity !== 'error')];
}

export function issuesByField(issues: readonly FieldIssue[]): Map<string, FieldIssue[]> {
  const byField = new Map<string, FieldIssue[]>();
  for (const issue of issues) byField.set(issue.field, [...(byField.get(issue.field) ?? []), issue]);
  return byField;
}

/**
 * The issues worth showing now. Until a save is tried (or a saved case is
 * loaded), a blank required field is not reported before the user has been
 * in it: a new, empty form should not open covered in red.
 */
export function visibleIssues(issues: readonly FieldIssue[], touched: ReadonlySet<string>, showAll: boolean): FieldIssue[] {
  if (showAll) return [...issues];
  return issues.filter((i) => i.code !== 'required' || touched.has(i.field));
}

export function countBySeverity(issues: readonly FieldIssue[]): { error: number; warning: number } {
  const error = issues.filter((i) => i.severity === 'error').length;
  return { error, warning: issues.length - error };
}
