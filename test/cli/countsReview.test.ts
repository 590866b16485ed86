// The PDCA figures of `counts` (SPEC §9: breakdowns, durations, targets,
// partialMonth, last year's totals, outreach before intake) on a hand-made
// book: the test writes the rows, counts them again with its own simple loops
// over its own objects, and compares with what `counts --json` prints and what
// 「月次集計を更新」 writes on the tab 集計_2024年度 of the same .xlsx.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { createModel, openWorkbook, saveWorkbook } from '../../dev/runtime';
import { ensureCell, findSheet, type SheetModel } from '../../dev/runtime/model';
import { tabText } from '../app/helpers';

const TODAY = '2024-11-20';
const FY = 2024;
const THRESHOLD = 3;
const LIFE_AREAS = ['介護', '収入・仕事', '住まい', 'ひきこもり・不登校'];
const TAGS = ['8050', 'ひきこもり', 'ダブルケア'];
const BANDS = ['40代', '50代', '80代'];
const SEXES = ['男性', '女性'];

interface HandCase {
  id: string; received: string; band: string; sex: string; lifeAreas: string[]; tags: string[];
  consent?: string; plan?: string; closed?: string; status: string;
}
interface HandActivity { caseId: string; subject: string; on: string; type: string; visitors: number }

/** A small deterministic generator, so the book is varied but the same on every run. */
function random(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
}

const iso = (day: number): string => new Date(Date.UTC(2023, 3, 1) + day * 86_400_000).toISOString().slice(0, 10);
/** As staff type dates: some 2024/4/1, some 令和6年4月1日. */
const typed = (date: string, n: number): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return n % 2 ? `${y}/${m}/${d}` : `令和${y - 2018}年${m}月${d}日`;
};

function handBook(): { cases: HandCase[]; activities: HandActivity[] } {
  const next = random(7);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!;
  const cases: HandCase[] = [];
  for (let i = 0; i < 48; i++) {
    const start = Math.floor(next() * 590); // 2023-04-01 … 2024-11-11
    const c: HandCase = {
      id: `${start < 366 ? 2023 : 2024}-${String(i + 1).padStart(4, '0')}`, received: iso(start), status: '支援中',
      band: i % 9 === 0 ? '' : pick(BANDS), sex: i % 11 === 0 ? '' : pick(SEXES),
      lifeAreas: i % 13 === 0 ? [] : [...new Set([pick(LIFE_AREAS), pick(LIFE_AREAS)])], tags: next() < 0.4 ? [] : [pick(TAGS)],
    };
    const later = (days: number) => (start + days <= 599 ? iso(start + days) : undefined);
    if (next() < 0.7) c.consent = later(Math.floor(next() * 40));
    if (c.consent && next() < 0.6) c.plan = later(Math.floor(next() * 90) + 20);
    if (next() < 0.3) {
      c.closed = later(Math.floor(next() * 200) + 30);
      if (c.closed) c.status = pick(['終結', 'つなぎもどし', '中断']);
    }
    cases.push(c);
  }
  // Outreach before intake under three 対象; the second became case 2024-0005 and two of its records were linked.
  const activities: HandActivity[] = [
    { caseId: '', subject: '北地区の高齢男性（仮称A）', on: '2024-05-02', type: 'アウトリーチ', visitors: 2 },
    { caseId: '', subject: '北地区の高齢男性（仮称A）', on: '2024-06-10', type: 'アウトリーチ', visitors: 1 },
    { caseId: '2024-0005', subject: '南地区の50代女性（仮称B）', on: '2024-04-20', type: 'アウトリーチ', visitors: 2 },
    { caseId: '2024-0005', subject: '南地区の50代女性（仮称B）', on: '2024-05-20', type: 'アウトリーチ', visitors: 1 },
    { caseId: '', subject: '南地区の50代女性（仮称B）', on: '2024-07-01', type: 'アウトリーチ', visitors: 1 },
    { caseId: '2024-0005', subject: '', on: '2024-08-01', type: 'アウトリーチ', visitors: 2 },
    { caseId: '2024-0003', subject: '', on: '2024-08-03', type: 'アウトリーチ', visitors: 1 },
    { caseId: '', subject: '東地区のひきこもりの方（仮称C）', on: '2023-10-05', type: 'アウトリーチ', visitors: 1 },
    { caseId: '2024-0003', subject: '', on: '2024-09-03', type: '参加支援', visitors: 0 },
  ];
  return { cases, activities };
}

