// The record schemas the sidebar and the server share: the same rules and
// messages as 入力チェック, errors told apart from warnings.
import { generateDemo } from '../../dev/demo/generate';
import { CASE_FIELDS } from '../../src/domain/fields';
import { activityRecordSchema, caseRecordSchema, type RuleParams } from '../../src/domain/schema';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { validateWorkbook } from '../../src/domain/validate/workbook';

const TODAY = '2026-11-22';
const schema = caseRecordSchema(DEFAULT_SETTINGS, TODAY);

const form = {
  receivedOn: '令和6年4月1日', referrerAgency: '地域包括支援センター', personName: '山田 花', personKana: 'やまだ はな',
  lifeAreas: '介護,住まい', summary: '母の介護', reason: '複合課題', consent: 'あり', consentOn: '2024/4/2', status: '受付',
};

const issuesOf = (result: ReturnType<typeof schema.safeParse>) =>
  (result.success ? [] : result.error.issues).map((i) => ({ field: i.path.join('.'), ...(i as unknown as { params: RuleParams }).params, message: i.message }));

describe('caseRecordSchema', () => {
  it('accepts a form typed the way staff type, and hands back the normalised record', () => {
    const result = schema.safeParse(form);
    expect(result.success).toBe(true);
    expect(result.data?.text).toMatchObject({ receivedOn: '2024-04-01', personKana: 'ヤマダ ハナ', lifeAreas: '介護、住まい', referrerField: '高齢', consentOn: '2024-04-02' });
  });

  it('refuses a missing 本人同意 with the same message 入力チェック gives', () => {
    expect(issuesOf(schema.safeParse({ ...form, consent: '', consentOn: '' }))).toEqual([
      { field: 'consent', code: 'required', severity: 'error', message: '本人同意が空欄です。入力してください。' },
    ]);
  });

  it('reports a warning as a warning, so it need not block a save', () => {
    expect(issuesOf(schema.safeParse({ ...form, consentOn: '' }))).toEqual([
      expect.objectContaining({ field: 'consentOn', code: 'consent_date_missing', severity: 'warning' }),
    ]);
  });

  it('catches the consent rule for a 重層的支援会議', () => {
    const issues = issuesOf(schema.safeParse({ ...form, consent: 'なし', consentOn: '', nextMeetingType: '重層的支援会議', nextMeetingOn: '2026-12-10' }));
    expect(issues.map((i) => i.code)).toEqual(['consent_required_for_meeting']);
  });

  it('refuses fields it does not know and text beyond 50,000 characters, in Japanese', () => {
    expect(issuesOf(schema.safeParse({ ...form, password: 'x' }))[0]!.message).toContain('認識されていないキー');
    expect(issuesOf(schema.safeParse({ ...form, notes: 'あ'.repeat(50_001) }))[0]).toMatchObject({ field: 'notes', message: '50000文字以内で入力してください。' });
  });

  it('finds on every demo row exactly what 入力チェック finds there, apart from rules across rows', () => {
    const demo = generateDemo({ cases: 60, seed: 3, today: TODAY });
    const header = CASE_FIELDS.map((f) => f.header);
    const fromBook = validateWorkbook({ cases: { header, rows: demo.cases }, activities: null, meetings: null, settings: DEFAULT_SETTINGS, today: TODAY })
      .problems.filter((p) => !['duplicate_case_id', 'possible_duplicate'].includes(p.code))
      .map((p) => `${p.row}:${p.field}:${p.code}`);
    const fromSchema = demo.cases.flatMap((row, i) => {
      const record = Object.fromEntries(CASE_FIELDS.map((f, c) => [f.key, row[c] ?? '']));
      return issuesOf(schema.safeParse(record)).map((issue) => `${i + 2}:${issue.field}:${issue.code}`);
    });
    expect(fromBook.length).toBeGreaterThan(0);
    expect(fromSchema.sort()).toEqual(fromBook.sort());
  });
});

describe('activityRecordSchema', () => {
  it('requires 訪問人数 for アウトリーチ only', () => {
    const activity = activityRecordSchema(DEFAULT_SETTINGS, TODAY);
    const base = { caseId: '2024-0001', activityOn: '2024-05-01', activityType: '参加支援' };
    expect(activity.safeParse(base).success).toBe(true);
    expect(issuesOf(activity.safeParse({ ...base, activityType: 'アウトリーチ' }) as never)).toEqual([
      expect.objectContaining({ field: 'visitors', code: 'required', severity: 'error' }),
    ]);
  });

  it('warns, as the person types, on a 対象 shaped like a name (the sidebar shows it beside the field, the save goes ahead)', () => {
    const activity = activityRecordSchema(DEFAULT_SETTINGS, TODAY);
    const outreach = { caseId: '', activityOn: '2024-05-01', activityType: 'アウトリーチ', visitors: '1' };
    expect(issuesOf(activity.safeParse({ ...outreach, subject: '佐藤トメ' }) as never)).toEqual([
      expect.objectContaining({ field: 'subject', code: 'target_names_person', severity: 'warning' }),
    ]);
    expect(activity.safeParse({ ...outreach, subject: '北地区の80代女性（仮称B）' }).success).toBe(true);
  });
});
