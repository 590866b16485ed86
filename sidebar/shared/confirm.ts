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
  // The focus goes back where the question was asked from (the button pressed), and Esc means やめる.
  let opener: HTMLElement | null = null;
  const hide = (): void => {
    // Only when the focus was in the question: a click elsewhere (保存) keeps its own focus.
    const focusWasHere = element.contains(document.activeElement);
    element.hidden = true;
    fill(element);
    if (focusWasHere && opener?.isConnected) opener.focus();
    opener = null;
  };
  element.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      hide();
    }
  });
  return {
    element,
    hide,
    ask(question, yes, onYes) {
      opener = document.activeElement instanceof HTMLElement && document.activeElement !== document.body ? document.activeElement : null;
      const back = button('やめる', hide);
      fill(element,
        h('p', { id: `${id}-text` }, question),
        h('div', { class: 'actions' }, button(yes, () => { hide(); onYes(); }, { class: 'danger' }), back));
      element.hidden = false;
      back.focus();
    },
  };
}
