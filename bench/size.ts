// One size of the benchmark, in its own process so its peak memory is its own:
// `tsx bench/size.ts <cases>` builds the demo workbook in memory, pads 支援記録
// to 5 rows per case, times each operation and prints one JSON line.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { cellText } from '../src/domain/cell';
import { instantToDateCell } from '../src/sheets/zonedDate';
import { writeDemo } from '../dev/demo/write';
import { createModel, loadBundle, type Model, type Runtime } from '../dev/runtime';
import { ensureCell, findSheet, lastRowWithContent } from '../dev/runtime/model';

export const TODAY = '2026-11-22';
export const ACTIVITIES_PER_CASE = 5;
const ROOT = join(__dirname, '..');
const CODE = readFileSync(join(ROOT, 'dist/Code.js'), 'utf8');
const HTML_DIR = join(ROOT, 'dist');

export interface OperationResult {
  runs: number;
  calls: number;
  callsByMethod: Record<string, number>;
  /** Cells read and written by the service calls of the first run, counted by the runtime. */
  cellsRead: number;
  cellsWritten: number;
  /** Bytes of the JSON the function returns (what google.script.run carries to the page), first run. */
  resultBytes: number;
  medianMs: number;
  allMs: number[];
  /** Median CPU time of the process (user + system) during the call. */
  cpuMs: number;
  /** Median time the runtime spent in its emulated services during the call (Runtime.serviceMs). */
  serviceMs: number;
  /** Median of each run's CPU time less its service time: the script's own work, what Apps Script runs as JavaScript. */
  scriptCpuMs: number;
  note?: string;
}

export interface SizeResult {
  cases: number;
  activities: number;
  meetings: number;
  buildMs: number;
  maxRssMB: number;
  /** The V8 heap limit the size ran under (--max-old-space-size), or null when unlimited. */
  heapLimitMB: number | null;
  operations: Record<string, OperationResult>;
}

/** How one operation is called: the demo workbook in, arguments per run out. */
export interface OperationSpec {
  readonly key: string;
  readonly label: string;
  readonly fn: string;
  /** Each run on a fresh copy of the demo as generated, before 標準化 (otherwise on the shared standardised workbook). */
  readonly pristine?: boolean;
  setup(model: Model, cases: number): { args: (run: number) => unknown; note?: string };
}

