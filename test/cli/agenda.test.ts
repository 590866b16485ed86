// `npm run -s cli -- agenda` (SPEC §8, §11), called the way a person calls it,
// against .xlsx files in a temp folder: the JSON of SPEC §11, the tab and the
// 会議記録 row saved, refusals that leave the file untouched, and the same
// number of Apps Script calls on 100 and 10,000 cases.
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../dev/cli';
import { createModel, loadWorkbook, saveWorkbook } from '../../dev/runtime';
import { findSheet, lastRowWithContent } from '../../dev/runtime/model';

const TODAY = '2026-11-22';
/** The next 支援会議 of the demo made for TODAY (2nd Tuesday of December). */
const MEETING = ['--meeting', '支援会議', '--date', '2026-12-08'];
const SHEET = '次第_2026-12-08_支援会議';
const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

let dir = '';
let demo = '';
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tsunagi-agenda-cli-'));
  demo = join(dir, 'demo.xlsx');
  expect((await cli('demo', demo, '--cases', '100')).exitCode).toBe(0);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => runCli([...args, '--today', TODAY]);

function copyOfDemo(name: string): string {
  const path = join(dir, name);
  copyFileSync(demo, path);
  return path;
}

async function meetingRows(path: string): Promise<unknown[][]> {
  const sheet = findSheet(await loadWorkbook(path), '会議記録')!;
  return sheet.cells.slice(1, lastRowWithContent(sheet)).map((row) => (row ?? []).map((c) => c?.value ?? ''))
    .filter((r) => r[1] === '支援会議' && r[2] instanceof Date && r[2].getTime() === new Date('2026-12-08T00:00:00+09:00').getTime());
}

describe('agenda', () => {
  it('writes the tab and the 会議記録 row, and prints SPEC §11 JSON', async () => {
    const path = copyOfDemo('json.xlsx');
    const result = await cli('agenda', path, ...MEETING, '--place', '役場 第1会議室', '--json');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    const json = JSON.parse(result.stdout);
    expect(json).toEqual(expect.objectContaining({
      sheet: SHEET,
      meeting: { type: '支援会議', date: '2026-12-08', start: '14:00', end: expect.stringMatching(/^\d{2}:\d{2}$/), place: '役場 第1会議室' },
      participants: expect.arrayContaining(['事務局']),
      calls: expect.any(Number),
    }));
    expect(json.items.length).toBeGreaterThan(0);
    json.items.forEach((item: Record<string, unknown>, i: number) => {
      expect(Object.keys(item).sort()).toEqual(['caseId', 'kind', 'minutes', 'order', 'start']);
      expect(item.order).toBe(i + 1);
      expect(['新規検討', 'モニタリング', '終結評価']).toContain(item.kind);
    });
    expect(json.items[0].start).toBe('14:05');
    for (const e of json.excluded) expect(Object.keys(e)).toEqual(expect.arrayContaining(['caseId', 'code', 'message']));
    const model = await loadWorkbook(path);
    expect(findSheet(model, SHEET)).toBeDefined();
    expect(await meetingRows(path)).toHaveLength(1);
  });

  it('replaces the tab when run again and keeps one 会議記録 row; without --json it says what it did', async () => {
    const path = copyOfDemo('again.xlsx');
    await cli('agenda', path, ...MEETING);
    const result = await cli('agenda', path, ...MEETING, '--start', '13:30', '--include-due');
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toContain(`「${SHEET}」を作り直しました（13:30〜`);
    expect(result.stdout).toMatch(/ {2}1\. 13:35 新規検討 \d{4}-\d{4}（20分）/);
    expect(result.stdout).toContain('出席予定：事務局、');
    const model = await loadWorkbook(path);
    expect(model.sheets.filter((s) => s.name === SHEET)).toHaveLength(1);
    expect(await meetingRows(path)).toHaveLength(1);
  });

  it.each(['令和8年12月8日', 'R8.12.8', '2026/12/8'])('reads --date %s as the sidebar does, as 2026-12-08', async (typed) => {
    const path = copyOfDemo('wareki.xlsx');
    const result = await cli('agenda', path, '--meeting', '支援会議', '--date', typed, '--json');
    expect(result).toMatchObject({ exitCode: 0, stderr: '' });
    expect(JSON.parse(result.stdout)).toMatchObject({ sheet: SHEET, meeting: { date: '2026-12-08' } });
    expect(findSheet(await loadWorkbook(path), SHEET)).toBeDefined();
  });

  it.each([
    ['a date that is not a date', ['--meeting', '支援会議', '--date', '2026-02-30'], '--date には開催日を 2026-12-08、令和8年12月8日、R8.12.8 のような形で、実在する日付を指定してください（指定：2026-02-30）。'],
    ['a 和暦 date that does not exist', ['--meeting', '支援会議', '--date', '令和8年2月30日'], '（指定：令和8年2月30日）'],
    ['no date', ['--meeting', '支援会議'], '--date に開催日を指定してください'],
    ['no meeting type', ['--date', '2026-12-08'], '--meeting に会議種別を指定してください'],
    ['a meeting type not in 設定', ['--meeting', 'まるごと会議', '--date', '2026-12-08'], '会議種別「まるごと会議」は設定タブの「会議種別」にありません。'],
    ['a start time that is not a time', [...MEETING, '--start', '25:00'], '開始時刻は 14:00 の形（24時間制）で指定してください。'],
    ['a place too long for a cell', [...MEETING, '--place', 'あ'.repeat(201)], '場所は200文字以内で入力してください。'],
  ])('refuses %s with exit 2 and a Japanese message, leaving the file as it was', async (_what, args, message) => {
    const path = copyOfDemo('refused.xlsx');
    const before = readFileSync(path);
    const result = await cli('agenda', path, ...args, '--json');
    expect(result.exitCode).toBe(2);
    expect(JSON.parse(result.stdout)).toEqual({ error: result.stderr.trimEnd(), calls: expect.any(Number) });
    expect(result.stderr).toContain(message);
    expect(result.stderr).toMatch(JAPANESE);
    // Said as a person reads it: no argument key (start:), no doubled punctuation.
    expect(result.stderr).not.toMatch(/\b[a-z][A-Za-z.]*: |。[）」]?。|、。/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a workbook that is not a 共通シート workbook', async () => {
    const path = join(dir, 'other.xlsx');
    await saveWorkbook(createModel('other', { sheetNames: ['名簿'] }), path);
    const before = readFileSync(path);
    const result = await cli('agenda', path, ...MEETING);
    expect(result.exitCode).toBe(2);
    expect(result.stderr).toContain('このブックには「共通シート」タブがありません。');
    // There is no Sheets menu on the command line: the advice is the command to type.
    expect(result.stderr).toContain(`「npm run -s cli -- standardize ${path}」`);
    expect(result.stderr).not.toContain('メニュー');
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('makes the same number of Apps Script calls on 10,000 cases as on 100', async () => {
    const large = join(dir, 'large.xlsx');
    expect((await cli('demo', large, '--cases', '10000')).exitCode).toBe(0);
    const calls = async (path: string): Promise<number> => {
      const result = await cli('agenda', path, ...MEETING, '--json');
      expect(result.exitCode).toBe(0);
      return JSON.parse(result.stdout).calls as number;
    };
    const small = await calls(copyOfDemo('small.xlsx'));
    expect(small).toBeGreaterThan(0);
    expect(await calls(large)).toBe(small);
  }, 240_000);
});
