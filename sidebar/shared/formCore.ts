// What the case form and the 支援記録 form share: their controls, the record
// they make, and live validation with the shared schema, shown beside each field.
import type { FieldDef } from '../../src/domain/fields';
import { controlSpecOf, type ControlSpec } from './controlSpec';
import { reveal } from './dom';
import { createControl, type ControlOptions, type FieldControl } from './fieldControls';
import type { ErrorSummary } from './errorSummary';
import { errorsFirst, hasErrors, issuesByField, validateWith, visibleIssues, type FieldIssue } from './issues';
import { buildRecord } from './record';
import type { Settings } from '../../src/domain/settings';

type Schema = Parameters<typeof validateWith>[0];

export interface FormCoreOptions {
  readonly fields: readonly FieldDef[];
  readonly settings: Settings;
  /** Element ids are `${idPrefix}${key}`. */
  readonly idPrefix: string;
  /** Values of fields that have no control (ケースID, 最終更新 …). */
  readonly fixedValues: () => Readonly<Record<string, string>>;
  /** After each validation, with the issues now shown. */
  readonly onShown?: (shown: readonly FieldIssue[]) => void;
  /** After any value changed. */
  readonly onChange?: (key: string) => void;
}

export class FormCore {
  readonly controls = new Map<string, FieldControl>();
  private readonly touched = new Set<string>();
  private showAll = false;
  private schema: Schema | null = null;

  constructor(private readonly options: FormCoreOptions) {}

  useSchema(schema: Schema): void {
    this.schema = schema;
  }

  control(key: string, extra: Partial<Omit<ControlOptions, 'id' | 'onInput' | 'onLeave'>> = {}, spec?: ControlSpec): FieldControl {
    const field = this.options.fields.find((f) => f.key === key);
    if (!field) throw new Error(`sidebar: unknown field ${key}`);
    const control = createControl(field, spec ?? controlSpecOf(field, this.options.settings), {
      ...extra,
      id: `${this.options.idPrefix}${key}`,
      onInput: () => { this.options.onChange?.(key); this.validate(); },
      onLeave: () => { this.touched.add(key); this.validate(); },
    });
    this.controls.set(key, control);
    return control;
  }

  get(key: string): string {
    return this.controls.get(key)?.get() ?? '';
  }

  set(key: string, value: string): void {
    this.controls.get(key)?.set(value);
  }

  record(): Record<string, string> {
    const fixed = this.options.fixedValues();
    return buildRecord(this.options.fields, (key) => this.controls.get(key)?.get() ?? fixed[key]);
  }

  /** Every control set from a record (blank when absent). */
  fill(record: Readonly<Record<string, string>>, showAll: boolean): void {
    for (const [key, control] of this.controls) control.set(record[key] ?? '');
    this.touched.clear();
    this.showAll = showAll;
    this.validate();
  }

  /** From now on every issue is shown, blank required fields included (after a save is tried). */
  revealAll(): void {
    this.showAll = true;
  }

  /** Runs the schema on the form and shows what it says; returns every issue. */
  validate(): FieldIssue[] {
    if (!this.schema) return [];
    const issues = validateWith(this.schema, this.record());
    this.show(visibleIssues(issues, this.touched, this.showAll));
    return issues;
  }

  /** Shows issues beside their fields (the server's, after a refused save). */
  show(issues: readonly FieldIssue[]): void {
    const byField = issuesByField(issues);
    for (const [key, control] of this.controls) control.showIssues(byField.get(key) ?? []);
    this.options.onShown?.(issues);
  }

  /** Issues in the order their fields stand in the form (as a person reads it, not the sheet's column order); others last. */
  inFormOrder<T extends { readonly field: string }>(issues: readonly T[]): T[] {
    const keys = [...this.controls.keys()];
    const place = (issue: T): number => {
      const index = keys.indexOf(issue.field);
      return index < 0 ? keys.length : index;
    };
    return [...issues].sort((a, b) => place(a) - place(b));
  }

  focusField(key: string): boolean {
    const control = this.controls.get(key);
    if (!control) return false;
    reveal(control.element);
    control.element.scrollIntoView?.({ block: 'center' });
    control.focus();
    return true;
  }

  /** Before a save: every field's issues shown; with an error the summary lists the errors and the save stops (false). */
  readyToSave(summary: ErrorSummary): boolean {
    this.revealAll();
    const issues = this.validate();
    if (hasErrors(issues)) {
      summary.show(this.errorsInOrder(issues));
      return false;
    }
    summary.hide();
    return true;
  }

  /** The server refused a save: its findings on their fields, its errors in the summary. */
  showRefusal(summary: ErrorSummary, errors: readonly FieldIssue[], warnings: readonly FieldIssue[]): void {
    const issues = errorsFirst([...errors, ...warnings]);
    this.show(issues);
    summary.show(this.errorsInOrder(issues));
  }

  private errorsInOrder(issues: readonly FieldIssue[]): FieldIssue[] {
    return this.inFormOrder(issues.filter((i) => i.severity === 'error'));
  }
}
