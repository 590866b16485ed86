import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createModel, loadBundle, loadWorkbook, saveWorkbook, type Model, type Runtime } from '../../dev/runtime';

export function tempFile(name: string): string {
  return join(mkdtempSync(join(tmpdir(), 'tsunagi-runtime-')), name);
}

/** A hand-written bundle run against a fresh model with the given tabs. */
export function runtimeWith(code: string, sheetNames: readonly string[] = ['A'], options: { user?: string; htmlDir?: string } = {}): Runtime {
  return loadBundle(code, createModel('test', { sheetNames }), options);
}

/** Saves the model, loads it back and runs `code` against the loaded copy. */
export async function roundTrip(model: Model, code: string): Promise<{ model: Model; runtime: Runtime; path: string }> {
  const path = tempFile('book.xlsx');
  await saveWorkbook(model, path);
  const loaded = await loadWorkbook(path);
  return { model: loaded, runtime: loadBundle(code, loaded), path };
}
