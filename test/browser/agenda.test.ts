// A coordinator in the local preview, in Chromium: from the demo workbook to
// an agenda (会議次第) — the cases on it and the ones left out, the tab, the
// print view — and back to the outcomes recorded in 共通シート, without
// touching a cell by hand. Set SCREENSHOTS_DIR to also save the README's
// screenshots from this run.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Model } from '../../dev/runtime';
import { findSheet, lastRowWithContent, type CellValue } from '../../dev/runtime/model';
import { addDays } from '../../src/domain/calendar/days';
import { CASE_FIELDS, MEETING_FIELDS } from '../../src/domain/fields';
import { todayInTokyo, toWareki } from '../../src/domain/normalize';
import { openDemoPreview, type DemoPreview, savedWorkbook } from './demoPreview';

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;
/** The sidebar's 会議次第 view. */
let agenda: Locator;
/** The demo's first 予定 重層的支援会議: before today, so that it can be recorded as held. */
let meeting: { id: string; date: string };

const dayOf = (value: CellValue | undefined): string =>
  value instanceof Date ? value.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }) : String(value ?? '');

function rowsOf(model: Model, tab: string): string[][] {
  const sheet = findSheet(model, tab)!;
  return sheet.cells.slice(0, lastRowWithContent(sheet)).map((row) => (row ?? []).map((c) => dayOf(c?.value)));
}

const shots = process.env.SCREENSHOTS_DIR;

beforeAll(async () => {
  // Made as of six weeks ago, so that its 予定 meetings have been held by now (the sidebar reads the real clock).
  session = await openDemoPreview({ demoArgs: ['--today', addDays(todayInTokyo(), -45)], viewport: { width: 1400, height: 960 } });
  ({ page } = session);
  const planned = rowsOf(await savedWorkbook(session), '会議記録').filter((r) => r[1] === '重層的支援会議' && r[5] === '予定');
  meeting = { id: planned[0]![0]!, date: planned[0]![2]! };
  expect(meeting.date <= todayInTokyo()).toBe(true);
  sidebar = page.frameLocator('iframe[title="サイドバー"]');
  agenda = sidebar.getByRole('tabpanel', { name: '会議次第' });
});

afterAll(async () => {
  await session?.close();
});

describe('a meeting agenda in the local preview', () => {
  it('opens on the 会議次第 view from the menu', async () => {
    await page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: '会議次第を作成…' }).click();
    await sidebar.getByRole('tab', { name: '会議次第', selected: true }).waitFor();
    await agenda.getByLabel('会議種別', { exact: true }).waitFor();
  });

  it('shows the cases on the agenda and those left out with why, before writing anything', async () => {
    await agenda.getByLabel('会議種別', { exact: true }).selectOption('重層的支援会議');
    await agenda.getByLabel('開催日', { exact: true }).fill(toWareki(meeting.date));
    await agenda.locator('#agenda-date-wareki').filter({ hasText: toWareki(meeting.date) }).waitFor();
    await agenda.getByLabel('開始時刻').fill('13:30');
    await agenda.getByRole('button', { name: '内容を確認' }).click();
    const items = agenda.locator('#agenda-items li');
    await items.first().waitFor();
    expect(await items.count()).toBeGreaterThan(1);
    await expect(items.first().textContent()).resolves.toMatch(/^13:35〜13:55 新規検討 \d{4}-\d{4}/);
    await expect(agenda.getByLabel('開催日', { exact: true }).inputValue()).resolves.toBe(meeting.date);
    // The planted case: 重層的支援会議 with 本人同意 確認中.
    await expect(agenda.locator('#agenda-excluded').textContent()).resolves.toContain('本人同意が「確認中」のため、本人同意が必要な「重層的支援会議」には載せません。');
    const model = await savedWorkbook(session);
    expect(model.sheets.map((s) => s.name).some((n) => n.startsWith('次第_'))).toBe(false);
  });

  it('writes the agenda tab, which the preview shows', async () => {
    await agenda.getByRole('button', { name: '次第を作成' }).click();
    const sheet = `次第_${meeting.date}_重層的支援会議`;
    await agenda.getByText(`タブ「${sheet}」を作成しました`).waitFor();
    await page.getByRole('tab', { name: sheet, selected: true }).waitFor();
    const table = page.getByRole('table', { name: sheet });
    await table.getByText('重層的支援会議\u3000次第').waitFor();
    await table.getByText('本人の同意を得たケースを検討します。').waitFor();
    await expect(table.locator('td.wrap').first().isVisible()).resolves.toBe(true);
    if (shots) {
      mkdirSync(shots, { recursive: true });
      await page.screenshot({ path: join(shots, 'agenda.png') });
    }
  });

  it('opens a print view of the agenda on A4 with its 印刷 button', async () => {
    await agenda.getByRole('button', { name: '印刷用に開く' }).click();
    const pane = page.getByRole('dialog', { name: `印刷用：次第_${meeting.date}_重層的支援会議` });
    await pane.waitFor();
    const printView = page.frameLocator('iframe[title="ダイアログ"]');
    await printView.getByRole('button', { name: '印刷' }).waitFor();
    await printView.getByRole('columnheader', { name: '概要・検討すること' }).waitFor();
    expect(await printView.locator('tbody tr.item').count()).toBeGreaterThan(1);
    if (shots) await page.screenshot({ path: join(shots, 'agenda-print.png') });
    await page.getByRole('button', { name: 'ダイアログを閉じる' }).click();
    await expect(pane.isHidden()).resolves.toBe(true);
  });

  it('records what the meeting decided into 共通シート, and the meeting as 開催済', async () => {
    await agenda.getByLabel('会議', { exact: true }).selectOption(meeting.id);
    const first = agenda.locator('fieldset.outcome-case').first();
    await first.waitFor();
    await expect(agenda.getByLabel('開催済').isChecked()).resolves.toBe(true);
    const caseId = /^(\d{4}-\d{4})/.exec((await first.locator('legend').textContent()) ?? '')![1]!;
    await first.getByLabel('状態').selectOption('支援中');
    await first.getByLabel('次回モニタリング日').fill('R9.1.15');
    await first.getByLabel('次回会議種別').focus();
    await expect(first.getByLabel('次回モニタリング日').inputValue()).resolves.toBe('2027-01-15');
    await agenda.getByLabel('決定事項').fill('各機関の役割分担を確認した。');
    if (shots) await page.locator('iframe[title="サイドバー"]').screenshot({ path: join(shots, 'agenda-outcomes.png') });
    await agenda.getByRole('button', { name: '結果を保存' }).click();
    await agenda.getByText(`会議記録の ${meeting.id} を「開催済」にし`).waitFor();

    const model = await savedWorkbook(session);
    const cases = rowsOf(model, '共通シート');
    const row = cases.find((r) => r[0] === caseId)!;
    const at = (header: string) => row[CASE_FIELDS.findIndex((f) => f.header === header)];
    expect([at('状態'), at('次回会議種別'), at('次回会議予定日'), at('次回モニタリング日')]).toEqual(['支援中', '', '', '2027-01-15']);
    const record = rowsOf(model, '会議記録').find((r) => r[0] === meeting.id)!;
    const field = (header: string) => record[MEETING_FIELDS.findIndex((f) => f.header === header)];
    expect([field('状態'), field('決定事項')]).toEqual(['開催済', '各機関の役割分担を確認した。']);
    expect(rowsOf(model, '変更履歴').some((r) => r[2] === `会議の結果を記録（${meeting.id}）` && r[4] === caseId)).toBe(true);
    expect(session.dialogs).toEqual([]);
  });
});
