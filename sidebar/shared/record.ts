// The record a form sends: every field of its tab keyed by field key, as text.
import type { FieldDef } from '../../src/domain/fields';

export function buildRecord(fields: readonly FieldDef[], read: (key: string) => string | undefined): Record<string, string> {
  return Object.fromEntries(fields.map((f) => [f.key, read(f.key) ?? '']));
}

/** Whether two records hold the same text in every field. */
export function sameRecord(a: Readonly<Record<string, string>>, b: Readonly<Record<string, string>>): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].every((k) => (a[k] ?? '') === (b[k] ?? ''));
}
