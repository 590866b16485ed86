// What one person changed in a form since it was loaded, and where someone
// else changed the same field meanwhile (a lost update, refused rather than
// silently overwritten). Values compare as normalised text (SPEC §5), so
// 令和6年4月1日 and 2024-04-01 are the same date.
import type { FieldDef } from './fields';
import type { RecordText } from './record';
import type { Finding } from './validate/problem';

/** A field changed by this person whose sheet value also changed since the form was loaded. */
export interface EditConflict {
  readonly field: string;
  readonly header: string;
  /** As the form was loaded. */
  readonly loaded: string;
  /** What the sheet holds now (someone else's save). */
  readonly now: string;
  /** What this person typed. */
  readonly yours: string;
}

/** Keys of the fields (system fields aside) whose sent value differs from the loaded one. */
export function changedFields(fields: readonly FieldDef[], loaded: RecordText, sent: RecordText): string[] {
  return fields.filter((f) => !f.system && (sent[f.key] ?? '') !== (loaded[f.key] ?? '')).map((f) => f.key);
}

/** Of the changed fields, those the sheet no longer holds as loaded; the same new value is no conflict. */
export function editConflicts(
  fields: readonly FieldDef[], changed: readonly string[], loaded: RecordText, current: RecordText, sent: RecordText,
): EditConflict[] {
  return fields
    .filter((f) => changed.includes(f.key))
    .filter((f) => (current[f.key] ?? '') !== (loaded[f.key] ?? '') && (current[f.key] ?? '') !== (sent[f.key] ?? ''))
    .map((f) => ({ field: f.key, header: f.header, loaded: loaded[f.key] ?? '', now: current[f.key] ?? '', yours: sent[f.key] ?? '' }));
}

const shown = (value: string): string => value || '（空欄）';

/** 「短期目標：読み込んだとき「…」→ いま「…」」: one field a colleague changed since the form was loaded. */
export const changedSinceLoaded = (header: string, loaded: string, now: string): string =>
  `${header}：読み込んだとき「${shown(loaded)}」→ いま「${shown(now)}」`;

/** A save refused because a colleague changed what it would overwrite; the message says what and ends with why. */
export function changedMeanwhile(field: string, what: string): Finding {
  return { field, code: 'edit_conflict', severity: 'error', message: `${what}。読み込んだあとにほかの方が変更したため、保存しませんでした。` };
}

/** A conflict as the refusal a person reads: the field, what it was when loaded, what a colleague made it, and what they typed. */
export function conflictFinding(conflict: EditConflict): Finding {
  return changedMeanwhile(conflict.field, `${changedSinceLoaded(conflict.header, conflict.loaded, conflict.now)}（あなたの入力「${shown(conflict.yours)}」）`);
}
