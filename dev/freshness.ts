// Whether dist/ already holds the build of the sources as they are, so that
// `npm run cli` and `npm start` need not spend seconds rebuilding (the build
// is deterministic: same sources, same dist/). Directories count as inputs
// too: deleting or renaming a source file touches its folder.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Everything the build reads, relative to the project root. */
export const BUILD_INPUTS = ['src', 'sidebar', 'appsscript.json', 'dev/build.ts', 'package.json', 'package-lock.json', 'tsconfig.json'];
/** Everything the build writes. */
export const BUILD_OUTPUTS = ['dist/Code.js', 'dist/sidebar.html', 'dist/appsscript.json'];

/** The latest modification time of a file, or of a folder and everything in it. */
function latestChange(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((latest, name) => Math.max(latest, latestChange(join(path, name))), stat.mtimeMs);
}

/** True when every output exists and is newer than every input. */
export function distIsFresh(root: string): boolean {
  const outputs = BUILD_OUTPUTS.map((p) => join(root, p));
  if (!outputs.every((p) => existsSync(p))) return false;
  const oldestOutput = Math.min(...outputs.map((p) => statSync(p).mtimeMs));
  const newestInput = Math.max(...BUILD_INPUTS.map((p) => join(root, p)).filter((p) => existsSync(p)).map(latestChange));
  return oldestOutput > newestInput;
}

/** Builds dist/ when a source is newer; esbuild is loaded only then. */
export async function ensureBuilt(root: string = join(__dirname, '..')): Promise<void> {
  if (distIsFresh(root)) return;
  const { buildDist } = await import('./build');
  await buildDist();
}
