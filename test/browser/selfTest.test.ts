// 「診断」 in the sidebar, in the local preview in Chromium: one press runs
// 自己診断 through google.script.run, lists each check's verdict as text, and
// the result downloads as a CSV Excel reads (UTF-8 with a BOM).
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { openDemoPreview, type DemoPreview } from './demoPreview';

let session: DemoPreview;
let page: Page;

beforeAll(async () => {
  session = await openDemoPreview({ acceptDownloads: true, viewport: { width: 1400, height: 960 } });
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

it('runs 自己診断 from the sidebar and saves its result as CSV', async () => {
  await page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: 'サイドバーを開く' }).click();
  const sidebar = page.frameLocator('iframe[title="サイドバー"]');
  await sidebar.getByRole('tab', { name: '入力チェック' }).click();
  await sidebar.getByRole('button', { name: '診断', exact: true }).click();
  const results = sidebar.locator('#selftest-results li');
  await results.first().waitFor();
  await expect(results.allTextContents()).resolves.toEqual(expect.arrayContaining([
    expect.stringMatching(/^ブック全体のセル数：OK（/),
    expect.stringMatching(/^日付と時刻の書き込みと読み取り：OK（/),
    // The local runtime computes no formula and says so rather than pass (SPEC §13); Sheets answers this one.
    expect.stringMatching(/^空文字を返す数式の読み取り：NG（.*計算結果が保存されていない/),
  ]));
  const [download] = await Promise.all([page.waitForEvent('download'), sidebar.getByRole('button', { name: '結果を CSV で保存' }).click()]);
  expect(download.suggestedFilename()).toBe('自己診断.csv');
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text.startsWith('\uFEFF項目,結果,詳細\r\n')).toBe(true);
  expect(text).toContain('ブック全体のセル数,OK,');
});
