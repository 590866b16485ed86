// The memo that makes a retried save write once stays within Apps Script's
// property limits however many cases are saved (SPEC §13).
import type { SaveResult } from '../../src/app/sidebarTypes';
import { PROPERTY_MAX_BYTES } from '../../dev/runtime/services';
import { demoWorkbook, tabText, TODAY } from './helpers';

// The same person each time, so each save warns of every earlier one (possible_duplicate): long answers.
const record = (n: number) => ({
  receivedOn: '2024/4/1', referrerAgency: '地域包括支援センター', personName: `試験 ${n}`, personKana: 'シケン ハナコ', birthDate: '1950/1/1',
  lifeAreas: '介護', summary: '見守りが必要', reason: '複合課題', consent: 'あり', consentOn: '2024/4/2', status: '受付',
});
const refused = { ...record(0), personName: '' };

describe('saving many cases from the sidebar', () => {
  it('keeps working past 60 saves, answers a retry of a recent save without a second row, and keeps the memo under the limit', () => {
    const runtime = demoWorkbook(10);
    const save = (n: number) => runtime.call<SaveResult>('saveCase', { today: TODAY, record: record(n), requestId: `memo-${String(n).padStart(4, '0')}` });
    let last: SaveResult | undefined;
    for (let n = 1; n <= 60; n++) {
      const no = runtime.call<SaveResult>('saveCase', { today: TODAY, record: refused, requestId: `memo-refused-${n}` });
      expect(no.saved).toBe(false);
      last = save(n);
      expect(last.saved).toBe(true);
    }
    expect(last!.warnings.length).toBeGreaterThan(50);
    const rows = tabText(runtime, '共通シート').length;
    // A long answer is remembered without its warnings; the row and ID are what matter to a retry.
    const { warnings: _, ...answer } = last!;
    expect(save(60)).toMatchObject(answer);
    expect(save(59)).toMatchObject({ saved: true });
    expect(tabText(runtime, '共通シート')).toHaveLength(rows);
    const memo = runtime.model.documentProperties.get('tsunagi.recentSaves') ?? '';
    expect(Buffer.byteLength(memo) + Buffer.byteLength('tsunagi.recentSaves')).toBeLessThan(PROPERTY_MAX_BYTES);
  });
});
