// Every view of the sidebar in each of its states, as data: the accessibility
// tests walk this list, so a new view is one more entry in SIDEBAR_VIEWS.
// A state is reached by what a person does (open the tab, type, press), on
// the sidebar page served by the local preview.
import type { Locator, Page } from 'playwright-core';
import { previewAddress } from '../../dev/preview/token';
import { todayInTokyo } from '../../src/domain/normalize';
import type { DemoPreview } from './demoPreview';

export type StateName = 'normal' | 'error' | 'empty';

/** From the freshly opened tab (its panel given) to the state. */
export type Arrange = (panel: Locator, page: Page) => Promise<void>;

export interface SidebarView {
  /** What the view is called in reports and screenshot names. */
  readonly name: string;
  /** The tab that shows it. */
  readonly tab: string;
  /** The menu item (its function) that opens the sidebar on the view, when only a menu opens it; run on 共通シート. */
  readonly menu?: string;
  /** On the demo book: the view with data in it. */
  readonly normal: Arrange;
  /** On the demo book: a refused entry, or a call that failed. */
  readonly error: Arrange;
  /** On a book with no data (`init`); just the opened tab unless given. */
  readonly empty?: Arrange;
}

/** The page's own token on another path of the preview. */
export const withToken = (page: Page, path: string): string => {
  const url = new URL(path, page.url());
  url.search = new URL(page.url()).search;
  return url.href;
};

const untilSettled = (page: Page): Promise<unknown> =>
  page.waitForFunction(() => document.body.getAttribute('aria-busy') !== 'true');

/** Every later server call fails, as when the network drops: the view says so in its alert line. */
export const serverFails = (press: string): Arrange => async (panel, page) => {
  await page.route((url) => url.pathname === '/api/run', (route) => route.fulfill({
    status: 200, contentType: 'application/json', body: JSON.stringify({ ok: false, error: 'Exception: network down' }),
  }));
  await panel.getByRole('button', { name: press, exact: true }).click();
  await panel.getByRole('alert').filter({ hasText: 'できませんでした' }).waitFor();
};

/** The first meeting in 会議のあと, loaded. */
async function pickMeeting(panel: Locator): Promise<void> {
  const picker = panel.getByLabel('会議', { exact: true });
  await picker.locator('option').nth(1).waitFor({ state: 'attached' });
  await picker.selectOption({ index: 1 });
  await panel.locator('fieldset.outcome-case').first().waitFor();
}

/**
 * In the プラン view, whose finder offers only cases with consent: a case whose
 * 案 can be edited (an open one), or one refused (a closed one, 終結).
 */
async function pickPlanCase(panel: Locator, consenting: boolean): Promise<void> {
  if (!consenting) {
    await panel.getByLabel('状態で絞り込む', { exact: true }).selectOption('終結');
    await panel.getByText(/件中 1〜/).waitFor();
  }
  const picker = panel.getByLabel('ケース（ケースID・年代・機関）', { exact: true });
  await picker.locator('option').nth(1).waitFor({ state: 'attached' });
  const count = await picker.locator('option').count();
  for (let index = 1; index < count; index += 1) {
    await picker.selectOption({ index });
    await panel.locator('#plan-history h3').waitFor();
    if (await panel.locator('#plan-refusal').isVisible() !== consenting) return;
  }
  throw new Error(`no case in the demo for the ${consenting ? 'editable' : 'refused'} プラン view`);
}