// ---------------------------------------------------------------- the independent count

const inFiscalYear = (date: string | undefined, year: number): boolean => !!date && date >= `${year}-04-01` && date <= `${year + 1}-03-31`;
const days = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / 86_400_000;

function median(values: number[]): { n: number; median: number | null } {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return { n: 0, median: null };
  const mid = s.length >> 1;
  return { n: s.length, median: s.length % 2 ? s[mid]! : Math.round((s[mid - 1]! + s[mid]!) / 2) };
}

function tally(values: string[][], allowed: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = Object.fromEntries(allowed.map((v) => [v, 0]));
  for (const list of values) {
    if (list.length === 0) counts['未入力'] = (counts['未入力'] ?? 0) + 1;
    for (const v of list) counts[v] = (counts[v] ?? 0) + 1;
  }
  return counts;
}

/** The figures of fiscal year `year`, from April to the end of `untilMonth` (YYYY-MM) when given. */
function expected(book: ReturnType<typeof handBook>, year: number, untilMonth?: string) {
  const inYear = (date: string | undefined, y: number): boolean => inFiscalYear(date, y) && (!untilMonth || date!.slice(0, 7) <= untilMonth);
  const received = book.cases.filter((c) => inYear(c.received, year));
  const closedStatuses = ['終結', 'つなぎもどし', '中断'];
  const outreach = book.activities.filter((a) => a.type === 'アウトリーチ' && inYear(a.on, year));
  return {
    newCases: received.length,
    consentObtained: book.cases.filter((c) => inYear(c.consent, year)).length,
    outreachCount: outreach.length,
    outreachPersons: new Set(outreach.map((a) => (a.caseId ? `c${a.caseId}` : `s${a.subject}`))).size,
    outreachVisitors: outreach.reduce((sum, a) => sum + a.visitors, 0),
    breakdowns: {
      lifeAreas: tally(received.map((c) => c.lifeAreas), ['病気・医療', 'こころの問題', '介護', '障害', '子育て', '収入・仕事', '支出・滞納・借金', '住まい', 'DV・虐待', '権利擁護', '地域・家族との関係', 'ひきこもり・不登校', 'その他']),
      tags: tally(received.map((c) => c.tags), ['8050', 'ひきこもり', 'ヤングケアラー', 'ダブルケア', 'セルフネグレクト・ごみ屋敷', '多重債務', '障害疑い・未受診', '外国籍・言語', '虐待', '不登校', '近隣トラブル', 'ひとり親・多子']),
      ageBand: tally(received.map((c) => (c.band ? [c.band] : [])), ['10歳未満', '10代', '20代', '30代', '40代', '50代', '60代', '70代', '80代', '90代以上', '不明']),
      sex: tally(received.map((c) => (c.sex ? [c.sex] : [])), ['男性', '女性', 'その他', '不明']),
      area: tally(received.map(() => []), []),
    },
    durations: {
      receivedToConsent: median(book.cases.filter((c) => inYear(c.consent, year)).map((c) => days(c.received, c.consent!))),
      receivedToPlan: median(book.cases.filter((c) => inYear(c.plan, year)).map((c) => days(c.received, c.plan!))),
      receivedToClosed: median(book.cases.filter((c) => inYear(c.closed, year) && closedStatuses.includes(c.status)).map((c) => days(c.received, c.closed!))),
    },
  };
}

// ---------------------------------------------------------------- the book as staff would type it

function fill(sheet: SheetModel, rows: readonly (readonly (string | number)[])[]): void {
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== '') ensureCell(sheet, r + 1, c + 1).value = value;
  }));
}

