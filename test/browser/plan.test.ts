// The sidebar's «プラン» view in the local preview in Chromium: a consenting
// case gets a 案 with tasks added, reordered and removed, saved into the .xlsx;
// a case without consent is refused with the reason; no name in the picker.
// Then a CSW's whole lifecycle: a new consenting case, its 案, 決定 at a
// 重層的支援会議, its first review, a 見直し, the person's printed copy, and
// the 集計 counting it. Set SCREENSHOTS_DIR to also save the README's
// screenshots (plan-*.png) from this run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { generateDemo } from '../../dev/demo/generate';
import { findSheet, lastRowWithContent, type CellValue } from '../../dev/runtime/model';
import { addDays } from '../../src/domain/calendar/days';
import { CASE_FIELDS } from '../../src/domain/fields';
import { fiscalYearOf, todayInTokyo } from '../../src/domain/normalize';
import { openDemoPreview, openSidebar, type DemoPreview, savedWorkbook } from './demoPreview';

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
  sidebar = await openSidebar(page);
  await sidebar.getByRole('tab', { name: 'プラン' }).click();
});

afterAll(async () => {
  await session?.close();
});

const planPanel = () => sidebar.getByRole('tabpanel', { name: '支援プラン' });
const editor = () => sidebar.locator('#plan-editor');

/** Finds a case in the プラン view's finder by its ID and opens it. */
async function pickCase(caseId: string): Promise<void> {
  await planPanel().getByLabel('ケースID（一部でも可）').fill(caseId);
  await planPanel().getByRole('button', { name: '探す' }).click();
  const picker = sidebar.getByLabel('ケース（ケースID・年代・機関）');
  await picker.locator(`option[value="${caseId}"]`).waitFor({ state: 'attached' });
  await picker.selectOption(caseId);
}

describe('the プラン view', () => {
  it('finds consenting cases without names, and drafts a 案 with tasks added, reordered and removed', async () => {
    const consenting = String(withoutPlan('あり')[0]);
    await pickCase(consenting);
    const options = await sidebar.getByLabel('ケース（ケースID・年代・機関）').locator('option').allTextContents();
    for (const row of demo.cases) expect(options.join('\n')).not.toContain(String(row[at('personName')]));
    await sidebar.getByText('まだプランはありません。').waitFor();
    await editor().getByLabel('短期目標', { exact: true }).fill('通所に慣れる');
    await editor().getByLabel('次回評価日', { exact: true }).fill('2027-02-01');
    for (const [owner, content] of [['本人', '見学に行く'], ['地域包括支援センター', '介護保険の申請を手伝う'], ['家族', '送迎する']] as const) {
      await sidebar.getByRole('button', { name: '役割を追加' }).click();
      const n = await sidebar.locator('#plan-tasks > li').count();
      await sidebar.getByLabel(`役割${n}の担当`, { exact: true }).selectOption(owner);
      await sidebar.getByLabel(`役割${n}の支援内容`).fill(content);
    }
    await sidebar.getByRole('button', { name: '役割1を下へ' }).click();
    await sidebar.getByRole('button', { name: '役割3を削除' }).click();
    await sidebar.getByRole('button', { name: '案を保存' }).click();
    await sidebar.getByText(`ケース${consenting}の第1版の案を保存しました。`).waitFor();
    await sidebar.locator('#plan-history').getByText('第1版（案）').waitFor();

    const model = await savedWorkbook(session);
    const rows = (tab: string) => {
      const sheet = findSheet(model, tab)!;
      return sheet.cells.slice(1, lastRowWithContent(sheet)).map((r) => (r ?? []).map((c) => c?.value ?? '')).filter((r) => r[0] === consenting);
    };
    expect(rows('支援プラン').map((r) => [r[1], r[2], r[9]])).toEqual([[1, '案', '通所に慣れる']]);
    expect(rows('役割分担').map((r) => [r[3], r[5], r[8]])).toEqual([['地域包括支援センター', '介護保険の申請を手伝う', '未着手'], ['本人', '見学に行く', '未着手']]);
  });

  it('does not offer a case whose 本人同意 is not あり: a plan never comes before consent', async () => {
    const notConsenting = String(demo.cases.find((c) => c[at('consent')] === '確認中' && !c[at('planOn')])![0]);
    await planPanel().getByLabel('ケースID（一部でも可）').fill(notConsenting);
    await planPanel().getByRole('button', { name: '探す' }).click();
    await planPanel().getByText('条件に合うケースがありません。').waitFor();
    expect(await sidebar.getByLabel('ケース（ケースID・年代・機関）').locator(`option[value="${notConsenting}"]`).count()).toBe(0);
    expect(session.dialogs).toEqual([]);
  });
});

