// The menus onOpen added, as rows of buttons; a separator as a thin line.
import type { MenuRecord } from '../../runtime';

export type RunHandler = (caption: string, functionName: string) => void;

function group(menu: MenuRecord): HTMLElement {
  const box = document.createElement('div');
  box.setAttribute('role', 'group');
  const caption = menu.caption || '拡張機能'; // an add-on menu has no caption of its own
  box.setAttribute('aria-label', caption);
  const label = document.createElement('span');
  label.className = 'caption';
  label.setAttribute('aria-hidden', 'true');
  label.textContent = caption;
  box.append(label);
  for (const entry of menu.items) {
    if (entry.kind === 'item') {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = entry.caption;
      button.dataset.functionName = entry.functionName;
      box.append(button);
    } else if (entry.kind === 'separator') {
      const line = document.createElement('span');
      line.className = 'separator';
      line.setAttribute('role', 'separator');
      line.setAttribute('aria-orientation', 'vertical');
      box.append(line);
    } else {
      box.append(group(entry.menu));
    }
  }
  return box;
}

export function initMenus(nav: HTMLElement, onRun: RunHandler): void {
  nav.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button');
    if (button?.dataset.functionName && button.getAttribute('aria-disabled') !== 'true') {
      onRun(button.textContent ?? '', button.dataset.functionName);
    }
  });
}

/** Rebuilds the buttons only when the menus changed, so a focused button keeps its focus. */
export function renderMenus(nav: HTMLElement, menus: readonly MenuRecord[]): void {
  const signature = JSON.stringify(menus);
  if (nav.dataset.signature === signature) return;
  nav.dataset.signature = signature;
  nav.replaceChildren(...menus.map(group));
}

/** While a call runs the buttons stay focusable (a disabled button would drop the focus) but do nothing. */
export function setMenusBusy(nav: HTMLElement, busy: boolean): void {
  nav.setAttribute('aria-busy', String(busy));
  for (const button of nav.querySelectorAll('button')) button.setAttribute('aria-disabled', String(busy));
}
