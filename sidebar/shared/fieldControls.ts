// One labelled control per field: text, text area, date (shown back as
// YYYY-MM-DD with its 和暦), number, select, or a group of checkboxes. Each
// has its help text and an issue line (#<id>-error) linked by aria-describedby;
// a select, the line that shows its chosen option whole when it is cut off.
import type { FieldDef } from '../../src/domain/fields';
import { joinList, normalizeKana, splitList } from '../../src/domain/normalize';
import { chosenText } from './chosenText';
import type { ControlSpec } from './controlSpec';
import { describeDate } from './dateText';
import { fill, h } from './dom';
import type { FieldIssue } from './issues';

export interface FieldControl {
  readonly field: FieldDef;
  /** The wrapper: label, control, issues and help. */
  readonly element: HTMLElement;
  get(): string;
  set(value: string): void;
  focus(): void;
  showIssues(issues: readonly FieldIssue[]): void;
  setRequired(required: boolean): void;
  /** Replaces the choices of a select (values and the text shown for each). */
  setChoices(values: readonly string[], labels?: readonly string[]): void;
}

export interface ControlOptions {
  /** The element id of the control; its parts are `<id>-error`, `<id>-hint`, `<id>-wareki`. */
  readonly id: string;
  /** The visible label; the field's header unless given. */
  readonly label?: string;
  /** Help text in place of the field's own. */
  readonly help?: string;
  /** Called on every change of the value. */
  readonly onInput: () => void;
  /** Called when the user leaves the field. */
  readonly onLeave: () => void;
}

const UNLISTED = '（一覧にない値）';

function issueLine(id: string): HTMLElement {
  return h('div', { id: `${id}-error`, class: 'issues', 'aria-live': 'polite' });
}

function renderIssues(line: HTMLElement, issues: readonly FieldIssue[]): void {
  fill(line, ...issues.map((i) => i.severity === 'error'
    ? h('p', { class: 'issue error' }, `エラー：${i.message}`)
    : h('p', { class: 'issue warning' }, `注意：${i.message}`)));
}

function requiredBadge(required: boolean): HTMLElement {
  return h('span', { class: 'req', hidden: !required }, '必須');
}

function hint(id: string, field: FieldDef, help?: string): HTMLElement {
  return h('p', { id: `${id}-hint`, class: 'hint' }, help ?? field.help);
}

type ValueElement = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

function singleControl(field: FieldDef, spec: ControlSpec, options: ControlOptions): FieldControl {
  const { id } = options;
  const required = field.required === true;
  const describedBy = [`${id}-error`, `${id}-hint`];
  const common = { id, name: id, autocomplete: 'off', 'aria-required': required ? 'true' : null };
  let control: ValueElement;
  let wareki: HTMLElement | null = null;
  const extras: HTMLOptionElement[] = [];

  switch (spec.kind) {
    case 'textarea':
      control = h('textarea', { ...common, rows: 3 });
      break;
    case 'select':
      control = h('select', common);
      break;
    case 'number':
      control = h('input', { ...common, type: 'text', inputmode: 'numeric', class: 'short' });
      break;
    case 'date':
      control = h('input', { ...common, type: 'text', class: 'date', placeholder: '例 R6.4.1' });
      wareki = h('span', { id: `${id}-wareki`, class: 'wareki' });
      describedBy.unshift(`${id}-wareki`);
      break;
    case 'checks':
    case 'text':
      control = h('input', { ...common, type: 'text' });
      break;
  }
  control.setAttribute('aria-describedby', describedBy.join(' '));

  const showWareki = (): void => {
    if (wareki) fill(wareki, describeDate(control.value)?.wareki ?? '');
  };
  const normalizeDate = (): void => {
    const date = describeDate(control.value);
    if (date) control.value = date.iso;
    showWareki();
  };
  const setChoices = (values: readonly string[], labels: readonly string[] = values): void => {
    if (!(control instanceof HTMLSelectElement)) return;
    const current = control.value;
    extras.splice(0);
    control.replaceChildren(
      h('option', { value: '' }, '（未選択）'),
      ...values.map((v, i) => h('option', { value: v }, labels[i] ?? v)));
    control.value = values.includes(current) ? current : '';
  };
  if (spec.kind === 'select') setChoices(spec.options, spec.labels);

  const setValue = (value: string): void => {
    if (control instanceof HTMLSelectElement) {
      for (const extra of extras.splice(0)) extra.remove();
      const known = [...control.options].some((o) => o.value === value);
      if (!known) {
        // A value not in today's list (an agency since renamed …) is kept, not lost, and validation says so.
        const extra = h('option', { value }, `${value}${UNLISTED}`);
        extras.push(extra);
        control.append(extra);
      }
    }
    control.value = value;
    if (spec.kind === 'date') normalizeDate();
  };

  control.addEventListener('input', () => { showWareki(); options.onInput(); });
  control.addEventListener('change', options.onInput);
  // カナ becomes full-width katakana as the person leaves the field, as the help says, not only on save.
  const normalizeKanaField = (): void => {
    const kana = normalizeKana(control.value);
    if (kana !== control.value) {
      control.value = kana;
      options.onInput();
    }
  };
  control.addEventListener('blur', () => {
    if (spec.kind === 'date') normalizeDate();
    if (field.type === 'kana') normalizeKanaField();
    options.onLeave();
  });

  const badge = requiredBadge(required);
  const errors = issueLine(id);
  const element = h('div', { class: 'field', id: `${id}-field` },
    h('div', { class: 'head' }, h('label', { for: id }, options.label ?? field.header), badge),
    wareki ? h('div', { class: 'date-row' }, control, wareki) : control,
    control instanceof HTMLSelectElement ? chosenText(control) : null,
    errors,
    hint(id, field, options.help));

  return {
    field, element,
    get: () => control.value,
    set: setValue,
    focus: () => control.focus(),
    showIssues: (issues) => {
      renderIssues(errors, issues);
      control.setAttribute('aria-invalid', String(issues.some((i) => i.severity === 'error')));
    },
    setRequired: (on) => {
      badge.hidden = !on;
      control.setAttribute('aria-required', String(on));
    },
    setChoices,
  };
}

