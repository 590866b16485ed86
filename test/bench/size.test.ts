// The bench's own operations still run against the bundle: an argument an
// endpoint no longer accepts (or a plan step on the wrong case) once broke
// `npm run bench` while every other test passed.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { OPERATIONS, type SizeResult } from '../../bench/size';

it('times every operation of the bench on a small demo, each making calls and reading cells', () => {
  const out = execFileSync(process.execPath, [require.resolve('tsx/cli'), join(__dirname, '../../bench/size.ts'), '300'], {
    encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result = JSON.parse(out.trim().split('\n').pop()!) as SizeResult;
  expect(Object.keys(result.operations)).toEqual(OPERATIONS.map((op) => op.key));
  for (const op of Object.values(result.operations)) {
    expect(op.calls).toBeGreaterThan(0);
    expect(op.cellsRead).toBeGreaterThan(0);
    expect(op.allMs).toHaveLength(op.runs);
    // The Apps Script estimate charges the script's own CPU time: never more than the process's, and the services took some.
    expect(op.serviceMs).toBeGreaterThan(0);
    expect(op.scriptCpuMs).toBeLessThanOrEqual(op.cpuMs);
  }
}, 120_000);
