// The sheet tabs as an ARIA tablist: click, or arrow keys / Home / End, to switch.
export type ChooseHandler = (name: string) => void;

function tabs(list: HTMLElement): HTMLButtonElement[] {
  return [...list.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
}

export function initTabs(list: HTMLElement, onChoose: ChooseHandler): void {
  list.addEventListener('click', (event) => {
    const tab = (event.target as Element).closest<HTMLButtonElement>('[role="tab"]');
    if (tab) onChoose(tab.textContent ?? '');
  });
  list.addEventListener('keydown', (event) => {
    const all = tabs(list);
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: all.length - 1 }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    const tab = all[(next + all.length) % all.length]!;
    tab.focus();
    onChoose(tab.textContent ?? '');
  });
}

/** Shows `names` with `current` selected; the panel is labelled by the selected tab. */
export function renderTabs(list: HTMLElement, panel: HTMLElement, names: readonly string[], current: string): void {
  if (tabs(list).map((tab) => tab.textContent).join('\n') !== names.join('\n')) {
    list.replaceChildren(...names.map((name, i) => {
      const tab = document.createElement('button');
      tab.type = 'button';
      tab.id = `tab-${i}`;
      tab.setAttribute('role', 'tab');
      tab.setAttribute('aria-controls', panel.id);
      tab.textContent = name;
      return tab;
    }));
  }
  for (const tab of tabs(list)) {
    const selected = tab.textContent === current;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    if (selected) panel.setAttribute('aria-labelledby', tab.id);
  }
}
