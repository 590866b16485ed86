// Builds what clasp pushes: dist/Code.js (one IIFE plus a top-level function
// declaration for every export of src/main.ts, since Apps Script calls only
// those), dist/sidebar.html (one self-contained page) and dist/appsscript.json.
import { build, type BuildOptions } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const GLOBAL_NAME = 'tsunagi';
const root = join(__dirname, '..');
const dist = join(root, 'dist');

const codeOptions: BuildOptions = {
  entryPoints: [join(root, 'src/main.ts')],
  bundle: true, target: 'es2019', platform: 'neutral', write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning',
};

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
  writeFileSync(join(dist, 'Code.js'), `${output.text}\n${stubs.join('\n')}\n`);
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
  writeFileSync(join(dist, 'sidebar.html'), `${before}<script>${script}</script>${after}`);
}

async function main(): Promise<void> {
  mkdirSync(dist, { recursive: true });
  const names = await buildCode();
  await buildSidebar();
  copyFileSync(join(root, 'appsscript.json'), join(dist, 'appsscript.json'));
  process.stdout.write(`dist/: Code.js (${names.length} entry points), sidebar.html, appsscript.json\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
