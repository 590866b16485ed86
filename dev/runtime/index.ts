// The local Apps Script runtime: evaluates the bundle clasp pushes (dist/Code.js)
// in a fresh vm context whose globals are the emulated services, against a
// model loaded from an .xlsx.
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { format, types } from 'node:util';
import vm from 'node:vm';
import ts from 'typescript';
import { a1Notation, parseA1 } from './a1';
import { Bridge, LABEL, SERVICE, type Realm } from './bridge';
import { CallLog, type WriteRecord } from './calls';
import { createModel, findSheet, type Model } from './model';
import { manifestScopes, requireScope } from './scopes';
import { callableFromPage, encodeArguments, encodeResult } from './scriptRun';
import { SCRIPT_TIME_ZONE, createServices } from './services';
import { RuntimeState, type DialogRecord, type LockState, type MenuRecord, type PromptAnswer, type PromptRecord, type QuestionRecord, type SidebarRecord, type ToastRecord } from './state';
import { loadWorkbook, saveWorkbook, stampOf } from './xlsx';

export type { Model } from './model';
export type { DialogRecord, MenuEntry, MenuRecord, PromptAnswer, PromptRecord, QuestionRecord, SidebarRecord, ToastRecord } from './state';
export type { WriteRecord } from './calls';
export type { LockState } from './state';
export { newLockState } from './state';
export { WorkbookFileError, loadWorkbook, saveWorkbook, stampOf, type FileStamp } from './xlsx';
export { createModel } from './model';

export const DEFAULT_USER = 'local@example.invalid';

export interface RuntimeOptions {
  /** The email Session.getActiveUser() reports; '' is what Apps Script gives when it cannot tell. */
  user?: string;
  /** Where HtmlService finds `<name>.html`; default `dist`. */
  htmlDir?: string;
  /**
   * A document lock shared with other runtimes on the same model, each runtime
   * being one Apps Script execution (newLockState()); default: this runtime's own.
   * Sharing it also shares the document: each execution's writes stay pending,
   * unseen by the others, until SpreadsheetApp.flush() or the end of the call.
   */
  lock?: LockState;
  /** Called after each service call completes, with `Kind.method`, its target and arguments, e.g. to start another execution at that point. */
  onServiceCall?: (call: string, target: string, args: readonly unknown[]) => void;
  /** The instant `new Date()` and `Date.now()` give inside the script (tests fix "today" this way); default: the real clock. */
  now?: Date;
  /**
   * The project's OAuth scopes; a method needing one that is missing throws
   * Apps Script's permission error; 'inferred' (a manifest without
   * oauthScopes) allows all. Default: those of `dist/appsscript.json`.
   */
  oauthScopes?: readonly string[] | 'inferred';
  /** False: LockService.getDocumentLock() gives null, as outside the document's context. Default true. */
  documentLock?: boolean;
}

export interface Runtime {
  /** Calls the bundle's top-level function declaration `functionName`. */
  call<T = unknown>(functionName: string, ...args: unknown[]): T;
  /** Calls it as google.script.run does from the sidebar: arguments and result through its codec (scriptRun.ts). */
  run<T = unknown>(functionName: string, ...args: unknown[]): T;
  /** Calls it as a time-driven trigger does: no UI (getUi() throws), no active range. */
  runTrigger<T = unknown>(functionName: string, event?: unknown): T;
  /** Service calls made since the start or the last resetCalls(). */
  readonly calls: number;
  resetCalls(): void;
  /** Cells read and written by those calls (a range's area per read or write; resetCalls() zeroes them too). */
  readonly cellsRead: number;
  readonly cellsWritten: number;
  /**
   * Milliseconds those calls spent in the emulated services and in copying
   * across the boundary: the emulator's work, which Apps Script does on
   * Google's servers (the bench charges it per call and per cell instead).
   */
  readonly serviceMs: number;
  /** The same calls by `Kind.method`, e.g. `{"Range.getValues": 3}`. */
  callsByMethod(): Record<string, number>;
  readonly model: Model;
  readonly alerts: readonly string[];
  readonly menus: readonly MenuRecord[];
  readonly toasts: readonly ToastRecord[];
  readonly sidebars: readonly SidebarRecord[];
  /** Dialogs shown with showModelessDialog, in order. */
  readonly dialogs: readonly DialogRecord[];
  /** ui.prompt dialogs shown, with the answer each got. */
  readonly prompts: readonly PromptRecord[];
  /** Queues the answer to the next ui.prompt (otherwise a person accepts the default: '' and OK). */
  answerPrompt(answer: PromptAnswer): void;
  /**
   * For the preview: from now on a prompt or a choice alert (OK_CANCEL,
   * YES_NO…) is not answered with the default but stops the call unless
   * `answers` holds this person's answer to that very question; null turns
   * it off. The question it stopped at is in takeQuestion().
   */
  askPerson(answers: readonly PromptAnswer[] | null): void;
  /** The question the last call stopped at (and forgets it), or null. */
  takeQuestion(): QuestionRecord | null;
  /** Logger.log and console output, one entry per call. */
  readonly logs: readonly string[];
  /** Whether the document lock is held now (it is released when each call() ends). */
  readonly lockHeld: boolean;
  /** How many times the document lock was taken. */
  readonly lockAcquisitions: number;
  /** Every call that changed the document, with whether the document lock was held. */
  readonly writes: readonly WriteRecord[];
  /** The active sheet and range, as a person's selection would set them (not counted). */
  select(sheetName: string, a1Notation?: string): void;
  selection(): { sheet: string; range: string };
  /** Sets the script's clock (undefined: the real one), as the days pass between two executions. */
  setNow(now: Date | undefined): void;
}

