// The list at the top of a form when a save is refused: each message is a
// button that takes the user to its field.
import { button, fill, h } from './dom';
import type { FieldIssue } from './issues';

export interface ErrorSummary {
  readonly element: HTMLElement;
  show(issues: readonly FieldIssue[]): void;
  hide(): void;
}

export function createErrorSummary(id: string, focusField: (key: string) => boolean): ErrorSummary {
  const list = h('ul', {});
  const element = h('div', { id, class: 'error-summary', role: 'alert', tabindex: -1, hidden: true },
    h('p', { class: 'title' }, '保存できません。次の項目を直してください。'),
    list);
  return {
    element,
    show(issues) {
      fill(list, ...issues.map((issue) => h('li', {}, issue.field
        ? button(issue.message, () => { focusField(issue.field); }, { class: 'link' })
        : issue.message)));
      element.hidden = false;
      element.scrollIntoView?.({ block: 'nearest' });
      element.focus();
    },
    hide() {
      element.hidden = true;
      fill(list);
    },
  };
}
