// What every browser test starts from: a demo workbook in a temp folder, the
// local preview serving it, and Chromium on the page. close() undoes it all.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { runCli } from '../../dev/cli';
import type { RunResponse } from '../../dev/preview/types';
import { loadWorkbook, type Model } from '../../dev/runtime';
import { startPreview, type Preview } from '../../dev/preview/server';
import { launchChromium } from './chromium';

export interface DemoPreview {
  readonly book: string;
  readonly preview: Preview;
  readonly browser: Browser;
  readonly page: Page;
  /** Messages of any alert/confirm the page raised (each dismissed): data must never raise one. */
  readonly dialogs: string[];
  close(): Promise<void>;
}

export async function openDemoPreview(options: {
  /** Extra `demo` arguments, e.g. ['--today', …]; without them the demo is made for today. */
  readonly demoArgs?: readonly string[];
  /** A book made by `init` (set up, no data) instead of the demo. */
  readonly empty?: boolean;
  /** Writes the book at this path instead of the demo (a town's hand-made sheet). */
  readonly writeBook?: (path: string) => Promise<void>;
  readonly viewport?: { width: number; height: number };
  readonly acceptDownloads?: boolean;
} = {}): Promise<DemoPreview> {
  const dir = mkdtempSync(join(tmpdir(), 'tsunagi-browser-'));
  const book = join(dir, 'demo.xlsx');
  if (options.writeBook) await options.writeBook(book);
  else {
    const made = await runCli(options.empty ? ['init', book] : ['demo', book, ...(options.demoArgs ?? [])]);
    if (made.exitCode !== 0) throw new Error(`making the book failed: ${made.stderr}`);
  }
  const preview = await startPreview({ bookPath: book, port: 0 });
  const browser = await launchChromium();
  const page = await browser.newPage({
    viewport: options.viewport ?? { width: 1280, height: 900 }, locale: 'ja-JP', acceptDownloads: options.acceptDownloads ?? false,
  });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
  await page.goto(preview.url);
  return {
    book, preview, browser, page, dialogs,
    async close() {
      await browser.close();
      await preview.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The sidebar, opened from the preview's menu as staff open it. */
export async function openSidebar(page: Page): Promise<FrameLocator> {
  await page.getByRole('group', { name: '多機関協働' }).getByRole('button', { name: 'サイドバーを開く' }).click();
  return page.frameLocator('iframe[title="サイドバー"]');
}

/** A server function called as another person's sidebar would, through the preview's /api/run. */
export async function asColleague<T>(preview: Preview, functionName: string, arg: unknown): Promise<T> {
  const response = await fetch(`${new URL(preview.url).origin}/api/run?token=${preview.token}`, {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ functionName, args: [arg] }),
  });
  const body = (await response.json()) as RunResponse;
  if (!body.ok) throw new Error(body.error);
  return body.value as T;
}

/** The saved .xlsx as it is once the preview has written every change so far (it saves after each reply). */
export async function savedWorkbook(session: Pick<DemoPreview, 'book' | 'preview'>): Promise<Model> {
  await session.preview.saved();
  return loadWorkbook(session.book);
}
