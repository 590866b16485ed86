// Messages in a modal <dialog> (Escape or OK closes it; the focus goes back
// where it was). ui.alert texts arrive as `title\nprompt`, shown the way
// Sheets shows an alert: the title as the heading, then the prompt. A
// question (ui.prompt, or an alert with a choice) is asked in its own modal
// <dialog> with the buttons Sheets shows; Escape closes it as Sheets' × does.
import type { QuestionRecord } from '../../runtime';
import type { PersonAnswer } from '../types';
const dialog = document.getElementById('message') as HTMLDialogElement;
const heading = document.getElementById('message-title')!;
const body = document.getElementById('message-body')!;
const ok = document.getElementById('message-ok') as HTMLButtonElement;

ok.addEventListener('click', () => dialog.close());

function paragraph(text: string, className = ''): HTMLParagraphElement {
  const element = document.createElement('p');
  element.className = className;
  element.textContent = text;
  return element;
}

function open(title: string, content: readonly HTMLElement[]): void {
  if (dialog.open) dialog.close();
  heading.textContent = title;
  body.replaceChildren(...content);
  const returnTo = document.activeElement;
  dialog.addEventListener('close', () => {
    if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
  }, { once: true });
  dialog.showModal();
  ok.focus();
}

export function showFailure(title: string, message: string): void {
  open(title, [paragraph(message)]);
}

/** One alert under its own title; several (a question, then its result) under the menu item's caption. */
export function showAlerts(caption: string, alerts: readonly string[]): void {
  const parts = alerts.map((alert) => {
    const [title = '', ...prompt] = alert.split('\n');
    return { title, prompt: prompt.join('\n') };
  });
  const [only] = parts;
  if (parts.length === 1 && only) return open(only.title, [paragraph(only.prompt)]);
  open(caption, parts.flatMap(({ title, prompt }) => [paragraph(title, 'alert-title'), paragraph(prompt)]));
}

const questionDialog = document.getElementById('question') as HTMLDialogElement;
const questionTitle = document.getElementById('question-title')!;
const questionPrompt = document.getElementById('question-prompt')!;
const questionText = document.getElementById('question-text') as HTMLInputElement;
const questionButtons = document.getElementById('question-buttons')!;

type Button = NonNullable<PersonAnswer['button']>;
const BUTTONS: Record<string, readonly [Button, string][]> = {
  OK: [['OK', 'OK']],
  OK_CANCEL: [['OK', 'OK'], ['CANCEL', 'キャンセル']],
  YES_NO: [['YES', 'はい'], ['NO', 'いいえ']],
  YES_NO_CANCEL: [['YES', 'はい'], ['NO', 'いいえ'], ['CANCEL', 'キャンセル']],
};

/** Asks the person; resolves with their answer, tied to the question it answers. */
export function askQuestion(question: QuestionRecord): Promise<PersonAnswer> {
  if (questionDialog.open) questionDialog.close();
  questionTitle.textContent = question.title;
  questionPrompt.textContent = question.prompt;
  questionText.value = '';
  questionText.hidden = question.kind !== 'prompt';
  const returnTo = document.activeElement;
  return new Promise((resolve) => {
    let chosen: Button = 'CLOSE';
    const buttons = (BUTTONS[question.buttons] ?? BUTTONS.OK!).map(([value, label]) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = label;
      button.dataset.answer = value;
      button.addEventListener('click', () => {
        chosen = value;
        questionDialog.close();
      });
      return button;
    });
    questionButtons.replaceChildren(...buttons);
    questionDialog.addEventListener('close', () => {
      if (returnTo instanceof HTMLElement && returnTo.isConnected) returnTo.focus();
      resolve({ text: question.kind === 'prompt' ? questionText.value : '', button: chosen, question: `${question.title}\n${question.prompt}` });
    }, { once: true });
    questionDialog.showModal();
    (question.kind === 'prompt' ? questionText : buttons[0]!).focus();
  });
}
