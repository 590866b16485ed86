// SPEC §11's promise to scripts, checked as a script sees it: the real
// command `npm run -s cli -- …` spawned as a child process, its stdout parsed
// as one JSON document (JSON.parse fails on anything before or after it), for
// every command's success and refusal. The build's own line goes to stderr.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const REPO = resolve(__dirname, '..', '..');
const TODAY = '2026-11-22';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number;
}

/** Runs a command line in the project folder, as a person's terminal or a script would. */
function spawn(file: string, args: readonly string[]): Promise<Run> {
  return new Promise((done) => {
    execFile(file, [...args], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const status = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      done({ stdout, stderr, status });
    });
  });
}

const cli = (...args: string[]): Promise<Run> => spawn('npm', ['run', '-s', 'cli', '--', ...args, '--today', TODAY]);

/** The whole of stdout as one JSON object. */
function document(stdout: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(stdout);
  expect(parsed).toEqual(expect.any(Object));
  expect(Array.isArray(parsed)).toBe(false);
  return parsed as Record<string, unknown>;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-contract-'));
  writeFileSync(join(dir, 'exists.xlsx'), 'a file that is already there');
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string): string => join(dir, name);

describe('the build', () => {
  it('says what it built on stderr only, and is skipped while dist/ is newer than the sources', async () => {
    const built = await spawn('npx', ['tsx', 'dev/build.ts']);
    expect(built.status).toBe(0);
    expect(built.stdout).toBe('');
    expect(built.stderr).toMatch(/^dist\/: Code\.js \(\d+ entry points\)/);

    const next = await spawn('npm', ['run', '-s', 'cli', '--', 'validate', file('none.xlsx')]);
    expect(next.status).toBe(2);
    expect(next.stderr).not.toContain('dist/');
  });
});

describe('--help', () => {
  it('prints the usage on stdout and exits 0', async () => {
    const run = await spawn('npm', ['run', '-s', 'cli', '--', '--help']);
    expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
    expect(run.stdout.startsWith('使い方：\n')).toBe(true);
    for (const command of ['init', 'demo', 'standardize', 'validate', 'agenda', 'counts']) {
      expect(run.stdout).toContain(`npm run -s cli -- ${command} <book.xlsx>`);
    }
  });
});

describe('--json: one JSON document on stdout and nothing else', () => {
  const demo = (): string => file('demo.xlsx');

  it('for every command that succeeds', async () => {
    const init = await cli('init', file('new.xlsx'), '--json');
    expect(init.status).toBe(0);
    expect(document(init.stdout)).toMatchObject({ book: file('new.xlsx'), createdTabs: expect.arrayContaining(['支援記録', '設定']) });

    const made = await cli('demo', demo(), '--cases', '40', '--json');
    expect(made.status).toBe(0);
    expect(document(made.stdout)).toMatchObject({ book: demo(), cases: 40 });

    // The demo holds planted mistakes: exit 1, and still one document.
    const validated = await cli('validate', demo(), '--json');
    expect(validated.status).toBe(1);
    expect(document(validated.stdout)).toMatchObject({ counts: { error: expect.any(Number), warning: expect.any(Number) } });

    const agenda = await cli('agenda', demo(), '--meeting', '支援会議', '--date', '令和8年12月8日', '--json');
    expect(agenda.status).toBe(0);
    expect(document(agenda.stdout)).toMatchObject({ sheet: '次第_2026-12-08_支援会議', meeting: { date: '2026-12-08' } });

    const counts = await cli('counts', demo(), '--fiscal-year', 'R8', '--json');
    expect(counts.status).toBe(0);
    expect(document(counts.stdout)).toMatchObject({ sheet: '集計_2026年度', fiscalYear: 2026 });

    // Last: it rewrites the demo's hand-typed dates in the standard form.
    const standardized = await cli('standardize', demo(), '--json');
    expect(standardized.status).toBe(0);
    expect(document(standardized.stdout)).toMatchObject({ sheet: '共通シート', backupSheet: expect.stringMatching(/^バックアップ_\d{8}_\d{6}$/) });

    for (const run of [init, made, standardized, validated, agenda, counts]) {
      expect(run.stderr).not.toMatch(JAPANESE);
      expect(document(run.stdout).calls).toEqual(expect.any(Number));
    }
  }, 600_000);

  it.each([
    ['init on an existing file', () => ['init', file('exists.xlsx')], 'すでにあります'],
    ['demo with a bad --cases', () => ['demo', file('other.xlsx'), '--cases', 'たくさん'], '--cases'],
    ['standardize of a missing file', () => ['standardize', file('none.xlsx')], 'が見つかりません'],
    ['validate of a file that is not there', () => ['validate', file('none.xlsx')], 'が見つかりません'],
    ['agenda without --meeting', () => ['agenda', file('exists.xlsx'), '--date', '2026-12-08'], '--meeting'],
    ['counts with a year that is not one', () => ['counts', file('exists.xlsx'), '--fiscal-year', 'きょねん'], '（指定：きょねん）'],
    ['an unknown option', () => ['validate', file('exists.xlsx'), '--fix'], '--fix'],
    ['an unknown command', () => ['frobnicate', file('exists.xlsx')], 'frobnicate'],
  ])('for a refusal: %s', async (_what, args, mentions) => {
    const run = await cli(...args(), '--json');
    expect(run.status).toBe(2);
    expect(run.stderr).toContain(mentions);
    expect(document(run.stdout)).toEqual({ error: run.stderr.trimEnd(), calls: 0 });
    expect(existsSync(file('other.xlsx'))).toBe(false);
  }, 120_000);
});