async function writeBook(path: string, book: ReturnType<typeof handBook>): Promise<void> {
  const model = createModel('review', { sheetNames: ['共通シート', '支援記録', '設定'] });
  fill(findSheet(model, '共通シート')!, [
    ['ケースID', '受付日', 'つなぎ元機関', 'つなぎ元分野', '本人氏名', '年代', '性別', '課題領域', '世帯の状態', '相談の概要', 'つなぎの理由', '本人同意', '同意取得日', '状態', 'プラン作成日', '終結日', '終結理由'],
    ...book.cases.map((c, i) => [c.id, typed(c.received, i), '地域包括支援センター', '高齢', `山田 花子${i}`, c.band, c.sex, c.lifeAreas.join('、'), c.tags.join('、'),
      '相談', '理由', c.consent ? 'あり' : '確認中', c.consent ? typed(c.consent, i + 1) : '', c.status, c.plan ?? '', c.closed ?? '', c.closed ? '終了' : '']),
  ]);
  fill(findSheet(model, '支援記録')!, [
    ['記録ID', 'ケースID', '対象', '実施日', '種別', '対応者', '訪問人数', '内容'],
    ...book.activities.map((a, i) => [`R-${i}`, a.caseId, a.subject, a.on, a.type, '', a.visitors || '', '']),
  ]);
  fill(findSheet(model, '設定')!, [
    ['目標指標', '年度目標', '少数秘匿'],
    ['新規相談', 40, THRESHOLD],
    ['outreach.persons', 4, ''],
    ['本人同意の取得（件）', 0, ''],
  ]);
  await saveWorkbook(model, path);
}

interface CountsJson {
  metrics: Record<string, { monthly: number[]; total: number }>;
  breakdowns: Record<string, Record<string, number>>;
  durations: Record<string, { n: number; median: number | null }>;
  targets: Record<string, number>;
  partialMonth: string | null;
  previousYear: { fiscalYear: number; totals: Record<string, number>; toDate: { throughMonth: string; totals: Record<string, number> } | null } | null;
}

let dir = '';
let json: CountsJson;
let tab: string[][];
const book = handBook();

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-review-'));
  const path = join(dir, 'review.xlsx');
  await writeBook(path, book);
  const run = await runCli(['counts', path, '--fiscal-year', String(FY), '--json', '--today', TODAY]);
  expect([run.exitCode, run.stderr]).toEqual([0, '']);
  json = JSON.parse(run.stdout) as CountsJson;
  const { runtime } = await openWorkbook(path);
  runtime.call('rebuildCounts', { today: TODAY, fiscalYear: FY });
  tab = tabText(runtime, `集計_${FY}年度`);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const rowOf = (label: string): string[] => {
  const row = tab.find((r) => r[0] === label);
  if (!row) throw new Error(`no row ${label}`);
  return row;
};
/** What the tab shows for a count under 少数秘匿 k = 3. */
const shown = (n: number): string => (n >= 1 && n < THRESHOLD ? `<${THRESHOLD}` : String(n));

describe('counts --json on a hand-made book agrees with an independent count', () => {
  const want = expected(book, FY);
  const last = expected(book, FY - 1);

  it('breaks the year\'s new cases down by 課題領域, 世帯の状態, 年代, 性別 and 圏域, 未入力 for a blank field', () => {
    expect(json.metrics.newCases!.total).toBe(want.newCases);
    expect(json.breakdowns).toEqual(want.breakdowns);
    expect(want.breakdowns.sex['未入力']).toBeGreaterThan(0);
  });

  it('gives the median days 受付→同意, →プラン, →終結 of the year\'s events with their n', () => {
    expect(json.durations).toEqual(want.durations);
    expect(want.durations.receivedToConsent.n).toBeGreaterThan(3);
  });

  it('reads targets by key or by the label on the tab, and marks the month in progress', () => {
    expect(json.targets).toEqual({ newCases: 40, 'outreach.persons': 4, consentObtained: 0 });
    expect(json.partialMonth).toBe('2024-11');
  });

  it('counts outreach before intake: one person per 対象, or per ケースID once a record names it', () => {
    // 2024年度: A (2 records), B's linked records count as 2024-0005 with the later case record, B's unlinked one as B, 2024-0003.
    expect(json.metrics['outreach.count']!.total).toBe(want.outreachCount);
    expect(json.metrics['outreach.persons']!.total).toBe(want.outreachPersons);
    expect(want.outreachPersons).toBe(4);
    expect(json.metrics['outreach.visitors']!.total).toBe(want.outreachVisitors);
  });

  it('gives last year\'s totals, and mid-year last year\'s up to the same month (前年同期)', () => {
    const lastToDate = expected(book, FY - 1, '2023-11');
    expect(json.previousYear?.toDate?.throughMonth).toBe('2023-11');
    expect(json.previousYear?.toDate?.totals.newCases).toBe(lastToDate.newCases);
    expect(json.previousYear?.toDate?.totals.consentObtained).toBe(lastToDate.consentObtained);
    expect(lastToDate.newCases).toBeLessThan(last.newCases);
    expect(json.previousYear?.fiscalYear).toBe(FY - 1);
    expect(json.previousYear?.totals.newCases).toBe(last.newCases);
    expect(json.previousYear?.totals.consentObtained).toBe(last.consentObtained);
    expect(json.previousYear?.totals['outreach.persons']).toBe(last.outreachPersons);
  });
});

