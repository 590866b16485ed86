// The command line of SPEC §11. Every command runs the built dist/Code.js in
// the local runtime and calls the same global functions the menu calls.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { isIsoDate, todayInTokyo } from '../src/domain/normalize';
import { DEMO_DEFAULTS } from './demo/generate';
import { writeDemo } from './demo/write';
import type { AgendaCreated } from '../src/app/agenda/types';
import type { CheckResult } from '../src/app/check';
import type { CountsCsv } from '../src/app/counts/types';
import { metricCatalogue } from '../src/domain/counts/catalogue';
import { fiscalYearTitle, isFiscalYearInRange, monthLabel } from '../src/domain/counts/fiscalYear';
import type { CountsResult } from '../src/domain/counts/metrics';
import type { PrepareResult } from '../src/app/prepare';
import type { StandardizeReport } from '../src/app/standardize';
import type { PlanPrinted } from '../src/app/plan/print';
import { createBook, openBook } from './session';

class UsageError extends Error {}

const USAGE = `使い方:
  npm run cli -- init <book.xlsx>
  npm run cli -- demo <book.xlsx> [--cases N] [--seed S]
  npm run cli -- standardize <book.xlsx> [--sheet NAME] [--json]
  npm run cli -- validate <book.xlsx> [--json] [--mark]
  npm run cli -- agenda <book.xlsx> --meeting <会議種別> --date <YYYY-MM-DD> [--start HH:MM] [--place 場所] [--include-due] [--json]
  npm run cli -- counts <book.xlsx> --fiscal-year <N> [--json] [--csv FILE]
  npm run cli -- plan <book.xlsx> --case <ケースID> [--version N] [--json]
  （どのコマンドも --today YYYY-MM-DD を指定できます）`;

const OPTIONS = {
  today: { type: 'string' },
  json: { type: 'boolean' },
  sheet: { type: 'string' },
  cases: { type: 'string' },
  seed: { type: 'string' },
  mark: { type: 'boolean' },
  meeting: { type: 'string' },
  date: { type: 'string' },
  start: { type: 'string' },
  place: { type: 'string' },
  'include-due': { type: 'boolean' },
  'fiscal-year': { type: 'string' },
  csv: { type: 'string' },
  case: { type: 'string' },
  version: { type: 'string' },
  help: { type: 'boolean' },
} as const;

interface Output {
  /** What `--json` prints; `calls` is added by the runner. */
  readonly json: Record<string, unknown>;
  /** What a person reads without `--json`. */
  readonly text: string;
  readonly exitCode: number;
}

function wholeNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} には0以上の整数を指定してください（指定：${raw}）。`);
  return Number(raw);
}

function refuseExisting(path: string): void {
  if (existsSync(path)) throw new UsageError(`「${path}」はすでにあります。上書きしないため、別のファイル名を指定してください。`);
}

type Options = { today?: string; json?: boolean; sheet?: string; cases?: string; seed?: string; mark?: boolean; 'fiscal-year'?: string; csv?: string;
  meeting?: string; date?: string; start?: string; place?: string; 'include-due'?: boolean; case?: string; version?: string;
};

function fiscalYearOption(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`--fiscal-year に集計する年度を西暦で指定してください（例 --fiscal-year 2024）。\n${USAGE}`);
  if (!/^\d{4}$/.test(raw) || !isFiscalYearInRange(Number(raw))) {
    throw new UsageError(`--fiscal-year には2000〜2100の年度を西暦4桁で指定してください（指定：${raw}）。`);
  }
  return Number(raw);
}

/** The counts as a person reads them: one tab-separated line per metric, then the rows left out. */
function countsText(counts: CountsResult): string {
  const meetingTypes = Object.keys(counts.metrics).flatMap((key) => /^meetings\.(.+)\.held$/.exec(key)?.slice(1, 2) ?? []);
  const lines = [
    `${fiscalYearTitle(counts.fiscalYear)} 月次集計`,
    ['項目', ...counts.months.map((_, i) => monthLabel(i)), '合計'].join('\t'),
    ...metricCatalogue(meetingTypes).map((def) => {
      const metric = counts.metrics[def.key];
      return [def.label, ...(metric?.monthly ?? []), metric?.total ?? ''].join('\t');
    }),
  ];
  lines.push(counts.skipped.length ? `集計から除いた行（${counts.skipped.length}件）：` : '集計から除いた行はありません。');
  lines.push(...counts.skipped.map((s) => `  ${s.sheet} ${s.row}行目：${s.reason}`));
  return lines.join('\n');
}

/** The agenda as a person reads it: the tab, the items with their times, what was left out and why. */
function agendaText(a: AgendaCreated): string {
  const { meeting } = a;
  return [
    `「${a.sheet}」を${a.replaced ? '作り直しました' : '作成しました'}（${meeting.start}〜${meeting.end}${meeting.place ? `、場所：${meeting.place}` : ''}）。`,
    ...a.items.map((i) => `  ${i.order}. ${i.start} ${i.kind} ${i.caseId}（${i.minutes}分）`),
    ...(a.excluded.length ? ['載せなかったケース：', ...a.excluded.map((e) => `  ${e.caseId || `${e.row}行目`} ${e.message}`)] : []),
    `出席予定：${a.participants.join('、')}`,
    `会議記録：${a.meetingId}（予定）を${a.meetingRecord === 'added' ? '追加' : '更新'}しました。`,
    ...a.notes.map((n) => `注意：${n}`),
  ].join('\n');
}

const commands: Record<string, (path: string, o: Options, today: string | undefined) => Promise<Output>> = {
  async init(path, _o, today) {
    refuseExisting(path);
    const book = await createBook(path);
    const result = book.run<PrepareResult>('prepareWorkbook', { today });
    await book.save();
    const tabs = [...(result.renamedTab ? ['共通シート'] : []), ...result.createdTabs];
    return { json: { book: path, ...result, calls: book.calls }, text: `「${path}」を作成しました（タブ：${tabs.join('、')}）。`, exitCode: 0 };
  },
  async demo(path, o, today) {
    refuseExisting(path);
    const cases = wholeNumber(o.cases, 'cases', DEMO_DEFAULTS.cases);
    const seed = wholeNumber(o.seed, 'seed', DEMO_DEFAULTS.seed);
    const book = await createBook(path);
    book.run('prepareWorkbook', { today });
    const written = writeDemo(book.runtime.model, { cases, seed, today: today ?? todayInTokyo() });
    // Once more now that the tabs hold data and 設定 lists the demo's 圏域:
    // dropdowns then reach every row.
    book.run('prepareWorkbook', { today });
    await book.save();
    return {
      json: { book: path, ...written, calls: book.calls },
      text: `「${path}」に架空のデモデータを作成しました（ケース${written.cases}件、支援記録${written.activities}件、会議記録${written.meetings}件、支援プラン${written.plans}件、わざと入れた誤り${written.planted}件）。`,
      exitCode: 0,
    };
  },
  async standardize(path, o, today) {
    const book = await openBook(path);
    const report = book.run<StandardizeReport>('standardizeSheet', { today, ...(o.sheet ? { sheetName: o.sheet } : {}) });
    await book.save();
    const text = report.backupSheet
      ? `標準化しました。バックアップ：${report.backupSheet}、整えた値：${report.normalizedCells}か所、付番したケースID：${report.assignedIds}件。`
      : 'すでに標準の形でした。値は変えていません。';
    return { json: { ...report, calls: book.calls }, text, exitCode: 0 };
  },
  async validate(path, o, today) {
    const book = await openBook(path);
    const result = book.run<CheckResult>('checkEntries', { today, mark: Boolean(o.mark) });
    if (o.mark) await book.save();
    const lines = result.problems.map((p) => `${p.severity === 'error' ? 'エラー' : '注意'}  ${p.sheet} ${p.message}`);
    lines.push(result.problems.length ? `エラー ${result.counts.error}件、注意 ${result.counts.warning}件` : '問題は見つかりませんでした。');
    return {
      json: { problems: result.problems, counts: result.counts, calls: book.calls },
      text: lines.join('\n'),
      exitCode: result.counts.error > 0 ? 1 : 0,
    };
  },
  async agenda(path, o, today) {
    if (!o.meeting) throw new UsageError(`--meeting に会議種別を指定してください（例 --meeting 支援会議）。\n${USAGE}`);
    if (o.date === undefined || !isIsoDate(o.date)) {
      throw new UsageError(`--date には開催日を 2026-12-08 の形で、実在する日付を指定してください${o.date === undefined ? '' : `（指定：${o.date}）`}。`);
    }
    const book = await openBook(path);
    const created = book.run<AgendaCreated>('createAgenda', {
      today, meetingType: o.meeting, date: o.date, includeDue: Boolean(o['include-due']),
      ...(o.start !== undefined ? { start: o.start } : {}), ...(o.place !== undefined ? { place: o.place } : {}),
    });
    await book.save();
    return { json: { ...created, calls: book.calls }, text: agendaText(created), exitCode: 0 };
  },
  async counts(path, o, today) {
    const fiscalYear = fiscalYearOption(o['fiscal-year']);
    if (o.csv !== undefined && resolve(o.csv) === resolve(path)) throw new UsageError('--csv にはブックとは別のファイル名を指定してください。');
    const book = await openBook(path);
    const counts = book.run<CountsResult>('getCounts', { today, fiscalYear });
    let calls = book.calls;
    let written = '';
    if (o.csv !== undefined) {
      // The summary as the tab shows it (small counts as <k); an existing file is replaced.
      const csv = book.run<CountsCsv>('countsCsv', { today, fiscalYear });
      calls += book.calls;
      writeFileSync(o.csv, csv.text, 'utf8');
      written = `\nCSV を「${o.csv}」に書き出しました。`;
    }
    return { json: { ...counts, calls }, text: countsText(counts) + written, exitCode: 0 };
  },
  async plan(path, o, today) {
    if (!o.case) throw new UsageError(`--case にケースIDを指定してください（例 --case 2024-0001）。\n${USAGE}`);
    if (o.version !== undefined && !/^[1-9]\d{0,2}$/.test(o.version)) throw new UsageError(`--version には1以上の版の番号を指定してください（指定：${o.version}）。`);
    const book = await openBook(path);
    const printed = book.run<PlanPrinted>('createPlanPrint', { today, caseId: o.case, ...(o.version ? { version: Number(o.version) } : {}) });
    await book.save();
    const tasks = printed.tasks.map((t, i) => `  ${i + 1}. ${t.owner}：${t.content}${t.frequency ? `（${t.frequency}）` : ''} … ${t.progress}`);
    return { json: { ...printed, calls: book.calls }, text: [`「${printed.sheet}」を作成しました（${printed.version}版・${printed.status}）。`, ...tasks].join('\n'), exitCode: 0 };
  },
};

/** node:util's parseArgs, with its English errors said in Japanese. */
function parseCommandLine(argv: readonly string[]) {
  try {
    return parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const option = /'(-[^' ]*)/.exec(String((error as { message?: unknown }).message))?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`「${option}」というオプションはありません。\n${USAGE}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`オプション「${option}」の指定が正しくありません（--today などには値を続け、--json などには値を付けません）。\n${USAGE}`);
    }
    throw error;
  }
}

export async function runCli(argv: readonly string[]): Promise<{ stdout: string; stderr: string; exitCode: number }> {
  try {
    const { values, positionals } = parseCommandLine(argv);
    const json = Boolean(values.json);
    const [command, path, ...rest] = positionals;
    if (values.help || !command) throw new UsageError(USAGE);
    const run = command === undefined ? undefined : commands[command];
    if (!run) throw new UsageError(`「${command}」というコマンドはありません。\n${USAGE}`);
    if (!path || rest.length) throw new UsageError(`ブック（.xlsx）のパスを1つ指定してください。\n${USAGE}`);
    if (values.today !== undefined && !isIsoDate(values.today)) throw new UsageError(`--today は 2024-04-01 の形で、実在する日付を指定してください（指定：${values.today}）。`);
    const output = await run(path, values, values.today);
    return { stdout: `${json ? JSON.stringify(output.json, null, 2) : output.text}\n`, stderr: '', exitCode: output.exitCode };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { stdout: '', stderr: `${message}\n`, exitCode: 2 };
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2)).then(({ stdout, stderr, exitCode }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = exitCode;
  });
}
