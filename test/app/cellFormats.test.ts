// What staff typed comes back exactly, however it looks (SPEC §13): text goes
// raw into plain-text cells and dates into date cells, so neither Sheets'
// parsing of typed text nor a stored apostrophe can change a case.
import { findSheet } from '../../dev/runtime/model';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { CASE_FIELDS } from '../../src/domain/fields';
import { demoWorkbook, tabText, TODAY } from './helpers';

const LOOKS_LIKE_OTHER_THINGS = {
  receivedOn: '2024/4/1', referrerAgency: '地域包括支援センター', personName: '試験 花子', personKana: 'シケン ハナコ',
  householdId: '0012', household: "'母と2人", lifeAreas: '介護', summary: '=1+1', reason: 'TRUE', consent: 'あり',
  consentOn: '2024/4/2', status: '受付', notes: '2024-04',
};

const column = (header: string) => CASE_FIELDS.findIndex((f) => f.header === header);
const save = (runtime: ReturnType<typeof demoWorkbook>, requestId: string, editing?: string) =>
  runtime.call<SaveResult>('saveCase', { today: TODAY, record: LOOKS_LIKE_OTHER_THINGS, requestId, ...(editing ? { editing } : {}) });

function expectTypedValues(runtime: ReturnType<typeof demoWorkbook>, row: number): void {
  const cells = findSheet(runtime.model, '共通シート')!.cells[row - 1]!;
  expect(cells[column('世帯ID')]?.value).toBe('0012');
  expect(cells[column('世帯構成')]?.value).toBe("'母と2人");
  expect(cells[column('相談の概要')]?.value).toBe('=1+1');
  expect(cells[column('つなぎの理由')]?.value).toBe('TRUE');
  expect(cells[column('備考')]?.value).toBe('2024-04');
  expect(cells[column('受付日')]?.value).toEqual(new Date('2024-03-31T15:00:00Z'));
  expect(cells[column('受付日')]?.numberFormat).toBe('yyyy-mm-dd');
}

describe('cells the add-on writes', () => {
  it('hold text exactly as typed, and a second save of the same case changes nothing', () => {
    const runtime = demoWorkbook(20);
    const first = save(runtime, 'format-1');
    if (!first.saved) throw new Error('not saved');
    expectTypedValues(runtime, first.row);
    const logged = tabText(runtime, '変更履歴').length;
    const again = save(runtime, 'format-2', first.id);
    expect(again).toMatchObject({ saved: true, row: first.row, created: false });
    expectTypedValues(runtime, first.row);
    expect(tabText(runtime, '変更履歴')).toHaveLength(logged);
  });

  it('choose their formats themselves on rows the sheet grew, where nothing was formatted', () => {
    const runtime = demoWorkbook(20);
    const sheet = findSheet(runtime.model, '共通シート')!;
    sheet.maxRows = tabText(runtime, '共通シート').length; // full to the last row, as a tab filled by hand is
    const saved = save(runtime, 'format-3');
    if (!saved.saved) throw new Error('not saved');
    expect(saved.row).toBe(sheet.maxRows);
    expectTypedValues(runtime, saved.row);
  });
});
