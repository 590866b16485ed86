// When `npm run cli` may skip the build: dist/ complete and newer than every
// source. Checked on a folder laid out like the project, with file times set.
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { distIsFresh } from '../../dev/freshness';

let root = '';
const at = (minutes: number): Date => new Date(Date.UTC(2026, 10, 22, 9, minutes));

function put(path: string, minutes: number): void {
  const full = join(root, path);
  mkdirSync(dirname(full), { recursive: true });
  writeFileSync(full, path);
  utimesSync(full, at(minutes), at(minutes));
}

/** Sets a folder's own time, as creating or deleting a file in it would. */
function touchFolder(path: string, minutes: number): void {
  utimesSync(join(root, path), at(minutes), at(minutes));
}

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'tsunagi-fresh-'));
  for (const source of ['src/main.ts', 'src/domain/fields.ts', 'sidebar/index.html', 'appsscript.json', 'dev/build.ts', 'package.json', 'package-lock.json', 'tsconfig.json']) {
    put(source, 0);
  }
  for (const folder of ['src/domain', 'src', 'sidebar', 'dev']) touchFolder(folder, 0);
  for (const output of ['dist/Code.js', 'dist/sidebar.html', 'dist/appsscript.json']) put(output, 10);
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

describe('distIsFresh', () => {
  it('is true when every output is newer than every source', () => {
    expect(distIsFresh(root)).toBe(true);
  });

  it.each(['src/domain/fields.ts', 'sidebar/index.html', 'appsscript.json', 'dev/build.ts', 'package-lock.json', 'tsconfig.json'])(
    'is false once %s is edited after the build', (source) => {
      put(source, 20);
      expect(distIsFresh(root)).toBe(false);
    },
  );

  it('is false when a source file is deleted after the build (its folder changes)', () => {
    unlinkSync(join(root, 'src/domain/fields.ts'));
    touchFolder('src/domain', 20);
    expect(distIsFresh(root)).toBe(false);
  });

  it('is false when an output is missing', () => {
    unlinkSync(join(root, 'dist/sidebar.html'));
    expect(distIsFresh(root)).toBe(false);
  });

  it('is false when one output is older than a source, even if the others are newer', () => {
    put('dist/appsscript.json', 0);
    put('appsscript.json', 5);
    expect(distIsFresh(root)).toBe(false);
  });

  it('ignores files outside the sources (a workbook, the tests)', () => {
    put('demo.xlsx', 30);
    put('test/cli/cli.test.ts', 30);
    expect(distIsFresh(root)).toBe(true);
  });
});
