// The memo that makes a retried save write once stays within Apps Script's
// property limits however many cases are saved (SPEC §13).
import type { SaveResult } from '../../src/app/sidebarTypes';
import { PROPERTY_MAX_BYTES } from '../../dev/runtime/services';
import { demoWorkbook, tabText, TODAY } from './helpers';

const record = (n: number) => ({
  receivedOn: '2024/4/1', referrerAgency: '地域包括支援センター', personName: `試験 ${n}`, personKana: `シケン ${'ア'.repeat(n % 7 + 1)}`,
  lifeAreas: '介護', summary: '見守りが必要', reason: '複合課題', consent: 'あり', consentOn: '2024/4/2', status: '受付',
});

describe('saving many cases from the sidebar', () => {
  it('keeps working past 60 saves, answers a retry of a recent save without a second row, and keeps the memo under the limit', () => {
    const runtime = demoWorkbook(10);
    const save = (n: number) => runtime.call<SaveResult>('saveCase', { today: TODAY, record: record(n), requestId: `memo-${String(n).padStart(4, '0')}` });
    let last: SaveResult | undefined;
    for (let n = 1; n <= 60; n++) {
      last = save(n);
      expect(last.saved).toBe(true);
    }
    const rows = tabText(runtime, '共通シート').length;
    expect(save(60)).toEqual(last);
    expect(save(59)).toMatchObject({ saved: true });
    expect(tabText(runtime, '共通シート')).toHaveLength(rows);
    const memo = runtime.model.documentProperties.get('tsunagi.recentSaves') ?? '';
    expect(Buffer.byteLength(memo) + Buffer.byteLength('tsunagi.recentSaves')).toBeLessThan(PROPERTY_MAX_BYTES);
  });
});
