// The daily rebuild as a time-driven trigger runs it (SPEC §13): no UI, no
// selection, perhaps no document lock; and the whole suite on a spreadsheet
// whose time zone is not Asia/Tokyo.
import { join } from 'node:path';
import { writeDemo } from '../../dev/demo/write';
import { createModel, loadBundle } from '../../dev/runtime';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { CODE, tabNames, tabText, TODAY } from './helpers';

const HTML = join(__dirname, '../../dist');
const ZONE = 'America/Los_Angeles';

/** A prepared demo workbook on a spreadsheet set to Los Angeles time. */
function losAngelesBook(options: { documentLock?: boolean } = {}) {
  const model = createModel('test', { sheetNames: ['シート1'], timeZone: ZONE });
  const runtime = loadBundle(CODE, model, { htmlDir: HTML, ...options });
  runtime.call('prepareWorkbook', { today: TODAY });
  writeDemo(model, { cases: 30, seed: 2, today: TODAY });
  return runtime;
}

describe('a time-driven trigger', () => {
  it('has no UI and no active range in the runtime, as in Apps Script', () => {
    const runtime = loadBundle('function ui() { return SpreadsheetApp.getUi(); } function range() { return SpreadsheetApp.getActive().getActiveRange(); }',
      createModel('t', { sheetNames: ['A'] }));
    expect(() => runtime.runTrigger('ui')).toThrow('Cannot call SpreadsheetApp.getUi() from this context.');
    expect(runtime.runTrigger('range')).toBeNull();
    expect(runtime.call('range')).not.toBeNull();
  });

  it('rebuilds the year’s counts with a trigger’s event, falling back to the script lock when there is no document lock', () => {
    const runtime = losAngelesBook({ documentLock: false });
    runtime.runTrigger('rebuildCountsDaily', { authMode: 'FULL', triggerUid: '1', today: TODAY });
    expect(tabNames(runtime)).toContain('集計_2026年度');
    expect(runtime.writes.every((w) => w.locked)).toBe(true);
  });
});

describe('a spreadsheet in Los Angeles time', () => {
  it('keeps the dates staff typed, and stamps 最終更新 in the spreadsheet’s zone', () => {
    const runtime = losAngelesBook();
    const saved = runtime.call<SaveResult>('saveCase', {
      today: TODAY, requestId: 'zone-0001',
      record: { receivedOn: '令和6年4月1日', referrerAgency: '地域包括支援センター', personName: '試験', lifeAreas: '介護', summary: 's', reason: 'r', consent: 'あり', consentOn: '2024/4/2', status: '受付' },
    });
    if (!saved.saved) throw new Error('not saved');
    const row = tabText(runtime, '共通シート')[saved.row - 1]!;
    const at = (header: string) => row[CASE_FIELDS.findIndex((f) => f.header === header)];
    expect([at('受付日'), at('同意取得日')]).toEqual(['2024-04-01', '2024-04-02']);
    const stamp = new Intl.DateTimeFormat('sv-SE', { timeZone: ZONE, dateStyle: 'short' }).format(new Date());
    expect(at('最終更新')!.slice(0, 10)).toBe(stamp);
    expect(runtime.call('checkEntries', { today: TODAY, mark: false })).toMatchObject({ problems: expect.any(Array) });
  });
});
