// The case picker of 支援記録 names cases without names.
import { caseChoiceLabel, withSavedCase } from '../../sidebar/caseChoice';

describe('caseChoiceLabel', () => {
  it('reads 「ケースID（年代・つなぎ元機関）」', () => {
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: '40代', referrerAgency: '地域包括支援センター' })).toBe('2024-0012（40代・地域包括支援センター）');
  });

  it('leaves out what is blank', () => {
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: '', referrerAgency: '地域包括支援センター' })).toBe('2024-0012（地域包括支援センター）');
    expect(caseChoiceLabel({ caseId: '2024-0012', ageBand: ' ', referrerAgency: '' })).toBe('2024-0012');
  });
});

describe('withSavedCase', () => {
  const a = { caseId: '2024-0001', ageBand: '40代', referrerAgency: '税務課' };
  const c = { caseId: '2024-0003', ageBand: '70代', referrerAgency: '住宅課' };

  it('adds a new open case in ケースID order', () => {
    const b = { caseId: '2024-0002', ageBand: '', referrerAgency: '' };
    expect(withSavedCase([a, c], b, '受付').map((x) => x.caseId)).toEqual(['2024-0001', '2024-0002', '2024-0003']);
  });

  it('updates a case in place, and removes it once closed', () => {
    const changed = { ...c, ageBand: '80代' };
    expect(withSavedCase([c, a], changed, '支援中')).toEqual([changed, a]);
    expect(withSavedCase([a, c], c, 'つなぎもどし')).toEqual([a]);
    expect(withSavedCase([a], c, '終結')).toEqual([a]);
  });
});
