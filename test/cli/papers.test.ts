// The papers a town hall files (SPEC §12 Print, ケース票, Papers), made the way a
// person makes them: `npm run cli -- plan|casesheet` spawned as a child
// process on a demo .xlsx the town has edited (連絡先 of its agencies, a
// 決裁欄, a staff note), and the tab read back with exceljs.
import { execFile } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';

const REPO = resolve(__dirname, '..', '..');
const TODAY = '2026-11-22';
const SECRET = '妻による経済的虐待の疑い。本人には伝えない（内部メモ）';
const DESK = '0120-000-111（平日9時〜17時）';
const APPROVALS = ['課長', '係長', '担当'];

interface Run { stdout: string; stderr: string; status: number }
function cli(...args: string[]): Promise<Run> {
  return new Promise((done) => {
    execFile('npm', ['run', '-s', 'cli', '--', ...args, '--today', TODAY], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ stdout, stderr, status: error ? (typeof error.code === 'number' ? error.code : -1) : 0 });
    });
  });
}

type Row = Record<string, string>;
const text = (value: ExcelJS.CellValue): string => {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  return value === null || value === undefined ? '' : String(value);
};
function table(sheet: ExcelJS.Worksheet): { header: string[]; rows: { row: ExcelJS.Row; values: Row }[] } {
  const header = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
  const rows: { row: ExcelJS.Row; values: Row }[] = [];
  sheet.eachRow((row, n) => {
    if (n > 1) rows.push({ row, values: Object.fromEntries(header.map((h, i) => [h, text(row.getCell(i + 1).value)])) });
  });
  return { header, rows };
}
/** Sets `header` on a row, adding the column at the right when the tab has none (an older 設定). */
function put(sheet: ExcelJS.Worksheet, rowNumber: number, header: string, value: string): void {
  const headers = (sheet.getRow(1).values as ExcelJS.CellValue[]).slice(1).map(text);
  let column = headers.indexOf(header) + 1;
  if (column === 0) {
    column = headers.length + 1;
    sheet.getRow(1).getCell(column).value = header;
  }
  sheet.getRow(rowNumber).getCell(column).value = value;
}
async function tabTexts(path: string, name: string): Promise<string[][]> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.readFile(path);
  const sheet = book.getWorksheet(name);
  if (!sheet) throw new Error(`no tab ${name}`);
  const rows: string[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row) => { rows.push((row.values as ExcelJS.CellValue[]).slice(1).map(text)); });
  return rows;
}

let dir = '';
let book = '';
/** A case with a decided plan that was reviewed (its version 1 carries 評価メモ). */
let caseId = '';
let agency = '';
let withoutConsent = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-papers-'));
  book = join(dir, 'demo.xlsx');
  expect((await cli('demo', book, '--cases', '60', '--seed', '1')).status).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const plans = table(workbook.getWorksheet('支援プラン')!);
  const reviewed = plans.rows.find((p) => p.values['評価日'] && p.values['状態'] === '終了'
    && plans.rows.some((q) => q.values['ケースID'] === p.values['ケースID'] && q.values['状態'] === '決定'))!;
  caseId = reviewed.values['ケースID']!;
  for (const p of plans.rows.filter((r) => r.values['ケースID'] === caseId)) put(workbook.getWorksheet('支援プラン')!, p.row.number, '評価メモ', SECRET);
  const cases = table(workbook.getWorksheet('共通シート')!);
  const person = cases.rows.find((c) => c.values['ケースID'] === caseId)!;
  agency = person.values['主担当機関'] || person.values['つなぎ元機関']!;
  withoutConsent = cases.rows.find((c) => c.values['本人同意'] !== 'あり' && c.values['ケースID'])!.values['ケースID']!;
  const tasks = workbook.getWorksheet('役割分担')!;
  const current = plans.rows.find((p) => p.values['ケースID'] === caseId && p.values['状態'] === '決定')!.values['版'];
  const first = table(tasks).rows.find((t) => t.values['ケースID'] === caseId && t.values['版'] === current)!;
  put(tasks, first.row.number, '担当者', '山本');
  put(tasks, first.row.number, '期限', '2027-03-10');
  put(tasks, first.row.number, '課題', '収入・仕事');
  const settings = workbook.getWorksheet('設定')!;
  const agencyRow = table(settings).rows.find((r) => r.values['機関'] === agency)!;
  put(settings, agencyRow.row.number, '連絡先', DESK);
  APPROVALS.forEach((title, i) => put(settings, i + 2, '決裁欄', title));
  await workbook.xlsx.writeFile(book);
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copy(name: string): string {
  const path = join(dir, name);
  copyFileSync(book, path);
  return path;
}

