// Live validation: the shared schema's issues by field, errors apart from warnings.
import { activityRecordSchema, caseRecordSchema } from '../../src/domain/schema';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { CASE_FIELDS } from '../../src/domain/fields';
import { buildRecord } from '../../sidebar/shared/record';
import { countBySeverity, errorsFirst, hasErrors, issuesByField, issuesFromSchema, validateWith, visibleIssues, type FieldIssue } from '../../sidebar/shared/issues';

const TODAY = '2026-11-22';
const schema = caseRecordSchema(DEFAULT_SETTINGS, TODAY);
const form = (values: Record<string, string>) => buildRecord(CASE_FIELDS, (key) => values[key]);
const complete = {
  receivedOn: '令和6年4月1日', referrerAgency: '地域包括支援センター', personName: '山田 花', lifeAreas: '介護',
  summary: '母の介護', reason: '複合課題', consent: 'あり', consentOn: '2024/4/2', status: '受付',
};

describe('validateWith', () => {
  it('finds nothing on a complete case', () => {
    expect(validateWith(schema, form(complete))).toEqual([]);
  });

  it('reports blank required fields as errors with the server message', () => {
    const issues = validateWith(schema, form({}));
    expect(hasErrors(issues)).toBe(true);
    expect(issuesByField(issues).get('receivedOn')).toEqual([
      { field: 'receivedOn', severity: 'error', code: 'required', message: '受付日が空欄です。入力してください。' },
    ]);
    // つなぎ元分野 is filled from the agency, so it is required only while the agency is blank too.
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['referrerAgency', 'referrerField', 'personName', 'lifeAreas', 'summary', 'reason', 'consent', 'status']));
  });

  it('tells a warning from an error, so a warning does not block', () => {
    const issues = validateWith(schema, form({ ...complete, consentOn: '' }));
    expect(issues).toEqual([expect.objectContaining({ field: 'consentOn', severity: 'warning', code: 'consent_date_missing' })]);
    expect(hasErrors(issues)).toBe(false);
  });

  it('leaves an unreadable date for the schema to explain, naming the day a past era\'s date falls on', () => {
    const issues = validateWith(schema, form({ ...complete, receivedOn: '平成32年1月1日' }));
    expect(issues).toEqual([expect.objectContaining({ field: 'receivedOn', code: 'invalid_date', message: expect.stringContaining('「平成32年1月1日」は「令和2年1月1日」です') })]);
    const unreadable = validateWith(schema, form({ ...complete, receivedOn: '令和6年13月1日' }));
    expect(unreadable).toEqual([expect.objectContaining({ field: 'receivedOn', code: 'invalid_date', message: expect.stringContaining('日付として読めません') })]);
  });

  it('requires 訪問人数 for アウトリーチ on a 支援記録', () => {
    const activity = activityRecordSchema(DEFAULT_SETTINGS, TODAY);
    const base = { recordId: '', caseId: '2024-0001', activityOn: '2024-05-01', activityType: 'アウトリーチ', staff: '', visitors: '', content: '' };
    expect(validateWith(activity, base)).toEqual([expect.objectContaining({ field: 'visitors', code: 'required', severity: 'error' })]);
    expect(validateWith(activity, { ...base, visitors: '２' })).toEqual([]);
  });

  it('treats zod issues without rule params as errors', () => {
    const tooLong = validateWith(schema, form({ ...complete, notes: 'あ'.repeat(50_001) }));
    expect(tooLong).toEqual([expect.objectContaining({ field: 'notes', severity: 'error', message: '50000文字以内で入力してください。' })]);
    expect(issuesFromSchema([{ path: [], message: 'x', code: 'custom' }])).toEqual([{ field: '', severity: 'error', code: 'custom', message: 'x' }]);
  });
});

describe('which issues are shown', () => {
  const issues: FieldIssue[] = [
    { field: 'receivedOn', severity: 'error', code: 'required', message: 'a' },
    { field: 'consentOn', severity: 'warning', code: 'consent_date_missing', message: 'b' },
    { field: 'planOn', severity: 'error', code: 'consent_required_for_plan', message: 'c' },
  ];

  it('hides a blank required field the user has not been in yet, but not other rules', () => {
    expect(visibleIssues(issues, new Set(), false).map((i) => i.message)).toEqual(['b', 'c']);
    expect(visibleIssues(issues, new Set(['receivedOn']), false).map((i) => i.message)).toEqual(['a', 'b', 'c']);
  });

  it('shows everything once a save was tried', () => {
    expect(visibleIssues(issues, new Set(), true)).toHaveLength(3);
  });

  it('orders and counts by severity', () => {
    expect(errorsFirst(issues).map((i) => i.message)).toEqual(['a', 'c', 'b']);
    expect(countBySeverity(issues)).toEqual({ error: 2, warning: 1 });
  });
});
