// SPEC §11: `standardize --map 'SOURCE=STANDARD'` changes one column's
// mapping, SOURCE by column letter or by the source header as the plan
// shows it; a mapping that names no standard column is refused (exit 2) with
// the file unchanged.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../dev/cli';

let dir = '';
const book = () => join(dir, 'list.xlsx');

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-map-'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('一覧');
  sheet.addRow(['受付日', '氏名', '担当', 'メモ']);
  sheet.addRow(['2024/4/1', '架空 一子', '福祉 太郎', '電話のみ']);
  await workbook.xlsx.writeFile(book());
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

it('takes 担当 as 主担当機関 by its header and メモ as 備考 by its letter', async () => {
  const dry = await runCli(['standardize', book(), '--dry-run', '--json', '--map', '担当=主担当機関', '--map', 'D=備考']);
  expect(JSON.parse(dry.stdout).mapping).toEqual([
    { source: '受付日', column: 'A', to: '受付日', question: null },
    { source: '氏名', column: 'B', to: '本人氏名', question: null },
    { source: '担当', column: 'C', to: '主担当機関', question: null },
    { source: 'メモ', column: 'D', to: '備考', question: null },
  ]);
  const run = await runCli(['standardize', book(), '--json', '--map', '担当=主担当機関', '--map', 'D=備考']);
  expect(run.exitCode).toBe(0);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book());
  const sheet = workbook.getWorksheet('共通シート')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  expect(sheet.getRow(2).getCell(header.indexOf('主担当機関') + 1).text).toBe('福祉 太郎');
  expect(sheet.getRow(2).getCell(header.indexOf('備考') + 1).text).toBe('電話のみ');
  expect(header).not.toContain('担当');
});

it('refuses a mapping to something that is not a standard column, and one for a column the table lacks, leaving the file as it was', async () => {
  const bytes = readFileSync(book());
  const wrong = await runCli(['standardize', book(), '--json', '--map', '担当=担当職員']);
  expect(wrong.exitCode).toBe(2);
  expect(JSON.parse(wrong.stdout).error).toContain('「担当職員」は共通シートの列ではありません');
  const missing = await runCli(['standardize', book(), '--json', '--map', '住所=備考']);
  expect(missing.exitCode).toBe(2);
  expect(JSON.parse(missing.stdout).error).toContain('--map の「住所」に当たる列が表にありません');
  expect(readFileSync(book()).equals(bytes)).toBe(true);
});
