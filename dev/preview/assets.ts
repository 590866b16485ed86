// The preview's two pages, built once when the server starts: the workbook
// page with its script inlined, and the shim that gives the sidebar page
// google.script.run.
import { build } from 'esbuild';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface Assets {
  /** The whole preview page. */
  readonly page: string;
  /** A `<script>` element defining google.script.run and google.script.host. */
  readonly shim: string;
}

async function inlineScript(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [entry], bundle: true, format: 'iife', target: 'es2020', platform: 'browser',
    write: false, charset: 'utf8', legalComments: 'none', logLevel: 'warning',
  });
  const [output] = result.outputFiles;
  if (!output) throw new Error(`esbuild produced no output for ${entry}`);
  // Inline script text must not close its own <script> element.
  return `<script>${output.text.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
}

export async function buildAssets(): Promise<Assets> {
  const [template, pageScript, shim] = await Promise.all([
    readFile(join(__dirname, 'page', 'index.html'), 'utf8'),
    inlineScript(join(__dirname, 'page', 'main.ts')),
    inlineScript(join(__dirname, 'shim.ts')),
  ]);
  const [before, after] = template.split('<!-- SCRIPT -->');
  if (after === undefined) throw new Error('dev/preview/page/index.html has no <!-- SCRIPT --> marker');
  return { page: before + pageScript + after, shim };
}

/** The sidebar page with the shim first in <head>, so it runs before any script of the page. */
export function withShim(sidebarHtml: string, shim: string): string {
  const head = /<head\b[^>]*>/i.exec(sidebarHtml);
  if (!head) return shim + sidebarHtml;
  const at = head.index + head[0].length;
  return sidebarHtml.slice(0, at) + shim + sidebarHtml.slice(at);
}
