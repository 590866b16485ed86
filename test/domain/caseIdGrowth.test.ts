// SPEC §3: a case never goes without a ケースID. After 9,999 cases in a
// fiscal year the next is YYYY-10000, and validation, the sidebar's argument
// check and 標準化's ID column all take it as a case ID.
import { parseArgs, loadCaseArgs } from '../../src/app/contracts';
import { CASE_FIELDS } from '../../src/domain/fields';
import { CASE_ID_FORMAT, IdAllocator } from '../../src/domain/caseId';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { standardizeCases } from '../../src/domain/standardize/standardize';
import { validateWorkbook } from '../../src/domain/validate/workbook';

const headers = CASE_FIELDS.map((f) => f.header);

it('gives the 10,000th case of a year 2024-10000, and the next one 2024-10001', () => {
  const ids = new IdAllocator(CASE_ID_FORMAT, ['2024-9999', '2023-0005']);
  expect(ids.next('2024-06-01')).toBe('2024-10000');
  expect(ids.next('2025-01-10')).toBe('2024-10001');
  expect(ids.next('2023-06-01')).toBe('2023-0006');
  expect(new IdAllocator(CASE_ID_FORMAT, ['2024-10041']).next('2024-04-01')).toBe('2024-10042');
});

it('validates 2024-10000 as a case ID, and still refuses 2024-00001 and 2024-123', () => {
  const row = (id: string) => headers.map((h) => (h === 'ケースID' ? id : ''));
  const result = validateWorkbook({
    cases: { header: headers, rows: [row('2024-10000'), row('2024-00001'), row('2024-123')] },
    activities: null, meetings: null, settings: DEFAULT_SETTINGS, settingsTable: null, today: '2024-06-01',
  });
  const badIds = result.problems.filter((p) => p.field === 'caseId' && p.code === 'invalid_format').map((p) => p.row);
  expect(badIds).toEqual([3, 4]);
});

it('lets the sidebar ask for case 2024-10000', () => {
  expect(parseArgs(loadCaseArgs, { caseId: '2024-10000' })).toEqual({ caseId: '2024-10000' });
});

it('standardises a year that reached 9999: the blank row gets 2024-10000', () => {
  const result = standardizeCases({ header: ['ケースID', '受付日'], rows: [['2024-9999', '2024-05-01'], ['', '2024-05-02']] }, DEFAULT_SETTINGS);
  expect(result.rows.map((r) => r[0])).toEqual(['2024-9999', '2024-10000']);
  expect(result.assignedIds).toBe(1);
});
