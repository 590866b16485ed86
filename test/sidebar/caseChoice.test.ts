// The case picker of 支援記録 names cases without names in the list, and in full beside the save button.
import { caseChoiceLabel } from '../../sidebar/activity/caseChoice';
import { recordForText } from '../../sidebar/shared/casePerson';

describe('caseChoiceLabel', () => {
  it('reads 「ケースID（年代・つなぎ元機関）」', () => {
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: '40代', referrerAgency: '地域包括支援センター' })).toBe('2024-0012（40代・地域包括支援センター）');
  });

  it('leaves out what is blank', () => {
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: '', referrerAgency: '地域包括支援センター' })).toBe('2024-0012（地域包括支援センター）');
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: ' ', referrerAgency: '' })).toBe('2024-0012');
  });
});

describe('recordForText', () => {
  it('names the person a record is saved for: ケースID, 年代, 性別 and name', () => {
    expect(recordForText({ caseId: '2026-0003', ageBand: '40代', sex: '女性', personName: '試験 花子' })).toBe('ケース 2026-0003（40代・女性）試験 花子 さん');
  });

  it('leaves out what is blank', () => {
    expect(recordForText({ caseId: '2026-0003', ageBand: '', sex: ' ', personName: '' })).toBe('ケース 2026-0003');
  });
});
