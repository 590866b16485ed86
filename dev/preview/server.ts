// The local preview behind `npm start`: one workbook opened in the local
// runtime, served on localhost as a page (tabs, menu, sidebar) whose every
// action calls a global function of the built dist/Code.js. The workbook
// lives in memory; the .xlsx is saved after the reply to each call that
// changed it, so a save from the sidebar answers as soon as the call is done
// (writing the file takes seconds). Saves are made one at a time; a save asked
// for while one runs is made once after it, of the workbook as it is then
// (the last state wins), and close() waits for it. A menu
// item's questions (ui.prompt, a choice ui.alert) are asked of the person:
// the call stops at the question, the page asks it, and runs the item again
// with the answers given so far (dev/runtime/README.md).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { openBook, type LocalBook } from '../session';
import { buildAssets, withShim } from './assets';
import { HttpError, readJson, sendHtml, sendJson } from './http';
import type { MenuRunResponse, PersonAnswer } from './types';
import { workbookView } from './workbookView';

export interface PreviewOptions {
  readonly bookPath: string;
  /** 0 picks a free port. */
  readonly port: number;
  readonly host?: string;
}

export interface Preview {
  /** The page's address, with the token every /api call, the sidebar and the dialog need. */
  readonly url: string;
  readonly token: string;
  /** Resolves once the .xlsx holds every change made so far (a save runs after each reply). */
  saved(): Promise<void>;
  /** Stops taking requests, lets a running call and its save finish, then frees the port. */
  close(): Promise<void>;
}

const SIDEBAR_HTML = resolve(__dirname, '..', '..', 'dist', 'sidebar.html');

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * The saves of the one .xlsx file, behind the replies: one at a time, and a
 * save asked for while one runs is made once when it ends, of the workbook as
 * it then is (the model is copied into the file's form before any await, so
 * each save is of one moment). A failed save is kept to be retried, and
 * reported, before the next call.
 */
export function backgroundSaves(save: () => Promise<void>): { request(): void; idle(): Promise<void>; failure(): unknown } {
  let running: Promise<void> | null = null;
  let again = false;
  let failed: unknown = null;
  const loop = async (): Promise<void> => {
    // Copying the model into the file's form holds the event loop for a while: the reply goes out first.
    await new Promise((started) => setImmediate(started));
    do {
      again = false;
      try {
        await save();
        failed = null;
      } catch (error) {
        failed = error;
      }
    } while (again);
    running = null;
  };
  const request = (): void => {
    if (running) again = true;
    else running = loop();
  };
  return {
    request,
    async idle() {
      while (running) await running;
    },
    failure: () => failed,
  };
}

type Saves = ReturnType<typeof backgroundSaves>;

const saveFailed = (book: LocalBook, error: unknown): HttpError =>
  new HttpError(500, `「${book.path}」に保存できませんでした。ほかのソフトで開いていれば閉じてください。（${messageOf(error)}）`);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface RunRequest {
  readonly functionName: string;
  readonly args: unknown[];
  /** Present for a menu item run by a person: their answers so far; a question not answered stops the call. */
  readonly answers?: readonly PersonAnswer[];
}

/**
 * Calls one global function; asks for a save when it wrote to the document
 * (even if it then failed). A save that failed before is made again first,
 * and the call refused if it fails again: the person learns the file is not
 * being written before doing more.
 */
async function runFunction(book: LocalBook, { functionName, args, answers }: RunRequest, saves: Saves): Promise<MenuRunResponse> {
  if (saves.failure()) {
    await saves.idle();
    if (saves.failure()) {
      saves.request();
      await saves.idle();
      if (saves.failure()) throw saveFailed(book, saves.failure());
    }
  }
  const { runtime } = book;
  const before = { alerts: runtime.alerts.length, sidebars: runtime.sidebars.length, dialogs: runtime.dialogs.length, writes: runtime.writes.length };
  let response: MenuRunResponse;
  runtime.askPerson(answers ?? null);
  try {
    const value = book.runFromPage(functionName, args);
    const sidebar = runtime.sidebars.length > before.sidebars ? runtime.sidebars.at(-1) : undefined;
    const dialog = runtime.dialogs.length > before.dialogs ? runtime.dialogs.at(-1) : undefined;
    response = {
      ok: true, value,
      alerts: runtime.alerts.slice(before.alerts),
      sidebarOpened: sidebar !== undefined,
      ...(sidebar ? { sidebarTitle: sidebar.title } : {}),
      dialogOpened: dialog !== undefined,
      ...(dialog ? { dialogTitle: dialog.title } : {}),
      calls: book.calls,
    };
  } catch (error) {
    response = { ok: false, error: messageOf(error) };
  }
  const question = runtime.takeQuestion();
  runtime.askPerson(null);
  const wrote = runtime.writes.length > before.writes;
  if (question) {
    // Running the item again with the answer is only honest when nothing was written before the question.
    response = wrote
      ? { ok: false, error: `「${question.title}」を尋ねる前にブックを書き換えたため、プレビューではこの操作を続けられません。` }
      : { ok: true, question, calls: book.calls };
  }
  if (wrote) saves.request();
  return response;
}

/**
 * Whether a parsed JSON value holds a `__proto__` key anywhere. JSON.parse keeps
 * it as an own key, but copying the object (as the runtime's bridge does) would
 * set the copy's prototype instead: a hidden field no schema could see.
 */
function holdsProtoKey(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (Array.isArray(value)) return value.some(holdsProtoKey);
  return Object.keys(value).some((key) => key === '__proto__' || holdsProtoKey((value as Record<string, unknown>)[key]));
}

