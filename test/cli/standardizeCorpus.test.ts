// The 標準化 corpus (SPEC §7): every hand-made layout of
// test/fixtures/layouts is written as an .xlsx, planned (--dry-run, the file
// must stay byte for byte), standardised by the real CLI (spawned, as a
// town's IT person runs it), run again (nothing changes), and the result opened with
// exceljs and checked cell by cell: every non-empty cell of the original is
// on the same person's row with the same meaning (dates as the same day,
// numbers as shown, ages as their 年代), its note with it, or — for a row
// that is not a case — listed in leftOutRows and in the backup, unchanged.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { CASE_FIELDS } from '../../src/domain/fields';
import { joinList, normalizeKana, normalizeText, parseDate, splitList } from '../../src/domain/normalize';
import { ageBandOf } from '../../src/domain/record';
import { columnIndexOf } from '../../src/domain/validate/problem';
import { runCli } from '../../dev/cli';
import { LAYOUTS, writeLayout, type Layout } from '../fixtures/layouts/build';

const REPO = resolve(__dirname, '..', '..');
const TODAY = '2026-11-22';
const FIELD = new Map(CASE_FIELDS.map((f) => [f.header, f]));

interface Plan {
  headerRow: number;
  mapping: { source: string; column: string; to: string; question: string | null }[];
  leftOutRows: { row: number; reason: string }[];
  backupSheet?: string | null;
}

function cli(...args: string[]): Promise<{ stdout: string; stderr: string; status: number }> {
  return new Promise((done) => {
    execFile('npm', ['run', '-s', 'cli', '--', ...args, '--today', TODAY, '--json'], { cwd: REPO, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      done({ stdout, stderr, status: error ? (typeof error.code === 'number' ? error.code : -1) : 0 });
    });
  });
}

/** What a cell holds, as Excel saved it: a formula's result, a link's text. */
function valueOf(cell: ExcelJS.Cell): unknown {
  const value = cell.value;
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    if ('formula' in value) return (value as ExcelJS.CellFormulaValue).result ?? '';
    if ('text' in value) return (value as ExcelJS.CellHyperlinkValue).text;
  }
  return value ?? '';
}

/** A source number as its format shows it (0012), else the value. */
function shown(cell: ExcelJS.Cell): unknown {
  const value = valueOf(cell);
  return typeof value === 'number' && /^0+$/.test(cell.numFmt ?? '') ? String(value).padStart(cell.numFmt.length, '0') : value;
}

/** The meaning of a value in a column with this header: the same day, the same text once §5 applies, the 年代 of an age. */
function meaning(value: unknown, header: string): string {
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  const text = String(value);
  const field = FIELD.get(header);
  if (field?.type === 'date') return parseDate(text) ?? normalizeText(text);
  if (field?.type === 'kana') return normalizeKana(text);
  if (field?.type === 'list') return joinList(splitList(text));
  const age = /^(\d{1,3})\s*歳?$/.exec(normalizeText(text));
  if (header === '年代' && age) return ageBandOf(Number(age[1]));
  return normalizeText(text);
}

const isBlank = (value: unknown) => value === '' || value === null || value === undefined;

interface Tally { checked: number; lost: string[] }

