// The local preview in Debian's Chromium: a person enters and fixes cases in
// the sidebar and sees the sheet change. Set SCREENSHOTS_DIR to also save the
// README's screenshots from this run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';
import { openDemoPreview, openSidebar, type DemoPreview, savedWorkbook } from './demoPreview';

const XSS = '<img src=x onerror=alert(1)>';

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;

beforeAll(async () => {
  // Made for today: the sidebar checks dates against the real clock.
  session = await openDemoPreview();
  ({ page } = session);
  sidebar = await openSidebar(page);
  await sidebar.getByRole('button', { name: '新規ケース' }).waitFor();
});

afterAll(async () => {
  await session?.close();
});

async function caseRows(): Promise<number> {
  const model = await savedWorkbook(session);
  return lastRowWithContent(findSheet(model, '共通シート')!);
}

const field = (label: string) => sidebar.getByLabel(label, { exact: true });

async function startNewCase(): Promise<void> {
  await sidebar.getByRole('tab', { name: 'ケース' }).click();
  await sidebar.getByRole('button', { name: '新規ケース' }).click();
  const discard = sidebar.getByRole('button', { name: '変更を破棄して続ける' });
  if (await discard.isVisible()) await discard.click();
}

/** Everything a new case needs except what the test is about. */
async function fillCase(values: { consent?: string; summary?: string; receivedOn?: string }): Promise<void> {
  await field('受付日').fill(values.receivedOn ?? '令和6年4月1日');
  await field('つなぎ元機関').selectOption('地域包括支援センター');
  await field('本人氏名').fill('試験 花子');
  await field('本人氏名カナ').fill('しけん はなこ');
  await sidebar.getByRole('group', { name: '課題領域' }).getByLabel('介護', { exact: true }).check();
  await field('相談の概要').fill(values.summary ?? '母の介護と家計の相談');
  await field('つなぎの理由').fill('複数の分野にまたがるため');
  if (values.consent) await field('本人同意').selectOption(values.consent);
  if (values.consent === 'あり') await field('同意取得日').fill('2024/4/2');
  await field('状態').selectOption('受付');
}

