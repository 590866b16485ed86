// A workbook file opened in the local runtime, the way the CLI and the preview
// use it: run one global function at a time, count its service calls, save.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { openWorkbook, WorkbookFileError, type Runtime } from './runtime';

export interface LocalBook {
  readonly path: string;
  readonly runtime: Runtime;
  /** Calls a global function of dist/Code.js, as a menu would. */
  run<T = unknown>(functionName: string, ...args: unknown[]): T;
  /** Calls it as the page's google.script.run does, through its codec. */
  runFromPage(functionName: string, args: readonly unknown[]): unknown;
  /** The Apps Script service calls the last run() made. */
  readonly calls: number;
  /** The Apps Script service calls of every run() since the book was opened. */
  readonly allCalls: number;
  save(): Promise<void>;
}

const CODE_PATH = resolve(__dirname, '..', 'dist', 'Code.js');

function describeOpenError(path: string, error: unknown): Error {
  if (!existsSync(path)) return new Error(`ファイル「${path}」が見つかりません。パスを確かめてください。`);
  if (error instanceof WorkbookFileError) return new Error(`「${path}」を Excel ブック（.xlsx）として読めません。ファイルが壊れていないか、形式を確かめてください。`);
  return error instanceof Error ? error : new Error(String(error));
}

async function open(path: string, create: boolean): Promise<LocalBook> {
  let opened: Awaited<ReturnType<typeof openWorkbook>>;
  try {
    opened = await openWorkbook(path, { create, codePath: CODE_PATH });
  } catch (error) {
    throw describeOpenError(path, error);
  }
  const { runtime, save } = opened;
  let calls = 0;
  let allCalls = 0;
  const counted = <T>(work: () => T): T => {
    runtime.resetCalls();
    try {
      return work();
    } finally {
      calls = runtime.calls;
      allCalls += calls;
    }
  };
  return {
    path,
    runtime,
    run: <T>(functionName: string, ...args: unknown[]): T => counted(() => runtime.call<T>(functionName, ...args)),
    runFromPage: (functionName: string, args: readonly unknown[]): unknown => counted(() => runtime.run(functionName, ...args)),
    get calls() {
      return calls;
    },
    get allCalls() {
      return allCalls;
    },
    save,
  };
}

export const openBook = (path: string): Promise<LocalBook> => open(path, false);
/** A new spreadsheet with one empty tab, as Google creates it; nothing is written until save(). */
export const createBook = (path: string): Promise<LocalBook> => open(path, true);
