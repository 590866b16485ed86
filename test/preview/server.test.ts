// The local preview server of `npm start`, over real HTTP on a free port,
// against a demo workbook made in a temp folder. The demo is made for today
// (no --today), because the menu's 入力チェック checks against the clock.
import { previewAddress } from '../../dev/preview/token';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import vm from 'node:vm';
import { runCli } from '../../dev/cli';
import { startPreview, type Preview } from '../../dev/preview/server';
import type { RunResponse, WorkbookView } from '../../dev/preview/types';
import { loadWorkbook } from '../../dev/runtime';

const TABS = ['共通シート', '支援記録', '会議記録', '支援プラン', '役割分担', '設定', '変更履歴'];
const MENU = ['シートを準備', '標準化（開いているタブ）', '入力チェック', '月次集計を更新', '毎日の自動更新を設定 / 解除', 'プランを印刷用に作成', 'ケース票を印刷用に作成', '会議次第を作成…', 'サイドバーを開く', '自己診断'];
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;
const ERROR_COLOUR = '#f4cccc';
const WARNING_COLOUR = '#fff2cc';
const NOTE_MARKER = '【入力チェック】';

let dir = '';
let book = '';
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-preview-'));
  book = join(dir, 'demo.xlsx');
  const made = await runCli(['demo', book]);
  expect(made.exitCode).toBe(0);
  preview = await startPreview({ bookPath: book, port: 0 });
});

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A path of the preview with its token, as the page and its frames ask for it. */
const url = (path: string): string => previewAddress(preview, path);

function post(path: string, body: string, headers: Record<string, string> = { 'Content-Type': 'application/json' }): Promise<Response> {
  return fetch(url(path), { method: 'POST', headers, body });
}

async function run(functionName: string, args: unknown[] = []): Promise<RunResponse> {
  const response = await post('/api/run', JSON.stringify({ functionName, args }));
  expect(response.status).toBe(200);
  return (await response.json()) as RunResponse;
}

async function workbook(query = ''): Promise<WorkbookView> {
  const response = await fetch(url(`/api/workbook${query}`));
  expect(response.status).toBe(200);
  return (await response.json()) as WorkbookView;
}

function tab(view: WorkbookView, name: string): WorkbookView['tabs'][number] {
  const found = view.tabs.find((t) => t.name === name);
  if (!found) throw new Error(`no tab ${name} among ${view.tabs.map((t) => t.name).join(', ')}`);
  return found;
}

/** Sends a request with a Host header of our choosing, which fetch does not allow. */
function getWithHost(path: string, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url(path), { headers: { host } }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('the page', () => {
  it('is HTML that loads nothing from outside and forbids it', async () => {
    const response = await fetch(preview.url);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await response.text();
    expect(html).toMatch(/^<!DOCTYPE html>/);
    expect(html).toContain('<script>');
    // The SVG namespace the charts are drawn in is a name, not an address anything is loaded from.
    expect(html.replaceAll('http://www.w3.org/2000/svg', '')).not.toMatch(/https?:\/\//);
    expect(html).toContain('title="サイドバー"');
  });
});

describe('GET /api/workbook', () => {
  it('lists the visible tabs in order, with the menu onOpen added and the selection', async () => {
    const view = await workbook();
    expect(view.tabs.map((t) => t.name)).toEqual(TABS);
    expect(view.file).toBe(book);
    expect(view.selection).toEqual({ sheet: '共通シート', range: 'A1' });
    expect(view.menus).toHaveLength(1);
    const [menu] = view.menus;
    expect(menu?.caption).toBe('多機関協働');
    expect(menu?.items.flatMap((i) => (i.kind === 'item' ? [i.caption] : []))).toEqual(MENU);
    expect(menu?.items.filter((i) => i.kind === 'separator')).toHaveLength(2);
  });

  it('gives 共通シート as display text: the header row, then the 60 demo cases, date cells as YYYY-MM-DD', async () => {
    const cases = tab(await workbook(), '共通シート');
    expect(cases.frozenRows).toBe(1);
    expect(cases.rowCount).toBe(61);
    expect(cases.rows.map((r) => r.row)).toEqual(Array.from({ length: 61 }, (_, i) => i + 1));
    expect(cases.rows[0]?.cells.slice(0, 3)).toEqual(['ケースID', '受付日', 'つなぎ元機関']);
    expect(cases.rows.slice(1).every((r) => /^\d{4}-\d{4}$/.test(r.cells[0] ?? ''))).toBe(true);
    // 受付日 as the file holds it: date cells as the calendar day in Tokyo, text as typed.
    await preview.saved();
    const saved = (await loadWorkbook(book)).sheets.find((s) => s.name === '共通シート')!;
    const expected = saved.cells.slice(1, 61).map((row) => {
      const value = row?.[1]?.value;
      return value instanceof Date ? value.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }) : String(value ?? '');
    });
    expect(cases.rows.slice(1).map((r) => r.cells[1])).toEqual(expected);
    expect(expected.filter((text) => /^\d{4}-\d{2}-\d{2}$/.test(text)).length).toBeGreaterThan(40);
    // The header cells carry their help notes.
    expect(cases.annotations.some((a) => a.row === 1 && a.column === 1 && a.note)).toBe(true);
  });
});

