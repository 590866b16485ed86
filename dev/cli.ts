// The command line of SPEC §11. Every command runs the built dist/Code.js in
// the local runtime and calls the same global functions the menu calls, so a
// town without Google gets, in the .xlsx, what the menu writes in Sheets.
// stdout carries the result only (with --json, exactly one JSON document, for
// a refusal too); everything else goes to stderr.
import { existsSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs as parseNodeArgs } from 'node:util';
import { parseDate, todayInTokyo } from '../src/domain/normalize';
import { DEMO_DEFAULTS } from './demo/generate';
import { writeDemo } from './demo/write';
import type { AgendaCreated } from '../src/app/agenda/types';
import type { CheckResult } from '../src/app/check';
import type { CountsCsv, RebuildCountsResult } from '../src/app/counts/types';
import { metricCatalogue } from '../src/domain/counts/catalogue';
import { FISCAL_YEAR_RANGE, fiscalYearTitle, monthLabel, parseFiscalYear } from '../src/domain/counts/fiscalYear';
import type { CountsResult } from '../src/domain/counts/metrics';
import type { PrepareResult } from '../src/app/prepare';
import type { StandardizeReport } from '../src/app/standardize';
import type { StandardizePlan } from '../src/app/standardizeTypes';
import type { CaseSheetMade } from '../src/app/caseSheet/caseSheet';
import type { PlanPrinted } from '../src/app/plan/print';
import { forCommandLine } from './cliMessages';
import { ensureBuilt } from './freshness';
import { createBook, openBook, type LocalBook } from './session';

class UsageError extends Error {}

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
  'dry-run': { type: 'boolean' },
  map: { type: 'string', multiple: true },
} as const;

type Options = {
  [K in keyof typeof OPTIONS]?: (typeof OPTIONS)[K] extends { multiple: true } ? string[] : (typeof OPTIONS)[K]['type'] extends 'boolean' ? boolean : string;
};

/** What one command is given: the book, the options, and the runtime opened on the book. */
interface Invocation {
  readonly path: string;
  readonly options: Options;
  /** --today as an ISO date; undefined for today in Asia/Tokyo. */
  readonly today: string | undefined;
  openBook(): Promise<LocalBook>;
  /** A new workbook at `path`; refused when the file exists, so nothing is overwritten. */
  createBook(): Promise<LocalBook>;
}

interface Output {
  /** What `--json` prints; `calls` is added by the runner. */
  readonly json: Record<string, unknown>;
  /** What a person reads without `--json`. */
  readonly text: string;
  readonly exitCode: number;
}

interface Command {
  /** What follows `npm run -s cli --` in the usage. */
  readonly usage: string;
  readonly run: (invocation: Invocation) => Promise<Output>;
}

// ---------------------------------------------------------------- options

function wholeNumber(raw: string | undefined, name: string, fallback: number): number {
  if (raw === undefined) return fallback;
  if (!/^\d+$/.test(raw)) throw new UsageError(`--${name} には0以上の整数を指定してください（指定：${raw}）。`);
  return Number(raw);
}

/** A date as the sidebar reads it (2026-12-08, 令和8年12月8日, R8.12.8 …), as ISO. */
function dateOption(raw: string, name: string, what: string): string {
  const iso = parseDate(raw);
  if (iso === null) throw new UsageError(`--${name} には${what}を 2026-12-08、令和8年12月8日、R8.12.8 のような形で、実在する日付を指定してください（指定：${raw}）。`);
  return iso;
}

/** A fiscal year as the menu reads it (2024, 令和6, R6 …). */
function fiscalYearOption(raw: string | undefined): number {
  if (raw === undefined) throw new UsageError(`--fiscal-year に集計する年度を指定してください（例 --fiscal-year 2024、--fiscal-year 令和6）。\n${usage()}`);
  const year = parseFiscalYear(raw);
  if (year === null) {
    throw new UsageError(`--fiscal-year には${FISCAL_YEAR_RANGE.min}〜${FISCAL_YEAR_RANGE.max}年度を、2024、令和6、R6 のような形で指定してください（指定：${raw}）。`);
  }
  return year;
}

// ---------------------------------------------------------------- what a person reads

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

const KEEP_LABEL = 'そのまま残す';

