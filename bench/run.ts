// `npm run bench [-- --sizes 1000,10000]`: the bundle (dist/Code.js) on demo
// workbooks of 100 to 50,000 cases, each size in its own process (up to 10,000
// cases under a 768 MB heap); prints a table, writes bench/results.json, and
// fails when an operation's service calls change with the number of rows.
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTIVITIES_PER_CASE, OPERATIONS, runsFor, type SizeResult } from './size';

const ROOT = join(__dirname, '..');
const DEFAULT_SIZES = [100, 1_000, 10_000, 50_000];
/** Up to this many cases a size must run in a V8 heap of HEAP_LIMIT_MB (issue 15: the Apps Script working set stays small). */
const HEAP_LIMITED_UP_TO = 10_000;
const HEAP_LIMIT_MB = 768;
/** CPU time may grow no faster than linearly: 10× the rows, at most about 12× the time. */
const LINEAR_LIMIT = 12;

/**
 * What an operation would take in Apps Script, from what the bench counts (assumed, not measured):
 * each service call 50–200 ms; each cell read or written 3–15 µs (1–5 s for a whole 10,000 × 31 tab);
 * the script's own JavaScript 2–5× the CPU time Node needed for it. The runtime's time inside its
 * emulated services is left out of that CPU time: in Apps Script that work is the service's, already
 * charged per call and per cell.
 */
export const APPS_SCRIPT = { callSeconds: [0.05, 0.2], cellSeconds: [3e-6, 15e-6], cpuFactor: [2, 5] } as const;
const ESTIMATE_CASES = 50_000;

/** [low, high] seconds in Apps Script for a measured run, its cells and CPU scaled by `scale` (calls stay constant). */
function appsScriptSeconds(r: { calls: number; cellsRead: number; cellsWritten: number; scriptCpuMs: number }, scale: number): [number, number] {
  const cells = (r.cellsRead + r.cellsWritten) * scale;
  const at = (i: 0 | 1): number => r.calls * APPS_SCRIPT.callSeconds[i] + cells * APPS_SCRIPT.cellSeconds[i] + (r.scriptCpuMs / 1000) * scale * APPS_SCRIPT.cpuFactor[i];
  return [Math.round(at(0)), Math.round(at(1))];
}

const fmt = (n: number): string => n.toLocaleString('en-US');
const ms = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);
const kb = (n: number): string => (n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : `${(n / 1024).toFixed(1)} KB`);

/** `--sizes 1000,10000` picks sizes; otherwise all four. */
function sizesFromArgs(argv: readonly string[]): number[] {
  const at = argv.indexOf('--sizes');
  if (at < 0) return DEFAULT_SIZES;
  const sizes = (argv[at + 1] ?? '').split(',').map((s) => Number(s.replace(/_/g, '')));
  if (!sizes.length || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('bench: --sizes wants whole numbers of cases separated by commas, e.g. --sizes 1000,10000');
    process.exit(2);
  }
  return [...new Set(sizes)].sort((a, b) => a - b);
}

