// 標準化 keeps everything of a hand-made sheet saved by Excel (SPEC §7: every
// non-empty cell appears afterwards): a merged cell in the data area, a
// formula's result (kept as a value, the formula logged), a hyperlink's
// target, and a header row repeated inside the table, which must not become a case. Checked as an
// outsider would: the .xlsx written with exceljs, the CLI run, the file reopened.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { runCli } from '../../dev/cli';

const HEADER = ['受付年月日', '氏名', 'フリガナ', '相談内容', '担当メモ', '地区', '資料'];
let dir = '';
let book = '';

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-keeps-'));
  book = join(dir, 'handmade.xlsx');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('一覧');
  sheet.addRow(HEADER);
  sheet.addRow(['2024/4/1', '試験 一郎', 'シケン イチロウ', '家計の相談', '訪問済み', '東地区', { text: '記録票', hyperlink: 'https://example.invalid/a' }]);
  sheet.addRow(['2024/4/2', '試験 二郎', 'シケン ジロウ', '介護の相談', '', '', '']);
  sheet.addRow(HEADER); // the header again, as when two blocks were pasted one under the other
  sheet.addRow(['2024/4/3', '試験 三郎', 'シケン サブロウ', '住まいの相談', '', '', '']);
  // 担当メモ spread over the blank 地区 of row 3. Once the columns are reordered, E3:F3 holds
  // つなぎ元担当者 and 本人氏名: left merged, the name would be lost under it.
  sheet.mergeCells('E3:F3');
  sheet.getCell('E3').value = '電話のみ';
  sheet.getCell('F5').value = { formula: 'CONCAT("南","地区")', result: '南地区' } as ExcelJS.CellFormulaValue;
  await workbook.xlsx.writeFile(book);
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('unmerges, keeps a formula\'s result as a value and a link\'s target, and leaves out the repeated header row', async () => {
  const run = await runCli(['standardize', book, '--json']);
  expect(run.exitCode).toBe(0);
  const report = JSON.parse(run.stdout) as Record<string, unknown>;
  expect(report).toMatchObject({ unmerged: ['E3:F3'], formulasKeptAsValues: ['F5'], linksKept: 1, leftOutRows: [{ row: 4, reason: '見出しの繰り返し' }] });

  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(book);
  const sheet = workbook.getWorksheet('共通シート')!;
  const header = (sheet.getRow(1).values as unknown[]).slice(1).map(String);
  const col = (name: string) => header.indexOf(name) + 1;
  expect(sheet.model.merges ?? []).toEqual([]);
  const names = [2, 3, 4].map((r) => sheet.getRow(r).getCell(col('本人氏名')).text);
  expect(names).toEqual(['試験 一郎', '試験 二郎', '試験 三郎']);
  expect(sheet.getRow(5).getCell(col('本人氏名')).text).toBe('');
  expect(sheet.getRow(3).getCell(col('担当メモ')).text).toBe('電話のみ');
  expect(sheet.getRow(4).getCell(col('圏域')).value).toBe('南地区');
  const link = sheet.getRow(2).getCell(col('資料'));
  expect([link.text, link.hyperlink]).toEqual(['記録票', 'https://example.invalid/a']);

  const log = workbook.getWorksheet('変更履歴')!;
  const logged = log.getSheetValues().slice(2).map((r) => (r as unknown[]).slice(1).map((v) => String(v ?? '')));
  expect(logged.some((r) => r[2] === '標準化' && r[5] === 'セルの結合' && r[6] === 'E3:F3')).toBe(true);
  expect(logged.some((r) => r[2] === '標準化' && r[5] === '4行目')).toBe(true);
  expect(logged.some((r) => r[2] === '標準化' && r[5] === '圏域' && r[6] === 'F5：=CONCAT("南","地区")')).toBe(true);
  expect(workbook.getWorksheet(String(report.backupSheet))).toBeDefined();
});
