// SPEC §11: the .xlsx is the town's file. A saving command keeps, on every
// tab, what the add-on does not understand; refuses a read-only file; refuses
// to overwrite a file a colleague saved while the command ran; and says
// system errors in Japanese. Checked as an outsider: the real command spawned,
// the file written and reopened with exceljs.
import { spawn } from 'node:child_process';
import { chmodSync, copyFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describeSaveError } from '../../dev/session';

const REPO = resolve(__dirname, '..', '..');
// Each case spawns the real command once or twice, on a machine shared with other work.
jest.setTimeout(180_000);
const TODAY = '2026-11-22';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly status: number | null;
}

/** The real command; `whileHeld` runs when it waits before saving (TSUNAGI_HOLD_BEFORE_SAVE), as a colleague acting meanwhile. */
function cli(args: readonly string[], whileHeld?: () => Promise<void>): Promise<Run> {
  const signal = join(mkdtempSync(join(tmpdir(), 'tsunagi-signal-')), 'go');
  const env = whileHeld ? { ...process.env, TSUNAGI_HOLD_BEFORE_SAVE: signal } : process.env;
  return new Promise((done) => {
    const child = spawn('npx', ['tsx', 'dev/cli.ts', ...args, '--today', TODAY], { cwd: REPO, env });
    let stdout = '';
    let stderr = '';
    let held = false;
    child.stdout.on('data', (chunk: Buffer) => { stdout += chunk.toString('utf8'); });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString('utf8');
      if (whileHeld && !held && stderr.includes('保存の前で待っています')) {
        held = true;
        void whileHeld().then(() => writeFileSync(signal, ''));
      }
    });
    child.on('close', (status) => done({ stdout, stderr, status }));
  });
}

let dir = '';
let demo = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-town-'));
  demo = join(dir, 'demo.xlsx');
  const made = await cli(['demo', demo, '--cases', '12']);
  expect(made.status).toBe(0);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const RED = 'FFC00000';
const NAME_FORMAT = '#,##0"件"';

