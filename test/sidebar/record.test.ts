// What the case and 支援記録 forms send is what the server's argument schemas accept.
import { saveActivityArgs, saveCaseArgs } from '../../src/app/contracts';
import { ACTIVITY_FIELDS, CASE_FIELDS } from '../../src/domain/fields';
import { buildRecord, sameRecord } from '../../sidebar/shared/record';
import { newRequestId } from '../../sidebar/shared/requestId';

describe('buildRecord', () => {
  it('holds every field of 共通シート by key, blank as empty text', () => {
    const values: Record<string, string> = { personName: '山田 花', receivedOn: '2024-04-01', lifeAreas: '介護、住まい' };
    const record = buildRecord(CASE_FIELDS, (key) => values[key]);
    expect(Object.keys(record)).toEqual(CASE_FIELDS.map((f) => f.key));
    expect(record).toMatchObject({ personName: '山田 花', lifeAreas: '介護、住まい', caseId: '', notes: '', updatedBy: '' });
    expect(Object.values(record).every((v) => typeof v === 'string')).toBe(true);
  });

  it('makes a saveCase argument the server accepts, new or edited', () => {
    const record = buildRecord(CASE_FIELDS, (key) => ({ personName: '山田 花', caseId: '2024-0012' } as Record<string, string>)[key]);
    expect(saveCaseArgs.safeParse({ record, requestId: newRequestId() }).success).toBe(true);
    expect(saveCaseArgs.safeParse({ record, editing: '2024-0012', requestId: newRequestId() }).success).toBe(true);
  });

  it('makes a saveActivity argument the server accepts', () => {
    const record = buildRecord(ACTIVITY_FIELDS, (key) => ({ caseId: '2024-0012', activityOn: 'R6.5.1', activityType: 'アウトリーチ', visitors: '２' } as Record<string, string>)[key]);
    expect(record.recordId).toBe('');
    expect(saveActivityArgs.safeParse({ record, requestId: newRequestId() }).success).toBe(true);
  });
});

describe('sameRecord', () => {
  it('compares field by field, a missing field as blank', () => {
    expect(sameRecord({ a: '1', b: '' }, { a: '1' })).toBe(true);
    expect(sameRecord({ a: '1' }, { a: '2' })).toBe(false);
    expect(sameRecord({}, { b: 'x' })).toBe(false);
  });
});