const shots = process.env.SCREENSHOTS_DIR;
const dayOf = (value: CellValue | undefined): string =>
  value instanceof Date ? value.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }) : String(value ?? '');

async function tab(name: string): Promise<string[][]> {
  const sheet = findSheet(await savedWorkbook(session), name);
  // Array.from, because the model's rows and cells are sparse.
  return sheet ? Array.from(sheet.cells.slice(0, lastRowWithContent(sheet)), (row) => Array.from(row ?? [], (c) => dayOf(c?.value))) : [];
}

/**
 * The preview runs on the real clock, and a plan is decided no earlier than
 * its 案 was written (today): so every meeting step happens at today's
 * 重層的支援会議, whose 「会議のあと」 is loaded again after each save.
 */
describe('a CSW takes a new consenting case from 案 to 決定, review and 見直し', () => {
  const today = todayInTokyo();
  const fiscalYear = fiscalYearOf(today);
  const field = (label: string) => sidebar.getByLabel(label, { exact: true });
  let caseId = '';
  let meetingId = '';
  let before: Map<string, string>;
  let agenda: Locator;
  let item: Locator;

  /** The 合計 of the plan rows of the 集計 tab, rebuilt from the sidebar's 集計 view. */
  async function planCounts(): Promise<Map<string, string>> {
    await sidebar.getByRole('tab', { name: '集計' }).click();
    await sidebar.getByLabel('年度').selectOption(String(fiscalYear));
    await sidebar.getByRole('button', { name: '集計タブを更新' }).click();
    await sidebar.getByText(`タブ「集計_${fiscalYear}年度」を作り直しました`).waitFor();
    const rows = await tab(`集計_${fiscalYear}年度`);
    const total = rows.find((r) => r[0] === '項目')!.indexOf('合計');
    return new Map(rows.filter((r) => /プラン.*（件）/.test(r[0] ?? '')).map((r) => [r[0]!.trim(), r[total]!]));
  }

  async function loadMeeting(): Promise<void> {
    await sidebar.getByRole('tab', { name: '会議次第' }).click();
    await agenda.getByLabel('会議', { exact: true }).selectOption(meetingId);
    await agenda.getByRole('button', { name: '読み込む' }).click();
    item = agenda.locator('fieldset.outcome-case').filter({ has: sidebar.locator('legend', { hasText: caseId }) });
    await item.waitFor();
  }

  async function saveOutcome(): Promise<void> {
    await agenda.getByRole('button', { name: '結果を保存' }).click();
    await agenda.getByText(`プランも記録しました（${caseId}の第1版の`).waitFor();
  }

  const planRows = async () => (await tab('支援プラン')).filter((r) => r[0] === caseId);
  const taskRows = async () => (await tab('役割分担')).filter((r) => r[0] === caseId);

  beforeAll(async () => {
    agenda = sidebar.getByRole('tabpanel', { name: '会議次第' });
    before = await planCounts();
  });

  it('registers a new case with consent, waiting for today\'s 重層的支援会議', async () => {
    await sidebar.getByRole('tab', { name: 'ケース' }).click();
    await sidebar.getByRole('button', { name: '新規ケース' }).click();
    await field('受付日').fill(addDays(today, -20));
    await field('つなぎ元機関').selectOption('地域包括支援センター');
    await field('本人氏名').fill('試験 花子');
    await field('本人氏名カナ').fill('しけん はなこ');
    await sidebar.getByRole('group', { name: '課題領域' }).getByLabel('介護', { exact: true }).check();
    await field('相談の概要').fill('母の介護と家計の相談');
    await field('つなぎの理由').fill('複数の分野にまたがるため');
    await field('本人同意').selectOption('あり');
    await field('同意取得日').fill(addDays(today, -10));
    await field('状態').selectOption('アセスメント中');
    await field('次回会議種別').selectOption('重層的支援会議');
    await field('次回会議予定日').fill(today);
    await sidebar.getByRole('button', { name: '保存', exact: true }).click();
    const saved = sidebar.getByText(/ケースID \d{4}-\d{4} を保存しました/);
    await saved.waitFor();
    caseId = /(\d{4}-\d{4})/.exec((await saved.textContent()) ?? '')![1]!;
  });

  it('drafts the 案 in the プラン view', async () => {
    await sidebar.getByRole('tab', { name: 'プラン' }).click();
    await pickCase(caseId);
    await sidebar.getByText('まだプランはありません。').waitFor();
    await editor().getByLabel('短期目標', { exact: true }).fill('介護サービスを使い始め、家計の見通しを立てる');
    await editor().getByLabel('本人の意向', { exact: true }).fill('母の介護を続けながら働きたい');
    await editor().getByLabel('次回評価日', { exact: true }).fill(addDays(today, 30));
    for (const [owner, content, frequency] of [['地域包括支援センター', '介護保険の申請を手伝う', '申請まで週1回'], ['本人', '家計簿をつける', '毎日']] as const) {
      await sidebar.getByRole('button', { name: '役割を追加' }).click();
      const n = await sidebar.locator('#plan-tasks > li').count();
      await sidebar.getByLabel(`役割${n}の担当`, { exact: true }).selectOption(owner);
      await sidebar.getByLabel(`役割${n}の支援内容`).fill(content);
      await sidebar.getByLabel(`役割${n}の頻度`).fill(frequency);
    }
    await sidebar.getByRole('button', { name: '案を保存' }).click();
    await sidebar.getByText(`ケース${caseId}の第1版の案を保存しました。`).waitFor();
    expect((await planRows()).map((r) => [r[1], r[2]])).toEqual([['1', '案']]);
  });

  it('puts the case with its 案 on the agenda of today\'s 重層的支援会議', async () => {
    await sidebar.getByRole('tab', { name: '会議次第' }).click();
    await agenda.getByLabel('会議種別', { exact: true }).selectOption('重層的支援会議');
    await agenda.getByLabel('開催日', { exact: true }).fill(today);
    await agenda.getByRole('button', { name: '内容を確認' }).click();
    await agenda.locator('#agenda-items li').filter({ hasText: caseId }).waitFor();
    await agenda.getByRole('button', { name: '次第を作成' }).click();
    await agenda.getByText(`タブ「次第_${today}_重層的支援会議」を作成しました`).waitFor();
    meetingId = (await tab('会議記録')).find((r) => r[1] === '重層的支援会議' && r[2] === today)![0]!;
  });

  it('decides the 案 in 会議のあと: 決定日 and 決定会議ID are the meeting\'s, and the case moves to 支援中', async () => {
    await loadMeeting();
    await expect(item.getByRole('group', { name: 'プランについて' }).textContent()).resolves.not.toContain('評価する');
    await item.getByLabel('第1版の案を決定する').check();
    await expect(item.locator('.plan-decide').textContent()).resolves.toContain('地域包括支援センター — 介護保険の申請を手伝う（申請まで週1回） — 未着手');
    await expect(item.getByLabel('次回評価日', { exact: true }).inputValue()).resolves.toBe(addDays(today, 30));
    await item.getByLabel('本人への説明').selectOption('会議に出席');
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await item.scrollIntoViewIfNeeded();
      await page.locator('iframe[title="サイドバー"]').screenshot({ path: join(shots, 'plan-decide.png') });
    }
    await saveOutcome();
    const [plan] = await planRows();
    expect([plan![2], plan![13], plan![14], plan![15]]).toEqual(['決定', today, meetingId, '会議に出席']);
    const row = (await tab('共通シート')).find((r) => r[0] === caseId)!;
    const at = (header: string) => row[CASE_FIELDS.findIndex((f) => f.header === header)];
    expect([at('状態'), at('プラン作成日'), at('次回モニタリング日')]).toEqual(['支援中', today, addDays(today, 30)]);
  });

  it('records the first review (継続) with each task\'s 実施状況', async () => {
    await loadMeeting();
    await item.getByLabel('第1版（決定）を評価する').check();
    await item.getByLabel('達成度').selectOption('一部達成');
    await item.getByLabel('評価の方針').selectOption('継続');
    await item.getByLabel('評価メモ').fill('申請は済んだ。家計簿は続いている。');
    await item.getByLabel('次回評価日（継続のとき）').fill(addDays(today, 60));
    await item.getByLabel(/^役割1の実施状況/).selectOption('実施済');
    await item.getByLabel(/^役割2の実施状況/).selectOption('実施中');
    if (shots) {
      await item.locator('.plan-review').scrollIntoViewIfNeeded();
      await page.locator('iframe[title="サイドバー"]').screenshot({ path: join(shots, 'plan-review.png') });
    }
    await saveOutcome();
    const [plan] = await planRows();
    expect([plan![2], plan![12], plan![16], plan![17], plan![18]]).toEqual(['決定', addDays(today, 60), today, '一部達成', '継続']);
    expect((await taskRows()).map((r) => r[8])).toEqual(['実施済', '実施中']);
  });

  it('refuses a review without 達成度, in Japanese beside the field, before sending', async () => {
    await loadMeeting();
    await item.getByLabel('第1版（決定）を評価する').check();
    await item.getByLabel('評価の方針').selectOption('見直し');
    await agenda.getByRole('button', { name: '結果を保存' }).click();
    await item.getByText('達成度を達成・一部達成・変化なし・悪化から選んでください。').waitFor();
    await expect(item.getByLabel('達成度').evaluate((e) => e === document.activeElement)).resolves.toBe(true);
  });

  it('records a 見直し: version 2 opens as 案 with the tasks copied, back to 未着手', async () => {
    await item.getByLabel('達成度').selectOption('変化なし');
    await saveOutcome();
    expect((await planRows()).map((r) => [r[1], r[2], r[18]])).toEqual([['1', '決定', '見直し'], ['2', '案', '']]);
    expect((await taskRows()).map((r) => [r[1], r[5], r[8]])).toEqual([
      ['1', '介護保険の申請を手伝う', '実施済'], ['1', '家計簿をつける', '実施中'],
      ['2', '介護保険の申請を手伝う', '未着手'], ['2', '家計簿をつける', '未着手'],
    ]);
    await sidebar.getByRole('tab', { name: 'プラン' }).click();
    await sidebar.getByLabel('ケース（ケースID・年代・機関）').selectOption(caseId);
    await sidebar.locator('#plan-history').getByText('第2版（案）').waitFor();
    await sidebar.getByText('第2版の案を直す').waitFor();
  });

  it('prints the person\'s copy: the tab プラン_<ケースID> with the name and the line to sign', async () => {
    const cases = await tab('共通シート');
    await page.getByRole('tab', { name: '共通シート' }).click();
    const grid = page.getByRole('table', { name: '共通シート' });
    for (let turns = 0; !(await grid.getByRole('cell', { name: caseId, exact: true }).count()); turns += 1) {
      expect(turns).toBeLessThan(Math.ceil(cases.length / 50) + 1);
      await page.getByRole('button', { name: '次のページ' }).click();
    }
    await grid.getByRole('cell', { name: caseId, exact: true }).click();
    await page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: 'プランを印刷用に作成' }).click();
    const dialog = page.getByRole('dialog', { name: 'プランを印刷用に作成' });
    await expect(dialog.textContent()).resolves.toContain(`「プラン_${caseId}」を作成しました（1版・決定）`);
    await dialog.getByRole('button', { name: 'OK' }).click();
    await page.getByRole('tab', { name: `プラン_${caseId}`, selected: true }).waitFor();
    const copy = page.getByRole('table', { name: `プラン_${caseId}` });
    await copy.getByText('試験 花子', { exact: false }).first().waitFor();
    await copy.getByText('このプランについて説明を受け、内容に同意します。', { exact: false }).waitFor();
    if (shots) await page.screenshot({ path: join(shots, 'plan-print.png') });
    const printed = (await tab(`プラン_${caseId}`)).flat().join('\n');
    expect(printed).toContain('母の介護を続けながら働きたい');
    expect(printed).toContain('介護保険の申請を手伝う');
  });

  it('is counted in the 集計 tab: one initial plan decided, and its row reviewed (評価日 counts rows, SPEC §9)', async () => {
    const after = await planCounts();
    const grew = (label: string) => Number(after.get(label)) - Number(before.get(label));
    expect([grew('支援プランの決定（件）'), grew('うち 初回のプラン（件）'), grew('うち 見直したプラン（件）'), grew('支援プランの評価（件）')]).toEqual([1, 1, 0, 1]);
    expect(session.dialogs).toEqual([]);
  });
});