function checkboxGroup(field: FieldDef, values: readonly string[], options: ControlOptions): FieldControl {
  const { id } = options;
  const boxes = h('div', { class: 'options' });
  const checkboxes: HTMLInputElement[] = [];
  let extras: HTMLElement[] = [];

  // One Tab stop per group, the arrow keys inside it (the ARIA pattern for a group): a list of 20
  // agencies is one stop, not 20. The stop is the first checked box, else the first.
  const rove = (to: HTMLInputElement | undefined): void => { for (const b of checkboxes) b.tabIndex = b === to ? 0 : -1; };
  const resetStop = (): void => rove(checkboxes.find((b) => b.checked) ?? checkboxes[0]);
  const STEPS: Readonly<Record<string, number>> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };
  const addBox = (value: string, unlisted: boolean): HTMLInputElement => {
    const boxId = `${id}-${checkboxes.length}`;
    const box = h('input', { type: 'checkbox', id: boxId, value });
    box.addEventListener('change', options.onInput);
    box.addEventListener('blur', options.onLeave);
    box.addEventListener('focus', () => rove(box));
    box.addEventListener('keydown', (event) => {
      const at = checkboxes.indexOf(box);
      const step = STEPS[event.key];
      const next = step !== undefined ? checkboxes[(at + step + checkboxes.length) % checkboxes.length]
        : event.key === 'Home' ? checkboxes[0] : event.key === 'End' ? checkboxes.at(-1) : undefined;
      if (!next) return;
      event.preventDefault();
      next.focus();
    });
    const label = h('label', { for: boxId, class: 'option' }, box, unlisted ? `${value}${UNLISTED}` : value);
    checkboxes.push(box);
    boxes.append(label);
    if (unlisted) extras.push(label);
    return box;
  };
  for (const value of values) addBox(value, false);
  resetStop();

  const badge = requiredBadge(field.required === true);
  const errors = issueLine(id);
  const element = h('fieldset', { class: 'field checks', id, 'aria-describedby': `${id}-error ${id}-hint` },
    h('legend', {}, options.label ?? field.header),
    badge, boxes, errors, hint(id, field, options.help));

  return {
    field, element,
    get: () => joinList(checkboxes.filter((b) => b.checked).map((b) => b.value)),
    set: (value) => {
      for (const extra of extras) {
        const box = extra.querySelector('input');
        checkboxes.splice(checkboxes.indexOf(box as HTMLInputElement), 1);
        extra.remove();
      }
      extras = [];
      const items = splitList(value);
      for (const box of checkboxes) box.checked = items.includes(box.value);
      for (const item of items) {
        if (!checkboxes.some((b) => b.value === item)) addBox(item, true).checked = true;
      }
      resetStop();
    },
    focus: () => (checkboxes.find((b) => b.checked) ?? checkboxes[0])?.focus(),
    showIssues: (issues) => {
      renderIssues(errors, issues);
      const invalid = issues.some((i) => i.severity === 'error');
      element.classList.toggle('invalid', invalid);
      for (const box of checkboxes) box.setAttribute('aria-invalid', String(invalid));
    },
    setRequired: (on) => { badge.hidden = !on; },
    setChoices: () => undefined,
  };
}

export function createControl(field: FieldDef, spec: ControlSpec, options: ControlOptions): FieldControl {
  return spec.kind === 'checks' ? checkboxGroup(field, spec.options, options) : singleControl(field, spec, options);
}

/**
 * A labelled read-only value (ケースID, 最終更新, 更新者), with an optional note
 * under it: a term and its description, wrapping at any zoom (an input would
 * cut a long 更新者 off) and no stop for the Tab key.
 */
export function readOnlyField(id: string, label: string): { element: HTMLElement; set(value: string, note?: string): void } {
  const note = h('p', { id: `${id}-hint`, class: 'hint' });
  const value = h('span', { id, class: 'readonly' });
  const element = h('dl', { class: 'field', id: `${id}-field` },
    h('dt', { class: 'head' }, label), h('dd', {}, value, note));
  return {
    element,
    set: (text, help = '') => {
      fill(value, text);
      fill(note, help);
      note.hidden = help === '';
    },
  };
}
