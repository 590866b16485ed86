// The case form shows every column staff type, once, with the right control.
import { CASE_FIELDS, ACTIVITY_FIELDS } from '../../src/domain/fields';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { CASE_GROUPS, isClosingGroupOpen } from '../../sidebar/shared/caseLayout';
import { controlSpecOf } from '../../sidebar/shared/controlSpec';

const field = (key: string) => CASE_FIELDS.find((f) => f.key === key)!;

describe('CASE_GROUPS', () => {
  it('holds every field but ケースID and the add-on stamps, each once', () => {
    const keys = CASE_GROUPS.flatMap((g) => g.keys);
    expect(new Set(keys).size).toBe(keys.length);
    const typed = CASE_FIELDS.filter((f) => !f.system && f.key !== 'caseId').map((f) => f.key);
    expect([...keys].sort()).toEqual([...typed].sort());
  });

  it('follows the order staff meet the fields', () => {
    expect(CASE_GROUPS.map((g) => g.title)).toEqual(['本人・世帯', '相談とつなぎ', '同意', '支援の状況', '会議・モニタリング', '終結', 'その他']);
  });

  it('opens 終結 only for a closed case', () => {
    expect(['終結', 'つなぎもどし', '中断'].every(isClosingGroupOpen)).toBe(true);
    expect(['', '受付', '支援中', '終結検討'].some(isClosingGroupOpen)).toBe(false);
  });
});

describe('controlSpecOf', () => {
  const spec = (key: string, settings = DEFAULT_SETTINGS) => controlSpecOf(field(key), settings);

  it('gives dates, text areas, selects and checkbox groups', () => {
    expect(spec('receivedOn')).toEqual({ kind: 'date' });
    expect(spec('summary')).toEqual({ kind: 'textarea' });
    expect(spec('closingNote')).toEqual({ kind: 'textarea' });
    expect(spec('personName')).toEqual({ kind: 'text' });
    expect(spec('sex')).toEqual({ kind: 'select', options: ['男性', '女性', 'その他', '不明'] });
    expect(spec('lifeAreas')).toMatchObject({ kind: 'checks', options: DEFAULT_SETTINGS.lifeAreas });
    expect(spec('relatedAgencies')).toMatchObject({ kind: 'checks', options: DEFAULT_SETTINGS.agencies.map((a) => a.name) });
    expect(spec('nextMeetingType')).toEqual({ kind: 'select', options: ['支援会議', '重層的支援会議', '重層的相談支援連絡会議'] });
  });

  it('takes 圏域 as free text until the town lists its areas', () => {
    expect(spec('area')).toEqual({ kind: 'text' });
    expect(spec('area', { ...DEFAULT_SETTINGS, areas: ['北部', '南部'] })).toEqual({ kind: 'select', options: ['北部', '南部'] });
  });

  it('gives 訪問人数 a number field and 内容 a text area', () => {
    const activity = (key: string) => controlSpecOf(ACTIVITY_FIELDS.find((f) => f.key === key)!, DEFAULT_SETTINGS);
    expect(activity('visitors')).toEqual({ kind: 'number' });
    expect(activity('content')).toEqual({ kind: 'textarea' });
    expect(activity('activityType')).toEqual({ kind: 'select', options: ['アウトリーチ', '参加支援', '同行支援', 'その他'] });
  });
});