describe('the tab 集計_2024年度 shows the same figures, under 少数秘匿', () => {
  const want = expected(book, FY);
  const last = expected(book, FY - 1);

  it('marks 11月 as 途中, leaves later months blank and labels open cases 月末の継続ケース', () => {
    const header = tab.find((r) => r[0] === '項目')!;
    expect(header.slice(0, 15)).toEqual(['項目', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月（途中）', '12月', '1月', '2月', '3月', '合計', '目標（年間）']);
    expect(rowOf('新規相談（件）').slice(9, 13)).toEqual(['', '', '', '']);
    expect(rowOf('月末の継続ケース（件）')[0]).toBe('月末の継続ケース（件）');
    expect(tab.flat().join('')).not.toContain('月末の支援中ケース');
  });

  it('compares like with like mid-year: 達成率 against the target pro-rated to 8 months, 前年同期 beside 前年度', () => {
    const header = tab.find((r) => r[0] === '項目')!;
    expect(header.slice(13)).toEqual(['合計', '目標（年間）', '目標（11月まで）', '達成率', '前年同期（2023年度4月〜11月）', '前年度（2023年度）', '合計の数え方']);
    const at = (name: string) => header.indexOf(name);
    const lastToDate = expected(book, FY - 1, '2023-11');
    const row = rowOf('新規相談（件）');
    // 4月〜11月 is 8 of 12 months: the year's 40 pro-rated is 26.7.
    expect([row[at('合計')], row[at('目標（年間）')], row[at('目標（11月まで）')], row[at('達成率')], row[at('前年同期（2023年度4月〜11月）')], row[at('前年度（2023年度）')]])
      .toEqual([shown(want.newCases), '40', '26.7', `${Math.round((want.newCases / (40 * 8 / 12)) * 100)}%`, shown(lastToDate.newCases), shown(last.newCases)]);
    // A target of 0 has no rate; a metric without a target has neither.
    expect(rowOf('本人同意の取得（件）')[at('達成率')]).toBe('');
    expect(rowOf('プラン作成（件）')[at('目標（年間）')]).toBe('');
    const notes = tab.map((r) => r[0]!).filter((t) => t.startsWith('注：')).join('\n');
    expect(notes).toContain('前年同期：2023年度の4月〜11月末の合計です');
    expect(notes).toContain('8か月分に按分した');
  });

  it('shows each breakdown as a table, small counts as <3', () => {
    const start = tab.findIndex((r) => r[0] === '性別' && r[1] === '件数');
    const sexRows = Object.entries(want.breakdowns.sex).map(([value, n]) => [value, shown(n)]);
    expect(tab.slice(start + 1, start + 1 + sexRows.length + 1).map((r) => r.slice(0, 2))).toEqual([...sexRows, ['合計', shown(want.newCases)]]);
    const lifeStart = tab.findIndex((r) => r[0] === '課題領域' && r[1] === '件数');
    expect(tab[lifeStart + 1]?.slice(0, 2)).toEqual(['病気・医療', '0']);
  });

  it('gives the durations with a sentence to paste into a report', () => {
    const consent = want.durations.receivedToConsent;
    expect(rowOf('受付→同意').slice(0, 3)).toEqual(['受付→同意', shown(consent.n), String(consent.median)]);
    expect(tab.flat()).toContainEqual(expect.stringContaining(`2024年度（11月途中まで）に本人同意を得た${consent.n}件では、受付から同意までの日数の中央値は${consent.median}日でした。`));
  });

  it('never shows a name or a 対象', () => {
    const text = tab.flat().join('\n');
    expect(text).not.toContain('山田');
    expect(text).not.toContain('仮称');
  });
});
