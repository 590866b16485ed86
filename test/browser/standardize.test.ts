// A new town in the local preview, in Chromium: its hand-made sheet (a title
// and a date line above the header, a 合計 row) standardised from the menu
// through the sidebar's confirmation. Nothing is written before the person
// confirms; 「やめる」 leaves the file byte for byte as it was; a column set to
// 「そのまま残す」 is kept as it was in the 共通シート written; a protected tab
// is refused before anything is written; and the README's order (シートを準備,
// then 標準化) moves the cases into the empty 共通シート. Set SCREENSHOTS_DIR to
// also save the README's screenshot from this run.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import { previewAddress } from '../../dev/preview/token';
import { loadWorkbook, saveWorkbook } from '../../dev/runtime';
import { findSheet } from '../../dev/runtime/model';
import { openDemoPreview, type DemoPreview } from './demoPreview';

const HAND_MADE: readonly (readonly (string | number)[])[] = [
  ['令和6年度\u3000相談受付一覧'],
  ['作成日：令和6年4月30日'],
  ['No.', '氏名', 'ふりがな', '受付日', 'つなぎ元', '同意', '相談内容', '担当', '担当メモ'],
  [1, '山田 花', 'やまだ はな', '令和6年4月1日', '地域包括支援センター', 'あり', '母の介護と借金', '田中', '電話は夕方'],
  [2, '佐藤 一', 'さとう いち', '2024/5/10', '生活支援相談窓口', 'なし', '家賃の滞納', '田中', ''],
  [3, '鈴木 次', 'すずき つぎ', 'R6.6.3', 'こども家庭センター', '確認中', '不登校', '高橋', ''],
  ['合計', '3件'],
];

async function writeHandMade(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('相談受付一覧');
  HAND_MADE.forEach((row, r) => row.forEach((value, c) => {
    if (value !== '') sheet.getCell(r + 1, c + 1).value = value;
  }));
  await workbook.xlsx.writeFile(path);
}

/** A tab of the .xlsx as text, row by row from row 1 to its last row with a value. */
async function tabText(path: string, tab: string): Promise<string[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(tab);
  if (!sheet) throw new Error(`no tab ${tab} in ${workbook.worksheets.map((s) => s.name).join(', ')}`);
  const rows: string[][] = [];
  sheet.eachRow((row, r) => {
    rows[r - 1] = Array.from({ length: sheet.columnCount }, (_, c) => row.getCell(c + 1).text);
  });
  return Array.from(rows, (row) => row ?? []);
}

const shots = process.env.SCREENSHOTS_DIR;

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;
/** The sidebar's 標準化 view. */
let view: Locator;

/** The focused control in the sidebar as a person names it: a select by its label and chosen option, a button by its text. */
function focusedName(): Promise<string> {
  const frame = page.frames().find((f) => new URL(f.url()).pathname === '/sidebar');
  if (!frame) throw new Error('the sidebar is not open');
  return frame.evaluate(() => {
    const e = document.activeElement;
    if (e instanceof HTMLSelectElement) return `${e.labels[0]?.textContent ?? ''}:${e.selectedOptions[0]?.textContent ?? ''}`;
    return e?.textContent?.trim() ?? '';
  });
}

/** The README's picture: the sidebar as the menu opened it, 300 px wide and as tall as the whole confirmation. */
async function screenshotWhole(): Promise<void> {
  const alone = await session.browser.newPage({ viewport: { width: 300, height: 900 }, locale: 'ja-JP' });
  try {
    await alone.goto(previewAddress(session.preview, '/sidebar'));
    await alone.locator('#standardize-columns').waitFor();
    // As tall as the page, so the 標準化する bar sits at the bottom as it does on screen.
    await alone.setViewportSize({ width: 300, height: await alone.evaluate(() => document.documentElement.scrollHeight) });
    mkdirSync(shots!, { recursive: true });
    await alone.screenshot({ path: join(shots!, 'standardize.png') });
  } finally {
    await alone.close();
  }
}