function runSize(cases: number): SizeResult {
  const started = performance.now();
  process.stderr.write(`bench: ${fmt(cases)} cases (${runsFor(cases)} run(s) per operation)… `);
  const flags = `--expose-gc${cases <= HEAP_LIMITED_UP_TO ? ` --max-old-space-size=${HEAP_LIMIT_MB}` : ''}`;
  const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'size.ts'), String(cases)], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} ${flags}`.trim() },
  });
  const line = out.trim().split('\n').pop() ?? '';
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line) as SizeResult;
}

/**
 * An operation's calls may differ between sizes by one Sheet.insertRowsAfter
 * per tab it appends to (a plan step: 支援プラン, 役割分担 and 変更履歴), as
 * whether a tab is full depends on the demo, not on the number of rows.
 */
const GROWING_TABS = 3;

/** Calls differ only by whole `Sheet.insertRowsAfter` calls (a tab growing): returns that count, or null. */
function onlyRowInserts(a: Record<string, number>, b: Record<string, number>): number | null {
  const methods = new Set([...Object.keys(a), ...Object.keys(b)]);
  let inserts = 0;
  for (const m of methods) {
    const d = (b[m] ?? 0) - (a[m] ?? 0);
    if (d === 0) continue;
    if (m !== 'Sheet.insertRowsAfter') return null;
    inserts += d;
  }
  return inserts;
}

function main(): void {
  const started = performance.now();
  const sizes = sizesFromArgs(process.argv.slice(2)).map(runSize);
  const codeJsBytes = statSync(join(ROOT, 'dist/Code.js')).size;
  const sidebarBytes = statSync(join(ROOT, 'dist/sidebar.html')).size;
  const byCases = new Map(sizes.map((s) => [s.cases, s]));
  let failed = false;

  const header = `| operation | ${sizes.map((s) => `${fmt(s.cases)} cases`).join(' | ')} | 10,000 / 1,000 CPU time |`;
  const lines = [header, `|---|${sizes.map(() => '---|').join('')}---|`];
  // Apps Script at 50,000 cases: measured there, or scaled linearly from the largest size measured.
  const largest = sizes[sizes.length - 1]!;
  const estimateScale = ESTIMATE_CASES / largest.cases;
  const estimateLines = [
    `| operation | estimated Apps Script time at ${fmt(ESTIMATE_CASES)} cases${estimateScale === 1 ? '' : ` (from ${fmt(largest.cases)} × ${estimateScale})`} |`, '|---|---|',
  ];
  const operations: Record<string, unknown> = {};
  const verdicts: string[] = [];
  for (const op of OPERATIONS) {
    const results = sizes.map((s) => s.operations[op.key]!);
    const base = results[0]!;
    let callsOk = true;
    const growth: string[] = [];
    results.forEach((r, i) => {
      if (r.calls === base.calls) return;
      const inserts = onlyRowInserts(base.callsByMethod, r.callsByMethod);
      if (inserts !== null && inserts !== 0 && Math.abs(inserts) <= GROWING_TABS) growth.push(`${fmt(sizes[i]!.cases)}: ${inserts > 0 ? '+' : ''}${inserts} Sheet.insertRowsAfter`);
      else callsOk = false;
    });
    // CPU time, not wall time: the cores are shared, and waiting for them is not the operation's cost.
    const t1k = byCases.get(1_000)?.operations[op.key]?.cpuMs;
    const t10k = byCases.get(10_000)?.operations[op.key]?.cpuMs;
    const ratio = t1k && t10k ? Math.round((t10k / t1k) * 100) / 100 : null;
    const linear = ratio === null ? null : ratio <= LINEAR_LIMIT;
    if (!callsOk) failed = true;
    const cell = (r: (typeof results)[number]): string =>
      `${r.calls} calls; ${ms(r.medianMs)}, CPU ${ms(r.cpuMs)} (script ${ms(r.scriptCpuMs)}); ${fmt(r.cellsWritten)} / ${fmt(r.cellsRead)} cells; ${kb(r.resultBytes)}`;
    lines.push(`| ${op.label} | ${results.map(cell).join(' | ')} | ${ratio === null ? '–' : `${ratio}×`} |`);
    verdicts.push(`${op.label}: calls ${callsOk ? `constant (${base.calls})` : `CHANGE with size (${results.map((r) => r.calls).join(' / ')})`}`
      + `${growth.length ? ` except ${growth.join(', ')} (tabs that grew)` : ''}`
      + `${ratio === null ? '' : `; CPU time 10,000/1,000 = ${ratio}× → ${linear ? 'linear or better' : 'FASTER THAN LINEAR'}`}`);
    const estimate = appsScriptSeconds(largest.operations[op.key]!, estimateScale);
    estimateLines.push(`| ${op.label} | ${estimate[0]}–${estimate[1]} s |`);
    operations[op.key] = {
      function: op.fn,
      appsScriptSecondsAt50k: estimate,
      note: base.note ?? null,
      callsConstant: callsOk,
      callsDifferences: growth,
      ratio10kTo1k: ratio,
      linear,
      bySize: sizes.map((s) => ({ cases: s.cases, ...s.operations[op.key] })),
    };
  }
  lines.push(`| 支援記録 rows | ${sizes.map((s) => fmt(s.activities)).join(' | ')} | |`);
  lines.push(`| 会議記録 rows | ${sizes.map((s) => fmt(s.meetings)).join(' | ')} | |`);
  lines.push(`| peak memory (maxRSS of the process) | ${sizes.map((s) => `${fmt(s.maxRssMB)} MB${s.heapLimitMB ? ` (heap limit ${fmt(s.heapLimitMB)} MB)` : ''}`).join(' | ')} | |`);
  lines.push(`| runs per operation (median) | ${sizes.map((s) => runsFor(s.cases)).join(' | ')} | |`);

  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`\ntsunagi bench — ${new Date().toISOString()} — ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(`Apps Script service calls and median wall time in Node per operation (${ACTIVITIES_PER_CASE} 支援記録 per case or the demo's own, if more).`);
  console.log('Each cell: service calls; median wall time, median CPU time (of it the script\'s own, without the emulated services); cells written / cells read; bytes returned to the page.');
  console.log('標準化 is its first run on the demo as generated (dates typed as text), each run on a fresh copy; the other operations run on the standardised workbook.\n');
  console.log(lines.join('\n'));
  console.log('');
  for (const v of verdicts) console.log(v);
  console.log(`\nAssumed for Apps Script: ${APPS_SCRIPT.callSeconds.map((x) => x * 1000).join('–')} ms per call, `
    + `${APPS_SCRIPT.cellSeconds.map((x) => x * 1e6).join('–')} µs per cell read or written, JavaScript ${APPS_SCRIPT.cpuFactor.join('–')}× the script's CPU time in Node.\n`);
  console.log(estimateLines.join('\n'));
  console.log(`\ndist/Code.js ${fmt(codeJsBytes)} bytes, dist/sidebar.html ${fmt(sidebarBytes)} bytes; total bench time ${totalSeconds} s`);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: machine.cpus, cpuModel: machine.cpuModel, memory: `${machine.memoryGiB} GiB`, node: machine.node },
    bundle: { codeJsBytes, sidebarBytes },
    totalSeconds,
    sizes: sizes.map((s) => ({
      cases: s.cases, activities: s.activities, meetings: s.meetings, runs: runsFor(s.cases), buildMs: s.buildMs, maxRssMB: s.maxRssMB, heapLimitMB: s.heapLimitMB,
    })),
    operations,
    table: lines.join('\n'),
    appsScriptAssumptions: APPS_SCRIPT,
    appsScriptEstimate: estimateLines.join('\n'),
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (failed) {
    console.error('bench: service calls changed with the number of rows (see above).');
    process.exit(1);
  }
}

if (require.main === module) main();
