// `npm run cli -- plan` (SPEC §11, §12), called the way a person calls it, on a
// demo .xlsx: the JSON of SPEC §11, the プラン_<ケースID> tab saved in the file,
// and exit 2 with the file untouched when the case or the plan does not exist.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { generateDemo } from '../../dev/demo/generate';
import { loadWorkbook } from '../../dev/runtime';
import { findSheet } from '../../dev/runtime/model';
import { CASE_FIELDS } from '../../src/domain/fields';
import { SIGNATURE_LINE } from '../../src/domain/plan/printView';

const TODAY = '2026-11-22';
const CONSENT = CASE_FIELDS.findIndex((f) => f.key === 'consent');
const cli = (...args: string[]) => runCli([...args, '--today', TODAY]);
const demoRows = generateDemo({ cases: 60, seed: 1, today: TODAY });

let dir = '';
let demo = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-plan-cli-'));
  demo = join(dir, 'demo.xlsx');
  expect((await cli('demo', demo, '--cases', '60', '--seed', '1')).exitCode).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function copyOfDemo(name: string): string {
  const path = join(dir, name);
  copyFileSync(demo, path);
  return path;
}

/** A case of the demo with two versions, the second decided: its current plan is version 2. */
const revised = demoRows.plans.find((p) => p[1] === 2 && p[2] === '決定')!;
const revisedId = String(revised[0]);

describe('plan', () => {
  it('writes プラン_<ケースID> for the current plan and prints SPEC §11 JSON', async () => {
    const path = copyOfDemo('json.xlsx');
    const result = await cli('plan', path, '--case', revisedId, '--json');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const json = JSON.parse(result.stdout);
    const tasks = demoRows.tasks.filter((t) => t[0] === revisedId && t[1] === 2);
    expect(json).toEqual({
      sheet: `プラン_${revisedId}`, caseId: revisedId, version: 2, status: '決定', calls: expect.any(Number),
      tasks: tasks.map((t) => ({ owner: t[3], content: t[5], frequency: t[6], progress: t[8] })),
    });
    const sheet = findSheet(await loadWorkbook(path), json.sheet)!;
    const texts = sheet.cells.flatMap((row) => (row ?? []).map((c) => String(c?.value ?? '')));
    const name = String(demoRows.cases.find((c) => c[0] === revisedId)![5]);
    expect(texts).toContain(`${name} 様`);
    expect(texts).toContain(SIGNATURE_LINE);
  });

  it('prints an older version with --version, in Japanese without --json', async () => {
    const path = copyOfDemo('text.xlsx');
    const result = await cli('plan', path, '--case', revisedId, '--version', '1');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`^「プラン_${revisedId}」を作成しました（1版・終了）。`));
  });

  it.each([
    ['a case not in 共通シート', ['--case', '2099-0001'], '共通シートに見つかりません'],
    ['a version that does not exist', ['--case', revisedId, '--version', '9'], 'の9版の支援プランはありません'],
    ['a case without a plan', ['--case', String(demoRows.cases.find((c) => c[CONSENT] === 'あり' && !demoRows.plans.some((p) => p[0] === c[0]))![0])], '支援プランがまだありません'],
    ['a case without consent', ['--case', String(demoRows.cases.find((c) => c[CONSENT] !== 'あり')![0])], '本人用のプランは印刷できません'],
    ['no --case', [], '--case にケースIDを指定してください'],
    ['a bad --version', ['--case', revisedId, '--version', '0'], '--version には1以上'],
  ])('exits 2 for %s, with the message on stderr and in the JSON, and the file unchanged', async (_label, args, message) => {
    const path = copyOfDemo('refused.xlsx');
    const before = readFileSync(path);
    const result = await cli('plan', path, ...args, '--json');
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain(message);
    expect(JSON.parse(result.stdout)).toEqual({ error: expect.stringContaining(message), calls: expect.any(Number) });
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