function isAnswer(value: unknown): value is PersonAnswer {
  return isRecord(value) && typeof value.text === 'string' && typeof value.question === 'string'
    && (value.button === undefined || ['OK', 'CANCEL', 'YES', 'NO', 'CLOSE'].includes(value.button as string));
}

function parseRun(body: unknown): RunRequest {
  if (holdsProtoKey(body)) throw new HttpError(400, '「__proto__」という名前の項目は送れません。');
  if (!isRecord(body) || typeof body.functionName !== 'string' || !body.functionName
    || (body.args !== undefined && !Array.isArray(body.args))
    || (body.answers !== undefined && !(Array.isArray(body.answers) && body.answers.every(isAnswer)))) {
    throw new HttpError(400, '{"functionName": 関数名, "args": [引数…]} の形で送ってください。');
  }
  const answers = body.answers as PersonAnswer[] | undefined;
  return { functionName: body.functionName, args: (body.args as unknown[] | undefined) ?? [], ...(answers ? { answers } : {}) };
}

function select(book: LocalBook, body: unknown): void {
  if (!isRecord(body) || typeof body.sheet !== 'string' || (body.range !== undefined && typeof body.range !== 'string')) {
    throw new HttpError(400, '{"sheet": タブ名, "range": "C5"} の形で送ってください。');
  }
  try {
    book.runtime.select(body.sheet, body.range);
  } catch {
    throw new HttpError(400, `タブ「${body.sheet}」のセル「${body.range ?? 'A1'}」を選べません。`);
  }
}

export async function startPreview(options: PreviewOptions): Promise<Preview> {
  const host = options.host ?? '127.0.0.1';
  const [book, assets] = await Promise.all([openBook(resolve(options.bookPath)), buildAssets()]);
  book.runtime.call('onOpen'); // as opening the spreadsheet does: the menu appears
  const saves = backgroundSaves(() => book.save());
  let allowedHosts = new Set<string>();
  const token = randomBytes(24).toString('base64url');
  const hasToken = (url: URL): boolean => {
    const given = Buffer.from(url.searchParams.get('token') ?? '');
    const wanted = Buffer.from(token);
    return given.length === wanted.length && timingSafeEqual(given, wanted);
  };

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // Only this address may talk to the server: a DNS-rebinding page would send another Host,
    // a cross-site form another Origin.
    if (!allowedHosts.has(req.headers.host ?? '')) throw new HttpError(403, 'このアドレスからは使えません。');
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.has(origin.replace(/^http:\/\//, ''))) throw new HttpError(403, 'ほかのサイトからは使えません。');
    const url = new URL(req.url ?? '/', 'http://preview.invalid');
    // The page itself holds no data; everything that reads or changes the workbook needs the token.
    if ((url.pathname.startsWith('/api/') || url.pathname === '/sidebar' || url.pathname === '/dialog') && !hasToken(url)) {
      throw new HttpError(403, 'このプレビューは、npm start が表示したアドレス（token= 付き）から開いてください。');
    }
    switch (`${req.method ?? ''} ${url.pathname}`) {
      case 'GET /':
        return sendHtml(res, assets.page);
      case 'GET /sidebar':
        // The page the last showSidebar was given (a menu may open it on one view), else the built one.
        return sendHtml(res, withShim(book.runtime.sidebars.at(-1)?.content ?? await readFile(SIDEBAR_HTML, 'utf8'), assets.shim));
      case 'GET /dialog': {
        const dialog = book.runtime.dialogs.at(-1);
        if (!dialog) throw new HttpError(404, 'まだダイアログは開かれていません。');
        return sendHtml(res, withShim(dialog.content, assets.shim));
      }
      case 'GET /api/workbook':
        return sendJson(res, 200, workbookView(book.runtime, book.path));
      case 'POST /api/run': {
        return sendJson(res, 200, await runFunction(book, parseRun(await readJson(req)), saves));
      }
      case 'POST /api/select': {
        const body = await readJson(req);
        select(book, body);
        return sendJson(res, 200, { ok: true, selection: book.runtime.selection() });
      }
    }
    const known = ['/', '/sidebar', '/dialog', '/api/workbook', '/api/run', '/api/select'];
    if (known.includes(url.pathname)) throw new HttpError(405, 'この方法では使えません。');
    throw new HttpError(404, `「${url.pathname}」はありません。`);
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      const status = error instanceof HttpError ? error.status : 500;
      if (res.headersSent) return res.destroy();
      // A body cut off at the size limit is not read to its end; the connection goes instead.
      sendJson(res, status, { ok: false, error: messageOf(error) }, status === 413 ? { Connection: 'close' } : {});
    });
  });
  // A save behind a reply holds the event loop for seconds; when it lets go, an idle connection's
  // keep-alive timer (5 s by default) would fire before the request already waiting on it, and the
  // page's POST would see the connection reset.
  server.keepAliveTimeout = 120_000;
  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen(options.port, host, () => {
      server.off('error', fail);
      done();
    });
  });
  const { port } = server.address() as AddressInfo;
  const authority = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  allowedHosts = new Set([authority, `127.0.0.1:${port}`, `localhost:${port}`]);
  return {
    url: `http://${authority}/?token=${token}`,
    token,
    saved: () => saves.idle(),
    async close() {
      const closed = new Promise<void>((done) => server.close(() => done()));
      await saves.idle();
      server.closeAllConnections();
      await closed;
    },
  };
}