/** 「R9.3.10」: how staff type a date in 和暦. */
const shortWareki = (iso: string): string => `R${Number(iso.slice(0, 4)) - 2018}.${Number(iso.slice(5, 7))}.${Number(iso.slice(8, 10))}`;

describe('a coordinator does the whole plan from the プラン view alone: every §12 field, 決定, 評価, the person\'s copy', () => {
  const today = todayInTokyo();
  const SECRET = '妻による経済的虐待の疑い。本人には伝えない（内部メモ）';
  const target = demo.cases.filter((c) => c[at('consent')] === 'あり' && c[at('status')] === 'アセスメント中'
    && !demo.plans.some((p) => p[0] === c[0]) && c[at('consentOn')] !== '')[1]!;
  const caseId = String(target[0]);
  const planRow = async () => (await tab('支援プラン')).find((r) => r[0] === caseId && r[1] === '1')!;
  const steps = () => sidebar.locator('#plan-steps');

  it('drafts a complete 案: dates typed in 和暦 are read as the case form reads them', async () => {
    await sidebar.getByRole('tab', { name: 'プラン' }).click();
    await pickCase(caseId);
    await sidebar.getByText('まだプランはありません。').waitFor();
    const typed: [string, string][] = [
      ['作成日', shortWareki(today)], ['本人の意向', '家で母と暮らし続けたい'], ['支援の方向性', '介護と家計を分けて支える'],
      ['長期目標', '安心して暮らす'], ['短期目標', '介護サービスを使い始める'],
      ['プラン期間開始', shortWareki(today)], ['プラン期間終了', `令和${Number(addDays(today, 180).slice(0, 4)) - 2018}年${Number(addDays(today, 180).slice(5, 7))}月${Number(addDays(today, 180).slice(8, 10))}日`],
      ['次回評価日', shortWareki(addDays(today, 30))],
    ];
    for (const [label, value] of typed) await editor().getByLabel(label, { exact: true }).fill(value);
    await editor().getByLabel('作成機関', { exact: true }).selectOption('地域包括支援センター');
    await editor().getByLabel('本人への説明', { exact: true }).selectOption('個別に説明');
    await editor().getByRole('group', { name: '世帯の課題' }).getByLabel('介護', { exact: true }).check();
    await sidebar.getByRole('button', { name: '役割を追加' }).click();
    const task = sidebar.getByRole('group', { name: '役割1' });
    await task.getByLabel('役割1の課題').selectOption('介護');
    await task.getByLabel('役割1の担当', { exact: true }).selectOption('地域包括支援センター');
    await task.getByLabel('役割1の担当者').fill('山本');
    await task.getByLabel('役割1の支援内容').fill('介護保険の申請を手伝う');
    await task.getByLabel('役割1の頻度').fill('週1回');
    await task.getByLabel('役割1の期限').fill(shortWareki(addDays(today, 60)));
    await task.getByLabel('役割1の期限').blur();
    await expect(task.getByLabel('役割1の期限').inputValue()).resolves.toBe(addDays(today, 60));
    // No id twice on the page, and no native date input anywhere in the sidebar.
    const frame = page.frame({ url: /sidebar/ }) ?? page.frames().find((f) => f !== page.mainFrame())!;
    const ids = await frame.evaluate(() => [...document.querySelectorAll('[id]')].map((e) => e.id));
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    expect(await frame.evaluate(() => document.querySelectorAll('input[type="date"]').length)).toBe(0);
    await sidebar.getByRole('button', { name: '案を保存' }).click();
    await sidebar.getByText(`ケース${caseId}の第1版の案を保存しました。`).waitFor();
    const row = await planRow();
    expect([row[3], row[4], row[10], row[11], row[12], row[15]]).toEqual([today, '地域包括支援センター', today, addDays(today, 180), addDays(today, 30), '個別に説明']);
    const [t] = (await tab('役割分担')).filter((r) => r[0] === caseId);
    expect([t![2], t![3], t![4], t![5], t![6], t![7]]).toEqual(['介護', '地域包括支援センター', '山本', '介護保険の申請を手伝う', '週1回', addDays(today, 60)]);
  });

  it('decides it at the desk, saying which plan of which case', async () => {
    await steps().getByLabel('第1版の案を決定する').check();
    await steps().getByRole('button', { name: '決定・評価を記録' }).click();
    await sidebar.getByText(`ケース${caseId}のプランの第1版の決定を記録しました。`).waitFor();
    expect((await planRow())[2]).toBe('決定');
  });

  it('records a review (継続) with a staff note', async () => {
    await steps().getByLabel('第1版（決定）を評価する').check();
    await steps().getByLabel('達成度').selectOption('一部達成');
    await steps().getByLabel('評価の方針').selectOption('継続');
    await steps().getByLabel('評価メモ').fill(SECRET);
    await steps().getByLabel(/^役割1の実施状況/).selectOption('実施中');
    await steps().getByRole('button', { name: '決定・評価を記録' }).click();
    await sidebar.getByText(`ケース${caseId}のプランの第1版の評価を記録しました。`).waitFor();
    expect((await planRow())[17]).toBe('一部達成');
  });

  it('previews and prints the person\'s copy: nothing the paper promises is blank, and never the 評価メモ', async () => {
    await sidebar.getByRole('button', { name: '印刷プレビュー' }).click();
    const preview = sidebar.locator('#plan-paper-preview table');
    await preview.waitFor();
    const text = await preview.innerText();
    expect(text).not.toContain('内部メモ');
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    for (const label of ['作成した機関：地域包括支援センター', 'プランの期間：令和', '次にふりかえる日：令和', '目標の一部を達成できました。', 'このプランを続けます。',
      'ご連絡先', '令和　　年　　月　　日']) expect(text).toContain(label);
    const cells = await preview.locator('tr.item', { hasText: '山本' }).locator('td').allInnerTexts();
    expect(cells).toHaveLength(7);
    for (const cell of cells) expect(cell.trim()).not.toBe('');
    expect(cells[5]).toMatch(/^令和\d+年\d+月\d+日$/);
    await sidebar.getByRole('button', { name: '印刷用に開く' }).click();
    await page.getByRole('dialog', { name: `印刷用：プラン_${caseId}` }).waitFor();
    const printView = page.frameLocator('iframe[title="ダイアログ"]');
    await printView.getByRole('columnheader', { name: 'いつまでに' }).waitFor();
    await page.getByRole('button', { name: 'ダイアログを閉じる' }).click();
    await sidebar.getByRole('button', { name: 'タブを作成' }).click();
    await sidebar.getByText(`ケース${caseId}の本人用のプラン「プラン_${caseId}」を作成しました`).waitFor();
    const printed = (await tab(`プラン_${caseId}`)).flat().join('\n');
    expect(printed).toContain('山本');
    expect(printed).not.toContain('内部メモ');
    expect(session.dialogs).toEqual([]);
  });
});
