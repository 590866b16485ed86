// `counts` of SPEC §11, called as a person types it, checked against an
// independent count of the demo data: simple loops over the generator's own
// rows, with a small date reader of their own, never the code under test.
// The tab it leaves in the .xlsx is compared with the one the menu writes.
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { generateDemo } from '../../dev/demo/generate';
import { createModel, loadWorkbook, saveWorkbook } from '../../dev/runtime';
import { findSheet, type SheetModel } from '../../dev/runtime/model';
import { openBook } from '../../dev/session';
import { isDateCell, type Cell } from '../../src/domain/cell';
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, type FieldDef } from '../../src/domain/fields';

const TODAY = '2026-11-22';
const CASES = 200;
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

interface Metric { monthly: number[]; total: number }
interface CountsJson { sheet: string; fiscalYear: number; months: string[]; metrics: Record<string, Metric>; skipped: { sheet: string; row: number; reason: string }[]; calls: number }

let dir = '';
let book = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-counts-'));
  book = join(dir, 'demo.xlsx');
  expect((await runCli(['demo', book, '--cases', String(CASES), '--today', TODAY])).exitCode).toBe(0);
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

const cli = (...args: string[]) => runCli([...args, '--today', TODAY]);

// ---------------------------------------------------------------- the independent count

/** The dates the demo writes: date cells, 2026/1/21 (also full width), 令和8年5月20日, R8.1.31. Null for anything else. */
function dayOf(cell: Cell | undefined): string | null {
  if (cell === undefined || cell === '') return null;
  if (isDateCell(cell)) return cell.iso.slice(0, 10);
  const s = String(cell).normalize('NFKC');
  const western = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(s);
  const reiwa = /^(?:令和|R)(\d{1,2})[年.](\d{1,2})[月.](\d{1,2})日?$/.exec(s);
  const [y, m, d] = western ? [+western[1]!, +western[2]!, +western[3]!] : reiwa ? [2018 + +reiwa[1]!, +reiwa[2]!, +reiwa[3]!] : [];
  if (y === undefined || m === undefined || d === undefined) return 'unreadable';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return 'unreadable';
  return date.toISOString().slice(0, 10);
}

const valueOf = (fields: readonly FieldDef[], row: readonly Cell[], key: string): Cell | undefined => row[fields.findIndex((f) => f.key === key)];

function independentCount(fiscalYear: number) {
  const demo = generateDemo({ cases: CASES, seed: 1, today: TODAY });
  const monthKeys = Array.from({ length: 12 }, (_, i) => {
    const month = ((i + 3) % 12) + 1;
    return `${month >= 4 ? fiscalYear : fiscalYear + 1}-${String(month).padStart(2, '0')}`;
  });
  const monthEnds = monthKeys.map((key) => new Date(Date.UTC(+key.slice(0, 4), +key.slice(5, 7), 0)).toISOString().slice(0, 10));
  const monthOf = (day: string | null): number => (day && day !== 'unreadable' ? monthKeys.indexOf(day.slice(0, 7)) : -1);
  const sums = new Map<string, number[]>();
  const add = (key: string, month: number, amount = 1) => {
    if (month < 0) return;
    const monthly = sums.get(key) ?? new Array<number>(12).fill(0);
    monthly[month]! += amount;
    sums.set(key, monthly);
  };
  const people = new Map<string, Set<string>[]>();
  const addPerson = (key: string, month: number, id: string) => {
    if (month < 0) return;
    const sets = people.get(key) ?? Array.from({ length: 12 }, () => new Set<string>());
    sets[month]!.add(id);
    people.set(key, sets);
  };
  const skippedRows: string[] = [];

  demo.cases.forEach((row, i) => {
    const get = (key: string) => valueOf(CASE_FIELDS, row, key);
    const received = dayOf(get('receivedOn'));
    const closed = dayOf(get('closedOn'));
    if (received === 'unreadable' || received === null) skippedRows.push(`共通シート|${i + 2}`);
    add('newCases', monthOf(received));
    add(`newCases.${String(get('referrerField'))}`, monthOf(received));
    add('consentObtained', monthOf(dayOf(get('consentOn'))));
    add('plansCreated', monthOf(dayOf(get('planOn'))));
    if (['終結', 'つなぎもどし', '中断'].includes(String(get('status')))) add(`closed.${String(get('status'))}`, monthOf(closed));
    monthEnds.forEach((end, m) => {
      if (received && received !== 'unreadable' && received <= end && (closed === null || closed > end)) add('openAtMonthEnd', m);
    });
  });
  for (const row of demo.meetings) {
    const get = (key: string) => valueOf(MEETING_FIELDS, row, key);
    if (get('meetingStatus') !== '開催済') continue;
    const month = monthOf(dayOf(get('heldOn')));
    add(`meetings.${String(get('meetingType'))}.held`, month);
    add(`meetings.${String(get('meetingType'))}.cases`, month, new Set(String(get('caseIds')).split('、').filter(Boolean)).size);
  }
  demo.activities.forEach((row, i) => {
    const get = (key: string) => valueOf(ACTIVITY_FIELDS, row, key);
    const prefix = { アウトリーチ: 'outreach', 参加支援: 'participation' }[String(get('activityType'))];
    if (!prefix) return;
    const month = monthOf(dayOf(get('activityOn')));
    add(`${prefix}.count`, month);
    // Before intake, one person per 対象 (SPEC §9).
    addPerson(`${prefix}.persons`, month, get('caseId') ? `case ${String(get('caseId'))}` : `subject ${String(get('subject'))}`);
    if (prefix === 'outreach') {
      if (typeof get('visitors') === 'number') add('outreach.visitors', month, get('visitors') as number);
      else if (month >= 0) skippedRows.push(`支援記録|${i + 2}`);
    }
  });

  const metric = (key: string): Metric => {
    if (key.endsWith('.persons')) {
      const sets = people.get(key) ?? Array.from({ length: 12 }, () => new Set<string>());
      return { monthly: sets.map((s) => s.size), total: new Set(sets.flatMap((s) => [...s])).size };
    }
    const monthly = sums.get(key) ?? new Array<number>(12).fill(0);
    return { monthly, total: key === 'openAtMonthEnd' ? monthly[11]! : monthly.reduce((a, b) => a + b, 0) };
  };
  const keys = [
    'newCases', ...['高齢', '障害', '子ども', '困窮', 'その他'].map((f) => `newCases.${f}`), 'consentObtained', 'plansCreated',
    ...['終結', 'つなぎもどし', '中断'].map((s) => `closed.${s}`), 'openAtMonthEnd',
    ...['支援会議', '重層的支援会議', '重層的相談支援連絡会議'].flatMap((t) => [`meetings.${t}.held`, `meetings.${t}.cases`]),
    'outreach.count', 'outreach.persons', 'outreach.visitors', 'participation.count', 'participation.persons',
  ];
  return { months: monthKeys, metrics: Object.fromEntries(keys.map((k) => [k, metric(k)])), skippedRows };
}

