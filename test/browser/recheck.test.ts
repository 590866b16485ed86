// The sidebar after a save, in Chromium: the saved row is checked again (not
// the whole book) and its new problem shows in 入力チェック; and at 200 % on
// a short window the tab bar and the 保存 bar leave the form most of the height.
import type { Page } from 'playwright-core';
import { todayInTokyo } from '../../src/domain/normalize';
import { openDemoPreview, type DemoPreview } from './demoPreview';
import { openSidebarPage, SIDEBAR_WIDTH, withToken } from './sidebarStates';

const TODAY = todayInTokyo();
let session: DemoPreview;
let page: Page;
/** The server functions the page called, in order. */
const called: string[] = [];

beforeAll(async () => {
  session = await openDemoPreview();
  page = await openSidebarPage(session, SIDEBAR_WIDTH);
  page.on('request', (request) => {
    if (new URL(request.url()).pathname === '/api/run') called.push((request.postDataJSON() as { functionName: string }).functionName);
  });
}, 120_000);

afterAll(async () => {
  await session?.close();
});

const field = (label: string) => page.locator('#panel-case').getByLabel(label, { exact: true });

describe('after a save', () => {
  it('checks the saved row again, not the whole book, and lists its new problem', async () => {
    await page.request.post(withToken(page, '/api/select'), { data: { sheet: '共通シート', range: 'C3' } });
    await page.getByRole('button', { name: '選択中の行を読み込む' }).click();
    const loaded = page.getByText(/3行目のケース.*を読み込みました/);
    await loaded.waitFor();
    const caseId = /\d{4}-\d{4,5}/.exec((await loaded.textContent()) ?? '')![0];
    // No space between 姓 and 名: saved, with a 注意 (name_not_split).
    await field('本人氏名').fill('試験花子');
    await field('本人氏名カナ').fill('シケンハナコ');
    called.length = 0;
    await page.locator('#panel-case').getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(`ケースID ${caseId} を保存しました`).waitFor();
    const summary = page.locator('#check-summary');
    await summary.filter({ hasText: `保存したケース ${caseId} の行を確かめました` }).waitFor({ state: 'attached' });
    expect(called).toContain('recheckSaved');
    expect(called).not.toContain('checkEntries');

    await page.getByRole('tab', { name: '入力チェック' }).click();
    const group = page.locator('#check-results .group').filter({ has: page.getByRole('heading', { name: `ケース ${caseId}` }) });
    await expect(group.getByText('姓と名の間に空白がありません').count()).resolves.toBe(1);
    await expect(summary.textContent()).resolves.toMatch(/ブック全体は「入力チェックを実行」で確かめます.*注意 [1-9]/);
  });

  it('checks a saved 支援記録 again, keeping the case\'s problem found before in the list', async () => {
    await page.getByRole('tab', { name: '支援記録' }).click();
    const activity = (label: string) => page.locator('#panel-activity').getByLabel(label, { exact: true });
    const picker = activity('ケース');
    await picker.locator('option').nth(1).waitFor({ state: 'attached' });
    await picker.selectOption({ index: 1 });
    await page.locator('#activity-record-for').filter({ hasText: /\d{4}-\d{4}/ }).waitFor();
    await activity('実施日').fill(TODAY);
    await activity('種別').selectOption('同行支援');
    await activity('内容').fill('同行して手続きを支援');
    called.length = 0;
    await page.getByRole('button', { name: '記録を保存' }).click();
    const saved = await page.getByText(/^支援記録 R\d{4}-\d{5} を保存しました/).textContent();
    const id = /R\d{4}-\d{5}/.exec(saved!)![0];
    await page.locator('#check-summary').filter({ hasText: `保存した支援記録 ${id} の行を確かめました` }).waitFor({ state: 'attached' });
    expect(called).toContain('recheckSaved');
    expect(called).not.toContain('checkEntries');
    await expect(page.locator('#check-results').getByText('姓と名の間に空白がありません').count()).resolves.toBe(1);
  });
});

/** The height between the sticky tab bar and the sticky 保存 bar, halfway down the case form, as a share of the window. */
async function formShare(): Promise<number> {
  await page.getByRole('tab', { name: 'ケース' }).click();
  return page.evaluate(() => {
    window.scrollTo(0, (document.documentElement.scrollHeight - innerHeight) / 2);
    const tabs = document.getElementById('tabs')!.getBoundingClientRect();
    const footer = document.querySelector('#panel-case .footer')!.getBoundingClientRect();
    const top = Math.min(Math.max(tabs.bottom, 0), innerHeight);
    const bottom = Math.max(Math.min(footer.top, innerHeight), 0);
    return (bottom - top) / innerHeight;
  });
}

describe('at 200 % on a short window', () => {
  afterAll(async () => {
    await page.setViewportSize({ width: SIDEBAR_WIDTH, height: 900 });
  });

  it('lets the tab bar and the 保存 bar scroll away, so the form has most of the height', async () => {
    // A window 800 px high at 200 %: 400 CSS px; the sidebar 600 px wide: 300.
    await page.setViewportSize({ width: 300, height: 400 });
    expect(await formShare()).toBeGreaterThanOrEqual(0.6);
  });

  it('keeps them in view at 100 %', async () => {
    await page.setViewportSize({ width: SIDEBAR_WIDTH, height: 900 });
    await formShare();
    const tabs = await page.locator('#tabs').boundingBox();
    expect(tabs!.y).toBeLessThanOrEqual(3); // stuck to the top, under the 3 px busy bar at most
  });
});
