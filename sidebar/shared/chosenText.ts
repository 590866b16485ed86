// A closed <select> shows its chosen option on one line and cuts off what
// does not fit: 「2026年12月8日（火）・令和8年12月8日 支援会議…」 even in the
// 300 px sidebar, 「地域包括支援センター」 at 200 % zoom (150 px). When the
// chosen text is cut off, the line under the select shows it whole, wrapped.
// A screen reader already reads the whole option as the select's value, so
// the line is hidden from it (aria-hidden) rather than read twice.
import { fill, h } from './dom';

/** What a browser keeps inside a select's padding besides the text: about 20 px in Chromium, for the arrow. */
const ARROW_ROOM = 24;

let measurer: CanvasRenderingContext2D | null = null;

function textWidth(text: string, style: CSSStyleDeclaration): number {
  measurer ??= document.createElement('canvas').getContext('2d');
  if (!measurer) return Infinity;
  measurer.font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
  return measurer.measureText(text).width;
}

function cutOff(select: HTMLSelectElement, text: string): boolean {
  if (select.clientWidth === 0) return false;
  const style = getComputedStyle(select);
  const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - ARROW_ROOM;
  return textWidth(text, style) > room;
}

/** The line to put right after `select`: its chosen option whole, shown while the select cuts it off. */
export function chosenText(select: HTMLSelectElement): HTMLElement {
  const line = h('p', { class: 'chosen', 'aria-hidden': 'true', hidden: true });
  const show = (): void => {
    const text = select.selectedOptions[0]?.textContent?.trim() ?? '';
    fill(line, `選択中：${text}`);
    line.hidden = text === '' || !cutOff(select, text);
  };
  select.addEventListener('input', show);
  select.addEventListener('change', show);
  // Options replaced or renamed, and the select shown, hidden or zoomed.
  new MutationObserver(show).observe(select, { childList: true, subtree: true, characterData: true });
  new ResizeObserver(show).observe(select);
  // Setting .value fires no event: the forms set it when they load a record.
  const own = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!;
  Object.defineProperty(select, 'value', {
    configurable: true,
    get: () => own.get!.call(select),
    set: (value: string) => { own.set!.call(select, value); show(); },
  });
  return line;
}