/** The plan as a person reads it: header row, each column's mapping, rows left out, values rewritten. */
function planText(plan: StandardizePlan): string {
  return [
    `タブ「${plan.sheet}」の標準化の計画（まだ何も変えていません）`,
    `見出し：${plan.headerRow}行目`,
    '列の対応：',
    ...plan.mapping.map((m) => `  ${m.column}列「${m.source}」→ ${m.to === 'keep' ? KEEP_LABEL : m.to}${m.question ? `\u3000※${m.question}` : ''}`),
    plan.leftOutRows.length ? `ケースとして扱わない行（${plan.leftOutRows.length}行、バックアップに残ります）：` : 'ケースとして扱わない行はありません。',
    ...plan.leftOutRows.map((l) => `  ${l.row}行目：${l.reason}`),
    `書き換える値：${plan.rewrites}か所`,
    ...plan.examples.flatMap((e) => [`  例：${e.row}行目`, ...e.cells.map((c) => `    ${c.header}：「${c.before}」→「${c.after}」`)]),
    ...(plan.refusal ? [`実行できません：${plan.refusal}`] : ['列の対応を変えるには --map \'元の列=共通シートの列\'（そのまま残すなら =keep）を付けてください。']),
  ].join('\n');
}

function standardizeText(r: StandardizeReport): string {
  if (!r.backupSheet) return 'すでに標準の形でした。値は変えていません。';
  return [
    `「${r.sheet}」に標準化しました。バックアップ：${r.backupSheet}${r.movedFrom ? `（「${r.movedFrom}」の行を共通シートに移しました）` : ''}`,
    `見出し：${r.headerRow}行目、整えた値：${r.normalizedCells}か所、付番したケースID：${r.assignedIds}件`,
    ...(r.extraColumns.length ? [`そのまま残した列：${r.extraColumns.join('、')}`] : []),
    ...(r.leftOutRows.length ? [`ケースとして扱わなかった行（バックアップに残っています）：`, ...r.leftOutRows.map((l) => `  ${l.row}行目：${l.reason}`)] : []),
  ].join('\n');
}

/**
 * --map 'SOURCE=STANDARD' as the server's column choices: SOURCE is a column
 * letter or the source header as the plan shows it; STANDARD a standard
 * header or keep (「そのまま残す」). The server checks STANDARD.
 */
function columnChoices(plan: StandardizePlan, raw: readonly string[]): { column: string; to: string }[] {
  return raw.map((entry) => {
    const at = entry.indexOf('=');
    if (at <= 0 || at === entry.length - 1) throw new UsageError(`--map は '元の列=共通シートの列' の形で指定してください（例 --map 'D=本人氏名'、--map '担当=主担当機関'、--map 'F=keep'）。指定：${entry}`);
    const [source, to] = [entry.slice(0, at).trim(), entry.slice(at + 1).trim()];
    const column = plan.mapping.find((m) => m.column === source.toUpperCase() || m.source === source)?.column;
    if (!column) {
      throw new UsageError(`--map の「${source}」に当たる列が表にありません。列の記号（A、B …）か、計画に出ている見出しを指定してください（${plan.mapping.map((m) => `${m.column}「${m.source}」`).join('、')}）。`);
    }
    return { column, to: to === KEEP_LABEL ? 'keep' : to };
  });
}

// ---------------------------------------------------------------- the commands

