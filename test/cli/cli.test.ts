// The command line of SPEC §11, called the way a person calls it: runCli with
// the words they type, against .xlsx files in a temp folder. Expected values
// come from the SPEC or from the demo generator's list of planted mistakes,
// never from the code under test.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { runCli } from '../../dev/cli';
import { generateDemo, type PlantedMistake } from '../../dev/demo/generate';
import { createModel, loadWorkbook, saveWorkbook, type Model } from '../../dev/runtime';
import { ensureCell, findSheet, type CellValue, type SheetModel } from '../../dev/runtime/model';
import { ACTIVITY_FIELDS, CASE_FIELDS } from '../../src/domain/fields';

const TODAY = '2026-11-22';
const REPO = resolve(__dirname, '..', '..');
const NOTE_MARKER = '【入力チェック】';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

/** SPEC §6: the severity of every rule code. */
const SEVERITY: Record<string, 'error' | 'warning'> = {
  required: 'error',
  invalid_date: 'error',
  future_date: 'error',
  unknown_value: 'error',
  date_order: 'error',
  age_out_of_range: 'error',
  consent_required_for_plan: 'error',
  consent_required_for_meeting: 'error',
  meeting_incomplete: 'error',
  closing_required: 'error',
  duplicate_case_id: 'error',
  unknown_case: 'error',
  consent_date_missing: 'warning',
  closed_date_on_open_case: 'warning',
  monitoring_overdue: 'warning',
  possible_duplicate: 'warning',
};

/** SPEC §3: the 共通シート headers in the standard order. */
const STANDARD_HEADERS = [
  'ケースID', '受付日', 'つなぎ元機関', 'つなぎ元分野', 'つなぎ元担当者', '本人氏名', '本人氏名カナ', '生年月日',
  '年代', '性別', '圏域', '世帯ID', '世帯構成', '課題領域', '世帯の状態', '相談の概要', 'つなぎの理由', '本人同意',
  '同意取得日', '関係機関', '状態', '主担当機関', 'プラン作成日', '次回会議種別', '次回会議予定日',
  '次回モニタリング日', '終結日', '終結理由', '備考', '最終更新', '更新者',
];

interface Problem {
  sheet: string;
  row: number;
  field: string;
  column: string;
  severity: string;
  code: string;
  message: string;
}

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-cli-'));
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const file = (name: string): string => join(dir, name);
const cli = (...args: string[]) => runCli([...args, '--today', TODAY]);
const bytes = (path: string): Buffer => readFileSync(path);

/** Parses stdout as the one JSON document `--json` promises. */
function jsonOf(stdout: string): Record<string, unknown> {
  const parsed: unknown = JSON.parse(stdout);
  expect(parsed).toEqual(expect.any(Object));
  expect(Array.isArray(parsed)).toBe(false);
  return parsed as Record<string, unknown>;
}

const key = (p: { sheet: string; row: number; field: string; code: string }): string => `${p.sheet}|${p.row}|${p.field}|${p.code}`;
const sorted = <T>(items: readonly T[]): T[] => [...items].sort();

function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === '[object Date]';
}

/** A cell value as a person reads it: dates as the calendar day in Tokyo. */
function shown(value: CellValue | undefined): unknown {
  if (isDate(value)) return value.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' });
  return value ?? '';
}

function tab(model: Model, name: string): SheetModel {
  const sheet = findSheet(model, name);
  if (!sheet) throw new Error(`the workbook has no tab ${name}; it has ${model.sheets.map((s) => s.name).join(', ')}`);
  return sheet;
}

function headerRow(sheet: SheetModel): unknown[] {
  return (sheet.cells[0] ?? []).map((c) => shown(c?.value));
}

/** The value under `header` in a sheet row (1-based), found by header text. */
function valueAt(sheet: SheetModel, row: number, header: string): unknown {
  const column = headerRow(sheet).indexOf(header);
  if (column < 0) throw new Error(`${sheet.name} has no column ${header}`);
  return shown(sheet.cells[row - 1]?.[column]?.value);
}

/** Every value of a tab, for comparing two saves of it. */
function allValues(sheet: SheetModel): unknown[][] {
  return sheet.cells.map((row) => (row ?? []).map((c) => (isDate(c?.value) ? `date:${c.value.getTime()}` : (c?.value ?? ''))));
}

const tokyoMidnight = (iso: string): Date => new Date(`${iso}T00:00:00+09:00`);

