// Staff never lose or overwrite each other's work, in the sidebar of the local
// preview in Chromium: a colleague's save meanwhile is shown, not overwritten;
// a closed sidebar gives the typed case back; a 支援記録 pressed twice is not
// saved twice; outcomes typed after a meeting are not thrown away unasked.
import type { FrameLocator, Page } from 'playwright-core';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';
import type { LoadedCase, SaveResult, SidebarState } from '../../src/app/sidebarTypes';
import { todayInTokyo } from '../../src/domain/normalize';
import { asColleague as colleague, openDemoPreview, openSidebar, savedWorkbook, type DemoPreview } from './demoPreview';

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;
/** The case this run saves from the sidebar (no problems, so every save of it can go through). */
let caseId = '';

const field = (label: string) => sidebar.getByLabel(label, { exact: true });

const asColleague = <T>(functionName: string, arg: unknown): Promise<T> => colleague<T>(session.preview, functionName, arg);

async function showSidebar(): Promise<void> {
  sidebar = await openSidebar(page);
  await sidebar.getByRole('button', { name: '新規ケース' }).waitFor();
}

async function startNewCase(): Promise<void> {
  await sidebar.getByRole('tab', { name: 'ケース' }).click();
  await sidebar.getByRole('button', { name: '新規ケース' }).click();
  const discard = sidebar.getByRole('button', { name: '変更を破棄して続ける' });
  if (await discard.isVisible()) await discard.click();
}

async function fillRestOfCase(): Promise<void> {
  await field('受付日').fill('2024/4/1');
  await field('つなぎ元機関').selectOption('地域包括支援センター');
  await field('本人氏名カナ').fill('しけん たろう');
  await sidebar.getByRole('group', { name: '課題領域' }).getByLabel('介護', { exact: true }).check();
  await field('相談の概要').fill('母の介護の相談');
  await field('つなぎの理由').fill('複数の分野にまたがるため');
  await field('本人同意').selectOption('あり');
  await field('同意取得日').fill('2024/4/2');
  await field('状態').selectOption('受付');
}

beforeAll(async () => {
  session = await openDemoPreview();
  ({ page } = session);
  await showSidebar();
});

afterAll(async () => {
  await session?.close();
});

describe('the case form', () => {
  it('lists what to fix in the order of the form, and says 平成31年5月1日 is 令和元年5月1日', async () => {
    await startNewCase();
    await sidebar.getByRole('button', { name: '保存', exact: true }).click();
    const summary = sidebar.locator('#case-error-summary');
    await summary.waitFor();
    // The form opens with 本人・世帯; the sheet's first column is 受付日.
    await expect(summary.getByRole('listitem').first().textContent()).resolves.toBe('本人氏名が空欄です。入力してください。');
    await field('受付日').fill('平成31年5月1日');
    await field('つなぎ元機関').focus();
    await expect(sidebar.locator('#receivedOn-error').textContent()).resolves.toContain('「令和元年5月1日」');
  });

  it('keeps the typed case as a draft when the sidebar is closed, offers it back, and forgets it once saved', async () => {
    await startNewCase();
    await field('本人氏名').fill('下書き 太郎');
    await sidebar.locator('#case-draft-note').filter({ hasText: '下書きに保存しました' }).waitFor();
    await page.locator('#sidebar-close').click();
    await showSidebar();
    await sidebar.getByText('保存していない入力（新しいケース').waitFor();
    await sidebar.getByRole('button', { name: '下書きを復元' }).click();
    await sidebar.getByText('下書きを復元しました。').waitFor();
    await expect(sidebar.locator('#personName').inputValue()).resolves.toBe('下書き 太郎');
    await fillRestOfCase();
    await sidebar.getByRole('button', { name: '保存', exact: true }).click();
    const saved = sidebar.getByText(/ケースID \d{4}-\d{4} を保存しました/);
    await saved.waitFor();
    caseId = /(\d{4}-\d{4})/.exec((await saved.textContent()) ?? '')![1]!;
    await expect(asColleague<SidebarState>('getSidebarState', {}).then((s) => s.draft)).resolves.toBeNull();
  });

  it('refuses to overwrite a colleague\'s 相談の概要, shows it, and reloads on request', async () => {
    // A colleague loads the same case and adds to 相談の概要 while this form is open.
    const theirs = await asColleague<LoadedCase>('loadSelectedCase', { caseId });
    const colleagueText = '母の介護の相談(虐待の疑い)';
    const saved = await asColleague<SaveResult>('saveCase', {
      record: { ...theirs.record, summary: colleagueText }, loaded: theirs.record, editing: caseId, requestId: 'colleague-0001',
    });
    expect(saved.saved).toBe(true);
    await field('相談の概要').fill('母の介護の相談・再訪問予定');
    await sidebar.getByRole('button', { name: '保存', exact: true }).click();
    await sidebar.getByText('ほかの方が、あなたがこのケースを読み込んだあとに同じ項目を変更したため、保存しませんでした。').waitFor();
    await sidebar.getByText(`相談の概要：読み込んだとき「母の介護の相談」→ いま「${colleagueText}」（あなたの入力「母の介護の相談・再訪問予定」）`).waitFor();
    const model = await savedWorkbook(session);
    const row = findSheet(model, '共通シート')!.cells.find((r) => r?.[0]?.value === caseId)!;
    expect(row.some((c) => c?.value === colleagueText)).toBe(true);
    await sidebar.getByRole('button', { name: '最新の内容を読み込む' }).click();
    await sidebar.getByText(`ケース ${caseId} の最新の内容を読み込みました。`).waitFor();
    await expect(field('相談の概要').inputValue()).resolves.toBe(colleagueText);
  });
});

