// The preview asks the person what Sheets would ask (the menu's ui.prompt and
// choice alerts) instead of answering for them, and lets calls from one page
// overlap: a call does not wait behind another call's save.
import { previewAddress } from '../../dev/preview/token';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { startPreview, type Preview } from '../../dev/preview/server';
import type { MenuRunResponse, PersonAnswer, QuestionResponse, RunResponse, WorkbookView } from '../../dev/preview/types';

let dir = '';
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-questions-'));
  const book = join(dir, 'demo.xlsx');
  expect((await runCli(['demo', book])).exitCode).toBe(0);
  preview = await startPreview({ bookPath: book, port: 0 });
});

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

const url = (path: string): string => previewAddress(preview, path);

async function post<T>(body: unknown): Promise<T> {
  const response = await fetch(url('/api/run'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  expect(response.status).toBe(200);
  return (await response.json()) as T;
}

/** A menu item as the page runs it: with the person's answers so far. */
const runMenu = (functionName: string, answers: PersonAnswer[] = []): Promise<MenuRunResponse> => post({ functionName, args: [], answers });

function asked(result: MenuRunResponse): QuestionResponse['question'] {
  if (!('question' in result)) throw new Error(`no question: ${JSON.stringify(result)}`);
  return result.question;
}

function done(result: MenuRunResponse): Extract<RunResponse, { ok: true }> {
  if (!result.ok || 'question' in result) throw new Error(`not done: ${JSON.stringify(result)}`);
  return result;
}

const answer = (question: QuestionResponse['question'], button: PersonAnswer['button'], text = ''): PersonAnswer =>
  ({ text, button, question: `${question.title}\n${question.prompt}` });

async function tabs(): Promise<string[]> {
  const response = await fetch(url('/api/workbook'));
  return ((await response.json()) as WorkbookView).tabs.map((t) => t.name);
}

describe('questions are asked of the person', () => {
  it('毎日の自動更新: nothing is set until the person says はい, and いいえ changes nothing', async () => {
    const first = asked(await runMenu('menuDailyCounts'));
    expect(first).toMatchObject({ kind: 'alert', title: '毎日の自動更新', buttons: 'YES_NO' });
    expect(first.prompt).toContain('いまは「未設定」です。');
    expect(done(await runMenu('menuDailyCounts', [answer(first, 'NO')])).alerts).toEqual([]);
    expect(asked(await runMenu('menuDailyCounts')).prompt).toContain('いまは「未設定」です。');
    expect(done(await runMenu('menuDailyCounts', [answer(first, 'YES')])).alerts).toEqual([expect.stringContaining('毎日の自動更新を設定しました。')]);
    expect(asked(await runMenu('menuDailyCounts')).prompt).toContain('いまは「設定済み」です。');
  });

  it('月次集計の年度: the year the person types is the one counted; キャンセル makes nothing', async () => {
    const question = asked(await runMenu('menuCounts'));
    expect(question).toMatchObject({ kind: 'prompt', title: '月次集計を更新', buttons: 'OK_CANCEL' });
    const before = await tabs();
    expect(done(await runMenu('menuCounts', [answer(question, 'CANCEL', '2023')])).alerts).toEqual([]);
    expect(await tabs()).toEqual(before);
    const made = done(await runMenu('menuCounts', [answer(question, 'OK', '令和5年度')]));
    expect(made.alerts[0]).toContain('タブ「集計_2023年度」に作り直しました。');
    expect(await tabs()).toContain('集計_2023年度');
  });

  it('an answer given to another question is not taken for this one', async () => {
    const question = asked(await runMenu('menuDailyCounts'));
    expect(question).toMatchObject({ kind: 'alert', title: '毎日の自動更新', buttons: 'YES_NO' });
    const elsewhere = { text: '', button: 'YES' as const, question: `${question.title}\nほかの問い` };
    expect(asked(await runMenu('menuDailyCounts', [elsewhere]))).toEqual(question);
  });

  it('標準化 asks nothing in a dialog: it opens the sidebar on its confirmation, on the open tab', async () => {
    const opened = done(await runMenu('menuStandardize'));
    expect(opened).toMatchObject({ alerts: [], sidebarOpened: true });
    const page = await (await fetch(url('/sidebar'))).text();
    expect(page).toMatch(/<body data-view="standardize" data-sheet="[^"]+">/);
  });
});

describe('calls from one page', () => {
  // The preview answers a write before it saves the .xlsx (test/preview/saves.test.ts), so neither call waits on a save.
  it('overlap: a write and a read sent together are both answered', async () => {
    const [checked, listed] = await Promise.all([
      post<RunResponse>({ functionName: 'menuCheck', args: [] }),
      post<RunResponse>({ functionName: 'listMeetings', args: [{}] }),
    ]);
    expect([checked.ok, listed.ok]).toEqual([true, true]);
  });
});