/** Writes a workbook as a town might keep it: tabs of rows typed by hand, header in row 1. */
async function writeHandMade(path: string, tabs: Record<string, readonly (readonly (string | number | Date)[])[]>): Promise<void> {
  const model = createModel('hand-made', { sheetNames: Object.keys(tabs) });
  for (const [name, rows] of Object.entries(tabs)) {
    const sheet = tab(model, name);
    rows.forEach((row, r) => row.forEach((value, c) => {
      if (value !== '') ensureCell(sheet, r + 1, c + 1).value = value;
    }));
  }
  await saveWorkbook(model, path);
}

// ---------------------------------------------------------------- the demo workbook

const planted: PlantedMistake[] = generateDemo({ cases: 60, seed: 1, today: TODAY }).planted;
let demoPath = '';

beforeAll(async () => {
  demoPath = file('demo.xlsx');
  const result = await cli('demo', demoPath, '--cases', '60', '--seed', '1');
  expect(result.exitCode).toBe(0);
  expect(result.stderr).toBe('');
});

describe('validate on the demo workbook', () => {
  it('reports exactly the planted mistakes as one JSON document and exits 1', async () => {
    const before = bytes(demoPath);
    const result = await cli('validate', demoPath, '--json');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(1);
    const json = jsonOf(result.stdout);
    const problems = json.problems as Problem[];
    expect(Array.isArray(problems)).toBe(true);

    expect(planted.length).toBeGreaterThan(0);
    expect(sorted(problems.map(key))).toEqual(sorted(planted.map(key)));

    for (const p of problems) {
      expect(typeof p.sheet).toBe('string');
      expect(Number.isInteger(p.row) && p.row >= 2).toBe(true);
      expect(typeof p.field).toBe('string');
      expect(typeof p.column).toBe('string');
      expect(p.column).not.toBe('');
      expect(p.severity).toBe(SEVERITY[p.code]);
      expect(p.message).toMatch(JAPANESE);
      expect(p.message).toContain(`${p.row}行目`);
    }

    const expectedErrors = planted.filter((m) => SEVERITY[m.code] === 'error').length;
    expect(json.counts).toEqual({ error: expectedErrors, warning: planted.length - expectedErrors });
    expect(json.counts).toEqual({
      error: problems.filter((p) => p.severity === 'error').length,
      warning: problems.filter((p) => p.severity === 'warning').length,
    });
    expect(Number.isInteger(json.calls) && (json.calls as number) > 0).toBe(true);
    expect(bytes(demoPath).equals(before)).toBe(true);
  });

  it('prints one Japanese line per mistake and a summary without --json, and exits 1', async () => {
    const before = bytes(demoPath);
    const result = await cli('validate', demoPath);
    expect(result.exitCode).toBe(1);
    expect(result.stderr).toBe('');
    expect(() => JSON.parse(result.stdout)).toThrow();
    const lines = result.stdout.trimEnd().split('\n');
    for (const m of planted) {
      const line = lines.find((l) => l.includes(m.sheet) && l.includes(`${m.row}行目`));
      expect(line).toBeDefined();
      expect(line).toMatch(SEVERITY[m.code] === 'error' ? /^エラー/ : /^注意/);
    }
    const errors = planted.filter((m) => SEVERITY[m.code] === 'error').length;
    expect(lines.at(-1)).toContain(`${errors}件`);
    expect(lines.at(-1)).toContain(`${planted.length - errors}件`);
    expect(bytes(demoPath).equals(before)).toBe(true);
  });

  it('with --mark saves a background and a note on exactly the planted cells', async () => {
    const marked = file('marked.xlsx');
    copyFileSync(demoPath, marked);
    const columnOf = (m: PlantedMistake, model: Model): number => {
      const fields = m.sheet === '共通シート' ? CASE_FIELDS : ACTIVITY_FIELDS;
      const header = fields.find((f) => f.key === m.field)?.header;
      const column = headerRow(tab(model, m.sheet)).indexOf(header);
      if (column < 0) throw new Error(`no column for ${m.field} on ${m.sheet}`);
      return column;
    };
    const markedCells = (model: Model): string[] => model.sheets.flatMap((sheet) => sheet.cells.flatMap((row, r) =>
      (row ?? []).flatMap((cell, c) => (cell?.note?.includes(NOTE_MARKER) ? [`${sheet.name}|${r + 1}|${c}`] : []))));

    const unmarked = await loadWorkbook(marked);
    expect(markedCells(unmarked)).toEqual([]);

    const before = bytes(marked);
    const result = await cli('validate', marked, '--mark');
    expect(result.exitCode).toBe(1);
    expect(bytes(marked).equals(before)).toBe(false);

    const model = await loadWorkbook(marked);
    const expected = planted.map((m) => `${m.sheet}|${m.row}|${columnOf(m, model)}`);
    expect(sorted(markedCells(model))).toEqual(sorted([...new Set(expected)]));
    for (const m of planted) {
      const cell = tab(model, m.sheet).cells[m.row - 1]?.[columnOf(m, model)];
      expect(cell?.background).toMatch(/^#[0-9a-f]{6}$/);
      expect(cell?.background).not.toBe('#ffffff');
      expect(cell?.note?.startsWith(NOTE_MARKER)).toBe(true);
    }
    // The values themselves are untouched: validation never changes a value.
    const original = await loadWorkbook(demoPath);
    for (const name of ['共通シート', '支援記録']) expect(allValues(tab(model, name))).toEqual(allValues(tab(original, name)));
  });

  it('gives the same number of service calls for 100 and 2,000 cases', async () => {
    const calls: number[] = [];
    for (const cases of ['100', '2000']) {
      const path = file(`demo-${cases}.xlsx`);
      expect((await cli('demo', path, '--cases', cases)).exitCode).toBe(0);
      const result = await cli('validate', path, '--json');
      expect(result.exitCode).toBe(1);
      calls.push(jsonOf(result.stdout).calls as number);
    }
    expect(calls[0]).toBeGreaterThan(0);
    expect(calls[1]).toBe(calls[0]);
  });
});

describe('validate on a clean workbook', () => {
  it('exits 0 for a new workbook from init, with no problems', async () => {
    const path = file('clean.xlsx');
    const created = await cli('init', path);
    expect(created.exitCode).toBe(0);
    expect(existsSync(path)).toBe(true);

    const text = await cli('validate', path);
    expect(text.exitCode).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(JAPANESE);
    expect(text.stdout).not.toMatch(/^エラー/m);

    const json = await cli('validate', path, '--json');
    expect(json.exitCode).toBe(0);
    const parsed = jsonOf(json.stdout);
    expect(parsed.problems).toEqual([]);
    expect(parsed.counts).toEqual({ error: 0, warning: 0 });
  });
});

// ---------------------------------------------------------------- refusals

describe('refusals: exit 2, a Japanese message on stderr, nothing on stdout, the file unchanged', () => {
  async function expectRefused(argv: string[], mentions: string, path?: string): Promise<void> {
    const before = path && existsSync(path) ? bytes(path) : undefined;
    const result = await runCli(argv);
    expect(result.exitCode).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(JAPANESE);
    expect(result.stderr).toContain(mentions);
    // No raw English error from Node or a stack trace in front of a town's staff.
    expect(result.stderr).not.toMatch(/Error|Unknown|argument|\n\s+at /);
    if (path) {
      if (before) expect(bytes(path).equals(before)).toBe(true);
      else expect(existsSync(path)).toBe(false);
    }
  }

  it('a missing file', async () => {
    const path = file('no-such-book.xlsx');
    await expectRefused(['validate', path, '--today', TODAY], path, path);
  });

  it('a file that is not an .xlsx', async () => {
    const path = file('notes.xlsx');
    writeFileSync(path, 'これはExcelのブックではありません。\n');
    await expectRefused(['validate', path, '--mark', '--today', TODAY], path, path);
  });

  it('an .xlsx without a 共通シート tab', async () => {
    const path = file('meibo.xlsx');
    await saveWorkbook(createModel('x', { sheetNames: ['名簿'] }), path);
    await expectRefused(['validate', path, '--mark', '--today', TODAY], '共通シート', path);
  });

  it.each(['2026-02-30', 'tomorrow'])('--today %s', async (today) => {
    await expectRefused(['validate', demoPath, '--mark', '--today', today], today, demoPath);
  });

  it('an unknown command', async () => {
    await expectRefused(['frobnicate', demoPath, '--today', TODAY], 'frobnicate', demoPath);
  });

  it('no path', async () => {
    await expectRefused(['validate', '--today', TODAY], 'パス');
  });

  it('an unknown option', async () => {
    await expectRefused(['validate', demoPath, '--mark', '--fix', '--today', TODAY], '--fix', demoPath);
  });

  it.each(['init', 'demo'])('%s on an existing file', async (command) => {
    await expectRefused([command, demoPath, '--today', TODAY], demoPath, demoPath);
  });

  it('exits 2 as a real process, with the message on stderr', () => {
    const path = file('missing-for-subprocess.xlsx');
    const run = spawnSync('npx', ['tsx', 'dev/cli.ts', 'validate', path, '--today', TODAY], { cwd: REPO, encoding: 'utf8' });
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(path);
    expect(run.stderr).toMatch(JAPANESE);
    expect(existsSync(path)).toBe(false);
  });
});

// ---------------------------------------------------------------- standardize

// A town's own list: aliased headers in its own order, a column of its own,
// a 和暦 date, a real date cell, a slash date, and two blank IDs.
const HAND_MADE: readonly (readonly (string | Date)[])[] = [
  ['番号', '受付年月日', '氏名', 'ふりがな', 'つなぎ元', '同意', '相談内容', '独自の欄'],
  ['', '令和8年4月1日', '山田 太郎', 'やまだ たろう', '地域包括支援センター', 'あり', '母の介護と本人の仕事', '要再訪'],
  ['2026-0005', tokyoMidnight('2026-05-10'), '佐藤 花子', 'サトウ ハナコ', '生活支援相談窓口', '確認中', '家賃の滞納', ''],
  ['', '2026/3/15', 'K.S', '', '社会福祉協議会', 'なし', '長期のひきこもり', '民生委員から'],
];

describe('standardize', () => {
  it('turns a hand-made tab into 共通シート, reports it in JSON, and changes nothing the second time', async () => {
    const path = file('hand-made.xlsx');
    await writeHandMade(path, { 相談一覧: HAND_MADE });

    const first = await cli('standardize', path, '--json');
    expect(first.stderr).toBe('');
    expect(first.exitCode).toBe(0);
    const report = jsonOf(first.stdout);
    expect(report.sheet).toBe('共通シート');
    expect(report.backupSheet).toMatch(/^バックアップ_\d{8}_\d{6}$/);
    const renamed = report.renamedHeaders as { from: string; to: string }[];
    const expectedRenames = [
      { from: '番号', to: 'ケースID' },
      { from: '受付年月日', to: '受付日' },
      { from: '氏名', to: '本人氏名' },
      { from: 'ふりがな', to: '本人氏名カナ' },
      { from: 'つなぎ元', to: 'つなぎ元機関' },
      { from: '同意', to: '本人同意' },
      { from: '相談内容', to: '相談の概要' },
    ];
    expect(renamed).toHaveLength(expectedRenames.length);
    expect(renamed).toEqual(expect.arrayContaining(expectedRenames));
    const found = new Set(expectedRenames.map((r) => r.to));
    expect(sorted(report.addedColumns as string[])).toEqual(sorted(STANDARD_HEADERS.filter((h) => !found.has(h))));
    expect(report.extraColumns).toEqual(['独自の欄']);
    // Row 2: 和暦 date, ふりがな → katakana, つなぎ元分野 filled (高齢);
    // row 3: つなぎ元分野 filled (困窮), the date cell is already a date;
    // row 4: slash date, つなぎ元分野 filled (その他).
    expect(report.normalizedCells).toBe(6);
    // Row 2 → FY2026 after the existing 2026-0005; row 4 (2026-03-15) → FY2025.
    expect(report.assignedIds).toBe(2);
    expect(Number.isInteger(report.calls) && (report.calls as number) > 0).toBe(true);

    const once = await loadWorkbook(path);
    const names = once.sheets.map((s) => s.name);
    expect(names).toEqual(expect.arrayContaining(['共通シート', report.backupSheet, '支援記録', '会議記録', '設定', '変更履歴']));
    expect(names).not.toContain('相談一覧');
    const backup = tab(once, report.backupSheet as string);
    expect(headerRow(backup)).toEqual(HAND_MADE[0]);
    expect(valueAt(backup, 2, '受付年月日')).toBe('令和8年4月1日');

    const cases = tab(once, '共通シート');
    expect(headerRow(cases)).toEqual([...STANDARD_HEADERS, '独自の欄']);
    const row = (r: number) => Object.fromEntries(
      ['ケースID', '受付日', 'つなぎ元機関', 'つなぎ元分野', '本人氏名', '本人氏名カナ', '本人同意', '相談の概要', '独自の欄']
        .map((h) => [h, valueAt(cases, r, h)]),
    );
    expect(row(2)).toEqual({
      ケースID: '2026-0006', 受付日: '2026-04-01', つなぎ元機関: '地域包括支援センター', つなぎ元分野: '高齢',
      本人氏名: '山田 太郎', 本人氏名カナ: 'ヤマダ タロウ', 本人同意: 'あり', 相談の概要: '母の介護と本人の仕事', 独自の欄: '要再訪',
    });
    expect(row(3)).toEqual({
      ケースID: '2026-0005', 受付日: '2026-05-10', つなぎ元機関: '生活支援相談窓口', つなぎ元分野: '困窮',
      本人氏名: '佐藤 花子', 本人氏名カナ: 'サトウ ハナコ', 本人同意: '確認中', 相談の概要: '家賃の滞納', 独自の欄: '',
    });
    expect(row(4)).toEqual({
      ケースID: '2025-0001', 受付日: '2026-03-15', つなぎ元機関: '社会福祉協議会', つなぎ元分野: 'その他',
      本人氏名: 'K.S', 本人氏名カナ: '', 本人同意: 'なし', 相談の概要: '長期のひきこもり', 独自の欄: '民生委員から',
    });

    const second = await cli('standardize', path, '--json');
    expect(second.exitCode).toBe(0);
    const again = jsonOf(second.stdout);
    expect(again.backupSheet).toBeNull();
    expect(again.normalizedCells).toBe(0);
    expect(again.assignedIds).toBe(0);
    expect(again.renamedHeaders).toEqual([]);
    expect(again.addedColumns).toEqual([]);

    const twice = await loadWorkbook(path);
    expect(allValues(tab(twice, '共通シート'))).toEqual(allValues(cases));
    expect(twice.sheets.filter((s) => s.name.startsWith('バックアップ_'))).toHaveLength(1);
  });

  it('--sheet picks the named tab and leaves the others alone', async () => {
    const path = file('two-tabs.xlsx');
    await writeHandMade(path, { メモ: [['連絡事項'], ['来週は研修']], 相談一覧: HAND_MADE });
    const result = await cli('standardize', path, '--sheet', '相談一覧');
    expect(result.stderr).toBe('');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(JAPANESE);

    const model = await loadWorkbook(path);
    const cases = tab(model, '共通シート');
    expect([2, 3, 4].map((r) => valueAt(cases, r, '本人氏名'))).toEqual(['山田 太郎', '佐藤 花子', 'K.S']);
    expect(model.sheets.map((s) => s.name)).not.toContain('相談一覧');
    expect(allValues(tab(model, 'メモ'))).toEqual([['連絡事項'], ['来週は研修']]);
  });

  it('--sheet with a tab that does not exist exits 2 naming it, and changes nothing', async () => {
    const path = file('no-such-tab.xlsx');
    await writeHandMade(path, { 相談一覧: HAND_MADE });
    const before = bytes(path);
    const result = await cli('standardize', path, '--sheet', '相談一覧２', '--json');
    expect(result.exitCode).toBe(2);
    expect(jsonOf(result.stdout).error).toBe(result.stderr.trimEnd());
    expect(result.stderr).toContain('相談一覧２');
    expect(result.stderr).toMatch(JAPANESE);
    expect(bytes(path).equals(before)).toBe(true);
  });

  it('keeps a No. column of row counters as a column of its own, assigns ケースID, and changes nothing the second time', async () => {
    const path = file('numbered.xlsx');
    await writeHandMade(path, {
      相談一覧: [
        ['No.', '受付日', '氏名', 'つなぎ元'],
        [1, '令和8年4月3日', '山田 太郎', '地域包括支援センター'],
        [2, '2026/5/10', '佐藤 花子', '生活支援相談窓口'],
        [3, '2026/3/15', 'K.S', '社会福祉協議会'],
      ],
    });
    const first = jsonOf((await cli('standardize', path, '--json')).stdout);
    expect(first.renamedHeaders).not.toContainEqual(expect.objectContaining({ from: 'No.' }));
    expect(first.extraColumns).toEqual(['No.（元のA列）']);
    expect(first.assignedIds).toBe(3);

    const once = await loadWorkbook(path);
    const cases = tab(once, '共通シート');
    expect(headerRow(cases)).toEqual([...STANDARD_HEADERS, 'No.（元のA列）']);
    expect([2, 3, 4].map((r) => [valueAt(cases, r, 'ケースID'), valueAt(cases, r, 'No.（元のA列）'), valueAt(cases, r, '本人氏名')])).toEqual([
      ['2026-0001', 1, '山田 太郎'],
      ['2026-0002', 2, '佐藤 花子'],
      ['2025-0001', 3, 'K.S'],
    ]);
    const valid = jsonOf((await cli('validate', path, '--json')).stdout);
    expect((valid.problems as Problem[]).filter((p) => p.field === 'caseId')).toEqual([]);

    const second = await cli('standardize', path);
    expect(second.exitCode).toBe(0);
    expect(second.stdout).toContain('すでに標準の形でした');
    expect(allValues(tab(await loadWorkbook(path), '共通シート'))).toEqual(allValues(cases));
  });
});
