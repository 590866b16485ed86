// SPEC §11 and §13 from the command line: a workbook with a tab too large for
// one run is refused like any other unusable workbook — the Japanese message
// on stderr (and as `error` with --json), exit 2, the file left unchanged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { loadWorkbook, saveWorkbook } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';

const TODAY = '2026-11-22';
const cli = (...args: string[]) => runCli([...args, '--today', TODAY]);

let dir = '';
const file = (name: string): string => join(dir, name);

/** The demo saved with a value left far below the table of a tab. */
async function withStrayValue(tab: string, row: number): Promise<string> {
  const model = await loadWorkbook(file('demo.xlsx'));
  ensureCell(findSheet(model, tab)!, row, 1).value = '消し忘れ';
  const path = file(`${tab}.xlsx`);
  await saveWorkbook(model, path);
  return path;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-cli-limits-'));
  expect((await cli('demo', file('demo.xlsx'), '--cases', '40')).exitCode).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const COMMANDS = {
  validate: ['validate'],
  counts: ['counts', '--fiscal-year', '令和8'],
  agenda: ['agenda', '--meeting', '支援会議', '--date', '令和8年12月8日'],
} as const;

describe.each([
  { tab: '共通シート', row: 90_002, columns: 31, commands: ['validate', 'counts', 'agenda'] },
  { tab: '支援記録', row: 1_048_576, columns: 8, commands: ['validate', 'counts'] },
] as const)('a value left in row $row of $tab', ({ tab, row, columns, commands }) => {
  const message = `タブ「${tab}」は ${row.toLocaleString('ja-JP')}行 × ${columns}列あり、一度に処理できる大きさ（300,000行、2,500,000セル）を超えています。何も変更していません。`;

  it.each(commands)('%s says so, as text and as JSON, exits 2 and leaves the file as it was', async (command) => {
    const path = await withStrayValue(tab, row);
    const before = readFileSync(path);
    const [name, ...options] = COMMANDS[command];
    const text = await cli(name, path, ...options);
    expect(text).toEqual({ stdout: '', stderr: expect.stringContaining(message), exitCode: 2 });
    const json = await cli(name, path, ...options, '--json');
    expect(json.exitCode).toBe(2);
    expect(JSON.parse(json.stdout)).toEqual({ error: json.stderr.trimEnd(), calls: expect.any(Number) });
    expect(json.stderr).toBe(text.stderr);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 120_000);
});
