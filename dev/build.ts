// Builds what clasp pushes: dist/Code.js (one IIFE plus a top-level function
// declaration for every export of src/main.ts, since Apps Script calls only
// those), dist/sidebar.html (one self-contained page) and dist/appsscript.json.
// `npm run cli` and `npm start` call it only when dist/ is older than a source
// (dev/freshness.ts). Its one line goes to stderr, so that stdout stays the
// CLI's own (`npm run -s cli -- … --json | jq`).
import { build, type BuildOptions } from 'esbuild';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GLOBAL_NAME = 'tsunagi';
const root = join(__dirname, '..');
const dist = join(root, 'dist');

const codeOptions: BuildOptions = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true, target: 'es2019', platform: 'neutral', write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning',
};

/** Written whole or not at all: a test or preview reading dist/ never sees half a file. */
function writeDist(name: string, text: string): void {
  const path = join(dist, name);
  const part = `${path}.${process.pid}.tmp`;
  writeFileSync(part, text);
  renameSync(part, path);
}

/** The names src/main.ts exports, as esbuild sees them (only an ES module build lists them). */

async function entryPointNames(): Promise<string[]> {
  const result = await build({ ...codeOptions, format: 'esm', metafile: true });
  const meta = Object.values(result.metafile?.outputs ?? {})[0];
  if (!meta) throw new Error('esbuild produced no output');
  return [...meta.exports].sort();
}

async function buildCode(): Promise<string[]> {
  const result = await build({ ...codeOptions, format: 'iife', globalName: GLOBAL_NAME });
  const [output] = result.outputFiles ?? [];
  if (!output) throw new Error('esbuild produced no output');
  const names = await entryPointNames();
  const stubs = names.map((name) => `function ${name}(...args) { return ${GLOBAL_NAME}.${name}(...args); }`);
  writeDist('Code.js', `${output.text}\n${stubs.join('\n')}\n`);
  return names;
}

async function buildSidebar(): Promise<void> {
  const result = await build({
    entryPoints: [join(root, 'sidebar/main.ts')],
    bundle: true, format: 'iife', target: 'es2019', platform: 'browser', minify: true,
    write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning',
  });
  // Inline script text must not close its own <script> element.
  const script = result.outputFiles[0]!.text.replace(/<\/(script)/gi, '<\\/$1');
  const page = readFileSync(join(root, 'sidebar/index.html'), 'utf8');
  const [before, after] = page.split('<!-- SCRIPT -->');
  if (after === undefined) throw new Error('sidebar/index.html has no <!-- SCRIPT --> marker');
  writeDist('sidebar.html', `${before}<script>${script}</script>${after}`);
}

export async function buildDist(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const names = await buildCode();
  await buildSidebar();
  writeDist('appsscript.json', readFileSync(join(root, 'appsscript.json'), 'utf8'));
  process.stderr.write(`dist/: Code.js (${names.length} entry points), sidebar.html, appsscript.json\n`);
}

if (require.main === module) {
  buildDist().catch((error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  });
}