describe('plan: the person\'s copy', () => {
  let rows: string[][] = [];
  let all = '';
  beforeAll(async () => {
    const path = copy('plan.xlsx');
    const run = await cli('plan', path, '--case', caseId, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ sheet: `プラン_${caseId}`, caseId, status: '決定' });
    rows = await tabTexts(path, `プラン_${caseId}`);
    all = rows.flat().join('\n');
  }, 120_000);

  it('never prints the staff\'s 評価メモ, but the latest review\'s 達成度 and 評価の方針', () => {
    expect(all).not.toContain('内部メモ');
    expect(all).not.toContain('経済的虐待');
    expect(all).toMatch(/前回のふりかえり（令和\d+年\d+月\d+日）/);
  });

  it('writes its dates in 和暦, the task table with 課題, 担当者 and 期限, and the 令和 signature line of SPEC §12', () => {
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(all).toMatch(/プランの期間|次にふりかえる日：令和/);
    const header = rows.find((r) => r.includes('いつまでに'))!;
    expect(header.slice(0, 7)).toEqual(['課題', 'だれが', '担当者', 'なにをするか', 'どのくらい', 'いつまでに', 'いまの様子']);
    const task = rows.find((r) => r.includes('山本'))!;
    expect(task[header.indexOf('いつまでに')]).toBe('令和9年3月10日');
    expect(task[header.indexOf('課題')]).toBe('収入・仕事');
    expect(rows.flat()).toContain('このプランについて説明を受け、内容に同意します。　令和　　年　　月　　日　氏名＿＿＿＿＿＿');
  });

  it('names who to contact: the 主担当機関 and its 連絡先 from 設定', () => {
    expect(all).toContain('ご連絡先');
    expect(all).toContain(`${agency}\u3000${DESK}`);
  });

  it('carries the 決裁欄 of 設定, left to right', () => {
    const approval = rows.find((r) => r.includes('課長'))!.filter((c) => c !== '');
    expect(approval).toEqual(APPROVALS);
  });

  it('is refused for a case whose 本人同意 is not あり (exit 2, file unchanged), as saving a 案 is', async () => {
    const path = copy('plan-refused.xlsx');
    const before = readFileSync(path);
    const run = await cli('plan', path, '--case', withoutConsent, '--json');
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error).toContain('本人同意');
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
});

describe('casesheet: one case\'s hand-off sheet', () => {
  let rows: string[][] = [];
  let all = '';
  let json: Record<string, unknown> = {};
  beforeAll(async () => {
    const path = copy('casesheet.xlsx');
    const run = await cli('casesheet', path, '--case', caseId, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    json = JSON.parse(run.stdout);
    rows = await tabTexts(path, `ケース票_${caseId}`);
    all = rows.flat().join('\n');
  }, 120_000);

  it('answers SPEC §11\'s JSON and writes the tab ケース票_<ケースID>', () => {
    expect(json).toEqual({ sheet: `ケース票_${caseId}`, caseId, calls: expect.any(Number) });
    expect(rows[0]![0]).toBe(`ケース票（${caseId}）`);
  });

  it('groups the 共通シート fields, with dates in 和暦 and the 主担当機関\'s 連絡先', () => {
    const groups = rows.filter((r) => ['本人と世帯', '相談の概要とつなぎの理由', '同意', '関係機関と主担当', '状態と予定'].includes(r[0]!)).map((r) => r[0]);
    expect(groups).toEqual(['本人と世帯', '相談の概要とつなぎの理由', '同意', '関係機関と主担当', '状態と予定']);
    expect(rows.find((r) => r[0] === '受付日')![1]).toMatch(/^(令和|平成)\d+年\d+月\d+日$/);
    expect(all).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(all).toContain(DESK);
  });

  it('shows the current plan in short and at most five 支援記録, newest first', () => {
    expect(all).toContain('支援プラン（概要）');
    expect(rows.find((r) => r[0] === '版・状態')![1]).toMatch(/^第\d+版（決定）/);
    const at = rows.findIndex((r) => r[0]!.startsWith('支援記録（'));
    const records = rows.slice(at + 2).filter((r) => /^(令和|平成)\d+年/.test(r[0] ?? ''));
    expect(records.length).toBeGreaterThan(0);
    expect(records.length).toBeLessThanOrEqual(5);
  });

  it('carries the consent line of SPEC §12 with the day in 和暦, and the 決裁欄', () => {
    expect(all).toMatch(/本人の同意（令和\d+年\d+月\d+日取得）に基づき、支援のために関係機関と共有します。取扱いに注意してください。/);
    expect(rows.find((r) => r.includes('課長'))!.filter((c) => c !== '')).toEqual(APPROVALS);
  });

  it.each([
    ['a case without consent', () => withoutConsent, '支援会議'],
    ['a case not in 共通シート', () => '2099-0001', '共通シートに見つかりません'],
  ])('exits 2 for %s, the file unchanged', async (_label, id, message) => {
    const path = copy('casesheet-refused.xlsx');
    const before = readFileSync(path);
    const run = await cli('casesheet', path, '--case', id(), '--json');
    expect(run.status).toBe(2);
    expect(JSON.parse(run.stdout).error).toContain(message);
    expect(readFileSync(path).equals(before)).toBe(true);
  }, 60_000);
});

describe('counts: the manager\'s report', () => {
  const SHEET = '集計_2026年度';
  let path = '';
  let csv = '';
  beforeAll(async () => {
    path = copy('counts.xlsx');
    csv = join(dir, 'counts.csv');
    const run = await cli('counts', path, '--fiscal-year', '2026', '--csv', csv, '--json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).sheet).toBe(SHEET);
  }, 180_000);

  it('carries the 決裁欄 of 設定 at the top right, under the title, each title over a ruled box to stamp', async () => {
    const rows = await tabTexts(path, SHEET);
    const at = rows.findIndex((r) => r.includes(APPROVALS[0]!));
    expect(at).toBe(1);
    const width = Math.max(...rows.map((r) => r.length));
    expect(rows[at]!.slice(width - APPROVALS.length, width)).toEqual(APPROVALS);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    const sheet = workbook.getWorksheet(SHEET)!;
    for (let column = width - APPROVALS.length + 1; column <= width; column++) {
      for (const row of [at + 1, at + 2]) expect(sheet.getRow(row).getCell(column).border?.bottom?.style).toBeTruthy();
    }
  });

  it('keeps the 決裁欄 off the CSV, which is for figures only', () => {
    const text = readFileSync(csv, 'utf8');
    expect(text).toContain('新規相談');
    for (const title of APPROVALS) expect(text).not.toContain(title);
  });
});
