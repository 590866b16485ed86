// An inline question before unsaved changes are thrown away (the sidebar
// should not rely on window.confirm inside Apps Script's frame).
import { button, fill, h } from './dom';

export interface Confirmation {
  readonly element: HTMLElement;
  ask(question: string, yes: string, onYes: () => void): void;
  hide(): void;
}

/** `id` names the question's element; each form has its own. */
export function createConfirmation(id = 'confirm'): Confirmation {
  const element = h('div', { class: 'confirm', role: 'alertdialog', 'aria-modal': 'false', 'aria-labelledby': `${id}-text`, hidden: true });
  const hide = (): void => { element.hidden = true; fill(element); };
  return {
    element,
    hide,
    ask(question, yes, onYes) {
      const back = button('やめる', hide);
      fill(element,
        h('p', { id: `${id}-text` }, question),
        h('div', { class: 'actions' }, button(yes, () => { hide(); onYes(); }, { class: 'danger' }), back));
      element.hidden = false;
      back.focus();
    },
  };
}