/** Every command, in the order the usage lists them. A new one is one more entry. */
const COMMANDS: Record<string, Command> = {
  init: {
    usage: 'init <book.xlsx>',
    async run({ path, today, createBook }) {
      const book = await createBook();
      const result = book.run<PrepareResult>('prepareWorkbook', { today });
      await book.save();
      const tabs = [...(result.renamedTab ? ['共通シート'] : []), ...result.createdTabs];
      return { json: { book: path, ...result }, text: `「${path}」を作成しました（タブ：${tabs.join('、')}）。`, exitCode: 0 };
    },
  },
  demo: {
    usage: 'demo <book.xlsx> [--cases N] [--seed S]',
    async run({ path, options, today, createBook }) {
      const cases = wholeNumber(options.cases, 'cases', DEMO_DEFAULTS.cases);
      const seed = wholeNumber(options.seed, 'seed', DEMO_DEFAULTS.seed);
      const book = await createBook();
      book.run('prepareWorkbook', { today });
      const written = writeDemo(book.runtime.model, { cases, seed, today: today ?? todayInTokyo() });
      // Once more now that the tabs hold data and 設定 lists the demo's 圏域:
      // dropdowns then reach every row.
      book.run('prepareWorkbook', { today });
      await book.save();
      return {
        json: { book: path, ...written },
        text: `「${path}」に架空のデモデータを作成しました（ケース${written.cases}件、支援記録${written.activities}件、会議記録${written.meetings}件、支援プラン${written.plans}件、わざと入れた誤り${written.planted}件）。`,
        exitCode: 0,
      };
    },
  },
  standardize: {
    usage: "standardize <book.xlsx> [--sheet タブ名] [--dry-run] [--map '元の列=共通シートの列' …] [--json]",
    async run({ options, today, openBook }) {
      const book = await openBook();
      const base = { today, ...(options.sheet ? { sheetName: options.sheet } : {}) };
      const map = options.map?.length ? columnChoices(book.run<StandardizePlan>('previewStandardize', base), options.map) : undefined;
      const args = { ...base, ...(map ? { map } : {}) };
      if (options['dry-run']) {
        // The plan only: the file is not saved, so it stays byte for byte as it was.
        const plan = book.run<StandardizePlan>('previewStandardize', args);
        return { json: { ...plan }, text: planText(plan), exitCode: 0 };
      }
      const report = book.run<StandardizeReport>('standardizeSheet', args);
      await book.save();
      return { json: { ...report }, text: standardizeText(report), exitCode: 0 };
    },
  },
  validate: {
    usage: 'validate <book.xlsx> [--json] [--mark]',
    async run({ options, today, openBook }) {
      const book = await openBook();
      const result = book.run<CheckResult>('checkEntries', { today, mark: Boolean(options.mark) });
      if (options.mark) await book.save();
      const lines = result.problems.map((p) => `${p.severity === 'error' ? 'エラー' : '注意'}  ${p.sheet} ${p.message}`);
      lines.push(result.problems.length ? `エラー ${result.counts.error}件、注意 ${result.counts.warning}件` : '問題は見つかりませんでした。');
      return { json: { problems: result.problems, counts: result.counts }, text: lines.join('\n'), exitCode: result.counts.error > 0 ? 1 : 0 };
    },
  },
  agenda: {
    usage: 'agenda <book.xlsx> --meeting <会議種別> --date <開催日> [--start HH:MM] [--place 場所] [--include-due] [--json]',
    async run({ options, today, openBook }) {
      if (!options.meeting) throw new UsageError(`--meeting に会議種別を指定してください（例 --meeting 支援会議）。\n${usage()}`);
      if (options.date === undefined) throw new UsageError(`--date に開催日を指定してください（例 --date 2026-12-08、--date 令和8年12月8日）。\n${usage()}`);
      const date = dateOption(options.date, 'date', '開催日');
      const book = await openBook();
      const created = book.run<AgendaCreated>('createAgenda', {
        today, meetingType: options.meeting, date, includeDue: Boolean(options['include-due']),
        ...(options.start !== undefined ? { start: options.start } : {}), ...(options.place !== undefined ? { place: options.place } : {}),
      });
      await book.save();
      return { json: { ...created }, text: agendaText(created), exitCode: 0 };
    },
  },
  counts: {
    usage: 'counts <book.xlsx> --fiscal-year <年度> [--json] [--csv FILE]',
    async run({ path, options, today, openBook }) {
      const fiscalYear = fiscalYearOption(options['fiscal-year']);
      if (options.csv !== undefined && resolve(options.csv) === resolve(path)) throw new UsageError('--csv にはブックとは別のファイル名を指定してください。');
      const book = await openBook();
      // The tab 集計_N年度, as 「月次集計を更新」 writes it.
      // The private twin of the sidebar's rebuildCounts: the JSON keeps the numbers (SPEC §9), no page receives them.
      const rebuilt = book.run<RebuildCountsResult>('rebuildCounts_', { today, fiscalYear });
      const lines = [`${fiscalYearTitle(fiscalYear)}の集計をタブ「${rebuilt.sheet}」に作り直しました。`, countsText(rebuilt.counts)];
      if (options.csv !== undefined) {
        // The summary as the tab shows it (small counts as <k); an existing file is replaced.
        const csv = book.run<CountsCsv>('countsCsv', { today, fiscalYear });
        writeFileSync(options.csv, csv.text, 'utf8');
        lines.push(`CSV を「${options.csv}」に書き出しました。`);
      }
      await book.save();
      return { json: { sheet: rebuilt.sheet, builtOn: rebuilt.builtOn, ...rebuilt.counts }, text: lines.join('\n'), exitCode: 0 };
    },
  },
  plan: {
    usage: 'plan <book.xlsx> --case <ケースID> [--version N] [--json]',
    async run({ options, today, openBook }) {
      if (!options.case) throw new UsageError(`--case にケースIDを指定してください（例 --case 2024-0001）。\n${usage()}`);
      if (options.version !== undefined && !/^[1-9]\d{0,2}$/.test(options.version)) throw new UsageError(`--version には1以上の版の番号を指定してください（指定：${options.version}）。`);
      const book = await openBook();
      const printed = book.run<PlanPrinted>('createPlanPrint', { today, caseId: options.case, ...(options.version ? { version: Number(options.version) } : {}) });
      await book.save();
      const tasks = printed.tasks.map((t, i) => `  ${i + 1}. ${t.owner}：${t.content}${t.frequency ? `（${t.frequency}）` : ''} … ${t.progress}`);
      return { json: { ...printed }, text: [`「${printed.sheet}」を作成しました（${printed.version}版・${printed.status}）。`, ...tasks].join('\n'), exitCode: 0 };
    },
  },
  casesheet: {
    usage: 'casesheet <book.xlsx> --case <ケースID> [--json]',
    async run({ options, today, openBook }) {
      if (!options.case) throw new UsageError(`--case にケースIDを指定してください（例 --case 2024-0001）。\n${usage()}`);
      const book = await openBook();
      const made = book.run<CaseSheetMade>('createCaseSheet', { today, caseId: options.case });
      await book.save();
      return { json: { ...made }, text: `「${made.sheet}」を作成しました。本人の氏名が載っています。取扱いに注意してください。`, exitCode: 0 };
    },
  },
};

