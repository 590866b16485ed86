// A button disabled while its call runs drops the keyboard focus to <body>,
// where a keyboard or screen reader user is lost (WCAG 2.4.3). When such a
// button is enabled again and nothing else took the focus meanwhile (an
// error summary, a field), the focus goes back to it.
export function keepFocusOnBusyButtons(root: HTMLElement): void {
  let lastFocused: Element | null = null;
  let parked: HTMLButtonElement | null = null;
  const focusLost = (): boolean => document.activeElement === null || document.activeElement === document.body;

  root.addEventListener('focusin', (event) => {
    lastFocused = event.target as Element;
    parked = null;
  });
  new MutationObserver((records) => {
    for (const { target } of records) {
      if (!(target instanceof HTMLButtonElement)) continue;
      // Chromium moves the focus off a disabled button only when it next draws the page, after this runs.
      if (target.disabled && target === lastFocused) parked = target;
      else if (!target.disabled && target === parked) {
        parked = null;
        if (focusLost() && target.isConnected && !target.hidden) target.focus();
      }
    }
  }).observe(root, { subtree: true, attributes: true, attributeFilter: ['disabled'] });
}
