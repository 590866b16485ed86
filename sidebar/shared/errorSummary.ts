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
      element.focus({ preventScroll: true });
      scrollBelowTabBar(element);
    },
    hide() {
      element.hidden = true;
      fill(list);
    },
  };
}

/** Scrolls `element` into view below the sticky tab bar, which would otherwise cover it (at 200 % the bar is static). */
function scrollBelowTabBar(element: HTMLElement): void {
  const bar = document.querySelector<HTMLElement>('[role=tablist]');
  const covered = bar && getComputedStyle(bar).position === 'sticky' ? bar.getBoundingClientRect().bottom : 0;
  const { top, bottom } = element.getBoundingClientRect();
  if (top < covered || bottom > window.innerHeight) window.scrollBy(0, top - covered - 8);
}
