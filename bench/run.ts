// `npm run bench`: the bundle (dist/Code.js) on demo workbooks of 100 to 50,000
// cases, each size in its own process; prints a table, writes bench/results.json,
// and fails when an operation's service calls change with the number of rows.
import { execFileSync } from 'node:child_process';
import { statSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ACTIVITIES_PER_CASE, runsFor, type SizeResult } from './size';

const ROOT = join(__dirname, '..');
const SIZES = [100, 1_000, 10_000, 50_000];
const OPERATIONS: readonly { key: string; label: string; fn: string }[] = [
  { key: 'standardize', label: '標準化 (standardize)', fn: 'standardizeSheet' },
  { key: 'check', label: '入力チェック (check, mark)', fn: 'checkEntries' },
  { key: 'sidebar', label: 'サイドバー表示 (sidebar load)', fn: 'getSidebarState' },
  { key: 'saveCase', label: 'ケース保存 (save a case)', fn: 'saveCase' },
  { key: 'agenda', label: '次第作成 (agenda)', fn: 'createAgenda' },
  { key: 'counts', label: '集計再作成 (counts rebuild)', fn: 'rebuildCounts' },
  { key: 'planDraft', label: 'プラン案の保存 (plan draft)', fn: 'savePlanDraft' },
  { key: 'planDecide', label: 'プランの決定 (plan decide)', fn: 'decidePlan' },
  { key: 'planReview', label: 'プランの評価・見直し (plan review)', fn: 'reviewPlan' },
  { key: 'planPrint', label: '本人用プランの作成 (plan print)', fn: 'createPlanPrint' },
];
/** Time may grow no faster than linearly: 10× the rows, at most about 12× the time. */
const LINEAR_LIMIT = 12;

const fmt = (n: number): string => n.toLocaleString('en-US');
const ms = (n: number): string => (n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${n.toFixed(1)} ms`);

function runSize(cases: number): SizeResult {
  const started = performance.now();
  process.stderr.write(`bench: ${fmt(cases)} cases (${runsFor(cases)} run(s) per operation)… `);
  const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, 'size.ts'), String(cases)], {
    cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const line = out.trim().split('\n').pop() ?? '';
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  return JSON.parse(line) as SizeResult;
}

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
  const sizes = SIZES.map(runSize);
  const codeJsBytes = statSync(join(ROOT, 'dist/Code.js')).size;
  const sidebarBytes = statSync(join(ROOT, 'dist/sidebar.html')).size;
  const byCases = new Map(sizes.map((s) => [s.cases, s]));
  let failed = false;

  const header = `| operation | ${sizes.map((s) => `${fmt(s.cases)} cases`).join(' | ')} | 10,000 / 1,000 time |`;
  const lines = [header, `|---|${sizes.map(() => '---|').join('')}---|`];
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
      if (inserts === 1 || inserts === -1) growth.push(`${fmt(sizes[i]!.cases)}: ${inserts > 0 ? '+' : ''}${inserts} Sheet.insertRowsAfter`);
      else callsOk = false;
    });
    const t1k = byCases.get(1_000)!.operations[op.key]!.medianMs;
    const t10k = byCases.get(10_000)!.operations[op.key]!.medianMs;
    const ratio = Math.round((t10k / t1k) * 100) / 100;
    const linear = ratio <= LINEAR_LIMIT;
    if (!callsOk) failed = true;
    lines.push(`| ${op.label} | ${results.map((r) => `${r.calls} calls, ${ms(r.medianMs)}`).join(' | ')} | ${ratio}× |`);
    verdicts.push(`${op.label}: calls ${callsOk ? `constant (${base.calls})` : `CHANGE with size (${results.map((r) => r.calls).join(' / ')})`}`
      + `${growth.length ? ` except ${growth.join(', ')} (a tab grew)` : ''}; time 10,000/1,000 = ${ratio}× → ${linear ? 'linear or better' : 'FASTER THAN LINEAR'}`);
    operations[op.key] = {
      function: op.fn,
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
  lines.push(`| peak memory (maxRSS of the process) | ${sizes.map((s) => `${fmt(s.maxRssMB)} MB`).join(' | ')} | |`);
  lines.push(`| runs per operation (median) | ${sizes.map((s) => runsFor(s.cases)).join(' | ')} | |`);

  const totalSeconds = Math.round((performance.now() - started) / 100) / 10;
  const machine = { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? '', memoryGiB: Math.round(totalmem() / 2 ** 30), node: process.version };
  console.log(`\ntsunagi bench — ${new Date().toISOString()} — ${machine.cpus} CPUs, ${machine.memoryGiB} GiB, Node ${machine.node}`);
  console.log(`Apps Script service calls and median wall time in Node per operation (${ACTIVITIES_PER_CASE} 支援記録 per case or the demo's own, if more).`);
  console.log('標準化 is its first run on the demo as generated (dates typed as text), each run on a fresh copy; the other operations run on the standardised workbook.\n');
  console.log(lines.join('\n'));
  console.log('');
  for (const v of verdicts) console.log(v);
  console.log(`\ndist/Code.js ${fmt(codeJsBytes)} bytes, dist/sidebar.html ${fmt(sidebarBytes)} bytes; total bench time ${totalSeconds} s`);

  const results = {
    date: new Date().toISOString(),
    machine: { cpus: machine.cpus, cpuModel: machine.cpuModel, memory: `${machine.memoryGiB} GiB`, node: machine.node },
    bundle: { codeJsBytes, sidebarBytes },
    totalSeconds,
    sizes: sizes.map((s) => ({ cases: s.cases, activities: s.activities, meetings: s.meetings, runs: runsFor(s.cases), buildMs: s.buildMs, maxRssMB: s.maxRssMB })),
    operations,
    table: lines.join('\n'),
  };
  writeFileSync(join(__dirname, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (failed) {
    console.error('bench: service calls changed with the number of rows (see above).');
    process.exit(1);
  }
}

if (require.main === module) main();
