// The case picker of 支援記録 names cases without names.
import { caseChoiceLabel } from '../../sidebar/activity/caseChoice';

describe('caseChoiceLabel', () => {
  it('reads 「ケースID（年代・つなぎ元機関）」', () => {
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: '40代', referrerAgency: '地域包括支援センター' })).toBe('2024-0012（40代・地域包括支援センター）');
  });

  it('leaves out what is blank', () => {
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: '', referrerAgency: '地域包括支援センター' })).toBe('2024-0012（地域包括支援センター）');
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: ' ', referrerAgency: '' })).toBe('2024-0012');
  });
});