/** The operations timed, in order; a new operation is one more entry here. */
export const OPERATIONS: readonly OperationSpec[] = [
  {
    key: 'standardize', label: '標準化 (standardize)', fn: 'standardizeSheet', pristine: true,
    setup: () => ({ args: () => ({ today: TODAY, sheetName: '共通シート' }), note: 'first run on the demo as generated (dates typed as text); each run on a fresh copy' }),
  },
  { key: 'check', label: '入力チェック (check, mark)', fn: 'checkEntries', setup: () => ({ args: () => ({ today: TODAY, mark: true }) }) },
  { key: 'sidebar', label: 'サイドバー表示 (sidebar load)', fn: 'getSidebarState', setup: () => ({ args: () => ({ today: TODAY }) }) },
  {
    key: 'saveCase', label: 'ケース保存 (save a case)', fn: 'saveCase',
    setup: (_model, cases) => ({
      note: 'a new case each run',
      args: (run) => ({
        requestId: `bench-${cases}-${run}-${Date.now()}`,
        record: {
          receivedOn: '2026-11-20', referrerAgency: '地域包括支援センター', personName: `試験 ${run}号`, personKana: 'しけん はなこ',
          lifeAreas: '介護、住まい', summary: '負荷試験の相談', reason: '複合課題のため', consent: 'あり', consentOn: '2026-11-20', status: '受付',
        },
      }),
    }),
  },
  {
    key: 'recheckCase', label: '保存後の確認 (re-check a saved case)', fn: 'recheckSaved',
    setup: (model, cases) => {
      const caseIds = existingCaseIds(model, runsFor(cases));
      return { note: 'what the sidebar runs after a case save, for an existing case', args: (run) => ({ today: TODAY, sheet: '共通シート', id: caseIds[run] }) };
    },
  },
  {
    key: 'saveActivity', label: '支援記録保存 (save a 支援記録)', fn: 'saveActivity',
    setup: (model, cases) => {
      const caseIds = casesWithRecords(model, runsFor(cases), 3);
      return {
        note: 'a 同行支援 for an existing case with 3 支援記録 each run (a save reads the case\'s records: 3 calls each)',
        args: (run) => ({
          requestId: `bench-activity-${cases}-${run}-${Date.now()}`, allowSameDay: true,
          record: { caseId: caseIds[run], activityOn: TODAY, activityType: '同行支援', staff: '相談員A', content: '負荷試験の同行' },
        }),
      };
    },
  },
  {
    key: 'agenda', label: '次第作成 (agenda)', fn: 'createAgenda',
    setup: (model) => {
      const date = busiestMeetingDate(model);
      return { args: () => ({ today: TODAY, meetingType: '支援会議', date }), note: `支援会議 on ${date} (the busiest date); run 1 creates the tab, later runs replace it` };
    },
  },
  {
    key: 'counts', label: '集計再作成 (counts rebuild)', fn: 'rebuildCounts',
    setup: () => ({ args: () => ({ today: TODAY, fiscalYear: 2026 }), note: 'run 1 is the first build' }),
  },
  // A plan through its life, one consenting case in アセスメント中 (no plan in the demo) per run.
  {
    key: 'planDraft', label: 'プラン案の保存 (plan draft)', fn: 'savePlanDraft',
    setup: (model, cases) => planStep(model, cases, {
      plan: { shortTermGoal: '介護サービスを使い始める', nextReviewOn: '2027-02-01' },
      tasks: [{ owner: '地域包括支援センター', content: '介護保険の申請を手伝う' }, { owner: '本人', content: '通所の見学に行く' }],
    }, { note: 'a new 案 with two tasks' }),
  },
  { key: 'planDecide', label: 'プランの決定 (plan decide)', fn: 'decidePlan', setup: (model, cases) => planStep(model, cases, { version: 1 }) },
  {
    key: 'planReview', label: 'プランの評価・見直し (plan review)', fn: 'reviewPlan',
    setup: (model, cases) => planStep(model, cases, { version: 1, achievement: '一部達成', reviewPolicy: '見直し', tasks: [{ progress: '実施済' }, { progress: '実施中' }] },
      { note: '見直し: version 2 opened as 案 with the tasks copied' }),
  },
  { key: 'planPrint', label: '本人用プランの作成 (plan print)', fn: 'createPlanPrint', setup: (model, cases) => planStep(model, cases, { today: TODAY }, { saves: false }) },
  // Last: a meeting recorded 中止 changes what the agenda above would take.
  {
    key: 'meetingOutcome', label: '会議の結果 (meeting outcome)', fn: 'recordMeetingOutcome',
    setup: (model, cases) => {
      const meetings = plannedMeetings(model);
      return {
        note: 'a 予定 meeting recorded 中止, two of its cases\' next meeting cleared',
        args: (run) => {
          const { meetingId, caseIds } = meetings[run % meetings.length]!;
          return {
            meetingId, meetingStatus: '中止', requestId: `bench-outcome-${cases}-${run}-${Date.now()}`,
            outcomes: caseIds.slice(0, 2).map((caseId) => ({ caseId, nextMeetingType: '', nextMeetingOn: '' })),
          };
        },
      };
    },
  },
  {
    key: 'linkPreIntake', label: '連携 (link records before intake)', fn: 'linkPreIntakeRecords',
    setup: (model, cases) => {
      const caseIds = existingCaseIds(model, runsFor(cases));
      const subjects = addUnlinkedRecords(model, runsFor(cases));
      return {
        note: 'one 支援記録 row under a 対象 linked to a case each run',
        args: (run) => ({ subject: subjects[run], caseId: caseIds[run], records: 1, requestId: `bench-link-${cases}-${run}-${Date.now()}` }),
      };
    },
  },
];