/** Names of the script's top-level function declarations: what Apps Script can run from a menu or google.script.run. */
function topLevelFunctions(code: string): Set<string> {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  const names = new Set<string>();
  for (const statement of source.statements) {
    if (ts.isFunctionDeclaration(statement) && statement.name) names.add(statement.name.text);
  }
  return names;
}

/** An error thrown in the context, rebuilt as a host Error so `instanceof Error` holds for callers. */
function hostError(error: unknown): unknown {
  if (error instanceof Error || !types.isNativeError(error)) return error;
  const copy = new Error((error as Error).message);
  copy.name = (error as Error).name;
  copy.stack = (error as Error).stack;
  return copy;
}

/**
 * Replaces the context's Date with one whose clock can be fixed. Instances
 * stay real Dates of the context (same prototype), so `instanceof Date` and
 * the bridge are unaffected; only `new Date()` and `Date.now()` read the clock.
 */
const CLOCK_SCRIPT = `(() => {
  const RealDate = Date;
  const clock = { now: undefined };
  function ClockDate(...args) {
    if (!new.target) return String(new RealDate(clock.now !== undefined ? clock.now : RealDate.now()));
    if (args.length === 0 && clock.now !== undefined) return Reflect.construct(RealDate, [clock.now], new.target);
    return Reflect.construct(RealDate, args, new.target);
  }
  ClockDate.prototype = RealDate.prototype;
  ClockDate.now = () => (clock.now !== undefined ? clock.now : RealDate.now());
  ClockDate.UTC = RealDate.UTC;
  ClockDate.parse = RealDate.parse;
  globalThis.Date = ClockDate;
  return (ms) => { clock.now = ms; };
})()`;

function captureConsole(logs: string[]): Record<string, (...args: unknown[]) => void> {
  const write = (...args: unknown[]): void => {
    logs.push(format(...args));
  };
  return { log: write, info: write, warn: write, error: write, debug: write };
}

