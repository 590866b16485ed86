// The tab bar of the three views (WAI-ARIA tabs: arrow keys move between
// tabs, Home/End jump, Tab goes into the panel).
export interface Tabs {
  select(panelId: string, focusTab?: boolean): void;
  onSelect(handler: (panelId: string) => void): void;
}

export function setUpTabs(tablist: HTMLElement): Tabs {
  const tabs = [...tablist.querySelectorAll<HTMLButtonElement>('[role="tab"]')];
  const handlers: ((panelId: string) => void)[] = [];
  const panelOf = (tab: HTMLButtonElement): string => tab.getAttribute('aria-controls') ?? '';

  // The views share the page's scroll bar: each keeps its own position.
  const scrollOf = new Map<string, number>();
  let current = tabs.map(panelOf).find((id) => !document.getElementById(id)?.hidden) ?? '';

  const select = (panelId: string, focusTab = false): void => {
    if (panelId !== current) {
      scrollOf.set(current, window.scrollY);
      current = panelId;
    }
    for (const tab of tabs) {
      const selected = panelOf(tab) === panelId;
      tab.setAttribute('aria-selected', String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(panelOf(tab))?.toggleAttribute('hidden', !selected);
      if (selected && focusTab) tab.focus();
    }
    window.scrollTo(0, scrollOf.get(panelId) ?? 0);
    for (const handler of handlers) handler(panelId);
  };

  for (const tab of tabs) {
    tab.addEventListener('click', () => select(panelOf(tab)));
    tab.addEventListener('keydown', (event) => {
      // A hidden tab (標準化 unless the menu opened it) is skipped.
      const shown = tabs.filter((t) => !t.hidden);
      const index = shown.indexOf(tab);
      const target = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: shown.length - 1 }[event.key];
      if (target === undefined) return;
      event.preventDefault();
      const next = shown[(target + shown.length) % shown.length];
      if (next) select(panelOf(next), true);
    });
  }

  return { select, onSelect: (handler) => { handlers.push(handler); } };
}