const runMenu = (): Promise<void> => page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: '標準化（開いているタブ）' }).click();
/** The .xlsx once the preview has saved every change so far (it saves after its reply). */
const savedBytes = async (of: DemoPreview): Promise<Buffer> => { await of.preview.saved(); return readFileSync(of.book); };
const savedTabText = async (of: DemoPreview, tab: string): Promise<string[][]> => { await of.preview.saved(); return tabText(of.book, tab); };
const bytes = (): Promise<Buffer> => savedBytes(session);

describe('標準化 of a hand-made sheet from the preview\'s menu', () => {
  beforeAll(async () => {
    session = await openDemoPreview({ writeBook: writeHandMade, viewport: { width: 1400, height: 960 } });
    ({ page } = session);
    sidebar = page.frameLocator('iframe[title="サイドバー"]');
    view = sidebar.getByRole('tabpanel', { name: '標準化の確認' });
  }, 120_000);

  afterAll(async () => {
    await session?.close();
  });

  it('opens the confirmation on the open tab: its header row, each column\'s mapping, the rows left out, and nothing written', async () => {
    const before = await bytes();
    await runMenu();
    await sidebar.getByRole('tab', { name: '標準化', selected: true }).waitFor();
    await view.locator('#standardize-columns').waitFor();
    const facts = await view.locator('dl.facts').textContent();
    expect(facts).toContain('相談受付一覧');
    expect(facts).toContain('3行目');
    await expect(view.getByLabel('B列「氏名」').inputValue()).resolves.toBe('本人氏名');
    await expect(view.getByLabel('G列「相談内容」').inputValue()).resolves.toBe('相談の概要');
    await expect(view.locator('#standardize-left-out').textContent()).resolves.toContain('7行目');
    // 担当 may be either of two columns: the add-on asks instead of guessing, and keeps it until the person chooses.
    await expect(view.getByLabel('H列「担当」').inputValue()).resolves.toBe('keep');
    await expect(view.locator('#standardize-to-H-question').textContent()).resolves.toMatch(/^確かめてください：「担当」は/);
    await expect(view.locator('#standardize-examples').textContent()).resolves.toContain('令和6年4月1日 → 2024-04-01');
    await expect(view.getByRole('button', { name: 'この内容で標準化する' }).isEnabled()).resolves.toBe(true);
    expect((await bytes()).equals(before)).toBe(true);
  });

  it('「やめる」 leaves the book byte for byte as it was', async () => {
    const before = await bytes();
    await view.getByLabel('G列「相談内容」').selectOption({ label: 'そのまま残す' });
    await view.getByRole('button', { name: 'やめる（何も変えない）' }).click();
    await view.getByRole('status').filter({ hasText: 'シートは何も変えていません' }).waitFor();
    await expect(view.getByRole('button', { name: 'この内容で標準化する' }).isVisible()).resolves.toBe(false);
    expect((await bytes()).equals(before)).toBe(true);
    expect((await savedTabText(session, '相談受付一覧'))[2]).toEqual(HAND_MADE[2]);
  });

  it('writes 共通シート with a column set to 「そのまま残す」 kept as it was, once the person confirms, by keyboard alone', async () => {
    await view.getByRole('button', { name: 'もう一度確認する' }).press('Enter');
    const content = view.getByLabel('G列「相談内容」');
    await content.focus();
    // Each arrow press is a change the server plans again; the plan shown is the last one asked for.
    for (let i = 0; i < 60 && await focusedName() !== 'G列「相談内容」:そのまま残す'; i++) await page.keyboard.press('ArrowDown');
    await view.getByRole('status').filter({ hasText: '行き先を「そのまま残す」にしました' }).waitFor();
    await expect(view.getByLabel('G列「相談内容」').inputValue()).resolves.toBe('keep');
    if (shots) await screenshotWhole();
    for (let i = 0; i < 40 && await focusedName() !== 'この内容で標準化する'; i++) await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await view.getByRole('status').filter({ hasText: '標準化しました' }).waitFor();
    await expect(view.locator('#standardize-result').textContent()).resolves.toMatch(/タブ「バックアップ_\d{8}_\d{6}」/);

    const [header, ...rows] = await savedTabText(session, '共通シート');
    const column = (name: string): string[] => rows.map((row) => row[header!.indexOf(name)] ?? '');
    expect(column('本人氏名')).toEqual(['山田 花', '佐藤 一', '鈴木 次']);
    expect(column('相談の概要')).toEqual(['', '', '']);
    const kept = header!.findIndex((h) => h.startsWith('相談内容'));
    expect(kept).toBeGreaterThan(header!.indexOf('相談の概要'));
    expect(rows.map((row) => row[kept])).toEqual(['母の介護と借金', '家賃の滞納', '不登校']);
  });

  it('offers 入力チェック next, with the focus on it, which opens its view and runs it', async () => {
    expect(await focusedName()).toBe('入力チェックを実行');
    await page.keyboard.press('Enter');
    await sidebar.getByRole('tab', { name: '入力チェック', selected: true }).waitFor();
    await sidebar.locator('#check-summary').filter({ hasText: /./ }).waitFor();
  });
});