/** What a town adds in Excel: on each tab given, a hidden row and column, a tall row, a red italic cell, a filter and a conditional format; and two names. */
async function dressedByTheTown(path: string, tabs: readonly string[]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  for (const name of tabs) {
    const sheet = workbook.getWorksheet(name) ?? workbook.addWorksheet(name);
    if (sheet.rowCount < 4) sheet.addRows([['メモ', '件数'], ['東地区', 3], ['西地区', 5], ['南地区', 2]]);
    sheet.getRow(3).hidden = true;
    sheet.getRow(2).height = 33;
    sheet.getColumn(3).hidden = true;
    sheet.getCell('B2').font = { color: { argb: RED }, italic: true, name: 'Meiryo' };
    sheet.getCell('B4').numFmt = NAME_FORMAT;
    sheet.autoFilter = 'A1:B4';
    sheet.addConditionalFormatting({
      ref: 'B2:B4',
      rules: [{ type: 'cellIs', operator: 'greaterThan', formulae: ['4'], priority: 1, style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFFFEB9C' } } } }],
    });
  }
  workbook.definedNames.add(`'${tabs[0]}'!$A$1:$B$4`, '町の一覧');
  workbook.definedNames.add(`'${tabs.at(-1)}'!$B$2`, '町の件数');
  await workbook.xlsx.writeFile(path);
}

/** exceljs reads them but leaves them out of its typings. */
const conditionalFormats = (sheet: ExcelJS.Worksheet): { ref: string; rules: { type: string; formulae?: unknown }[] }[] =>
  (sheet as unknown as { conditionalFormattings: { ref: string; rules: { type: string; formulae?: unknown }[] }[] }).conditionalFormattings;

/** Per tab, what the town added: hidden rows and columns, a height, a font, a number format, the filter and the conditional formats. */
function townParts(workbook: ExcelJS.Workbook, tabs: readonly string[]): unknown {
  return Object.fromEntries(tabs.map((name) => {
    const sheet = workbook.getWorksheet(name)!;
    return [name, {
      hiddenRows: [1, 2, 3, 4, 5].filter((r) => sheet.getRow(r).hidden),
      hiddenColumns: [1, 2, 3, 4, 5].filter((c) => sheet.getColumn(c).hidden),
      height: sheet.getRow(2).height,
      font: sheet.getCell('B2').font,
      numFmt: sheet.getCell('B4').numFmt,
      filter: sheet.autoFilter,
      conditional: conditionalFormats(sheet).map((f) => ({ ref: f.ref, rules: f.rules.map((r) => ({ type: r.type, formulae: r.formulae })) })),
    }];
  }));
}

const definedNames = (workbook: ExcelJS.Workbook): unknown => (workbook.definedNames as unknown as { model: unknown }).model;

async function opened(path: string): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  return workbook;
}

/** A copy of the demo workbook (made once by the real `demo` command). */
async function demoBook(name: string): Promise<string> {
  const path = join(dir, name);
  copyFileSync(demo, path);
  return path;
}

const TABS = ['共通シート', '支援記録', '町のメモ'];

describe('a saving command keeps what the add-on does not read, on every tab', () => {
  it.each([
    ['counts', ['--fiscal-year', '2026']],
    ['validate', ['--mark']],
  ])('%s keeps hidden rows and columns, heights, fonts, formats, filters, conditional formats and names', async (command, options) => {
    const path = await demoBook(`keeps-${command}.xlsx`);
    await dressedByTheTown(path, TABS);
    chmodSync(path, 0o640);
    const before = await opened(path);
    const run = await cli([command, path, ...options]);
    expect([0, 1]).toContain(run.status); // validate exits 1 when it found errors
    expect(statSync(path).mode & 0o777).toBe(0o640); // the permissions too
    const after = await opened(path);
    expect(townParts(after, TABS)).toEqual(townParts(before, TABS));
    expect(townParts(after, TABS)).toMatchObject({
      町のメモ: { hiddenRows: [3], hiddenColumns: [3], height: 33, font: { color: { argb: RED }, italic: true }, numFmt: NAME_FORMAT, filter: 'A1:B4', conditional: [{ ref: 'B2:B4', rules: [{ type: 'cellIs', formulae: ['4'] }] }] },
    });
    expect(definedNames(after)).toEqual(definedNames(before));
    expect(definedNames(after)).toEqual(expect.arrayContaining([expect.objectContaining({ name: '町の一覧' }), expect.objectContaining({ name: '町の件数' })]));
  });
});

describe('a file the command must not overwrite', () => {
  it('refuses a read-only file: exit 2, a Japanese message, the file and its mode unchanged', async () => {
    const path = await demoBook('readonly.xlsx');
    chmodSync(path, 0o444);
    const bytes = readFileSync(path);
    const run = await cli(['counts', path, '--fiscal-year', '2026']);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('読み取り専用のため保存しません');
    expect(statSync(path).mode & 0o777).toBe(0o444);
    expect(readFileSync(path).equals(bytes)).toBe(true);
  });

  it('refuses to save over a file a colleague saved while the command ran: exit 2, their file as they left it', async () => {
    const path = await demoBook('changed.xlsx');
    let colleagues: Buffer | undefined;
    const run = await cli(['counts', path, '--fiscal-year', '2026', '--json'], async () => {
      const workbook = await opened(path);
      workbook.getWorksheet('共通シート')!.getCell('A2').note = '同僚が追記';
      await workbook.xlsx.writeFile(path);
      colleagues = readFileSync(path);
    });
    expect(run.status).toBe(2);
    expect((JSON.parse(run.stdout) as { error: string }).error).toContain('実行中にほかの方（または別のアプリ）が保存したため、上書きしません');
    expect(colleagues).toBeDefined();
    expect(readFileSync(path).equals(colleagues!)).toBe(true);
  });

  it('says in Japanese when the folder went away during the command', async () => {
    const folder = mkdtempSync(join(dir, 'gone-'));
    copyFileSync(demo, join(folder, 'book.xlsx'));
    const run = await cli(['counts', join(folder, 'book.xlsx'), '--fiscal-year', '2026'], async () => rmSync(folder, { recursive: true, force: true }));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('が見つかりません（実行中に移動・削除された可能性があります）');
  });
});

describe('system errors on save', () => {
  // No space, no permission and a read-only medium cannot be caused by a test running as root; the messages are checked directly.
  it.each([
    ['EACCES', '保存する権限がありません'],
    ['ENOSPC', 'ディスクの空きが足りない'],
    ['EROFS', '読み取り専用の場所'],
  ])('%s gets a Japanese message that says the file was left as it was', (code, says) => {
    const error = Object.assign(new Error(`${code}: raw system error`), { code });
    const message = describeSaveError('/town/book.xlsx', error).message;
    expect(message).toContain(says);
    expect(message).toContain('ファイルは元のままです');
    expect(message).not.toContain(code);
  });
});
