// The sidebar's «プラン» view in the local preview in Chromium: a consenting
// case gets a 案 with tasks added, reordered and removed, saved into the .xlsx;
// a case without consent is refused with the reason; no name in the picker.
import type { FrameLocator, Page } from 'playwright-core';
import { generateDemo } from '../../dev/demo/generate';
import { loadWorkbook } from '../../dev/runtime';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';
import { CASE_FIELDS } from '../../src/domain/fields';
import { openDemoPreview, type DemoPreview } from './demoPreview';

const TODAY = '2026-11-22';
const demo = generateDemo({ cases: 60, seed: 1, today: TODAY });
const at = (key: string) => CASE_FIELDS.findIndex((f) => f.key === key);
const withoutPlan = (consent: string) => demo.cases.find((c) => c[at('consent')] === consent && c[at('status')] === 'アセスメント中'
  && !demo.plans.some((p) => p[0] === c[0]) && c[at('consentOn')] !== '')!;

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;

beforeAll(async () => {
  session = await openDemoPreview({ demoArgs: ['--today', TODAY] });
  ({ page } = session);
  await page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: 'サイドバーを開く' }).click();
  sidebar = page.frameLocator('iframe[title="サイドバー"]');
  await sidebar.getByRole('tab', { name: 'プラン' }).click();
});

afterAll(async () => {
  await session?.close();
});

describe('the プラン view', () => {
  it('lists cases without names, and drafts a 案 with tasks added, reordered and removed', async () => {
    const consenting = String(withoutPlan('あり')[0]);
    const picker = sidebar.getByLabel('ケース（ケースID・年代・機関）');
    await picker.locator(`option[value="${consenting}"]`).waitFor({ state: 'attached' });
    const options = await picker.locator('option').allTextContents();
    for (const row of demo.cases) expect(options.join('\n')).not.toContain(String(row[at('personName')]));
    await picker.selectOption(consenting);
    await sidebar.getByText('まだプランはありません。').waitFor();
    await sidebar.getByLabel('短期目標（必須）').fill('通所に慣れる');
    await sidebar.getByLabel('次回評価日').fill('2027-02-01');
    for (const [owner, content] of [['本人', '見学に行く'], ['地域包括支援センター', '介護保険の申請を手伝う'], ['家族', '送迎する']] as const) {
      await sidebar.getByRole('button', { name: '役割を追加' }).click();
      const n = await sidebar.locator('#plan-tasks > li').count();
      await sidebar.getByLabel(`役割${n}の担当`).selectOption(owner);
      await sidebar.getByLabel(`役割${n}の支援内容`).fill(content);
    }
    await sidebar.getByRole('button', { name: '役割1を下へ' }).click();
    await sidebar.getByRole('button', { name: '役割3を削除' }).click();
    await sidebar.getByRole('button', { name: '案を保存' }).click();
    await sidebar.getByText('1版の案を保存しました。').waitFor();
    await sidebar.getByText('第1版（案）').waitFor();

    const model = await loadWorkbook(session.book);
    const rows = (tab: string) => {
      const sheet = findSheet(model, tab)!;
      return sheet.cells.slice(1, lastRowWithContent(sheet)).map((r) => (r ?? []).map((c) => c?.value ?? '')).filter((r) => r[0] === consenting);
    };
    expect(rows('支援プラン').map((r) => [r[1], r[2], r[9]])).toEqual([[1, '案', '通所に慣れる']]);
    expect(rows('役割分担').map((r) => [r[3], r[5], r[8]])).toEqual([['地域包括支援センター', '介護保険の申請を手伝う', '未着手'], ['本人', '見学に行く', '未着手']]);
  });

  it('refuses a case whose 本人同意 is not あり, with the reason and no form', async () => {
    const notConsenting = String(demo.cases.find((c) => c[at('consent')] === '確認中' && !c[at('planOn')])![0]);
    await sidebar.getByLabel('ケース（ケースID・年代・機関）').selectOption(notConsenting);
    await expect(sidebar.locator('#plan-refusal').textContent()).resolves.toContain('本人同意が「確認中」のため、プランは作れません。');
    expect(await sidebar.getByRole('button', { name: '案を保存' }).count()).toBe(0);
    expect(session.dialogs).toEqual([]);
  });
});