/** The arguments of a plan step for the run's case; steps that save take a request ID, the print does not. */
function planStep(model: Model, cases: number, extra: Record<string, unknown>, { note, saves = true }: { note?: string; saves?: boolean } = {}) {
  const planned = casesToPlan(model, runsFor(cases));
  return {
    args: (run: number) => ({ caseId: planned[run], ...(saves ? { requestId: `bench-plan-${cases}-${run}-${Date.now()}` } : {}), ...extra }),
    ...(note ? { note } : {}),
  };
}

/**
 * ケースID of consenting cases still in アセスメント中 (the demo gives them no plan yet), one per run,
 * chosen once per workbook: the later plan steps take the same cases on, whose 状態 the draft changed.
 */
const planned = new WeakMap<Model, string[]>();
function casesToPlan(model: Model, runs: number): string[] {
  const chosen = planned.get(model) ?? chooseCasesToPlan(model, runs);
  planned.set(model, chosen);
  return chosen;
}

function chooseCasesToPlan(model: Model, runs: number): string[] {
  const sheet = sheetOf(model, '共通シート');
  const [id, consent, status] = ['ケースID', '本人同意', '状態'].map((h) => columnOf(model, '共通シート', h));
  const ids = sheet.cells.slice(1).filter((row) => row?.[consent!]?.value === 'あり' && row?.[status!]?.value === 'アセスメント中').map((row) => String(row![id!]!.value));
  if (ids.length < runs) throw new Error(`only ${ids.length} cases to plan`);
  return ids.slice(0, runs);
}

/** The first `count` ケースID of 共通シート. */
function existingCaseIds(model: Model, count: number): string[] {
  const id = columnOf(model, '共通シート', 'ケースID');
  return sheetOf(model, '共通シート').cells.slice(1, count + 1).map((row) => String(row![id]!.value));
}

/** The first `count` cases with exactly `records` 支援記録 rows, so that a save's calls compare across sizes. */
function casesWithRecords(model: Model, count: number, records: number): string[] {
  const id = columnOf(model, '支援記録', 'ケースID');
  const perCase = new Map<string, number>();
  for (const row of sheetOf(model, '支援記録').cells.slice(1)) {
    const caseId = String(row?.[id]?.value ?? '');
    if (caseId) perCase.set(caseId, (perCase.get(caseId) ?? 0) + 1);
  }
  const found = existingCaseIds(model, perCase.size).filter((caseId) => perCase.get(caseId) === records).slice(0, count);
  if (found.length < count) throw new Error(`fewer than ${count} cases with ${records} 支援記録`);
  return found;
}

/** 予定 meetings of 会議記録 with two cases or more: 会議ID and 検討ケースID. */
function plannedMeetings(model: Model): { meetingId: string; caseIds: string[] }[] {
  const [id, status, listed] = ['会議ID', '状態', '検討ケースID'].map((h) => columnOf(model, '会議記録', h));
  const found = sheetOf(model, '会議記録').cells.slice(1)
    .filter((row) => row?.[status!]?.value === '予定')
    .map((row) => ({ meetingId: String(row![id!]!.value), caseIds: String(row![listed!]?.value ?? '').split('、').filter((c) => c !== '') }))
    .filter((m) => m.caseIds.length >= 2);
  if (found.length === 0) throw new Error('no 予定 meeting with two cases in the demo');
  return found;
}

/** Appends one アウトリーチ row per run under a 対象 of its own, not yet linked to a case; answers the 対象. */
function addUnlinkedRecords(model: Model, runs: number): string[] {
  const sheet = sheetOf(model, '支援記録');
  const [subject, on, type, visitors] = ['対象', '実施日', '種別', '訪問人数'].map((h) => columnOf(model, '支援記録', h));
  const last = lastRowWithContent(sheet);
  sheet.maxRows = Math.max(sheet.maxRows, last + runs);
  return Array.from({ length: runs }, (_, run) => {
    const name = `負荷試験地区の方(仮称${run + 1})`;
    const row = last + run + 1;
    ensureCell(sheet, row, subject! + 1).value = name;
    ensureCell(sheet, row, on! + 1).value = TODAY;
    ensureCell(sheet, row, type! + 1).value = 'アウトリーチ';
    ensureCell(sheet, row, visitors! + 1).value = 1;
    return name;
  });
}