/** Checks one standardised layout; returns what it checked and what it could not find. */
async function check(layout: Layout, before: ExcelJS.Worksheet, path: string, plan: Plan): Promise<Tally> {
  const tally: Tally = { checked: 0, lost: [] };
  const after = new ExcelJS.Workbook();
  await after.xlsx.readFile(path);
  const cases = after.getWorksheet('共通シート')!;
  const backup = after.getWorksheet(plan.backupSheet!)!;
  const header = (cases.getRow(1).values as unknown[]).slice(1).map((v) => String(v ?? ''));
  const byLetter = new Map(plan.mapping.map((m) => [m.column, m]));
  const leftOut = new Set(plan.leftOutRows.map((l) => l.row));
  const nameColumn = header.indexOf('本人氏名') + 1;
  const rowOfName = new Map<string, number>();
  cases.eachRow((row, r) => { if (r > 1) rowOfName.set(normalizeText(String(valueOf(row.getCell(nameColumn)))), r); });
  const lose = (what: string) => tally.lost.push(`${layout.name} ${what}`);
  before.eachRow({ includeEmpty: false }, (row, r) => {
    const name = normalizeText(String(valueOf(row.getCell(columnIndexOf(layout.nameColumn) + 1))));
    row.eachCell({ includeEmpty: false }, (cell) => {
      // exceljs reads every cell of a merge as its first cell: the value is checked there, once.
      if (cell.isMerged && cell.master.address !== cell.address) return;
      const value = shown(cell);
      if (isBlank(value)) return;
      tally.checked++;
      const at = `${cell.address}「${String(value)}」`;
      if (r <= plan.headerRow && !leftOut.has(r)) {
        // A header cell: named in the plan's mapping (a group cell in its columns' names).
        if (!plan.mapping.some((m) => m.source.split('／').includes(String(value).trim()))) lose(`${at}: header not in the mapping`);
        return;
      }
      if (leftOut.has(r)) {
        if (String(valueOf(backup.getCell(cell.address))) !== String(valueOf(cell))) lose(`${at}: left-out row not in the backup`);
        return;
      }
      const mapped = byLetter.get(cell.address.replace(/\d+$/, ''));
      const target = !mapped ? '' : mapped.to === 'keep' ? header.find((h) => h === mapped.source || h.startsWith(`${mapped.source}（元の`)) ?? '' : mapped.to;
      const outRow = rowOfName.get(name);
      if (!target || outRow === undefined) return lose(`${at}: no column or row for it`);
      const out = cases.getRow(outRow).getCell(header.indexOf(target) + 1);
      if (meaning(valueOf(out), target) !== meaning(value, target)) lose(`${at} → ${target} row ${outRow}: 「${String(valueOf(out))}」`);
      if (cell.note && out.note !== cell.note) lose(`${at}: note not on the same person's cell`);
    });
  });
  // Every header note the town wrote is still there, before the help text.
  before.getRow(plan.headerRow).eachCell((cell) => {
    if (!cell.note) return;
    tally.checked++;
    const mapped = byLetter.get(cell.address.replace(/\d+$/, ''))!;
    const out = cases.getRow(1).getCell(header.indexOf(mapped.to === 'keep' ? mapped.source : mapped.to) + 1);
    if (!String(out.note ?? '').startsWith(String(cell.note))) lose(`${cell.address}: header note lost`);
  });
  return tally;
}

const dir = mkdtempSync(join(tmpdir(), 'tsunagi-corpus-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Outcome { readonly plan: Plan; readonly unchangedByPlan: boolean; readonly run: { stdout: string; stderr: string; status: number } }
const outcomes = new Map<string, Outcome>();
const totals = { layouts: 0, checked: 0, lost: 0 };

// The plan in process (runCli is the CLI's own entry), then every layout
// standardised by the spawned CLI, a few at a time: the machine is shared.
beforeAll(async () => {
  const plans = new Map<string, { plan: Plan; unchangedByPlan: boolean }>();
  for (const layout of LAYOUTS) {
    const path = join(dir, `${layout.name}.xlsx`);
    await writeLayout(layout, path);
    await writeLayout(layout, join(dir, `${layout.name}.original.xlsx`));
    const bytes = readFileSync(path);
    const dry = await runCli(['standardize', path, '--dry-run', '--json', '--today', TODAY]);
    plans.set(layout.name, { plan: JSON.parse(dry.stdout) as Plan, unchangedByPlan: readFileSync(path).equals(bytes) });
  }
  const queue = [...LAYOUTS];
  await Promise.all(Array.from({ length: 3 }, async () => {
    for (let layout = queue.shift(); layout; layout = queue.shift()) {
      const run = await cli('standardize', join(dir, `${layout.name}.xlsx`));
      outcomes.set(layout.name, { ...plans.get(layout.name)!, run });
    }
  }));
}, 900_000);

afterAll(() => process.stderr.write(`standardize corpus: ${totals.layouts} layouts, ${totals.checked} values checked, ${totals.lost} lost\n`));

describe.each(LAYOUTS.map((l) => [l.name, l] as const))('%s', (_, layout) => {
  it('plans without changing the file, then standardises keeping every value on its person\'s row, and a second run changes nothing', async () => {
    const { plan, unchangedByPlan, run } = outcomes.get(layout.name)!;
    expect(unchangedByPlan).toBe(true);
    for (const [letter, to] of Object.entries(layout.mapping)) expect([letter, plan.mapping.find((m) => m.column === letter)?.to]).toEqual([letter, to]);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Plan & { assignedIds: number };
    expect(report.leftOutRows).toEqual(plan.leftOutRows);
    expect(report.assignedIds).toBe(layout.cases);
    const path = join(dir, `${layout.name}.xlsx`);
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(join(dir, `${layout.name}.original.xlsx`));
    const tally = await check(layout, source.getWorksheet(layout.tab)!, path, report);
    expect(tally.lost).toEqual([]);
    expect(tally.checked).toBeGreaterThan(layout.cases * 3);
    Object.assign(totals, { layouts: totals.layouts + 1, checked: totals.checked + tally.checked, lost: totals.lost + tally.lost.length });

    const again = await runCli(['standardize', path, '--json', '--today', TODAY]);
    expect(JSON.parse(again.stdout)).toMatchObject({ backupSheet: null, normalizedCells: 0, assignedIds: 0 });
  });
});
