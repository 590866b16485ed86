// Every printed paper's A4 print view (次第, 本人用のプラン, ケース票) rendered to
// PDF by Chromium, as staff print it from the dialog beside the sheet: each
// is A4 portrait, spans the pages its content needs, repeats its header, and
// carries the 決裁欄 of 設定. Set SCREENSHOTS_DIR to keep the PDFs (the
// README's docs/screenshots/papers/*.png are made from them with pdftoppm).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureCell, findSheet, lastRowWithContent } from '../../dev/runtime/model';
import { paperHtml } from '../../src/domain/paper/printHtml';
import { demoWorkbook, tabText, TODAY } from '../app/helpers';
import { launchChromium, requireJapaneseFont } from './chromium';

const APPROVALS = ['課長', '係長', '担当'];
const runtime = demoWorkbook(60);
const settings = findSheet(runtime.model, '設定')!;
const header = tabText(runtime, '設定')[0]!;
const put = (title: string, row: number, value: string): void => { ensureCell(settings, row, header.indexOf(title) + 1).value = value; };
APPROVALS.forEach((title, i) => put('決裁欄', i + 2, title));
put('連絡先', 2, '0120-000-111（平日9時〜17時）');

const cases = tabText(runtime, '共通シート');
const col = (name: string) => cases[0]!.indexOf(name);
const plans = tabText(runtime, '支援プラン');
const planned = plans.find((p) => p[2] === '決定' && cases.some((c) => c[0] === p[0] && c[col('本人同意')] === 'あり'))![0]!;
const meeting = cases.find((c) => c[col('次回会議種別')] === '重層的支援会議' && c[col('次回会議予定日')] && c[col('本人同意')] === 'あり')!;

function printView(call: string, args: Record<string, unknown>): string {
  const before = runtime.dialogs.length;
  runtime.call(call, { today: TODAY, ...args });
  return runtime.dialogs[before]!.content;
}

/** The 集計 tab as the preview shows it (it has no print view of its own): its cells, the header rows repeated, A4 landscape. */
function countsPage(): string {
  const { sheet } = runtime.call<{ sheet: string }>('rebuildCounts', { today: TODAY, fiscalYear: 2026 });
  const cells = tabText(runtime, sheet);
  const width = Math.max(...cells.map((r) => r.length));
  const headerAt = cells.findIndex((r) => r[0] === '項目');
  const approvalAt = cells.findIndex((r) => APPROVALS.every((title) => r.includes(title)));
  const whole = (r: readonly string[]): string[] => [...r, ...Array<string>(width - r.length).fill('')];
  return paperHtml({
    title: sheet, orientation: 'landscape', headerRows: headerAt + 1,
    columns: Array.from({ length: width }, (_, i) => ({ header: '', width: i === 0 ? 220 : i === width - 1 ? 110 : 58 })),
    // A title or note row spans the page (one cell); the 決裁欄 and the table's rows keep every column.
    rows: cells.map((r, i) => (i === approvalAt ? { role: 'approval', cells: whole(r) }
      : i === approvalAt + 1 ? { role: 'stamp', cells: whole(r) }
      : i < headerAt ? { role: i === 0 ? 'title' : 'info', cells: [r[0] ?? ''] }
      : { role: i === headerAt ? 'header' : 'item', cells: whole(r) })),
  });
}

const PAPERS: readonly [name: string, html: () => string][] = [
  ['agenda', () => printView('showAgendaPrintView', { meetingType: '重層的支援会議', date: meeting[col('次回会議予定日')] })],
  ['plan', () => printView('showPlanPrintView', { caseId: planned })],
  ['casesheet', () => printView('showCaseSheetPrintView', { caseId: planned })],
];

let browser: Browser;
beforeAll(async () => {
  requireJapaneseFont();
  browser = await launchChromium();
});
afterAll(async () => { await browser?.close(); });

/** The page boxes of a PDF, in points. */
function pageBoxes(pdf: Buffer): number[][] {
  return [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.\s]+)\]/g)].map((m) => m[1]!.trim().split(/\s+/).map(Number));
}

describe.each(PAPERS)('the %s paper', (name, html) => {
  it('prints on A4 portrait with its header on every page and the 決裁欄 of 設定', async () => {
    const page = await browser.newPage();
    await page.setContent(html());
    const text = await page.locator('body').innerText();
    for (const title of APPROVALS) expect(text).toContain(title);
    expect(await page.locator('thead tr').count()).toBeGreaterThan(0);
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
    await page.close();
    const boxes = pageBoxes(pdf);
    expect(boxes.length).toBeGreaterThan(0);
    // A4 portrait: 595 × 842 points.
    for (const [, , w, h] of boxes) expect([Math.round(w!), Math.round(h!)]).toEqual([595, 842]);
    const dir = process.env.SCREENSHOTS_DIR;
    if (dir) {
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, `${name}.pdf`), pdf);
    }
  });
});

test('the demo gives each paper something to print', () => {
  expect(lastRowWithContent(findSheet(runtime.model, '支援記録')!)).toBeGreaterThan(1);
  expect(planned).toMatch(/^\d{4}-\d{4}$/);
});

test('the 集計 tab prints on A4 landscape, its 12 months and total across one page width, with the 決裁欄 of 設定', async () => {
  const page = await browser.newPage();
  await page.setContent(countsPage());
  const text = await page.locator('body').innerText();
  for (const title of APPROVALS) expect(text).toContain(title);
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true });
  await page.close();
  const boxes = pageBoxes(pdf);
  expect(boxes.length).toBeGreaterThan(0);
  for (const [, , w, h] of boxes) expect([Math.round(w!), Math.round(h!)]).toEqual([842, 595]);
  const dir = process.env.SCREENSHOTS_DIR;
  if (dir) writeFileSync(join(dir, 'counts.pdf'), pdf);
});