export function runsFor(cases: number): number {
  if (cases <= 1000) return 5;
  if (cases <= 10_000) return 3;
  return 1;
}

const open = (model: Model): Runtime => loadBundle(CODE, model, { htmlDir: HTML_DIR });

function sheetOf(model: Model, name: string) {
  const sheet = findSheet(model, name);
  if (!sheet) throw new Error(`no tab ${name}`);
  return sheet;
}

function columnOf(model: Model, tab: string, header: string): number {
  const index = sheetOf(model, tab).cells[0]?.findIndex((c) => c?.value === header) ?? -1;
  if (index < 0) throw new Error(`${tab} has no column ${header}`);
  return index;
}

/** Repeats the generated 支援記録 rows up to `rows`, each copy with a fresh 記録ID (R<fiscal year>-<5 digits>). */
function padActivities(model: Model, rows: number): void {
  const sheet = sheetOf(model, '支援記録');
  const idColumn = columnOf(model, '支援記録', '記録ID');
  const existing = lastRowWithContent(sheet) - 1;
  const next = new Map<string, number>();
  for (let r = 1; r <= existing; r++) {
    const match = /^(R\d{4})-(\d{5})$/.exec(String(sheet.cells[r]?.[idColumn]?.value ?? ''));
    if (match) next.set(match[1]!, Math.max(next.get(match[1]!) ?? 0, Number(match[2])));
  }
  sheet.maxRows = Math.max(sheet.maxRows, rows + 1);
  // The copies sample the demo's rows evenly, oldest first: they end with its last rows, so 支援記録 stays
  // as a town's grows (the newest 記録ID at the bottom), with each year's share of the records kept.
  const added = rows - existing;
  for (let r = existing; r < rows; r++) {
    const source = sheet.cells[1 + Math.floor(((r - existing) * existing) / added)]!;
    const copy = source.map((cell) => (cell ? { ...cell } : cell));
    const match = /^(R\d{4})-\d{5}$/.exec(String(source[idColumn]?.value ?? ''));
    const prefix = match?.[1] ?? 'R2026';
    const seq = (next.get(prefix) ?? 0) + 1;
    if (seq > 99_999) throw new Error(`記録ID ${prefix} ran past 5 digits`);
    next.set(prefix, seq);
    copy[idColumn] = { ...(copy[idColumn] ?? {}), value: `${prefix}-${String(seq).padStart(5, '0')}` };
    sheet.cells[r + 1] = copy;
  }
}

/** The most common 次回会議予定日 among cases whose 次回会議種別 is 支援会議. */
function busiestMeetingDate(model: Model): string {
  const sheet = sheetOf(model, '共通シート');
  const typeColumn = columnOf(model, '共通シート', '次回会議種別');
  const dateColumn = columnOf(model, '共通シート', '次回会議予定日');
  const counts = new Map<string, number>();
  for (const row of sheet.cells.slice(1, lastRowWithContent(sheet))) {
    if (row?.[typeColumn]?.value !== '支援会議') continue;
    const value = row[dateColumn]?.value;
    const iso = value instanceof Date ? cellText(instantToDateCell(value, model.timeZone)) : String(value ?? '');
    if (/^\d{4}-\d{2}-\d{2}$/.test(iso)) counts.set(iso, (counts.get(iso) ?? 0) + 1);
  }
  const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
  if (!best) throw new Error('no 支援会議 date in the demo');
  return best[0];
}

/** The --max-old-space-size this process runs under, from NODE_OPTIONS or its own flags. */
function heapLimitMB(): number | null {
  const flags = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  const match = /--max-old-space-size=(\d+)/.exec(flags);
  return match ? Number(match[1]) : null;
}

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