export const SIDEBAR_VIEWS: readonly SidebarView[] = [
  {
    name: 'case', tab: 'ケース',
    normal: async (panel, page) => {
      await page.request.post(withToken(page, '/api/select'), { data: { sheet: '共通シート', range: 'C2' } });
      await panel.getByRole('button', { name: '選択中の行を読み込む' }).click();
      await panel.getByText(/2行目のケース.*を読み込みました/).waitFor();
    },
    error: async (panel) => {
      // A blank new case (the sidebar opens on the selected row's case, if any).
      await panel.getByRole('button', { name: '新規ケース' }).click();
      await panel.getByRole('button', { name: '保存', exact: true }).click();
      await panel.getByRole('alert').filter({ hasText: '保存できません' }).waitFor();
    },
  },
  {
    name: 'activity', tab: '支援記録',
    normal: async (panel, page) => {
      await panel.getByRole('button', { name: '探す', exact: true }).click();
      await untilSettled(page);
      await panel.getByLabel('ケース', { exact: true }).selectOption({ index: 1 });
      await panel.getByLabel('実施日', { exact: true }).fill(todayInTokyo());
    },
    error: async (panel) => {
      await panel.getByRole('button', { name: '記録を保存' }).click();
      await panel.getByRole('alert').filter({ hasText: '保存できません' }).waitFor();
    },
  },
  {
    name: 'check', tab: '入力チェック',
    normal: async (panel) => {
      await panel.getByRole('button', { name: '入力チェックを実行' }).click();
      await panel.locator('ul.problems li').first().waitFor();
    },
    error: serverFails('入力チェックを実行'),
    empty: async (panel) => {
      await panel.getByRole('button', { name: '入力チェックを実行' }).click();
      await panel.getByText('問題は見つかりませんでした。').waitFor();
    },
  },
  {
    name: 'agenda', tab: '会議次第',
    normal: async (panel) => {
      await panel.getByRole('button', { name: '内容を確認' }).click();
      await panel.locator('#agenda-items li').first().waitFor();
    },
    error: async (panel) => {
      await panel.getByLabel('開催日', { exact: true }).fill('12月のどこか');
      await panel.getByLabel('開始時刻').fill('午後');
      await panel.getByRole('button', { name: '内容を確認' }).click();
      await panel.locator('#agenda-date-error').getByText('日付として読めません').waitFor();
    },
  },
  {
    name: 'outcome', tab: '会議次第',
    normal: pickMeeting,
    error: async (panel) => {
      await pickMeeting(panel);
      await panel.getByLabel('次回モニタリング日').first().fill('いつか');
      await panel.getByRole('button', { name: '結果を保存' }).click();
      await panel.getByRole('alert').filter({ hasText: '直す項目があります' }).waitFor();
    },
    empty: async (panel) => {
      await panel.getByText('会議記録に予定の会議がありません').waitFor();
    },
  },
  {
    name: 'counts', tab: '集計',
    normal: async (panel) => {
      await panel.getByRole('button', { name: '集計タブを更新' }).click();
      await panel.getByText(/を作り直しました/).waitFor();
    },
    error: async (panel, page) => {
      await untilSettled(page);
      await serverFails('集計タブを更新')(panel, page);
    },
  },
  {
    name: 'plan', tab: 'プラン',
    normal: async (panel) => {
      await pickPlanCase(panel, true);
      await panel.locator('#plan-editor').getByRole('button', { name: '案を保存' }).waitFor();
    },
    error: async (panel) => {
      await pickPlanCase(panel, false);
      await panel.locator('#plan-refusal').waitFor();
    },
  },

  {
    // Last: the sidebar opened by the menu stays the one /sidebar serves.
    name: 'standardize', tab: '標準化', menu: 'menuStandardize',
    normal: async (panel) => {
      await panel.locator('#standardize-columns').waitFor();
    },
    error: async (panel, page) => {
      // One standard column chosen for two source columns: the add-on refuses the plan, nothing is written.
      const selects = panel.locator('#standardize-columns select');
      const targets = await selects.evaluateAll((all) => all.map((s) => (s as HTMLSelectElement).value));
      const taken = targets.findIndex((to) => to !== 'keep');
      const other = taken === 0 ? 1 : 0;
      await selects.nth(other).selectOption(targets[taken]!);
      await untilSettled(page);
      await selects.nth(taken).selectOption(targets[taken]!);
      await panel.getByRole('alert').filter({ hasText: '標準化の内容を確認できませんでした' }).waitFor();
    },
    empty: async (panel) => {
      await panel.locator('#standardize-columns').waitFor();
    },
  },
];

export const STATES: readonly StateName[] = ['normal', 'error', 'empty'];

/** The width of the sidebar in Sheets (CSS px at 100 %). */
export const SIDEBAR_WIDTH = 300;

/** A new page on the sidebar alone, `width` CSS px wide, its first view loaded. */
export async function openSidebarPage(session: DemoPreview, width: number, deviceScaleFactor = 1): Promise<Page> {
  // A context of its own: axe's frame handling needs one, and each state starts clean.
  const context = await session.browser.newContext({ viewport: { width, height: 900 }, deviceScaleFactor, locale: 'ja-JP' });
  const page = await context.newPage();
  await page.goto(previewAddress(session.preview, '/sidebar'));
  await page.getByRole('tab', { name: 'ケース' }).waitFor();
  await untilSettled(page);
  return page;
}

/** Opens the view's tab and brings it to the state; resolves once no call is running. */
export async function arrange(page: Page, view: SidebarView, state: StateName): Promise<void> {
  if (view.menu) {
    // As staff do it: the tab is open in the sheet, the menu item opens the sidebar on the view.
    await page.request.post(withToken(page, '/api/select'), { data: { sheet: '共通シート', range: 'A1' } });
    const run = await page.request.post(withToken(page, '/api/run'), { data: { functionName: view.menu, args: [] } });
    if (!(await run.json() as { sidebarOpened?: boolean }).sidebarOpened) throw new Error(`${view.menu} did not open the sidebar`);
    await page.reload();
  }
  const tab = page.getByRole('tab', { name: view.tab, exact: true });
  await tab.click();
  const panel = page.locator(`#${await tab.getAttribute('aria-controls')}`);
  await untilSettled(page);
  await (view[state] ?? (async () => undefined))(panel, page);
  await untilSettled(page);
}