describe('支援記録', () => {
  it('picks the case of the selected row, requires 種別, and asks before saving the same record twice', async () => {
    const rows = async () => lastRowWithContent(findSheet(await savedWorkbook(session), '支援記録')!);
    const model = await savedWorkbook(session);
    const sheetRow = findSheet(model, '共通シート')!.cells.findIndex((r) => r?.[0]?.value === caseId) + 1;
    await page.evaluate(async (range) => {
      await fetch(`/api/select${location.search}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ sheet: '共通シート', range }) });
    }, `C${sheetRow}`);
    await sidebar.getByRole('tab', { name: '支援記録' }).click();
    const view = sidebar.getByRole('tabpanel', { name: '支援記録' });
    await view.getByRole('button', { name: '選択中の行のケース' }).click();
    await view.getByText(`ケース ${caseId} を選びました。`).waitFor();
    await expect(view.getByLabel('ケース', { exact: true }).inputValue()).resolves.toBe(caseId);

    await view.getByLabel('実施日').fill(todayInTokyo());
    await view.getByRole('button', { name: '記録を保存' }).click();
    await sidebar.locator('#activity-error-summary').getByText('種別が空欄です。入力してください。').waitFor();

    const before = await rows();
    await view.getByLabel('種別').selectOption('参加支援');
    await view.getByRole('button', { name: '記録を保存' }).click();
    await view.getByText(/支援記録 R\d{4}-\d{5} を保存しました/).waitFor();
    await view.getByRole('button', { name: '記録を保存' }).click();
    await view.getByText('このケースには、同じ実施日・同じ種別の支援記録がすでにあります').waitFor();
    await view.getByRole('button', { name: 'やめる' }).click();
    expect(await rows()).toBe(before + 1);
  });
});

describe('会議のあと', () => {
  it('asks before another meeting replaces typed outcomes, and offers no useless retry after a refusal', async () => {
    await sidebar.getByRole('tab', { name: '会議次第' }).click();
    const agenda = sidebar.getByRole('tabpanel', { name: '会議次第' });
    const picker = agenda.getByLabel('会議', { exact: true });
    const options = await picker.locator('option').evaluateAll((all) => all.map((o) => ({ value: (o as HTMLOptionElement).value, text: o.textContent ?? '' })));
    const future = options.filter((o) => o.value && o.text.includes('予定'));
    expect(future.length).toBeGreaterThanOrEqual(2);
    await picker.selectOption(future[0]!.value);
    await agenda.getByLabel('決定事項').waitFor();
    await agenda.getByLabel('開催済').check();
    await agenda.getByRole('button', { name: '結果を保存' }).click();
    const refusal = agenda.getByText(/がまだ来ていないため、「開催済」にできません/);
    await refusal.waitFor();
    expect(await agenda.locator('.status-line').last().textContent()).not.toContain('もう一度');

    await agenda.getByLabel('決定事項').fill('役割分担を確認した。');
    await picker.selectOption(future[1]!.value);
    await agenda.getByText('に入力した結果がまだ保存されていません。').waitFor();
    await agenda.getByRole('button', { name: 'やめる' }).click();
    await expect(picker.inputValue()).resolves.toBe(future[0]!.value);
    await expect(agenda.getByLabel('決定事項').inputValue()).resolves.toBe('役割分担を確認した。');
    await picker.selectOption(future[1]!.value);
    await agenda.getByRole('button', { name: '入力を破棄して読み込む' }).click();
    await expect(picker.inputValue()).resolves.toBe(future[1]!.value);
    await expect(agenda.getByLabel('決定事項').inputValue()).resolves.not.toBe('役割分担を確認した。');
    expect(session.dialogs).toEqual([]);
  });
});
