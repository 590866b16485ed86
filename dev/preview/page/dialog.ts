// Messages in a modal <dialog> (Escape or OK closes it; the focus goes back
// where it was). ui.alert texts arrive as `title\nprompt`, shown the way
// Sheets shows an alert: the title as the heading, then the prompt.
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
