// Whose 支援記録 a save writes, in the preview's sidebar: the 支援記録 view
// follows the case open in ケース, names that person beside 記録を保存, and
// picks no 対象 for them in the link offer. A case picked earlier never stays
// chosen once another case is opened.
import type { FrameLocator, Page } from 'playwright-core';
import { findSheet } from '../../dev/runtime/model';
import { isClosedStatus } from '../../src/domain/fields';
import { todayInTokyo } from '../../src/domain/normalize';
import { openDemoPreview, openSidebar, type DemoPreview, savedWorkbook } from './demoPreview';
import { withToken } from './sidebarStates';

interface DemoCase { row: number; caseId: string; name: string; ageBand: string; sex: string }

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;

beforeAll(async () => {
  session = await openDemoPreview();
  page = session.page;
  sidebar = await openSidebar(page);
}, 120_000);

afterAll(async () => {
  await session?.close();
});

/** A sheet's rows as text by header, from the saved workbook. */
async function rowsOf(tab: string): Promise<Record<string, string>[]> {
  const sheet = findSheet(await savedWorkbook(session), tab)!;
  const header = (sheet.cells[0] ?? []).map((c) => String(c?.value ?? ''));
  return sheet.cells.slice(1).map((row) => Object.fromEntries(header.map((h, i) => [h, String(row?.[i]?.value ?? '')])));
}

async function openCases(): Promise<DemoCase[]> {
  return (await rowsOf('共通シート'))
    .map((r, i) => ({ row: i + 2, caseId: r['ケースID']!, name: r['本人氏名']!, ageBand: r['年代']!, sex: r['性別']!, status: r['状態']! }))
    .filter((c) => c.caseId && !isClosedStatus(c.status));
}

const field = (label: string) => sidebar.getByLabel(label, { exact: true });

/** Opens the case on `row` in ケース, as staff do: select the row, then 選択中の行を読み込む. */
async function openInCaseView(c: DemoCase): Promise<void> {
  await sidebar.getByRole('tab', { name: 'ケース' }).click();
  await page.request.post(withToken(page, '/api/select'), { data: { sheet: '共通シート', range: `C${c.row}` } });
  await sidebar.getByRole('button', { name: '選択中の行を読み込む' }).click();
  await sidebar.getByText(new RegExp(`${c.row}行目のケース.*を読み込みました`)).waitFor();
}

async function showActivity(c: DemoCase): Promise<void> {
  await sidebar.getByRole('tab', { name: '支援記録' }).click();
  await sidebar.locator('#activity-record-for').filter({ hasText: c.caseId }).waitFor();
}

describe('whose 支援記録 a save writes', () => {
  let cases: DemoCase[];
  beforeAll(async () => {
    cases = await openCases();
  });

  it('takes the case open in ケース and names the person beside 記録を保存; only that case gets the record', async () => {
    const a = cases[0]!;
    await openInCaseView(a);
    await showActivity(a);
    await expect(field('ケース').inputValue()).resolves.toBe(a.caseId);
    const recordFor = await sidebar.locator('#activity-record-for').textContent();
    for (const part of [a.caseId, a.ageBand, a.sex, a.name]) expect(recordFor).toContain(part);
    await expect(sidebar.getByRole('button', { name: '記録を保存' }).getAttribute('aria-describedby')).resolves.toBe('activity-record-for');
    // The link offer for records before intake chooses no 対象 for the person.
    await expect(sidebar.locator('#activity-link-subject').inputValue()).resolves.toBe('');

    await field('実施日').fill(todayInTokyo());
    await field('種別').selectOption('同行支援');
    await field('内容').fill('同行して手続きを支援');
    await sidebar.getByRole('button', { name: '記録を保存' }).click();
    const saved = await sidebar.getByText(/^支援記録 R\d{4}-\d{5} を保存しました/).textContent();
    const id = /R\d{4}-\d{5}/.exec(saved!)![0];
    expect((await rowsOf('支援記録')).filter((r) => r['記録ID'] === id).map((r) => r['ケースID'])).toEqual([a.caseId]);
  });

  it('follows the next case opened in ケース instead of keeping the one picked before', async () => {
    const b = cases.find((c) => c.caseId !== cases[0]!.caseId)!;
    await openInCaseView(b);
    await showActivity(b);
    await expect(field('ケース').inputValue()).resolves.toBe(b.caseId);
    const recordFor = await sidebar.locator('#activity-record-for').textContent();
    expect(recordFor).toContain(b.name);
    expect(recordFor).not.toContain(cases[0]!.caseId);
  });

  it('names a case picked from the list too, though the list itself names no one', async () => {
    // The プラン view has a finder of its own with the same labels: the 支援記録 panel's is meant.
    const activity = sidebar.locator('#panel-activity');
    await activity.getByLabel('ケースID（一部でも可）', { exact: true }).fill('');
    await activity.getByRole('button', { name: '探す', exact: true }).click();
    await sidebar.locator('#activity-find-summary').filter({ hasText: '件中' }).waitFor();
    const picker = field('ケース');
    const labels = await picker.locator('option').allTextContents();
    const current = await picker.inputValue();
    const other = cases.find((c) => c.caseId !== current && c.name && labels.some((l) => l.startsWith(`${c.caseId}（`)))!;
    for (const c of cases) if (c.name.length > 1) expect(labels.join('\n')).not.toContain(c.name);
    await picker.selectOption(other.caseId);
    await sidebar.locator('#activity-record-for').filter({ hasText: other.name }).waitFor();
    await expect(sidebar.locator('#activity-record-for').textContent()).resolves.toContain(other.caseId);
  });
});

describe('カナ in the case form', () => {
  it('becomes full-width katakana when the person leaves the field, before any save', async () => {
    await sidebar.getByRole('tab', { name: 'ケース' }).click();
    await sidebar.getByRole('button', { name: '新規ケース' }).click();
    const kana = field('本人氏名カナ');
    await kana.fill('しけん ﾊﾅｺ');
    await kana.press('Tab');
    await expect(kana.inputValue()).resolves.toBe('シケン ハナコ');
  });
});