describe('標準化 refused before anything is written', () => {
  let refused: DemoPreview;

  beforeAll(async () => {
    // Rows another member of staff protected: the person running 標準化 may not edit them.
    refused = await openDemoPreview({
      writeBook: async (path) => {
        await writeHandMade(path);
        const model = await loadWorkbook(path);
        findSheet(model, '相談受付一覧')!.protections.push({
          type: 'RANGE', rect: { row: 4, column: 1, numRows: 3, numColumns: 9 }, description: '確定分', warningOnly: false, editors: ['kakari@example.jp'],
        });
        await saveWorkbook(model, path);
      },
    });
  }, 120_000);

  afterAll(async () => {
    await refused?.close();
  });

  it('shows the refusal as an alert, and 「この内容で標準化する」 cannot be pressed', async () => {
    const before = await savedBytes(refused);
    await refused.page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: '標準化（開いているタブ）' }).click();
    const panel = refused.page.frameLocator('iframe[title="サイドバー"]').getByRole('tabpanel', { name: '標準化の確認' });
    await panel.locator('#standardize-columns').waitFor();
    await expect(panel.getByRole('alert').textContent()).resolves.toMatch(/^このままでは標準化できません：タブ「相談受付一覧」の範囲 A4:I6は保護されていて/);
    await expect(panel.getByRole('button', { name: 'この内容で標準化する' }).isDisabled()).resolves.toBe(true);
    expect((await savedBytes(refused)).equals(before)).toBe(true);
  });
});

describe('標準化 in the README\'s order: シートを準備 first, then the hand-made tab', () => {
  let town: DemoPreview;

  beforeAll(async () => {
    town = await openDemoPreview({ writeBook: writeHandMade });
  }, 120_000);

  afterAll(async () => {
    await town?.close();
  });

  it('moves the hand-made tab\'s cases into the empty 共通シート that シートを準備 made', async () => {
    const menu = town.page.getByRole('group', { name: '多機関協働' });
    await menu.getByRole('button', { name: 'シートを準備' }).click();
    await town.page.getByRole('dialog').getByRole('button', { name: 'OK' }).click();
    await town.page.getByRole('tab', { name: '相談受付一覧' }).click();
    await town.page.getByRole('tab', { name: '相談受付一覧', selected: true }).waitFor();
    await menu.getByRole('button', { name: '標準化（開いているタブ）' }).click();
    const panel = town.page.frameLocator('iframe[title="サイドバー"]').getByRole('tabpanel', { name: '標準化の確認' });
    await panel.locator('#standardize-columns').waitFor();
    await expect(panel.locator('dl.facts').textContent()).resolves.toContain('相談受付一覧');
    await panel.getByRole('button', { name: 'この内容で標準化する' }).click();
    await panel.getByRole('status').filter({ hasText: '標準化しました' }).waitFor();
    await expect(panel.locator('#standardize-result').textContent()).resolves.toContain('タブ「相談受付一覧」のケースを、空だった「共通シート」に移しました。');
    const [header, ...rows] = await savedTabText(town, '共通シート');
    expect(rows.map((row) => row[header!.indexOf('本人氏名')])).toEqual(['山田 花', '佐藤 一', '鈴木 次']);
  });
});