// ---------------------------------------------------------------- tests

describe('counts --json', () => {
  it.each([2025, 2026])('agrees with an independent count of the demo data for %i年度', async (fiscalYear) => {
    const { stdout, stderr, exitCode } = await cli('counts', book, '--fiscal-year', String(fiscalYear), '--json');
    expect([exitCode, stderr]).toEqual([0, '']);
    const json = JSON.parse(stdout) as CountsJson;
    const expected = independentCount(fiscalYear);
    expect(json.sheet).toBe(`集計_${fiscalYear}年度`);
    expect(json.fiscalYear).toBe(fiscalYear);
    expect(json.months).toEqual(expected.months);
    expect(Object.keys(json.metrics)).toEqual(Object.keys(expected.metrics));
    for (const [key, value] of Object.entries(expected.metrics)) expect({ key, ...json.metrics[key] }).toEqual({ key, ...value });
    expect(json.metrics.newCases!.total).toBeGreaterThan(20);
    expect([...new Set(json.skipped.map((s) => `${s.sheet}|${s.row}`))].sort()).toEqual([...new Set(expected.skippedRows)].sort());
    for (const s of json.skipped) expect(s.reason).toMatch(JAPANESE);
    expect(json.calls).toBeGreaterThan(0);
  });

  it('reads the year as the menu does: 令和7 and R7 are 2025年度', async () => {
    const western = JSON.parse((await cli('counts', book, '--fiscal-year', '2025', '--json')).stdout) as CountsJson;
    for (const typed of ['令和7', 'R7', '令和7年度']) {
      const { stdout, exitCode } = await cli('counts', book, '--fiscal-year', typed, '--json');
      expect(exitCode).toBe(0);
      expect(JSON.parse(stdout)).toEqual(western);
    }
  });

  it('reads the skipped rows of the demo: the planted unreadable 受付日 is left out and listed', async () => {
    const demo = generateDemo({ cases: CASES, seed: 1, today: TODAY });
    const planted = demo.planted.find((p) => p.code === 'invalid_date' && p.field === 'receivedOn')!;
    const json = JSON.parse((await cli('counts', book, '--fiscal-year', '2025', '--json')).stdout) as CountsJson;
    const all = [...json.skipped, ...(JSON.parse((await cli('counts', book, '--fiscal-year', '2026', '--json')).stdout) as CountsJson).skipped];
    expect(all).toContainEqual({ sheet: '共通シート', row: planted.row, reason: '受付日が日付として読めないため、新規相談と月末の継続ケースに数えていません。' });
  });
});

/** A tab as saved, without its id (the order tabs were made in). */
function savedTab(sheet: SheetModel | undefined): Omit<SheetModel, 'id'> | undefined {
  if (!sheet) return undefined;
  const { id: _id, ...rest } = sheet;
  return rest;
}