function usage(): string {
  return [
    '使い方：',
    ...Object.values(COMMANDS).map((c) => `  npm run -s cli -- ${c.usage}`),
    '  （どのコマンドも --today 2026-11-22 のように今日の日付を指定できます。--json で結果を JSON にします）',
  ].join('\n');
}

// ---------------------------------------------------------------- the runner

/** node:util's parseArgs, with its English errors said in Japanese. */
function parseCommandLine(argv: readonly string[]) {
  try {
    return parseNodeArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const option = /'(-[^' ]*)/.exec(String((error as { message?: unknown }).message))?.[1] ?? '';
    if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') throw new UsageError(`「${option}」というオプションはありません。\n${usage()}`);
    if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
      throw new UsageError(`オプション「${option}」の指定が正しくありません（--today などには値を続け、--json などには値を付けません）。\n${usage()}`);
    }
    throw error;
  }
}

export interface CliResult {
  readonly stdout: string;
  readonly stderr: string;
  readonly exitCode: number;
}

export interface CliHooks {
  /** Runs once the arguments are understood, before the workbook is opened (the real command builds dist/ here). */
  readonly beforeRun?: () => Promise<void>;
}

export async function runCli(argv: readonly string[], hooks: CliHooks = {}): Promise<CliResult> {
  // Known before parsing, so that even a refusal of the arguments is printed as JSON.
  const json = argv.includes('--json');
  const books: LocalBook[] = [];
  let bookPath = '';
  const print = (document: Record<string, unknown>, text: string): string =>
    `${json ? JSON.stringify({ ...document, calls: books.reduce((sum, b) => sum + b.allCalls, 0) }, null, 2) : text}\n`;
  try {
    const { values, positionals } = parseCommandLine(argv);
    if (values.help) return { stdout: json ? `${JSON.stringify({ usage: usage() }, null, 2)}\n` : `${usage()}\n`, stderr: '', exitCode: 0 };
    const [name, path, ...rest] = positionals;
    if (name === undefined) throw new UsageError(usage());
    const command = Object.hasOwn(COMMANDS, name) ? COMMANDS[name] : undefined;
    if (!command) throw new UsageError(`「${name}」というコマンドはありません。\n${usage()}`);
    if (!path || rest.length) throw new UsageError(`ブック（.xlsx）のパスを1つ指定してください。\n${usage()}`);
    bookPath = path;
    const today = values.today === undefined ? undefined : dateOption(values.today, 'today', '今日の日付');
    await hooks.beforeRun?.();
    const opened = async (book: Promise<LocalBook>): Promise<LocalBook> => {
      books.push(await book);
      return books[books.length - 1]!;
    };
    const output = await command.run({
      path, options: values, today,
      openBook: () => opened(openBook(path)),
      createBook: () => {
        if (existsSync(path)) throw new UsageError(`「${path}」はすでにあります。上書きしないため、別のファイル名を指定してください。`);
        return opened(createBook(path));
      },
    });
    return { stdout: print(output.json, forCommandLine(output.text, path)), stderr: '', exitCode: output.exitCode };
  } catch (error) {
    const message = forCommandLine(error instanceof Error ? error.message : String(error), bookPath || '<book.xlsx>');
    return { stdout: json ? print({ error: message }, '') : '', stderr: `${message}\n`, exitCode: 2 };
  }
}

if (require.main === module) {
  runCli(process.argv.slice(2), { beforeRun: ensureBuilt }).then(({ stdout, stderr, exitCode }) => {
    process.stdout.write(stdout);
    process.stderr.write(stderr);
    process.exitCode = exitCode;
  });
}
