// The sidebar by keyboard alone, in Chromium: Tab / Shift-Tab / Enter / Space /
// arrows reach and work every step of a new case, the focus is always visible
// and goes where the person needs it (the error summary, back to the field,
// the question and back, the 保存 button after a save), and nothing traps it.
// What a screen reader needs is checked on the way: the 和暦 read with its
// date, errors tied to their fields, and results in live regions.
import type { Page, Route } from 'playwright-core';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';
import { openDemoPreview, type DemoPreview, savedWorkbook } from './demoPreview';
import { openSidebarPage, SIDEBAR_WIDTH } from './sidebarStates';

let session: DemoPreview;
let page: Page;

beforeAll(async () => {
  session = await openDemoPreview();
  page = await openSidebarPage(session, SIDEBAR_WIDTH);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** The focused element as a person would name it: its label, or its text, and whether the focus can be seen. */
function focused(): Promise<{ name: string; tag: string; visible: boolean }> {
  return page.evaluate(() => {
    const e = document.activeElement as HTMLElement | null;
    if (!e || e === document.body) return { name: '', tag: 'body', visible: false };
    const input = e as HTMLInputElement;
    const label = input.labels?.[0]?.textContent ?? e.getAttribute('aria-label') ?? e.textContent ?? '';
    const style = getComputedStyle(e);
    const ring = (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    return { name: label.trim(), tag: e.tagName.toLowerCase(), visible: ring };
  });
}

/** Tab presses since the counter was last reset: the walk of a whole case is counted. */
let tabStops = 0;

/** Presses Tab (or Shift+Tab) until the element named `name` has the focus; every stop on the way shows its focus. */
async function tabTo(name: string | RegExp, key: 'Tab' | 'Shift+Tab' = 'Tab'): Promise<void> {
  for (let i = 0; i < 150; i++) {
    await page.keyboard.press(key);
    tabStops++;
    const now = await focused();
    expect({ ...now, visible: now.tag === 'body' || now.visible }).toEqual({ ...now, visible: true });
    if (typeof name === 'string' ? now.name === name : name.test(await groupOfFocus())) return;
  }
  throw new Error(`${key} never reached 「${String(name)}」`);
}

/** Picks an option of the focused select with the arrow keys. */
async function arrowTo(option: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    const text = await page.evaluate(() => { const s = document.activeElement as HTMLSelectElement; return s.selectedOptions[0]?.textContent ?? ''; });
    if (text === option) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached 「${option}」`);
}

/** The legend of the checkbox group holding the focus, or ''. */
const groupOfFocus = (): Promise<string> => page.evaluate(() => document.activeElement?.closest('fieldset.checks')?.querySelector('legend')?.textContent ?? '');

/** Moves with the arrow keys inside the focused checkbox group to the box named `name`. */
async function arrowToBox(name: string): Promise<void> {
  for (let i = 0; i < 40; i++) {
    if ((await focused()).name === name) return;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`the arrow keys never reached 「${name}」`);
}

const activeId = (): Promise<string> => page.evaluate(() => document.activeElement?.id ?? '');

async function caseRows(): Promise<number> {
  return lastRowWithContent(findSheet(await savedWorkbook(session), '共通シート')!);
}

describe('the sidebar by keyboard alone', () => {
  it('moves between the views with the arrow keys, and Tab goes into the view', async () => {
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ name: 'ケース', visible: true });
    await page.keyboard.press('ArrowRight');
    expect(await focused()).toMatchObject({ name: '支援記録' });
    await expect(page.getByRole('tab', { name: '支援記録', selected: true }).count()).resolves.toBe(1);
    await page.keyboard.press('End');
    expect((await focused()).name).toBe(await page.getByRole('tab').last().textContent());
    await page.keyboard.press('Home');
    expect(await focused()).toMatchObject({ name: 'ケース' });
    await tabTo('新規ケース');
  });

  it('asks before throwing away typed text, with the focus on やめる; Esc goes back to the button pressed', async () => {
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ name: '本人氏名', tag: 'input' });
    await page.keyboard.type('鍵盤 太郎');
    await tabTo('新規ケース', 'Shift+Tab');
    await page.keyboard.press('Enter');
    const question = page.getByRole('alertdialog');
    await question.waitFor();
    expect(await focused()).toMatchObject({ name: 'やめる', visible: true });
    await page.keyboard.press('Escape');
    await question.waitFor({ state: 'hidden' });
    expect(await focused()).toMatchObject({ name: '新規ケース' });
    await expect(page.getByLabel('本人氏名', { exact: true }).inputValue()).resolves.toBe('鍵盤 太郎');
  });

  it('takes a refused save to the error summary, and each message back to its field', async () => {
    await tabTo('保存');
    // From the bottom of the form, the summary comes into view below the sticky tab bar, not under it.
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.keyboard.press('Enter');
    expect(await activeId()).toBe('case-error-summary');
    const [summaryTop, barBottom] = await page.evaluate(() => [
      document.getElementById('case-error-summary')!.getBoundingClientRect().top, document.getElementById('tabs')!.getBoundingClientRect().bottom]);
    expect(summaryTop).toBeGreaterThanOrEqual(barBottom);
    await expect(page.getByRole('alert').filter({ hasText: '保存できません' }).count()).resolves.toBe(1);
    await page.keyboard.press('Tab');
    expect(await focused()).toMatchObject({ name: '受付日が空欄です。入力してください。', visible: true });
    await page.keyboard.press('Enter');
    expect(await focused()).toMatchObject({ name: '受付日', tag: 'input' });
    // A screen reader reads the error with the field, and the field as invalid.
    const date = page.getByLabel('受付日', { exact: true });
    await expect(date.getAttribute('aria-invalid')).resolves.toBe('true');
    const described = await date.evaluate((e) => (e.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    expect(described).toContain('エラー：受付日が空欄です。');
  });

  it('fills a whole case with Tab, typing, arrows and Space, hears the 和暦 with the date, and saves it with Enter', async () => {
    const before = await caseRows();
    tabStops = 0;
    await page.keyboard.type('R6.4.1');
    const date = page.getByLabel('受付日', { exact: true });
    const described = async () => date.evaluate((e) => (e.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '').join(' '));
    await expect(described()).resolves.toContain('令和6年4月1日');
    await tabTo('つなぎ元機関');
    await arrowTo('地域包括支援センター');
    // A checkbox group is one Tab stop; the arrows move inside it, and Tab leaves it.
    await tabTo(/^課題領域/);
    await arrowToBox('介護');
    await page.keyboard.press('Space');
    await tabTo('相談の概要');
    await page.keyboard.type('母の介護と家計の相談');
    await tabTo('つなぎの理由');
    await page.keyboard.type('複数の分野にまたがるため');
    await tabTo('本人同意');
    await arrowTo('あり');
    await tabTo('同意取得日');
    await page.keyboard.type('2024/4/2');
    await tabTo('状態');
    await arrowTo('受付');
    await tabTo('保存');
    expect(tabStops).toBeLessThanOrEqual(40);
    await page.keyboard.press('Enter');
    const saved = page.getByRole('status').filter({ hasText: /ケースID \d{4}-\d{4} を保存しました/ });
    await saved.waitFor();
    // The focus stays on 保存 (the button was disabled while saving), not lost to the page.
    expect(await focused()).toMatchObject({ name: '保存', visible: true });
    expect(await caseRows()).toBe(before + 1);
    const row = findSheet(await savedWorkbook(session), '共通シート')!.cells[before]!;
    expect(row.some((c) => c?.value === '鍵盤 太郎')).toBe(true);
  });

  it('lets Tab and Shift+Tab pass every control of the page: no trap', async () => {
    await page.getByRole('tab', { name: 'ケース' }).focus();
    // Every control a Tab reaches: a checkbox group is one stop (its other boxes have tabindex -1).
    const count = await page.evaluate(() => [...document.querySelectorAll<HTMLElement>('button, input, select, textarea, summary, [tabindex="0"]')]
      .filter((e) => !(e as HTMLButtonElement).disabled && e.offsetParent !== null && e.getAttribute('role') !== 'tab' && e.tabIndex >= 0).length);
    const seen = new Set<string>();
    for (let i = 0; i < count + 5; i++) {
      await page.keyboard.press('Tab');
      seen.add(await page.evaluate(() => { const e = document.activeElement!; return `${e.tagName}#${e.id}|${e.textContent?.slice(0, 20)}`; }));
    }
    expect(seen.size).toBeGreaterThanOrEqual(count);
    await tabTo('ケース', 'Shift+Tab');
  });

  it('keeps the focus in the sidebar while 入力チェック runs: Tab from its tab reaches the run button, which ignores presses', async () => {
    // The check's answer is held until the end, so it is running all along.
    let release = (): void => undefined;
    const held = new Promise<void>((resolve) => { release = resolve; });
    let checks = 0;
    const hold = async (route: Route): Promise<void> => {
      if ((route.request().postDataJSON() as { functionName: string }).functionName === 'checkEntries') {
        checks++;
        await held;
      }
      await route.continue();
    };
    await page.route((url) => url.pathname === '/api/run', hold);
    const tab = page.getByRole('tab', { name: '入力チェック' });
    await tab.click();
    await page.getByRole('button', { name: '入力チェックを実行' }).click();
    await page.waitForFunction(() => document.body.getAttribute('aria-busy') === 'true');
    await tab.focus();
    await page.keyboard.press('Tab');
    const stop = await page.evaluate(() => {
      const e = document.activeElement as HTMLElement | null;
      return { id: e?.id ?? '', inPage: !!e && e !== document.body, shown: !!e && e.checkVisibility() && e.getBoundingClientRect().height > 0 };
    });
    expect(stop).toEqual({ id: 'check-run', inPage: true, shown: true });
    expect(await focused()).toMatchObject({ name: '入力チェックを実行', visible: true });
    await expect(page.locator('#check-run').getAttribute('aria-disabled')).resolves.toBe('true');
    await page.keyboard.press('Enter');
    release();
    await page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');
    await page.unroute((url) => url.pathname === '/api/run', hold);
    expect(checks).toBe(1);
    await expect(page.locator('#check-run').getAttribute('aria-disabled')).resolves.toBeNull();
  });
});
