// A workbook file opened in the local runtime, the way the CLI and the preview
// use it: run one global function at a time, count its service calls, save.
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
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

/** Why a save failed, in Japanese; the file is always left as it was. */
export function describeSaveError(path: string, error: unknown): Error {
  const unchanged = 'ファイルは元のままです。';
  if (error instanceof WorkbookFileError && error.reason === 'readOnly') {
    return new Error(`「${path}」は読み取り専用のため保存しません。${unchanged}書き込めるようにしてから、もう一度実行してください。`);
  }
  if (error instanceof WorkbookFileError && error.reason === 'changed') {
    return new Error(`「${path}」は実行中にほかの方（または別のアプリ）が保存したため、上書きしません。${unchanged}開き直して、もう一度実行してください。`);
  }
  switch ((error as NodeJS.ErrnoException | undefined)?.code) {
    case 'EACCES':
    case 'EPERM':
      return new Error(`「${path}」を保存する権限がありません。${unchanged}フォルダ「${dirname(path)}」に書き込めるか確かめてください。`);
    case 'ENOSPC':
    case 'EDQUOT':
      return new Error(`ディスクの空きが足りないため「${path}」を保存できませんでした。${unchanged}空きを作ってから、もう一度実行してください。`);
    case 'EROFS':
      return new Error(`「${path}」は読み取り専用の場所（USBメモリの書き込み禁止など）にあるため保存できません。${unchanged}`);
    case 'ENOENT':
      return new Error(`保存先のフォルダ「${dirname(path)}」が見つかりません（実行中に移動・削除された可能性があります）。保存していません。`);
    default:
      return error instanceof Error ? error : new Error(String(error));
  }
}

/**
 * For tests of a file changed while a command runs: with
 * TSUNAGI_HOLD_BEFORE_SAVE set to a path, save() says so on stderr and waits
 * until that file exists, so that a test can save the book meanwhile as a
 * colleague would. It changes nothing itself.
 */
async function holdBeforeSave(): Promise<void> {
  const signal = process.env.TSUNAGI_HOLD_BEFORE_SAVE;
  if (!signal) return;
  process.stderr.write(`保存の前で待っています（TSUNAGI_HOLD_BEFORE_SAVE=${signal}）\n`);
  while (!existsSync(signal)) await sleep(20);
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
    save: async () => {
      await holdBeforeSave();
      try {
        await save();
      } catch (error) {
        throw describeSaveError(path, error);
      }
    },
  };
}

export const openBook = (path: string): Promise<LocalBook> => open(path, false);
/** A new spreadsheet with one empty tab, as Google creates it; nothing is written until save(). */
export const createBook = (path: string): Promise<LocalBook> => open(path, true);
