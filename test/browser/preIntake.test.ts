// Outreach before intake in the preview's sidebar: a visit to someone who is
// not yet a case, recorded under a 対象 with the hint not to write a name,
// then linked to the case the person became. Set SCREENSHOTS_DIR to also save
// the README's screenshot.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Page } from 'playwright-core';
import { findSheet } from '../../dev/runtime/model';
import { todayInTokyo } from '../../src/domain/normalize';
import { openDemoPreview, openSidebar, type DemoPreview, savedWorkbook } from './demoPreview';

const SUBJECT = '西地区の80代男性(仮称Z)';

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;

beforeAll(async () => {
  session = await openDemoPreview();
  ({ page } = session);
  sidebar = await openSidebar(page);
  await sidebar.getByRole('tab', { name: '支援記録' }).click();
});

afterAll(async () => {
  await session?.close();
});

/** 支援記録 rows of the 対象 as [ケースID, 対象], read from the saved workbook. */
async function rowsOfSubject(): Promise<string[][]> {
  const sheet = findSheet(await savedWorkbook(session), '支援記録')!;
  const header = (sheet.cells[0] ?? []).map((c) => String(c?.value ?? ''));
  const [id, subject] = [header.indexOf('ケースID'), header.indexOf('対象')];
  return sheet.cells.slice(1).map((row) => [String(row?.[id]?.value ?? ''), String(row?.[subject]?.value ?? '')]).filter((r) => r[1] === SUBJECT);
}

const field = (label: string) => sidebar.getByLabel(label, { exact: true });

describe('支援記録 for someone not yet a case', () => {
  it('warns beside 対象 as the person types a name into it (issue 25)', async () => {
    await field('記録する相手').selectOption('まだケースになっていない方');
    const subject = field('対象（まだケースになっていない方）');
    await subject.fill('佐藤トメ');
    await subject.blur();
    await sidebar.getByText('本人と分からない呼び名にしてください', { exact: false }).first().waitFor();
    await subject.fill('');
  });

  it('records an アウトリーチ under a 対象, telling staff not to write a name', async () => {
    await field('記録する相手').selectOption('まだケースになっていない方');
    await expect(field('ケース').isVisible()).resolves.toBe(false);
    const subject = field('対象（まだケースになっていない方）');
    await expect(subject.getAttribute('aria-describedby').then((ids) => sidebar.locator(`[id="${ids!.split(' ').find((id) => id.endsWith('-hint'))}"]`).textContent()))
      .resolves.toContain('氏名は書かないでください');
    await expect(field('種別').inputValue()).resolves.toBe('アウトリーチ');
    await subject.fill(SUBJECT);
    await field('実施日').fill(todayInTokyo());
    await field('訪問人数').fill('2');
    if (process.env.SCREENSHOTS_DIR) {
      mkdirSync(process.env.SCREENSHOTS_DIR, { recursive: true });
      await page.locator('iframe[title="サイドバー"]').screenshot({ path: join(process.env.SCREENSHOTS_DIR, 'activity-pre-intake.png') });
    }
    await sidebar.getByRole('button', { name: '記録を保存' }).click();
    await sidebar.getByText(/^支援記録 R\d{4}-\d{5} を保存しました/).waitFor();
    expect(await rowsOfSubject()).toEqual([['', SUBJECT]]);
  });

  it('offers to link the records once a case is picked, and writes its ケースID (対象 stays)', async () => {
    await field('記録する相手').selectOption('ケース（共通シートにある方）');
    const picker = field('ケース');
    const caseId = await picker.locator('option').nth(1).getAttribute('value');
    await picker.selectOption(caseId!);
    const offer = field('ケースになる前の対象');
    await offer.waitFor();
    await offer.selectOption(SUBJECT);
    await sidebar.getByRole('button', { name: '選んだ対象の記録をこのケースにつなぐ' }).click();
    const called: { functionName: string; args: unknown }[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/api/run') called.push(request.postDataJSON() as { functionName: string; args: unknown });
    });
    const rechecked = page.waitForRequest((r) => new URL(r.url()).pathname === '/api/run' && (r.postDataJSON() as { functionName: string }).functionName === 'recheckSaved');
    await sidebar.getByRole('alertdialog').getByRole('button', { name: 'つなぐ' }).click();
    await sidebar.getByText(`対象「${SUBJECT}」の記録 1件を、ケース ${caseId!} につなぎました`).waitFor();
    expect(await rowsOfSubject()).toEqual([[caseId, SUBJECT]]);
    // The linked rows are checked again, not the whole book.
    const [linked] = called.find((c) => c.functionName === 'linkPreIntakeRecords')!.args as [{ records?: number }];
    expect(linked.records).toBe(1);
    await rechecked;
    expect(called.map((c) => c.functionName)).not.toContain('checkEntries');
  });
});