export function loadBundle(codeJs: string, model: Model, options: RuntimeOptions = {}): Runtime {
  // Apps Script runs Date's local-time methods (new Date(y, m, d), getDate()…)
  // in the script's time zone; Node applies a TZ change at once. Under jest,
  // process.env is a sandboxed copy, so there this has no effect.
  if (Intl.DateTimeFormat().resolvedOptions().timeZone !== SCRIPT_TIME_ZONE) process.env.TZ = SCRIPT_TIME_ZONE;
  const state = new RuntimeState(model, options.user ?? DEFAULT_USER, options.htmlDir ?? resolve('dist'), options.lock, options.documentLock ?? true);
  const log = new CallLog(() => state.holdsLock);
  const sandbox: Record<string, unknown> = {};
  const context = vm.createContext(sandbox, { name: 'Apps Script', codeGeneration: { strings: true, wasm: false } });
  const realm = vm.runInContext('({ Array, Object, Date, Error, TypeError, RangeError })', context) as Realm;
  const setClock = vm.runInContext(CLOCK_SCRIPT, context) as (ms: number | undefined) => void;
  setClock(options.now?.getTime());
  const scopes = options.oauthScopes ?? manifestScopes(resolve('dist', 'appsscript.json'));
  const bridge = new Bridge(realm, (target, method, completed, args, elapsedMs) => {
    log.record(target, method, completed, args, elapsedMs);
    if (completed) options.onServiceCall?.(`${target[SERVICE]}.${method}`, target[LABEL]?.() ?? '', args);
  }, (target, method) => requireScope(scopes, target[SERVICE], method));
  const { spreadsheet, globals } = createServices(state);
  for (const [name, service] of Object.entries(globals)) sandbox[name] = bridge.toContext(service);
  sandbox.console = captureConsole(state.logs);
  new vm.Script(codeJs, { filename: 'Code.js' }).runInContext(context);
  const functions = topLevelFunctions(codeJs);

  const call = <T>(functionName: string, args: readonly unknown[]): T => {
    const fn = sandbox[functionName];
    if (!functions.has(functionName) || typeof fn !== 'function') {
      throw new Error(`The bundle has no top-level function declaration named "${functionName}".`);
    }
    state.pending?.begin(state.execution);
    try {
      return bridge.fromContext(Reflect.apply(fn, undefined, args.map((a) => bridge.toContext(a)))) as T;
    } catch (error) {
      throw hostError(error);
    } finally {
      state.pending?.end(state.execution); // the end of an execution publishes its writes
      state.releaseLock(); // Apps Script releases a script's locks when it ends
    }
  };

  return {
    call: <T>(functionName: string, ...args: unknown[]): T => call<T>(functionName, args),
    run<T>(functionName: string, ...args: unknown[]): T {
      if (!callableFromPage(functionName)) throw new Error(`Script function not found: ${functionName}`);
      return encodeResult(call(functionName, encodeArguments(args))) as T;
    },
    runTrigger<T>(functionName: string, event?: unknown): T {
      state.context = 'trigger';
      try {
        return call<T>(functionName, event === undefined ? [] : [event]);
      } finally {
        state.context = 'user';
      }
    },
    get calls() {
      return log.total;
    },
    get cellsRead() {
      return log.cellsRead;
    },
    get cellsWritten() {
      return log.cellsWritten;
    },
    get serviceMs() {
      return log.serviceMs;
    },
    resetCalls: () => log.reset(),
    callsByMethod: () => Object.fromEntries(log.byMethod),
    model,
    alerts: state.alerts,
    menus: state.menus,
    toasts: state.toasts,
    sidebars: state.sidebars,
    dialogs: state.dialogs,
    prompts: state.prompts,
    answerPrompt: (answer) => {
      state.promptAnswers.push(answer);
    },
    askPerson: (answers) => {
      state.askingPerson = answers !== null;
      state.promptAnswers.splice(0, state.promptAnswers.length, ...(answers ?? []));
      state.pendingQuestion = null;
    },
    takeQuestion: () => {
      const question = state.pendingQuestion;
      state.pendingQuestion = null;
      return question;
    },
    logs: state.logs,
    get lockHeld() {
      return state.holdsLock;
    },
    get lockAcquisitions() {
      return state.lock.acquisitions;
    },
    writes: log.writes,
    select(sheetName: string, a1?: string): void {
      const sheet = findSheet(model, sheetName);
      if (!sheet) throw new Error(`No sheet named "${sheetName}".`);
      spreadsheet.active = a1 === undefined ? { sheetId: sheet.id } : { sheetId: sheet.id, rect: parseA1(a1, () => sheet).rect };
    },
    setNow: (now) => setClock(now?.getTime()),
    selection() {
      const sheet = spreadsheet.activeSheetModel();
      const rect = spreadsheet.active?.sheetId === sheet.id ? spreadsheet.active.rect : undefined;
      return { sheet: sheet.name, range: a1Notation(rect ?? { row: 1, column: 1, numRows: 1, numColumns: 1 }) };
    },
  };
}

export interface OpenOptions extends RuntimeOptions {
  /** The bundle to run; default `dist/Code.js`. */
  codePath?: string;
  /** Start from a new spreadsheet with one empty sheet instead of reading `path`. */
  create?: boolean;
}

/**
 * Loads `path` and the built bundle; save() writes the model back to `path`,
 * refusing when the file changed on disk since (or, with `create`, appeared).
 */
export async function openWorkbook(path: string, options: OpenOptions = {}): Promise<{ runtime: Runtime; save(): Promise<void> }> {
  const codePath = options.codePath ?? resolve('dist', 'Code.js');
  let code: string;
  try {
    code = await readFile(codePath, 'utf8');
  } catch {
    throw new Error(`${codePath} is missing: run npm run build first.`);
  }
  let stamp = options.create ? 'absent' : await stampOf(path);
  const model = options.create
    ? createModel(basename(path, extname(path)), { sheetNames: ['Sheet1'] })
    : await loadWorkbook(path);
  const oauthScopes = options.oauthScopes ?? manifestScopes(join(dirname(codePath), 'appsscript.json'));
  const runtime = loadBundle(code, model, { ...options, htmlDir: options.htmlDir ?? dirname(codePath), oauthScopes });
  return {
    runtime,
    save: async () => {
      stamp = await saveWorkbook(model, path, stamp);
    },
  };
}