describe('the sidebar in the local preview', () => {
  it('saves a case typed with a 和暦 date as a row with the ISO date and a new ケースID', async () => {
    await startNewCase();
    const before = await caseRows();
    await fillCase({ consent: 'あり', summary: XSS });
    await field('状態').focus();
    await sidebar.locator('#receivedOn-wareki').filter({ hasText: '令和6年4月1日' }).waitFor();
    await expect(field('受付日').inputValue()).resolves.toBe('2024-04-01');
    await sidebar.getByRole('button', { name: '保存', exact: true }).click();
    const saved = sidebar.getByText(/ケースID \d{4}-\d{4} を保存しました/);
    await saved.waitFor();
    const caseId = /(\d{4}-\d{4})/.exec((await saved.textContent()) ?? '')![1]!;
    expect(caseId).toMatch(/^2024-\d{4}$/);

    expect(await caseRows()).toBe(before + 1);
    const model = await savedWorkbook(session);
    const row = findSheet(model, '共通シート')!.cells[before]!;
    expect(row[0]!.value).toBe(caseId);
    expect(row[1]!.value).toEqual(new Date('2024-04-01T00:00:00+09:00'));

    const table = page.getByRole('table', { name: '共通シート' });
    const shown = table.getByRole('row').filter({ hasText: caseId });
    await shown.waitFor();
    await expect(shown.textContent()).resolves.toContain('2024-04-01');
  });

  it('shows 相談の概要 like <img onerror> as text, and runs nothing', async () => {
    const table = page.getByRole('table', { name: '共通シート' });
    await table.getByRole('cell', { name: XSS }).first().waitFor();
    await expect(field('相談の概要').inputValue()).resolves.toBe(XSS);
    expect(await page.locator('img').count()).toBe(0);
    expect(await sidebar.locator('img').count()).toBe(0);
    expect(session.dialogs).toEqual([]);
  });

  it('refuses to save without 本人同意 and says so beside the field', async () => {
    await startNewCase();
    const before = await caseRows();
    await fillCase({});
    await sidebar.getByRole('button', { name: '保存', exact: true }).click();
    await expect(sidebar.locator('#consent-error').textContent()).resolves.toContain('本人同意が空欄です。入力してください。');
    await expect(sidebar.locator('#case-error-summary').textContent()).resolves.toContain('保存できません。次の項目を直してください。');
    expect(await caseRows()).toBe(before);
  });

  it('says a 重層的支援会議 needs consent when 本人同意 is なし', async () => {
    await startNewCase();
    await fillCase({ consent: 'なし' });
    await field('次回会議種別').selectOption('重層的支援会議');
    await field('次回会議予定日').fill('2026-12-10');
    await field('状態').focus();
    await expect(sidebar.locator('#nextMeetingType-error').textContent())
      .resolves.toContain('「重層的支援会議」は本人同意が必要な会議ですが、本人同意が「あり」ではありません。');
  });

  it('finds a case for a 支援記録 by its ケースID on the server, and saves the record for it', async () => {
    // The プラン view has a finder with the same labels: only the 支援記録 panel's fields are meant.
    const inActivity = (label: string) => sidebar.locator('#panel-activity').getByLabel(label, { exact: true });
    const model = await savedWorkbook(session);
    const cases = findSheet(model, '共通シート')!;
    const caseId = String(cases.cells[1]![0]!.value);
    await sidebar.getByRole('tab', { name: '支援記録' }).click();
    await sidebar.getByText(/^\d+件中 1〜\d+件/).waitFor(); // the first page of open cases, without asking
    await inActivity('状態で絞り込む').selectOption('all');
    await inActivity('ケースID（一部でも可）').fill(caseId);
    await inActivity('ケースID（一部でも可）').press('Enter');
    await sidebar.getByText(/^[12]件中 1〜[12]件/).waitFor(); // one case, or two when the demo planted a duplicate ID
    await inActivity('ケース').selectOption(caseId);
    await inActivity('実施日').fill('2024-04-10');
    await inActivity('種別').selectOption('同行支援');
    await inActivity('内容').fill('窓口へ同行');
    const before = lastRowWithContent(findSheet(model, '支援記録')!);
    await sidebar.getByRole('button', { name: '記録を保存' }).click();
    await sidebar.getByText(/支援記録 R\d{4}-\d{5} を保存しました/).waitFor();
    const saved = findSheet(await savedWorkbook(session), '支援記録')!;
    expect(lastRowWithContent(saved)).toBe(before + 1);
    expect(saved.cells[before]![1]!.value).toBe(caseId);
  });

  it('selects the cell of a problem when its button is clicked', async () => {
    await sidebar.getByRole('tab', { name: '入力チェック' }).click();
    await sidebar.getByRole('button', { name: '入力チェックを実行' }).click();
    const results = sidebar.getByRole('region', { name: '入力チェックの結果' });
    const first = results.getByRole('listitem').first();
    await first.waitFor();
    const place = (await first.locator('.place').textContent()) ?? '';
    const [, sheet, row, letter] = /^(\S+) (\d+)行目・.*（([A-Z]+)列）$/.exec(place)!;
    await first.getByRole('button', { name: 'セルを選択' }).click();
    await page.locator('#selection').filter({ hasText: `${letter}${row}` }).waitFor();
    await expect(page.getByRole('tab', { name: sheet, selected: true }).count()).resolves.toBe(1);

    if (process.env.SCREENSHOTS_DIR) {
      mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
      await page.screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'preview.png') });
      await sidebar.getByRole('tab', { name: 'ケース' }).click();
      await page.locator('iframe[title="サイドバー"]').screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'sidebar.png') });
    }
  });
});