/** A full collection when the process runs with --expose-gc (bench/run.ts starts it so). */
const collectGarbage = (): void => (globalThis as { gc?: () => void }).gc?.();

const cpuMsSince = (start: NodeJS.CpuUsage): number => {
  const used = process.cpuUsage(start);
  return Math.round((used.user + used.system) / 100) / 10;
};

/** Times `runs` calls; calls, cells and result size are those of the first run. */
function measure(runtimeFor: (run: number) => Runtime, fn: string, argsFor: (run: number) => unknown, runs: number, note?: string): OperationResult {
  const allMs: number[] = [];
  const allCpuMs: number[] = [];
  const allServiceMs: number[] = [];
  let first: Pick<OperationResult, 'calls' | 'callsByMethod' | 'cellsRead' | 'cellsWritten' | 'resultBytes'> | null = null;
  for (let run = 0; run < runs; run++) {
    const runtime = runtimeFor(run);
    const args = argsFor(run);
    runtime.resetCalls();
    // Each Apps Script execution starts on a fresh heap: no run pays for the garbage of the ones before it.
    collectGarbage();
    const cpu = process.cpuUsage();
    const start = performance.now();
    const result = runtime.call(fn, args);
    allMs.push(Math.round((performance.now() - start) * 10) / 10);
    allCpuMs.push(cpuMsSince(cpu));
    allServiceMs.push(Math.round(runtime.serviceMs * 10) / 10);
    first ??= {
      calls: runtime.calls, callsByMethod: runtime.callsByMethod(), cellsRead: runtime.cellsRead, cellsWritten: runtime.cellsWritten,
      resultBytes: Buffer.byteLength(JSON.stringify(result ?? null), 'utf8'),
    };
  }
  const scriptCpuMs = median(allCpuMs.map((cpuMs, i) => Math.max(0, Math.round((cpuMs - allServiceMs[i]!) * 10) / 10)));
  return {
    runs, ...first!, medianMs: median(allMs), allMs, cpuMs: median(allCpuMs), serviceMs: median(allServiceMs), scriptCpuMs, ...(note ? { note } : {}),
  };
}

function main(): void {
  const cases = Number(process.argv[2]);
  if (!Number.isInteger(cases) || cases < 1) throw new Error('usage: tsx bench/size.ts <cases>');
  const runs = runsFor(cases);

  const buildStart = performance.now();
  const runtime = open(createModel('bench', { sheetNames: ['シート1'] }));
  runtime.call('prepareWorkbook', { today: TODAY });
  const written = writeDemo(runtime.model, { cases, seed: 1, today: TODAY });
  padActivities(runtime.model, cases * ACTIVITIES_PER_CASE);
  runtime.call('prepareWorkbook', { today: TODAY });
  const buildMs = Math.round(performance.now() - buildStart);

  const operations: Record<string, OperationResult> = {};
  // 標準化 runs first, on the demo as generated (dates typed as text, 和暦…), each
  // run on its own copy; the rest run on the workbook it standardised.
  // The copy is let go once no later operation needs it, so it does not weigh on the others' memory.
  let pristine = runs > 1 && OPERATIONS.some((op) => op.pristine) ? structuredClone(runtime.model) : null;
  OPERATIONS.forEach((op, i) => {
    const { args, note } = op.setup(runtime.model, cases);
    const runtimeFor = (run: number): Runtime => (op.pristine && run > 0 ? open(structuredClone(pristine!)) : runtime);
    operations[op.key] = measure(runtimeFor, op.fn, args, runs, note);
    if (!OPERATIONS.slice(i + 1).some((later) => later.pristine)) pristine = null;
  });

  const result: SizeResult = {
    cases,
    activities: lastRowWithContent(sheetOf(runtime.model, '支援記録')) - 1,
    meetings: written.meetings,
    buildMs,
    maxRssMB: Math.round(process.resourceUsage().maxRSS / 1024),
    heapLimitMB: heapLimitMB(),
    operations,
  };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (require.main === module) main();