describe('counts leaves the tab 集計_N年度 in the .xlsx', () => {
  it('exactly as 「月次集計を更新」 writes it in Sheets, and logs it to 変更履歴', async () => {
    const byCli = join(dir, 'by-cli.xlsx');
    const byMenu = join(dir, 'by-menu.xlsx');
    copyFileSync(book, byCli);
    copyFileSync(book, byMenu);
    // No --today: the menu has none either, and the tab carries the day it was made.
    const result = await runCli(['counts', byCli, '--fiscal-year', '2025']);
    expect(result.exitCode).toBe(0);
    expect(result.stdout.split('\n')[0]).toBe('2025年度（令和7年度）の集計をタブ「集計_2025年度」に作り直しました。');

    const menu = await openBook(byMenu);
    menu.runtime.answerPrompt({ text: '2025' });
    menu.run('menuCounts');
    expect(menu.runtime.alerts.at(-1)).toContain('タブ「集計_2025年度」に作り直しました');
    await menu.save();

    const [cliBook, menuBook] = [await loadWorkbook(byCli), await loadWorkbook(byMenu)];
    const cliTab = savedTab(findSheet(cliBook, '集計_2025年度'));
    expect(cliTab).toBeDefined();
    expect(cliTab!.cells.length).toBeGreaterThan(20);
    expect(cliTab).toEqual(savedTab(findSheet(menuBook, '集計_2025年度')));
    const log = (model: typeof cliBook) => findSheet(model, '変更履歴')!.cells.slice(1).map((row) => row?.[2]?.value ?? '');
    expect(log(cliBook)).toContain('月次集計を更新');
    expect(log(cliBook)).toHaveLength(log(menuBook).length);
  });
});

describe('counts --csv', () => {
  it('writes the summary as CSV that Excel opens in Japanese: BOM, CRLF, Japanese labels', async () => {
    const csv = join(dir, '集計.csv');
    const { stdout, exitCode } = await cli('counts', book, '--fiscal-year', '2025', '--csv', csv);
    expect(exitCode).toBe(0);
    expect(stdout).toContain('新規相談（件）');
    expect(stdout).toContain(`CSV を「${csv}」に書き出しました。`);
    const bytes = readFileSync(csv);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    // The demo sets targets, so 目標 and 達成率 stand beside 合計.
    expect(text.split('\r\n')[0]).toBe('2025年度（令和7年度） 月次集計,,,,,,,,,,,,,,,,');
    expect(text).toContain('\r\n項目,4月,5月,6月,7月,8月,9月,10月,11月,12月,1月,2月,3月,合計,目標,達成率,合計の数え方\r\n');
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    // The calls of writing the tab and of making the CSV are both counted.
    const json = JSON.parse((await cli('counts', book, '--fiscal-year', '2025', '--json', '--csv', csv)).stdout) as CountsJson;
    const alone = JSON.parse((await cli('counts', book, '--fiscal-year', '2025', '--json')).stdout) as CountsJson;
    expect(json.calls).toBeGreaterThan(alone.calls);
  });
});

describe('counts: exit status 2, a message in Japanese, the file unchanged', () => {
  const refused = async (args: string[], message: string) => {
    const before = existsSync(book) ? readFileSync(book) : null;
    const { stdout, stderr, exitCode } = await cli(...args);
    expect(exitCode).toBe(2);
    // With --json the refusal is one JSON document too; without, stdout stays empty.
    expect(args.includes('--json') ? JSON.parse(stdout) : stdout).toEqual(args.includes('--json') ? { error: stderr.trimEnd(), calls: 0 } : '');
    expect(stderr).toContain(message);
    if (before) expect(readFileSync(book).equals(before)).toBe(true);
  };

  it('without --fiscal-year, or with one that is not a year in range', async () => {
    await refused(['counts', book, '--json'], '--fiscal-year に集計する年度を指定してください（例 --fiscal-year 2024、--fiscal-year 令和6）。');
    await refused(['counts', book, '--fiscal-year', '24'], '--fiscal-year には2000〜2100年度を、2024、令和6、R6 のような形で指定してください（指定：24）。');
    await refused(['counts', book, '--fiscal-year', '1999', '--json'], '（指定：1999）');
    await refused(['counts', book, '--fiscal-year', '昭和50'], '（指定：昭和50）');
    await refused(['counts', book, '--fiscal-year', '2025', '--csv', book], '--csv にはブックとは別のファイル名を指定してください。');
  });

  it('for a missing or unreadable file, and for a workbook without 共通シート', async () => {
    await refused(['counts', join(dir, 'none.xlsx'), '--fiscal-year', '2025'], 'が見つかりません');
    const text = join(dir, 'text.xlsx');
    writeFileSync(text, 'not a workbook');
    await refused(['counts', text, '--fiscal-year', '2025'], 'Excel ブック（.xlsx）として読めません');
    const other = join(dir, 'other.xlsx');
    await saveWorkbook(createModel('other', { sheetNames: ['名簿'] }), other);
    const before = readFileSync(other);
    await refused(['counts', other, '--fiscal-year', '2025'], '「共通シート」タブがありません');
    expect(readFileSync(other).equals(before)).toBe(true);
  });
});
