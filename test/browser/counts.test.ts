// 月次集計 in the local preview in Chromium: the menu rebuilds the tab and the
// page draws its charts (targets, 途中, breakdowns and durations on the tab); the sidebar's 集計 view rebuilds a chosen year,
// downloads the CSV and switches the daily update.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { fiscalYearOf, todayInTokyo } from '../../src/domain/normalize';
import { openDemoPreview, type DemoPreview, savedWorkbook } from './demoPreview';

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;
const current = fiscalYearOf(todayInTokyo());

beforeAll(async () => {
  session = await openDemoPreview({ acceptDownloads: true, viewport: { width: 1400, height: 960 } });
  ({ page } = session);
});

afterAll(async () => {
  await session?.close();
});

const menu = () => page.getByRole('group', { name: '多機関協働' });

describe('月次集計 in the preview', () => {
  it('rebuilds this year from the menu and shows the tab with its charts, described for screen readers', async () => {
    await menu().getByRole('button', { name: '月次集計を更新' }).click();
    // The year is asked, as in Sheets; left blank, this year is counted.
    const question = page.getByRole('dialog', { name: '月次集計を更新' });
    const year = question.getByRole('textbox', { name: /集計する年度を入力してください/ });
    await year.waitFor();
    await expect(year.evaluate((input) => input === document.activeElement)).resolves.toBe(true);
    await question.getByRole('button', { name: 'OK' }).click();
    const dialog = page.getByRole('dialog', { name: '月次集計を更新' });
    await dialog.getByText('作り直しました').waitFor();
    await expect(dialog.textContent()).resolves.toContain(`タブ「集計_${current}年度」に作り直しました`);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('tab', { name: `集計_${current}年度`, selected: true }).waitFor();
    const charts = page.getByRole('region', { name: 'このタブのグラフ' });
    const column = charts.getByRole('figure', { name: new RegExp(`^新規相談（つなぎ元分野別）${current}年度`) });
    const line = charts.getByRole('figure', { name: new RegExp(`^月末の継続ケース ${current}年度`) });
    const lifeAreas = charts.getByRole('figure', { name: new RegExp(`^課題領域（${current}年度の新規相談）`) });
    await column.waitFor();
    await expect(column.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent())).resolves.toMatch(/^縦棒グラフ（積み上げ）。4月：高齢 \d+、障害/);
    expect(await column.locator('svg rect').count()).toBeGreaterThan(0);
    expect(await line.locator('svg polyline').count()).toBe(1);
    await expect(line.locator('.legend').textContent()).resolves.toBe('月末の継続ケース');
    await expect(lifeAreas.getAttribute('aria-describedby').then((id) => page.locator(`#${id}`).textContent())).resolves.toMatch(/^横棒グラフ。病気・医療：件数 \d+。こころの問題：件数 \d+。/);
    expect(await lifeAreas.locator('svg rect').count()).toBeGreaterThan(0);
    // The demo's targets and this month in progress, as a manager reads them on the tab.
    const grid = page.getByRole('table').first();
    await expect(grid.textContent()).resolves.toMatch(/目標.*達成率/);
    await expect(grid.textContent()).resolves.toContain('（途中）');
    await expect(grid.textContent()).resolves.toContain('受付から同意までの日数の中央値は');
    // That note is one long line: as in Sheets it runs on over the empty cells to its right instead of stopping at its column.
    const note = grid.locator('td', { hasText: '受付から同意までの日数の中央値は' });
    const [shown, own] = await note.evaluate((td) => [(td.firstElementChild ?? td).getBoundingClientRect().width, td.getBoundingClientRect().width]);
    expect(shown).toBeGreaterThan(own! * 2);
    await page.getByRole('tab', { name: '共通シート' }).click();
    await charts.waitFor({ state: 'hidden' });

    if (process.env.SCREENSHOTS_DIR) {
      mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
      await page.getByRole('tab', { name: `集計_${current}年度` }).click();
      await column.waitFor();
      await page.screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'counts.png') });
      await lifeAreas.scrollIntoViewIfNeeded();
      await charts.screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'counts-charts.png') });
    }
  });

  it('rebuilds a chosen year from the sidebar, downloads its CSV, and switches the daily update', async () => {
    await menu().getByRole('button', { name: 'サイドバーを開く' }).click();
    sidebar = page.frameLocator('iframe[title="サイドバー"]');
    await sidebar.getByRole('tab', { name: '集計' }).click();
    const year = sidebar.getByLabel('年度');
    await expect(year.inputValue()).resolves.toBe(String(current));
    await year.selectOption(String(current - 1));
    await sidebar.getByRole('button', { name: '集計タブを更新' }).click();
    await sidebar.getByText(`タブ「集計_${current - 1}年度」を作り直しました`).waitFor();
    await page.getByRole('tab', { name: `集計_${current - 1}年度` }).waitFor();

    const [download] = await Promise.all([page.waitForEvent('download'), sidebar.getByRole('button', { name: 'CSV を保存' }).click()]);
    expect(download.suggestedFilename()).toMatch(new RegExp(`^集計_${current - 1}年度_\\d{8}\\.csv$`));
    const bytes = readFileSync((await download.path())!);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.toString('utf8')).toContain('\r\n項目,4月,5月');
    // Where the sandbox blocks the download, the same text is there to copy.
    await sidebar.getByText('保存できなかったとき（CSV の内容をコピー）').click();
    await expect(sidebar.getByLabel(/すべて選択/).inputValue()).resolves.toBe(bytes.toString('utf8').replace(/^\uFEFF/, '').replace(/\r\n/g, '\n'));

    await expect(sidebar.locator('#counts-daily-state').textContent()).resolves.toMatch(/^未設定/);
    if (process.env.SCREENSHOTS_DIR) await page.locator('iframe[title="サイドバー"]').screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'counts-sidebar.png') });
    await sidebar.getByRole('button', { name: '自動更新を設定' }).click();
    await sidebar.getByText('毎日の自動更新を設定しました。').waitFor();
    await expect(sidebar.locator('#counts-daily-state').textContent()).resolves.toMatch(/^設定済み/);
    expect((await savedWorkbook(session)).triggers).toHaveLength(1);
    await sidebar.getByRole('button', { name: '自動更新を解除' }).click();
    await sidebar.getByText('毎日の自動更新を解除しました。').waitFor();
    expect((await savedWorkbook(session)).triggers).toEqual([]);
  });
});