describe('POST /api/run', () => {
  it('runs 入力チェック from the menu: its alert, the marks on the page and in the saved file', async () => {
    const before = { bytes: readFileSync(book), mtime: statSync(book).mtimeMs };
    const result = await run('menuCheck');
    if (!result.ok) throw new Error(result.error);
    expect(result.alerts).toHaveLength(1);
    expect(result.alerts[0]).toContain('エラー 10件、注意 2件');
    expect(result.sidebarOpened).toBe(false);
    expect(result.calls).toBeGreaterThan(0);

    const cases = tab(await workbook(), '共通シート');
    const marked = cases.annotations.filter((a) => a.note?.includes(NOTE_MARKER));
    expect(marked.length).toBeGreaterThanOrEqual(10);
    expect(marked.some((a) => a.background === ERROR_COLOUR)).toBe(true);
    expect(marked.some((a) => a.background === WARNING_COLOUR)).toBe(true);

    await preview.saved();
    expect(statSync(book).mtimeMs).toBeGreaterThanOrEqual(before.mtime);
    expect(readFileSync(book).equals(before.bytes)).toBe(false);
    const saved = await loadWorkbook(book);
    const savedCases = saved.sheets.find((s) => s.name === '共通シート');
    const savedMarks = (savedCases?.cells ?? []).flatMap((row) => (row ?? []).filter((cell) => cell?.note?.includes(NOTE_MARKER)));
    expect(savedMarks).toHaveLength(marked.length);
    expect(savedMarks.every((cell) => cell?.background === ERROR_COLOUR || cell?.background === WARNING_COLOUR)).toBe(true);
  });

  it('opens the sidebar from the menu', async () => {
    const result = await run('menuOpenSidebar');
    expect(result).toMatchObject({ ok: true, sidebarOpened: true, sidebarTitle: 'つなぎ', alerts: [] });
  });

  it('runs 自己診断 from the menu and shows its report tab', async () => {
    const result = await run('menuSelfTest');
    expect(result).toMatchObject({ ok: true, alerts: [expect.stringContaining('結果はタブ「自己診断」にあります')] });
    const view = await workbook();
    expect(view.selection.sheet).toBe('自己診断');
    expect(view.tabs.find((t) => t.name === '自己診断')?.rows[1]?.cells.slice(0, 2)).toEqual(['ブック全体のセル数', 'OK']);
  });

  it('answers ok:false with the error for a name that is not a function of the bundle', async () => {
    const result = await run('noSuchFunction');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toContain('noSuchFunction');
    const internal = await run('tsunagi');
    expect(internal.ok).toBe(false);
  });

  it('answers calls sent together, one after another, leaving a whole file', async () => {
    const results = await Promise.all([run('menuCheck'), run('menuCheck')]);
    expect(results.map((r) => r.ok && r.alerts[0]?.includes('エラー 10件、注意 2件'))).toEqual([true, true]);
    await expect(loadWorkbook(book)).resolves.toBeDefined();
  });

  it('refuses malformed requests in Japanese', async () => {
    const cases: [Promise<Response>, number][] = [
      [post('/api/run', '{"functionName": '), 400],
      [post('/api/run', JSON.stringify({ functionName: 'menuCheck', args: 'x' })), 400],
      [post('/api/run', JSON.stringify({ args: [] })), 400],
      [post('/api/run', JSON.stringify({ functionName: 'menuCheck' }), { 'Content-Type': 'text/plain' }), 415],
      [post('/api/run', JSON.stringify({ functionName: 'x', args: ['a'.repeat(3 * 1024 * 1024)] })), 413],
    ];
    for (const [pending, status] of cases) {
      const response = await pending;
      expect(response.status).toBe(status);
      const body = (await response.json()) as { ok: boolean; error: string };
      expect(body.ok).toBe(false);
      expect(body.error).toMatch(JAPANESE);
    }
  });

  it('refuses a __proto__ key anywhere in the arguments, before any function runs', async () => {
    // Written as text: JSON.parse keeps __proto__ as a key, which a copy would turn into a hidden prototype.
    const sidebar = await post('/api/run', '{"functionName": "getSidebarState", "args": [{"__proto__": {"today": "2099-01-01"}}]}');
    expect(sidebar.status).toBe(400);
    expect(((await sidebar.json()) as { error: string }).error).toBe('「__proto__」という名前の項目は送れません。');
    const nested = await post('/api/run', '{"functionName": "saveCase", "args": [{"record": {"__proto__": {"caseId": "2024-0001"}}, "requestId": "proto-00001"}]}');
    expect(nested.status).toBe(400);
  });
});

describe('POST /api/select', () => {
  it('makes a tab and cell active, as the page does when a person clicks them', async () => {
    const response = await post('/api/select', JSON.stringify({ sheet: '支援記録', range: 'C3' }));
    expect(await response.json()).toEqual({ ok: true, selection: { sheet: '支援記録', range: 'C3' } });
    expect((await workbook()).selection).toEqual({ sheet: '支援記録', range: 'C3' });
    expect((await post('/api/select', JSON.stringify({ sheet: 'ない' }))).status).toBe(400);
    await post('/api/select', JSON.stringify({ sheet: '共通シート' }));
  });
});

