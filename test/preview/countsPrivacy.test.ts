// With 少数秘匿 on (SPEC §9), nothing the preview's page can call returns the
// counts as numbers: POST /api/run is what google.script.run does in Sheets,
// so any function it reaches is one a page could call with the person's rights.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { previewAddress } from '../../dev/preview/token';
import { startPreview, type Preview } from '../../dev/preview/server';
import type { RunResponse } from '../../dev/preview/types';
import { loadWorkbook, saveWorkbook } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';

const TODAY = '2026-11-22';
const FY = 2025;

let dir = '';
let preview: Preview;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-counts-privacy-'));
  const book = join(dir, 'demo.xlsx');
  expect((await runCli(['demo', book, '--today', TODAY])).exitCode).toBe(0);
  const model = await loadWorkbook(book);
  const settings = findSheet(model, '設定')!;
  ensureCell(settings, 2, settings.cells[0]!.findIndex((c) => c?.value === '少数秘匿') + 1).value = 3;
  await saveWorkbook(model, book);
  preview = await startPreview({ bookPath: book, port: 0 });
});

afterAll(async () => {
  await preview?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function run(functionName: string, args: unknown[] = []): Promise<RunResponse> {
  const response = await fetch(previewAddress(preview, '/api/run'), {
    method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ functionName, args }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as RunResponse;
}

describe('POST /api/run with 少数秘匿 3', () => {
  it('rebuilds the tab for the sidebar, and tells the page the tab and the rows left out, not the counts', async () => {
    const result = await run('rebuildCounts', [{ today: TODAY, fiscalYear: FY }]);
    if (!result.ok || !('value' in result)) throw new Error(JSON.stringify(result));
    expect(Object.keys(result.value as object).sort()).toEqual(['builtOn', 'fiscalYear', 'sheet', 'skipped']);
    const text = JSON.stringify(result.value);
    expect(text).not.toContain('metrics');
    expect(text).not.toContain('breakdowns');
  });

  it('refuses the counts as numbers in Japanese, and cannot reach the command line\'s private twin', async () => {
    const counts = await run('getCounts', [{ today: TODAY, fiscalYear: FY }]);
    expect(counts).toMatchObject({ ok: false, error: expect.stringContaining('少数秘匿') });
    const twin = await run('rebuildCounts_', [{ today: TODAY, fiscalYear: FY }]);
    expect(twin.ok).toBe(false);
  });

  it('gives the CSV only as the tab shows it: no count 1 or 2 anywhere', async () => {
    const result = await run('countsCsv', [{ today: TODAY, fiscalYear: FY }]);
    if (!result.ok || !('value' in result)) throw new Error(JSON.stringify(result));
    const cells = (result.value as { text: string }).text.split(/\r\n/).flatMap((line) => line.split(','));
    expect(cells).toContain('<3');
    expect(cells.filter((c) => c === '1' || c === '2')).toEqual([]);
  });
});
