// 月次集計 in the built bundle: the tab 集計_N年度 (content, no personal data,
// protection, charts, the same tab when rebuilt), the CSV, the menu, the daily
// trigger, and a fixed number of Apps Script calls whatever the size.
import { join } from 'node:path';
import { generateDemo } from '../../dev/demo/generate';
import { createModel, loadBundle, type Runtime } from '../../dev/runtime';
import { ensureCell, findSheet, type SheetModel } from '../../dev/runtime/model';
import type { CountsCsv, CountsState, DailyCountsState, RebuildCountsResult } from '../../src/app/counts/types';
import { isDateCell, type Cell } from '../../src/domain/cell';
import type { CountsResult } from '../../src/domain/counts/metrics';
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, type FieldDef } from '../../src/domain/fields';
import { fiscalYearOf, todayInTokyo } from '../../src/domain/normalize';
import { columnIndexOf } from '../../src/domain/validate/problem';
import { clockOn, CODE, demoWorkbook, tabNames, tabText, TODAY } from './helpers';

const FY = 2025;
const SHEET = `集計_${FY}年度`;

const rebuild = (runtime: Runtime, fiscalYear = FY, today = TODAY) =>
  runtime.call<RebuildCountsResult>('rebuildCounts_', { today, fiscalYear });

const sheetOf = (runtime: Runtime, name: string): SheetModel => {
  const sheet = findSheet(runtime.model, name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
};

/** Everything a person can see of the tab: values, notes, chart options; formats, widths and frozen rows for sameness. */
function snapshot(sheet: SheetModel): unknown {
  return {
    cells: sheet.cells.map((row) => row?.map((cell) => (cell ? { ...cell, value: cell.value instanceof Date ? cell.value.toISOString() : cell.value } : cell))),
    widths: sheet.columnWidths, frozen: sheet.frozenRows, protections: sheet.protections,
    charts: sheet.charts.map(({ id: _id, ...chart }) => chart),
  };
}

function textOf(cell: Cell): string {
  return isDateCell(cell) ? cell.iso : String(cell);
}

/** Every personal or free-text value of the demo: names, kana, birth dates, IDs, staff, free text. */
function personalValues(cases: number): string[] {
  const demo = generateDemo({ cases, seed: 1, today: TODAY });
  const pick = (fields: readonly FieldDef[], rows: Cell[][], keys: readonly string[]) =>
    rows.flatMap((row) => keys.map((key) => textOf(row[fields.findIndex((f) => f.key === key)] ?? '')));
  const values = [
    ...pick(CASE_FIELDS, demo.cases, ['caseId', 'referrerStaff', 'personName', 'personKana', 'birthDate', 'householdId', 'household', 'summary', 'reason', 'closingNote', 'notes']),
    ...pick(ACTIVITY_FIELDS, demo.activities, ['recordId', 'caseId', 'staff', 'content']),
    ...pick(MEETING_FIELDS, demo.meetings, ['meetingId', 'caseIds', 'decisions']),
  ];
  const birthDays = pick(CASE_FIELDS, demo.cases, ['birthDate']).filter((v) => /^\d{4}-\d{2}-\d{2}$/.test(v))
    .map((iso) => `${Number(iso.slice(0, 4))}年${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日`);
  return [...new Set([...values, ...birthDays])].filter((v) => v.length >= 2);
}

describe('rebuildCounts', () => {
  const runtime = demoWorkbook(100);
  const result = rebuild(runtime);
  const rows = tabText(runtime, SHEET);

  it('writes the tab 集計_N年度 with the title, the months table and the counts of getCounts', () => {
    expect(result.sheet).toBe(SHEET);
    expect(result.builtOn).toBe(TODAY);
    expect(tabNames(runtime)).toContain(SHEET);
    expect(rows[0]![0]).toBe('2025年度（令和7年度） 月次集計');
    expect(rows[1]![0]).toContain('作成日：2026年11月22日（日）・令和8年11月22日');
    const counts = runtime.call<CountsResult>('getCounts', { today: TODAY, fiscalYear: FY });
    expect(result.counts).toEqual(counts);
    const row = (label: string) => rows.find((r) => r[0] === label)!;
    // The demo sets yearly targets in 設定, so 目標 and 達成率 stand beside 合計.
    expect(row('項目')).toEqual(['項目', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月', '合計', '目標', '達成率', '合計の数え方']);
    const newCases = counts.metrics.newCases!;
    expect(row('新規相談（件）').slice(1, 14)).toEqual([...newCases.monthly, newCases.total].map(String));
    const persons = counts.metrics['outreach.persons']!;
    expect(row('アウトリーチ 実人数（人）').slice(1, 14)).toEqual([...persons.monthly, persons.total].map(String));
    expect(persons.total).toBeLessThan(persons.monthly.reduce((a, b) => a + b, 0));
    expect(rows[2]![0]).toMatch(/^集計から除いた行：\d+行/);
  });

  it('carries no personal value of any row: no name, kana, birth date, ID or free text', () => {
    const sheet = sheetOf(runtime, SHEET);
    const shown = [
      ...rows.flat(),
      ...sheet.cells.flatMap((r) => (r ?? []).map((c) => c?.note ?? '')),
      ...sheet.charts.map((c) => JSON.stringify(c.options)),
    ].join('\n');
    const values = personalValues(100);
    expect(values.length).toBeGreaterThan(500);
    for (const value of values) expect({ value, found: shown.includes(value) }).toEqual({ value, found: false });
  });

  it('reads, below each header, only the columns it counts: no name, kana, free text or staff, and nothing of 役割分担', () => {
    /** Each area read: its tab, first row and first and last column (from 0). */
    const reads: { tab: string; top: number; from: number; to: number }[] = [];
    const watched = loadBundle(CODE, runtime.model, {
      htmlDir: join(__dirname, '../../dist'), now: clockOn(TODAY),
      onServiceCall: (call, target, args) => {
        if (call === 'Range.getValues') {
          const [, tab, from, top, to] = /^'(.+)'!([A-Z]+)(\d+):([A-Z]+)\d+$/.exec(target) ?? [];
          if (tab) reads.push({ tab, top: Number(top), from: columnIndexOf(from!), to: columnIndexOf(to!) });
        }
        if (call === 'Sheet.getSheetValues') {
          const [top, left, , width] = args.map(Number);
          reads.push({ tab: target.replace(/^'|'$/g, ''), top: top!, from: left! - 1, to: left! + width! - 2 });
        }
      },
    });
    rebuild(watched);
    expect(reads.some((read) => read.tab === '共通シート' && read.top >= 2)).toBe(true);
    /** The headers of the columns read from row 2 down, by tab. */
    const readHeaders = (tab: string): string[] => {
      const header = tabText(runtime, tab)[0]!;
      return reads.flatMap((read) => (read.tab === tab && read.top >= 2 ? header.slice(read.from, read.to + 1) : []));
    };
    const cases = readHeaders('共通シート');
    expect(cases).toEqual(expect.arrayContaining(['ケースID', '受付日', 'つなぎ元機関', '生年月日', '状態', '終結日']));
    for (const personal of ['本人氏名', '本人氏名カナ', 'つなぎ元担当者', '世帯構成', '相談の概要', 'つなぎの理由', '終結理由', '備考']) {
      expect(cases).not.toContain(personal);
    }
    expect(readHeaders('支援記録')).toEqual(expect.arrayContaining(['実施日', '種別']));
    expect(readHeaders('支援記録')).not.toContain('内容');
    expect(readHeaders('支援記録')).not.toContain('対応者');
    expect(readHeaders('会議記録')).not.toContain('決定事項');
    expect(reads.filter((read) => read.tab === '役割分担')).toEqual([]);
    expect(tabText(watched, SHEET)).toEqual(rows);
  });

  it('is protected with a warning only, frozen under the months row, with four charts on it', () => {
    const sheet = sheetOf(runtime, SHEET);
    expect(sheet.protections).toEqual([expect.objectContaining({ type: 'SHEET', description: expect.stringContaining('月次集計'), warningOnly: true })]);
    expect(sheet.frozenRows).toBe(rows.findIndex((r) => r[0] === '項目') + 1);
    expect(sheet.charts.map((c) => [c.type, c.options.title])).toEqual([
      ['BAR', '課題領域（2025年度の新規相談）'], ['BAR', '世帯の状態（2025年度の新規相談）'],
      ['COLUMN', '新規相談（つなぎ元分野別）2025年度'], ['LINE', '月末の継続ケース 2025年度'],
    ]);
    const lifeAreas = rows.findIndex((r) => r[0] === '課題領域' && r[1] === '件数') + 1;
    expect(sheet.charts[0]!.ranges).toEqual([{ sheetId: sheet.id, row: lifeAreas, column: 1, numRows: 14, numColumns: 2 }]);
    expect(rows[lifeAreas]!.slice(0, 2)).toEqual(['病気・医療', expect.stringMatching(/^\d+$/)]);
    const header = rows.findIndex((r) => r[0] === '月') + 1;
    expect(sheet.charts[2]!.ranges).toEqual([{ sheetId: sheet.id, row: header, column: 1, numRows: 13, numColumns: 6 }]);
    expect(rows[header - 1]!.slice(0, 7)).toEqual(['月', '高齢', '障害', '子ども', '困窮', 'その他', '月末の継続ケース']);
  });

  it('gives the same tab when rebuilt the same day, with one 変更履歴 row per rebuild, all under the lock', () => {
    const before = snapshot(sheetOf(runtime, SHEET));
    const logRows = tabText(runtime, '変更履歴').filter((r) => r[2] === '月次集計を更新').length;
    const writes = runtime.writes.length;
    rebuild(runtime);
    expect(snapshot(sheetOf(runtime, SHEET))).toEqual(before);
    expect(sheetOf(runtime, SHEET).charts).toHaveLength(4);
    expect(tabNames(runtime).filter((n) => n === SHEET)).toHaveLength(1);
    const log = tabText(runtime, '変更履歴').filter((r) => r[2] === '月次集計を更新');
    expect(log).toHaveLength(logRows + 1);
    expect(log.at(-1)!.slice(3)).toEqual([SHEET, '', '', '', expect.stringMatching(/^作成日 2026-11-22・集計から除いた行 \d+行$/)]);
    expect(runtime.writes.slice(writes).filter((w) => !w.locked)).toEqual([]);
  });

  it('shows small counts as <k on the tab when 設定 sets 少数秘匿, while the counts keep the numbers', () => {
    const settings = sheetOf(runtime, '設定');
    const column = settings.cells[0]!.findIndex((c) => c?.value === '少数秘匿') + 1;
    ensureCell(settings, 2, column).value = 3;
    const counts = rebuild(runtime).counts;
    const shown = tabText(runtime, SHEET);
    const newCases = shown.find((r) => r[0] === '新規相談（件）')!.slice(1, 13);
    // A count that with a total or the 分野 rows would reveal a <3 is hidden too, as *.
    expect(newCases).toEqual(counts.metrics.newCases!.monthly.map((n) => (n === 1 || n === 2 ? '<3' : expect.stringMatching(new RegExp(`^(${n}|\\*)$`)))));
    expect(shown.flat().some((c) => c === '<3')).toBe(true);
    expect(shown.flat().filter((c) => c === '1' || c === '2')).toEqual([]);
    expect(Object.values(counts.metrics).some((m) => m.monthly.includes(1))).toBe(true);
    ensureCell(settings, 2, column).value = 0;
  });

  it('refuses a workbook without 共通シート and a year out of range, in Japanese', () => {
    const empty = loadBundle(CODE, createModel('x', { sheetNames: ['シート1'] }));
    expect(() => rebuild(empty)).toThrow('「共通シート」タブがありません');
    expect(() => rebuild(runtime, 1999)).toThrow('年度は2000〜2100の西暦で指定してください。');
    expect(() => runtime.call('rebuildCounts', { fiscalYear: '2025' })).toThrow('指定された内容を読み取れませんでした');
  });
});

describe('設定 目標指標', () => {
  it('offers the 集計 tab\'s Japanese labels in its dropdown, and a label picked from it sets the target', () => {
    const runtime = demoWorkbook(60);
    const settings = sheetOf(runtime, '設定');
    const column = settings.cells[0]!.findIndex((c) => c?.value === '目標指標');
    const rule = settings.cells[5]![column]!.validation!;
    expect(rule.criteria).toMatchObject({ type: 'VALUE_IN_LIST', showDropdown: true });
    const offered = (rule.criteria as unknown as { values: string[] }).values;
    expect(offered).toEqual(expect.arrayContaining(['新規相談（件）', 'うち つなぎ元分野「高齢」（件）', 'アウトリーチ 実人数（人）', '支援会議 開催回数（回）']));
    expect(offered.filter((v) => /^[a-z]/.test(v))).toEqual([]);
    expect(rule.allowInvalid).toBe(true);
    // Every target the demo sets is shown by its label, none as a metric key.
    expect(tabText(runtime, '設定').slice(1).map((r) => r[column]).filter(Boolean).every((v) => offered.includes(v!) || v === '新規相談')).toBe(true);
    ensureCell(settings, 6, column + 1).value = '参加支援 延べ件数（件）';
    ensureCell(settings, 6, column + 2).value = 12;
    const { counts } = rebuild(runtime);
    expect(counts.targets['participation.count']).toBe(12);
  });
});

describe('countsCsv', () => {
  it('gives the summary as CSV with a BOM and CRLF, cell for cell as the tab shows it', () => {
    const runtime = demoWorkbook(60);
    rebuild(runtime);
    const csv = runtime.call<CountsCsv>('countsCsv', { today: TODAY, fiscalYear: FY });
    expect(csv.fileName).toBe('集計_2025年度_20261122.csv');
    expect(csv.text.startsWith('\uFEFF2025年度（令和7年度） 月次集計,')).toBe(true);
    const lines = csv.text.slice(1).split('\r\n');
    expect(lines.at(-1)).toBe('');
    const tab = tabText(runtime, SHEET);
    expect(lines.slice(0, -1).map((l) => l.split(','))).toEqual(tab.map((r) => [...r, ...new Array<string>(17 - r.length).fill('')]));
  });
});

describe('the menu', () => {
  it('rebuilds this fiscal year when the prompt is left blank, the year typed otherwise, and refuses a non-year', () => {
    const runtime = demoWorkbook(60);
    runtime.call('menuCounts');
    const current = fiscalYearOf(todayInTokyo());
    expect(runtime.prompts.at(-1)).toMatchObject({ title: '月次集計を更新', text: '', button: 'OK' });
    expect(tabNames(runtime)).toContain(`集計_${current}年度`);
    expect(runtime.selection().sheet).toBe(`集計_${current}年度`);
    expect(runtime.alerts.at(-1)).toContain(`タブ「集計_${current}年度」に作り直しました`);

    runtime.answerPrompt({ text: '令和6年度' });
    runtime.call('menuCounts');
    expect(tabNames(runtime)).toContain('集計_2024年度');

    const tabs = tabNames(runtime).length;
    runtime.answerPrompt({ text: 'きょねん' });
    runtime.call('menuCounts');
    expect(runtime.alerts.at(-1)).toBe('月次集計を更新\n「きょねん」は年度として読めません。2000〜2100年度を、2024 や 令和6年度 の形で入力してください。');
    runtime.answerPrompt({ text: '2023', button: 'CANCEL' });
    runtime.call('menuCounts');
    expect(tabNames(runtime)).toHaveLength(tabs);
  });

  it('switches the daily update on and off, saying which state it is in', () => {
    const runtime = demoWorkbook(10);
    runtime.call('menuDailyCounts');
    expect(runtime.alerts.slice(-2)).toEqual([
      expect.stringContaining('いまは「未設定」です'), expect.stringContaining('毎日の自動更新を設定しました'),
    ]);
    expect(runtime.model.triggers).toHaveLength(1);
    runtime.call('menuDailyCounts');
    expect(runtime.alerts.slice(-2)).toEqual([
      expect.stringContaining('いまは「設定済み」です'), expect.stringContaining('毎日の自動更新を解除しました'),
    ]);
    expect(runtime.model.triggers).toEqual([]);
  });
});

describe('the daily trigger', () => {
  it('is installed once however often it is asked for, and removed entirely', () => {
    const runtime = demoWorkbook(10);
    const first = runtime.call<DailyCountsState>('installDailyCounts');
    const second = runtime.call<DailyCountsState>('installDailyCounts');
    expect(first).toEqual({ installed: true, mine: true, by: 'local@example.invalid', hour: 5 });
    expect(second).toEqual(first);
    expect(runtime.model.triggers).toEqual([expect.objectContaining({ handler: 'rebuildCountsDaily', everyDays: 1, atHour: 5, eventType: 'CLOCK' })]);
    expect(runtime.call<CountsState>('getCountsState', { today: TODAY }).daily).toEqual(first);
    expect(runtime.call('removeDailyCounts')).toEqual({ installed: false, mine: false, by: '', hour: 5 });
    expect(runtime.model.triggers).toEqual([]);
    expect(runtime.call('removeDailyCounts')).toEqual({ installed: false, mine: false, by: '', hour: 5 });
    expect(tabText(runtime, '変更履歴').filter((r) => r[2] === '毎日の自動更新').map((r) => r[7])).toEqual([
      '設定しました（毎朝5時台に月次集計を更新）', '解除しました',
    ]);
    expect(runtime.writes.filter((w) => !w.locked)).toEqual([]);
  });

  it('tells a second person who set it instead of adding a second trigger; a trigger that stopped running may be taken over', () => {
    const first = demoWorkbook(10);
    first.call('installDailyCounts');
    const second = loadBundle(CODE, first.model, { user: 'kacho@town.example.jp', now: clockOn(TODAY) });
    expect(second.call<CountsState>('getCountsState', { today: TODAY }).daily).toEqual({ installed: true, mine: false, by: 'local@example.invalid', hour: 5 });
    expect(() => second.call('installDailyCounts')).toThrow('すでにlocal@example.invalid さんが設定しています');
    expect(() => second.call('removeDailyCounts')).toThrow('local@example.invalid さんだけが解除できます');
    expect(first.model.triggers).toHaveLength(1);
    // Its owner's trigger has not run for a week: the record is stale.
    const weekAgo = clockOn(TODAY).getTime() - 7 * 86_400_000;
    first.model.documentProperties.set('tsunagi.dailyCounts', JSON.stringify({ by: 'local@example.invalid', since: weekAgo, lastRun: weekAgo }));
    expect(second.call<DailyCountsState>('installDailyCounts')).toMatchObject({ installed: true, mine: true, by: 'kacho@town.example.jp' });
  });

  it('takes a setting by someone Apps Script cannot name (no email) as someone else’s', () => {
    const first = loadBundle(CODE, demoWorkbook(10).model, { user: '', now: clockOn(TODAY) });
    expect(first.call('installDailyCounts')).toEqual({ installed: true, mine: true, by: '', hour: 5 });
    const second = loadBundle(CODE, first.model, { user: 'kacho@town.example.jp', now: clockOn(TODAY) });
    expect(second.call<CountsState>('getCountsState', { today: TODAY }).daily).toEqual({ installed: true, mine: false, by: '', hour: 5 });
    expect(() => second.call('installDailyCounts')).toThrow('すでにほかの利用者が設定しています');
    expect(first.model.triggers).toHaveLength(1);
    expect(first.call('removeDailyCounts')).toEqual({ installed: false, mine: false, by: '', hour: 5 });
  });

  it('rebuilds this fiscal year every day, and in April the year just ended too', () => {
    const runtime = demoWorkbook(30);
    runtime.call('installDailyCounts');
    runtime.call('rebuildCountsDaily', { today: '2026-11-22', authMode: 'FULL', triggerUid: '1' });
    expect(tabNames(runtime).filter((n) => n.startsWith('集計_'))).toEqual(['集計_2026年度']);
    runtime.call('rebuildCountsDaily', { today: '2026-04-10' });
    expect(tabNames(runtime).filter((n) => n.startsWith('集計_')).sort()).toEqual(['集計_2025年度', '集計_2026年度']);
    expect(JSON.parse(runtime.model.documentProperties.get('tsunagi.dailyCounts')!).lastRun).toBeGreaterThan(0);
    expect(tabText(runtime, '変更履歴').filter((r) => r[2] === '月次集計を更新（毎日の自動更新）')).toHaveLength(3);
  });
});

describe('getCountsState', () => {
  it('offers this year and four before it, and every year that has a tab', () => {
    const runtime = demoWorkbook(10);
    rebuild(runtime, 2019);
    expect(runtime.call<CountsState>('getCountsState', { today: TODAY })).toEqual({
      today: TODAY, currentFiscalYear: 2026, fiscalYears: [2026, 2025, 2024, 2023, 2022, 2019], builtYears: [2019],
      daily: { installed: false, mine: false, by: '', hour: 5 },
    });
  });
});

/** Repeats the 支援記録 rows already there (straight into the file, as staff typing them would) until the tab has `rows` of them. */
function padActivities(runtime: Runtime, rows: number): void {
  const sheet = sheetOf(runtime, '支援記録');
  const existing = sheet.cells.length - 1;
  sheet.maxRows = Math.max(sheet.maxRows, rows + 1);
  for (let r = existing; r < rows; r++) sheet.cells[r + 1] = sheet.cells[1 + (r % existing)]!.map((cell) => (cell ? { ...cell } : cell));
}

describe('service calls', () => {
  it('are the same for rebuilding, counting and exporting with 100 cases and with 10,000 cases and 50,000 支援記録', () => {
    const measure = (cases: number, activities?: number) => {
      const runtime = demoWorkbook(cases);
      if (activities) padActivities(runtime, activities);
      const calls = (fn: () => unknown): number => {
        runtime.resetCalls();
        fn();
        return runtime.calls;
      };
      return {
        activities: tabText(runtime, '支援記録').length - 1,
        calls: {
          rebuild: calls(() => rebuild(runtime)),
          rebuildAgain: calls(() => rebuild(runtime)),
          counts: calls(() => runtime.call('getCounts', { today: TODAY, fiscalYear: FY })),
          csv: calls(() => runtime.call('countsCsv', { today: TODAY, fiscalYear: FY })),
        },
      };
    };
    const small = measure(100);
    const large = measure(10_000, 50_000);
    expect(large.activities).toBe(50_000);
    expect(large.calls).toEqual(small.calls);
    // Four charts, seven right-aligned areas, five tabs read (each sized first: SPEC §13's limits; of the four
    // record tabs the header, then each run of adjacent counted columns, each in one getSheetValues), each write's formats,
    // and the flush before the lock is released. Tabs are looked up by name (one call each), not listed with
    // every tab's name, unless the operation needs the list of tabs (the 集計 tabs of earlier years).
    expect(small.calls).toEqual({ rebuild: 143, rebuildAgain: 146, counts: 37, csv: 37 });
  });
});