describe('GET /sidebar', () => {
  it('is the built sidebar with the google.script shim before its own script', async () => {
    const response = await fetch(url('/sidebar'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    const html = await response.text();
    const built = readFileSync(join(__dirname, '../../dist/sidebar.html'), 'utf8');
    const scripts = [...html.matchAll(/<script>[\s\S]*?<\/script>/g)].map((m) => m[0]);
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    expect(scripts[0]).toMatch(/\.google\s*=/);
    expect(html.replace(scripts[0]!, '')).toBe(built);
  });

  describe('its google.script.run', () => {
    /** Runs the shim as the browser would, with fetch going to the preview and postMessage recorded. */
    async function shimmed(): Promise<{ google: { script: { run: Record<string, unknown>; host: { close(): void } } }; messages: unknown[] }> {
      const html = await (await fetch(url('/sidebar'))).text();
      const shim = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
      const messages: unknown[] = [];
      const window = {
        location: { origin: new URL(preview.url).origin, search: new URL(preview.url).search },
        parent: { postMessage: (message: unknown) => messages.push(message) },
      } as Record<string, unknown>;
      const context = vm.createContext({
        window,
        console,
        URLSearchParams,
        fetch: (path: string, init: RequestInit) => fetch(new URL(path, preview.url).href, init),
      });
      vm.runInContext(shim, context);
      return { google: window.google as never, messages };
    }

    type Runner = Record<string, (...args: unknown[]) => Runner>;

    it('calls the server function and hands the value and user object to the success handler', async () => {
      const { google, messages } = await shimmed();
      const run = google.script.run as unknown as Runner;
      const answer = await new Promise<unknown[]>((resolve, reject) => {
        run.withSuccessHandler!((...args: unknown[]) => resolve(args))
          .withFailureHandler!(reject)
          .withUserObject!('me')
          .checkEntries!({ mark: false });
      });
      const [value, userObject] = answer as [{ counts: { error: number; warning: number } }, string];
      expect(value.counts).toEqual({ error: 10, warning: 2 });
      expect(userObject).toBe('me');
      await new Promise((resolve) => setImmediate(resolve));
      expect(messages).toEqual([{ type: 'tsunagi:changed' }]);
    });

    it('routes a failure to the failure handler, is no thenable, and closes through the page', async () => {
      const { google, messages } = await shimmed();
      const run = google.script.run as unknown as Runner;
      const error = await new Promise<Error>((resolve) => {
        run.withFailureHandler!(resolve).noSuchFunction!();
      });
      expect(error.message).toContain('noSuchFunction');
      expect((google.script.run as { then?: unknown }).then).toBeUndefined();
      google.script.host.close();
      expect(messages).toEqual([{ type: 'tsunagi:close' }]);
    });
  });
});

describe('everything else', () => {
  it('is 404, or 405 for a known path with the wrong method', async () => {
    expect((await fetch(url('/nothing-here'))).status).toBe(404);
    expect((await fetch(url('/dist/Code.js'))).status).toBe(404);
    expect((await fetch(url('/api/run'))).status).toBe(405);
  });

  it('refuses another Host (DNS rebinding) and another Origin', async () => {
    expect(await getWithHost('/api/workbook', 'attacker.example')).toBe(403);
    const response = await post('/api/run', JSON.stringify({ functionName: 'menuCheck' }), {
      'Content-Type': 'application/json', Origin: 'http://attacker.example',
    });
    expect(response.status).toBe(403);
  });
});

describe('the token', () => {
  it('is random, in the address npm start prints, and required by the API, the sidebar and the dialog', async () => {
    expect(preview.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:\\d+/\\?token=${preview.token}$`));
    expect(preview.token.length).toBeGreaterThanOrEqual(32);
    const other = await startPreview({ bookPath: book, port: 0 });
    expect(other.token).not.toBe(preview.token);
    await other.close();
    const bare = (path: string): string => new URL(path, preview.url.replace(/\?.*$/, '')).href;
    for (const path of ['/api/workbook', '/sidebar', '/dialog', `/api/workbook?token=${preview.token.slice(1)}x`, '/api/workbook?token=']) {
      const response = await fetch(bare(path));
      expect([path, response.status]).toEqual([path, 403]);
      expect(((await response.json()) as { error: string }).error).toContain('token=');
    }
    const run = await fetch(bare('/api/run'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ functionName: 'menuCheck' }) });
    expect(run.status).toBe(403);
    expect((await fetch(bare('/'))).status).toBe(200); // the page holds no data; it passes its token on
  });
});

describe('close()', () => {
  it('frees the port', async () => {
    const other = await startPreview({ bookPath: book, port: 0 });
    const { port } = new URL(other.url);
    await fetch(other.url); // leaves a keep-alive connection open
    await other.close();
    const server = createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(Number(port), '127.0.0.1', resolve);
    });
    await new Promise((resolve) => server.close(resolve));
  });
});
