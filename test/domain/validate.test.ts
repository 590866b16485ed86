// Validation of a whole workbook against SPEC §6. Every expected value below is
// worked out by hand from the SPEC; the code under test only produces results.
import { dateCell, type Cell } from '../../src/domain/cell';
import { DEFAULT_SETTINGS, readSettings, type Settings } from '../../src/domain/settings';
import type { Table } from '../../src/domain/table';
import { validateWorkbook, type ValidationResult } from '../../src/domain/validate/workbook';
import type { Problem } from '../../src/domain/validate/problem';

const TODAY = '2024-10-15';

// SPEC §3, in order.
const CASE_HEADERS = [
  'ケースID', '受付日', 'つなぎ元機関', 'つなぎ元分野', 'つなぎ元担当者', '本人氏名', '本人氏名カナ', '生年月日',
  '年代', '性別', '圏域', '世帯ID', '世帯構成', '課題領域', '世帯の状態', '相談の概要', 'つなぎの理由', '本人同意',
  '同意取得日', '関係機関', '状態', '主担当機関', 'プラン作成日', '次回会議種別', '次回会議予定日', '次回モニタリング日',
  '終結日', '終結理由', '備考', '最終更新', '更新者',
] as const;
type CaseHeader = (typeof CASE_HEADERS)[number];

/** One fully valid open case (today = 2024-10-15), written by hand. */
const VALID_CASE: Record<CaseHeader, Cell> = {
  ケースID: '2024-0001',
  受付日: '2024-04-10',
  つなぎ元機関: '地域包括支援センター',
  つなぎ元分野: '高齢',
  つなぎ元担当者: '佐藤',
  本人氏名: '山田太郎',
  本人氏名カナ: 'ヤマダ タロウ',
  生年月日: '1950-06-01', // 73 at 受付日 → 70代
  年代: '70代',
  性別: '男性',
  圏域: '北部',
  世帯ID: 'H-01',
  世帯構成: '本人、母（90代）の2人世帯',
  課題領域: '介護、収入・仕事',
  世帯の状態: '8050',
  相談の概要: '母の介護と本人の就労の相談',
  つなぎの理由: '複数の分野にまたがるため',
  本人同意: 'あり',
  同意取得日: '2024-04-20',
  関係機関: '社会福祉協議会',
  状態: '支援中',
  主担当機関: '生活支援相談窓口',
  プラン作成日: '2024-05-01',
  次回会議種別: '重層的支援会議',
  次回会議予定日: '2024-11-01',
  次回モニタリング日: '2024-11-15',
  終結日: '',
  終結理由: '',
  備考: '',
  最終更新: '',
  更新者: '',
};

type CaseOverrides = Partial<Record<CaseHeader, Cell>>;

function caseRow(over: CaseOverrides = {}): Cell[] {
  return CASE_HEADERS.map((h) => over[h] ?? VALID_CASE[h]);
}

/** A second valid case that is clearly another person. */
const OTHER_CASE: CaseOverrides = {
  ケースID: '2024-0002', 本人氏名: '鈴木花子', 本人氏名カナ: 'スズキ ハナコ', 生年月日: '1980-01-15', 年代: '40代', 性別: '女性',
};

function cases(...rows: Cell[][]): Table {
  return { header: [...CASE_HEADERS], rows };
}

const ACTIVITY_HEADERS = ['記録ID', 'ケースID', '対象', '実施日', '種別', '対応者', '訪問人数', '内容'] as const;
type ActivityHeader = (typeof ACTIVITY_HEADERS)[number];
const VALID_ACTIVITY: Record<ActivityHeader, Cell> = {
  記録ID: '', ケースID: '2024-0001', 対象: '', 実施日: '2024-05-10', 種別: 'アウトリーチ', 対応者: '鈴木', 訪問人数: '2', 内容: '自宅を訪問',
};
function activities(...overrides: Partial<Record<ActivityHeader, Cell>>[]): Table {
  return { header: [...ACTIVITY_HEADERS], rows: overrides.map((o) => ACTIVITY_HEADERS.map((h) => o[h] ?? VALID_ACTIVITY[h])) };
}

const MEETING_HEADERS = ['会議ID', '会議種別', '開催日', '開始時刻', '場所', '状態', '検討ケースID', '出席機関', '決定事項'] as const;
type MeetingHeader = (typeof MEETING_HEADERS)[number];
const VALID_MEETING: Record<MeetingHeader, Cell> = {
  会議ID: '', 会議種別: '支援会議', 開催日: '2024-05-10', 開始時刻: '14:00', 場所: '役場会議室', 状態: '開催済',
  検討ケースID: '2024-0001', 出席機関: '地域包括支援センター、社会福祉協議会', 決定事項: '役割分担を決めた',
};
function meetings(...overrides: Partial<Record<MeetingHeader, Cell>>[]): Table {
  return { header: [...MEETING_HEADERS], rows: overrides.map((o) => MEETING_HEADERS.map((h) => o[h] ?? VALID_MEETING[h])) };
}

interface Run {
  cases?: Table;
  activities?: Table | null;
  meetings?: Table | null;
  settings?: Settings;
  today?: string;
}

function run(input: Run = {}): ValidationResult {
  return validateWorkbook({
    cases: input.cases ?? cases(caseRow()),
    activities: input.activities ?? null,
    meetings: input.meetings ?? null,
    settings: input.settings ?? DEFAULT_SETTINGS,
    today: input.today ?? TODAY,
  });
}

/** Validates one case row built from the valid case with some fields changed. */
const runCase = (over: CaseOverrides, more: Omit<Run, 'cases'> = {}) => run({ ...more, cases: cases(caseRow(over)) });

type Where = Pick<Problem, 'sheet' | 'row' | 'field' | 'column' | 'severity' | 'code'>;
const where = (p: Problem): Where => ({ sheet: p.sheet, row: p.row, field: p.field, column: p.column, severity: p.severity, code: p.code });
const onCase = (row: number, field: string, column: string, code: string, severity: 'error' | 'warning' = 'error'): Where =>
  ({ sheet: '共通シート', row, field, column, severity, code });

const JAPANESE = /[\u3040-\u30FF\u4E00-\u9FFF]/;

function expectReadableMessage(p: Problem): void {
  expect(p.message).toMatch(JAPANESE);
  expect(p.message).toContain(`${p.row}行目`);
  expect(p.message).toContain(`「${p.column}」`);
}

/** The result holds exactly these problems (in any order), with readable messages and right counts. */
function expectExactly(result: ValidationResult, expected: Where[]): void {
  const sortKey = (w: Where) => `${w.sheet}|${String(w.row).padStart(5, '0')}|${w.field}|${w.code}`;
  const sorted = (ws: Where[]) => [...ws].sort((a, b) => sortKey(a).localeCompare(sortKey(b)));
  expect(sorted(result.problems.map(where))).toEqual(sorted(expected));
  result.problems.forEach(expectReadableMessage);
  expect(result.counts).toEqual({
    error: expected.filter((w) => w.severity === 'error').length,
    warning: expected.filter((w) => w.severity === 'warning').length,
  });
}

const withCode = (result: ValidationResult, code: string) => result.problems.filter((p) => p.code === code);

describe('validateWorkbook: the baseline', () => {
  it('finds nothing in a fully valid workbook', () => {
    const result = run({
      cases: cases(caseRow(), caseRow(OTHER_CASE)),
      activities: activities({}, { ケースID: '2024-0002', 種別: '参加支援', 訪問人数: '' }),
      meetings: meetings({}),
    });
    expect(result.problems).toEqual([]);
    expect(result.counts).toEqual({ error: 0, warning: 0 });
  });

  it('treats a missing 支援記録 or 会議記録 as empty', () => {
    expect(run({ activities: null, meetings: null }).problems).toEqual([]);
  });
});

describe('required', () => {
  it.each([
    ['受付日', 'receivedOn', ''],
    ['つなぎ元機関', 'referrerAgency', ''],
    ['本人氏名', 'personName', ''],
    ['本人氏名', 'personName', '　 '],
    ['課題領域', 'lifeAreas', ''],
    ['課題領域', 'lifeAreas', '、 , ／'],
    ['相談の概要', 'summary', ''],
    ['つなぎの理由', 'reason', ''],
    ['状態', 'status', ''],
  ] as const)('reports an empty %s (%j)', (header, field, value) => {
    expectExactly(runCase({ [header]: value }), [onCase(2, field, header, 'required')]);
  });

  it('reports an empty 本人同意 (together with the consent rules it breaks)', () => {
    const result = runCase({ 本人同意: '' });
    expect(withCode(result, 'required').map(where)).toEqual([onCase(2, 'consent', '本人同意', 'required')]);
  });

  it('reports つなぎ元分野 when it is blank and there is no agency to fill it from', () => {
    expectExactly(runCase({ つなぎ元機関: '', つなぎ元分野: '' }), [
      onCase(2, 'referrerAgency', 'つなぎ元機関', 'required'),
      onCase(2, 'referrerField', 'つなぎ元分野', 'required'),
    ]);
  });

  it('accepts initials as 本人氏名 and blanks in optional columns', () => {
    expect(runCase({ 本人氏名: 'Y.T.', 世帯構成: '', 世帯ID: '', つなぎ元担当者: '', 圏域: '', 世帯の状態: '', 関係機関: '' }).problems).toEqual([]);
  });
});

describe('invalid_date', () => {
  it.each([
    ['2024/2/30'],
    ['平成32年1月1日'],
    ['令和6年13月1日'],
    ['4月1日'],
    ['来週'],
  ])('reports 受付日 %j', (value) => {
    const result = runCase({ 受付日: value });
    expectExactly(result, [onCase(2, 'receivedOn', '受付日', 'invalid_date')]);
    expect(result.problems[0]!.message).toContain(`「${value}」`);
  });

  it.each([
    ['生年月日', 'birthDate', 'S25.13.1'],
    ['同意取得日', 'consentOn', '2024/4/31'],
    ['次回モニタリング日', 'nextMonitoringOn', 'そのうち'],
  ] as const)('reports %s', (header, field, value) => {
    expectExactly(runCase({ [header]: value }), [onCase(2, field, header, 'invalid_date')]);
  });

  it.each<[string, Cell]>([
    ['ISO', '2024-04-10'],
    ['slashes', '2024/4/10'],
    ['dots', '2024.4.10'],
    ['compact', '20240410'],
    ['compact number', 20240410],
    ['年月日', '2024年4月10日'],
    ['令和', '令和6年4月10日'],
    ['令和 with spaces', '令和 6年 4月 10日'],
    ['R', 'R6.4.10'],
    ['R zero-padded', 'R06.04.10'],
    ['full-width 西暦', '２０２４／４／１０'],
    ['full-width 令和', '令和６年４月１０日'],
    ['full-width R', 'Ｒ６．４．１０'],
    ['date cell', dateCell('2024-04-10')],
    ['date cell with a time', dateCell('2024-04-10T09:30:00')],
  ])('accepts 受付日 typed as %s', (_label, value) => {
    expect(runCase({ 受付日: value }).problems).toEqual([]);
  });

  it.each<[string, Cell]>([
    ['昭和', '昭和25年6月1日'],
    ['S', 'S25.6.1'],
    ['full-width 昭和', '昭和２５年６月１日'],
    ['date cell', dateCell('1950-06-01')],
  ])('accepts 生年月日 typed as %s', (_label, value) => {
    expect(runCase({ 生年月日: value }).problems).toEqual([]);
  });

  it('accepts 令和元年 from its first day and rejects 平成31年 after the era ended', () => {
    const base = { 受付日: '令和元年5月1日', 同意取得日: '2019-05-01', プラン作成日: '', 生年月日: '1950-01-01', 年代: '' };
    expect(runCase(base).problems).toEqual([]);
    expectExactly(runCase({ ...base, 受付日: '平成31年5月1日' }), [onCase(2, 'receivedOn', '受付日', 'invalid_date')]);
  });
});

describe('future_date', () => {
  it.each([
    ['受付日', 'receivedOn'],
    ['同意取得日', 'consentOn'],
    ['プラン作成日', 'planOn'],
    ['終結日', 'closedOn'],
    ['生年月日', 'birthDate'],
  ] as const)('reports %s after today', (header, field) => {
    const result = runCase({ [header]: '2024-10-16' });
    expect(withCode(result, 'future_date').map(where)).toEqual([onCase(2, field, header, 'future_date')]);
    withCode(result, 'future_date').forEach(expectReadableMessage);
  });

  it.each([
    ['受付日'], ['同意取得日'], ['プラン作成日'], ['終結日'], ['生年月日'],
  ] as const)('accepts %s on today itself', (header) => {
    expect(withCode(runCase({ [header]: '2024-10-15' }), 'future_date')).toEqual([]);
  });

  it('does not apply to dates that are meant to be in the future', () => {
    expect(runCase({ 次回会議予定日: '2025-03-01', 次回モニタリング日: '2025-04-01' }).problems).toEqual([]);
  });

  it('is relative to the injected today', () => {
    // 受付日 is 2024-04-10; with today = 2024-04-09 it is tomorrow.
    const early = { 同意取得日: '', プラン作成日: '', 本人同意: '確認中', 次回会議種別: '', 次回会議予定日: '', 次回モニタリング日: '' };
    expectExactly(runCase(early, { today: '2024-04-09' }), [onCase(2, 'receivedOn', '受付日', 'future_date')]);
    expect(runCase(early, { today: '2024-04-10' }).problems).toEqual([]);
  });

  it('reports 実施日 after today on 支援記録', () => {
    expectExactly(run({ activities: activities({ 実施日: '令和6年10月16日' }) }), [
      { sheet: '支援記録', row: 2, field: 'activityOn', column: '実施日', severity: 'error', code: 'future_date' },
    ]);
    expect(run({ activities: activities({ 実施日: '令和6年10月15日' }) }).problems).toEqual([]);
  });
});

describe('unknown_value', () => {
  it.each([
    ['性別', 'sex', '男', '男性'],
    ['性別', 'sex', '女', '女性'],
    ['つなぎ元機関', 'referrerAgency', '包括支援センター', '地域包括支援センター'],
    ['主担当機関', 'mainAgency', '生活支援相談窓ロ', '生活支援相談窓口'], // カタカナ「ロ」 for 口
    // 本人同意 that is not あり also forbids a plan and 重層的支援会議; keep the row otherwise valid.
    ['本人同意', 'consent', '有り', 'あり'],
    ['状態', 'status', '支援中です', '支援中'],
    ['次回会議種別', 'nextMeetingType', '支援会義', '支援会議'],
    ['年代', 'ageBand', '70歳代', '70代'],
  ] as const)('reports %s (%s) %j and suggests %j', (header, field, value, suggestion) => {
    const more: CaseOverrides =
      field === 'ageBand' ? { 生年月日: '' } // 年代 is only as entered when 生年月日 is unknown
        : field === 'consent' ? { 同意取得日: '', プラン作成日: '', 次回会議種別: '支援会議' }
          : {};
    const over = { ...more, [header]: value };
    const result = runCase(over);
    expectExactly(result, [onCase(2, field, header, 'unknown_value')]);
    expect(result.problems[0]!.message).toContain(`「${value}」`);
    expect(result.problems[0]!.message).toContain(`「${suggestion}」`);
  });

  const AGENCIES = DEFAULT_SETTINGS.agencies.map((a) => a.name);
  it.each([
    ['性別', 'sex', '無回答', ['男性', '女性', 'その他', '不明']],
    ['つなぎ元機関', 'referrerAgency', '警察署', AGENCIES],
    ['関係機関', 'relatedAgencies', '社会福祉協議会、弁護士', AGENCIES],
  ] as const)('suggests nothing for %s (%s) %j, which is far from every allowed value', (header, field, value, allowed) => {
    const result = runCase({ [header]: value });
    expectExactly(result, [onCase(2, field, header, 'unknown_value')]);
    for (const v of allowed) expect(result.problems[0]!.message).not.toContain(`「${v}」`);
  });

  it('reports the one bad item of a list cell, and suggests the item it resembles', () => {
    const result = runCase({ 課題領域: '介護、借金、収入・仕事' });
    expectExactly(result, [onCase(2, 'lifeAreas', '課題領域', 'unknown_value')]);
    expect(result.problems[0]!.message).toContain('「借金」');
    expect(result.problems[0]!.message).toContain('「支出・滞納・借金」');
    expect(result.problems[0]!.message).not.toContain('「介護」');
  });

  it('reports each bad item of a list cell once', () => {
    expectExactly(runCase({ 世帯の状態: '8050、ペット多頭飼育、ゴミ屋敷' }), [
      onCase(2, 'tags', '世帯の状態', 'unknown_value'),
      onCase(2, 'tags', '世帯の状態', 'unknown_value'),
    ]);
  });

  it.each([
    ['課題領域', '介護,収入・仕事／住まい'],
    ['課題領域', '介護；ＤＶ・虐待\n権利擁護'],
    ['課題領域', 'DV･虐待'], // half-width middle dot
    ['課題領域', '介護、介護'],
    ['世帯の状態', '８０５０、ひきこもり'],
    ['関係機関', '社会福祉協議会、 地域包括支援センター'],
  ] as const)('accepts %s %j once normalised', (header, value) => {
    expect(runCase({ [header]: value }).problems).toEqual([]);
  });

  it('accepts any 圏域 while 設定 lists none', () => {
    expect(runCase({ 圏域: '山の上のほう' }).problems).toEqual([]);
    expect(runCase({ 圏域: '山の上のほう' }, { settings: readSettings({ header: ['機関', '圏域'], rows: [] }).settings }).problems).toEqual([]);
  });

  it('rejects an unlisted 圏域 once 設定 lists the areas', () => {
    const settings = readSettings({ header: ['圏域'], rows: [['北部'], ['南部']] }).settings;
    expect(runCase({ 圏域: '南部' }, { settings }).problems).toEqual([]);
    expectExactly(runCase({ 圏域: '西部' }, { settings }), [onCase(2, 'area', '圏域', 'unknown_value')]);
  });

  it('reads the allowed agencies from 設定', () => {
    const settings = readSettings({ header: ['機関', '分野'], rows: [['まちの相談室', '障害'], ['生活支援相談窓口', '困窮']] }).settings;
    const over = { つなぎ元機関: 'まちの相談室', つなぎ元分野: '障害', 関係機関: '' };
    expect(runCase(over, { settings }).problems).toEqual([]);
    expectExactly(runCase({ ...over, 関係機関: '社会福祉協議会' }, { settings }), [onCase(2, 'relatedAgencies', '関係機関', 'unknown_value')]);
  });
});

describe('つなぎ元分野 filled from the agency', () => {
  it('is not reported when blank and the agency is in 設定', () => {
    expect(runCase({ つなぎ元分野: '' }).problems).toEqual([]);
    expect(runCase({ つなぎ元機関: 'こども家庭センター', つなぎ元分野: '' }).problems).toEqual([]);
  });

  it('uses the 分野 the town gave its own agency', () => {
    const settings = readSettings({ header: ['機関', '分野'], rows: [['まちの相談室', '障害'], ['生活支援相談窓口', '困窮'], ['社会福祉協議会', 'その他']] }).settings;
    expect(runCase({ つなぎ元機関: 'まちの相談室', つなぎ元分野: '' }, { settings }).problems).toEqual([]);
  });

  it('is reported as required when the agency is unknown', () => {
    expectExactly(runCase({ つなぎ元機関: '駐在所', つなぎ元分野: '' }), [
      onCase(2, 'referrerAgency', 'つなぎ元機関', 'unknown_value'),
      onCase(2, 'referrerField', 'つなぎ元分野', 'required'),
    ]);
  });
});

describe('date_order', () => {
  it('reports 生年月日 after 受付日', () => {
    // Not in the future (today is 2024-10-15), but after 受付日 2024-04-10.
    expectExactly(runCase({ 生年月日: '2024-05-01', 年代: '10歳未満' }), [onCase(2, 'birthDate', '生年月日', 'date_order')]);
  });

  it.each([
    ['プラン作成日', 'planOn', {}],
    ['終結日', 'closedOn', { 状態: '終結', 終結理由: '目標を達成' }],
  ] as const)('reports %s before 受付日', (header, field, more) => {
    expectExactly(runCase({ ...more, [header]: '2024-04-09' }), [onCase(2, field, header, 'date_order')]);
  });

  it('accepts the same day, and a person born on 受付日', () => {
    expect(runCase({ プラン作成日: '2024-04-10' }).problems).toEqual([]);
    expect(runCase({ 状態: '終結', 終結日: '2024-04-10', 終結理由: '他機関へ引き継ぎ' }).problems).toEqual([]);
    // Age 0 → 10歳未満, which replaces the 年代 typed in.
    expect(runCase({ 生年月日: '2024-04-10' }).problems).toEqual([]);
  });
});

describe('age_out_of_range', () => {
  it('reports an age over 120 at 受付日', () => {
    // 1903-04-10 → 2024-04-10 is exactly 121 years.
    expectExactly(runCase({ 生年月日: '1903-04-10' }), [onCase(2, 'birthDate', '生年月日', 'age_out_of_range')]);
  });

  it.each([
    ['exactly 120', '1904-04-10'],
    ['exactly 120, in 明治', '明治37年4月10日'],
    ['one day short of 121', '1903-04-11'],
  ])('accepts %s', (_label, birth) => {
    expect(runCase({ 生年月日: birth }).problems).toEqual([]);
  });
});

describe('consent_required_for_plan', () => {
  const noConsent = { 同意取得日: '', 次回会議種別: '支援会議' };
  it.each([['なし'], ['確認中']])('reports プラン作成日 when 本人同意 is %s', (consent) => {
    expectExactly(runCase({ ...noConsent, 本人同意: consent }), [onCase(2, 'planOn', 'プラン作成日', 'consent_required_for_plan')]);
  });

  it('accepts no プラン作成日 without consent', () => {
    expect(runCase({ ...noConsent, 本人同意: 'なし', プラン作成日: '' }).problems).toEqual([]);
  });
});

describe('consent_required_for_meeting', () => {
  const noConsent = { 本人同意: 'なし', 同意取得日: '', プラン作成日: '' };

  it('reports 重層的支援会議 without consent', () => {
    expectExactly(runCase(noConsent), [onCase(2, 'nextMeetingType', '次回会議種別', 'consent_required_for_meeting')]);
  });

  it('accepts 支援会議 and 重層的相談支援連絡会議 without consent', () => {
    expect(runCase({ ...noConsent, 次回会議種別: '支援会議' }).problems).toEqual([]);
    expect(runCase({ ...noConsent, 本人同意: '確認中', 次回会議種別: '重層的相談支援連絡会議' }).problems).toEqual([]);
  });

  describe('with meeting types renamed by the town', () => {
    const settings = readSettings({
      header: ['会議種別', '本人同意'],
      rows: [['支援会議', '不要'], ['まるごと会議', '必要']],
    }).settings;

    it('reports まるごと会議 (本人同意 必要) without consent', () => {
      expectExactly(runCase({ ...noConsent, 次回会議種別: 'まるごと会議' }, { settings }), [
        onCase(2, 'nextMeetingType', '次回会議種別', 'consent_required_for_meeting'),
      ]);
    });

    it('accepts まるごと会議 with consent, and 支援会議 without', () => {
      expect(runCase({ 次回会議種別: 'まるごと会議' }, { settings }).problems).toEqual([]);
      expect(runCase({ ...noConsent, 次回会議種別: '支援会議' }, { settings }).problems).toEqual([]);
    });
  });
});

describe('meeting_incomplete', () => {
  it('reports the empty 次回会議予定日 when only 次回会議種別 is set', () => {
    expectExactly(runCase({ 次回会議予定日: '' }), [onCase(2, 'nextMeetingOn', '次回会議予定日', 'meeting_incomplete')]);
  });

  it('reports the empty 次回会議種別 when only 次回会議予定日 is set', () => {
    expectExactly(runCase({ 次回会議種別: '' }), [onCase(2, 'nextMeetingType', '次回会議種別', 'meeting_incomplete')]);
  });

  it('accepts both empty', () => {
    expect(runCase({ 次回会議種別: '', 次回会議予定日: '' }).problems).toEqual([]);
  });
});

describe('closing_required', () => {
  it.each([['終結'], ['つなぎもどし'], ['中断']])('reports empty 終結日 and 終結理由 when 状態 is %s', (status) => {
    expectExactly(runCase({ 状態: status }), [
      onCase(2, 'closedOn', '終結日', 'closing_required'),
      onCase(2, 'closingNote', '終結理由', 'closing_required'),
    ]);
  });

  it('reports only the one that is empty', () => {
    expectExactly(runCase({ 状態: '終結', 終結日: '2024-09-30' }), [onCase(2, 'closingNote', '終結理由', 'closing_required')]);
    expectExactly(runCase({ 状態: '中断', 終結理由: '転居' }), [onCase(2, 'closedOn', '終結日', 'closing_required')]);
  });

  it('accepts a closed case with both, and 終結検討 with neither', () => {
    expect(runCase({ 状態: '終結', 終結日: '令和6年9月30日', 終結理由: '目標を達成' }).problems).toEqual([]);
    expect(runCase({ 状態: '終結検討' }).problems).toEqual([]);
  });
});

describe('duplicate_case_id', () => {
  it('reports both rows, and each message names both rows', () => {
    const result = run({ cases: cases(caseRow(), caseRow({ ...OTHER_CASE, ケースID: '2024-0001' })) });
    expectExactly(result, [onCase(2, 'caseId', 'ケースID', 'duplicate_case_id'), onCase(3, 'caseId', 'ケースID', 'duplicate_case_id')]);
    for (const p of result.problems) {
      expect(p.message).toContain('2行目');
      expect(p.message).toContain('3行目');
    }
  });

  it('compares IDs once normalised (full-width digits)', () => {
    const result = run({ cases: cases(caseRow(), caseRow({ ...OTHER_CASE, ケースID: '２０２４－０００１' })) });
    expectExactly(result, [onCase(2, 'caseId', 'ケースID', 'duplicate_case_id'), onCase(3, 'caseId', 'ケースID', 'duplicate_case_id')]);
  });

  it('does not treat two blank IDs as duplicates', () => {
    expect(run({ cases: cases(caseRow({ ケースID: '' }), caseRow({ ...OTHER_CASE, ケースID: '' })) }).problems).toEqual([]);
  });
});

describe('possible_duplicate', () => {
  it('reports both rows when normalised kana and 生年月日 match; each message names the other case', () => {
    const result = run({
      cases: cases(
        caseRow(),
        caseRow({ ...OTHER_CASE, 本人氏名: '山田 太郎', 本人氏名カナ: 'やまだ　たろう', 生年月日: 'S25.6.1', 年代: '70代', 性別: '男性' }),
      ),
    });
    expectExactly(result, [
      onCase(2, 'personKana', '本人氏名カナ', 'possible_duplicate', 'warning'),
      onCase(3, 'personKana', '本人氏名カナ', 'possible_duplicate', 'warning'),
    ]);
    const [first, second] = [result.problems.find((p) => p.row === 2)!, result.problems.find((p) => p.row === 3)!];
    expect(first.message).toContain('2024-0002');
    expect(second.message).toContain('2024-0001');
  });

  it('matches half-width kana too', () => {
    const result = run({ cases: cases(caseRow(), caseRow({ ...OTHER_CASE, 本人氏名カナ: 'ﾔﾏﾀﾞ ﾀﾛｳ', 生年月日: '1950-06-01', 年代: '70代' })) });
    expect(withCode(result, 'possible_duplicate').map((p) => p.row).sort()).toEqual([2, 3]);
  });

  it('does not report the same kana with another 生年月日', () => {
    expect(run({ cases: cases(caseRow(), caseRow({ ...OTHER_CASE, 本人氏名カナ: 'ヤマダ タロウ', 生年月日: '1950-06-02', 年代: '70代' })) }).problems).toEqual([]);
  });

  it('leaves rows with the same ケースID to duplicate_case_id', () => {
    const result = run({ cases: cases(caseRow(), caseRow()) });
    expect(withCode(result, 'possible_duplicate')).toEqual([]);
    expect(withCode(result, 'duplicate_case_id')).toHaveLength(2);
  });
});

describe('many rows sharing one person key or one ケースID (placeholders such as フメイ / 1900-01-01)', () => {
  const placeholderRows = (k: number, sameId = false): Table => cases(...Array.from({ length: k }, (_, i) => caseRow({
    ケースID: sameId ? '2024-0001' : `2024-${String(i + 1).padStart(4, '0')}`, 本人氏名: `不明 ${i + 1}`, 本人氏名カナ: 'フメイ', 生年月日: '1900-01-01', 年代: '',
  })));

  it.each([2, 5, 40, 400])('gives one possible_duplicate per row for %i rows, naming at most 3 others and how many more', (k) => {
    const found = withCode(run({ cases: placeholderRows(k) }), 'possible_duplicate');
    expect(found.map((p) => p.row)).toEqual(Array.from({ length: k }, (_, i) => i + 2));
    for (const p of found) {
      const named = [...p.message.replace(/^[^：]*：/, '').matchAll(/(\d+)行目のケース/g)].map((m) => Number(m[1]));
      expect(named).toHaveLength(Math.min(3, k - 1));
      expect(named).not.toContain(p.row);
      if (k - 1 > 3) expect(p.message).toContain(`ほか${k - 1 - 3}件と本人氏名カナ・生年月日が同じです`);
      else expect(p.message).not.toContain('ほか');
    }
  });

  it.each([2, 5, 400])('gives one duplicate_case_id per row for %i rows with one ケースID, naming the row and at most 3 others', (k) => {
    const found = withCode(run({ cases: placeholderRows(k, true) }), 'duplicate_case_id');
    expect(found).toHaveLength(k);
    for (const p of found) {
      const named = [...p.message.replace(/^[^：]*：/, '').matchAll(/(\d+)行目/g)].map((m) => Number(m[1]));
      expect(named).toContain(p.row);
      expect(named).toHaveLength(Math.min(4, k));
      if (k > 4) expect(p.message).toContain(`ほか${k - 4}行で重複しています`);
    }
    expect(withCode(run({ cases: placeholderRows(k, true) }), 'possible_duplicate')).toEqual([]);
  });

  it('keeps the messages short: 800 shared rows give 800 problems, not 639,200', () => {
    const result = run({ cases: placeholderRows(800) });
    const found = withCode(result, 'possible_duplicate');
    expect(found).toHaveLength(800);
    expect(Math.max(...found.map((p) => p.message.length))).toBeLessThan(200);
  });
});

describe('consent_date_missing', () => {
  it('warns when 本人同意 is あり and 同意取得日 is empty', () => {
    expectExactly(runCase({ 同意取得日: '' }), [onCase(2, 'consentOn', '同意取得日', 'consent_date_missing', 'warning')]);
  });

  it('does not warn when 本人同意 is not あり', () => {
    expect(runCase({ 本人同意: '確認中', 同意取得日: '', プラン作成日: '', 次回会議種別: '支援会議' }).problems).toEqual([]);
  });
});

describe('closed_date_on_open_case', () => {
  it.each([['支援中'], ['終結検討'], ['受付']])('warns about 終結日 on a case in %s', (status) => {
    expectExactly(runCase({ 状態: status, 終結日: '2024-09-30' }), [onCase(2, 'closedOn', '終結日', 'closed_date_on_open_case', 'warning')]);
  });

  it('does not warn on a closed case', () => {
    expect(runCase({ 状態: 'つなぎもどし', 終結日: '2024-09-30', 終結理由: '包括へ戻した' }).problems).toEqual([]);
  });
});

describe('monitoring_overdue', () => {
  it('warns about an open case whose 次回モニタリング日 is before today', () => {
    expectExactly(runCase({ 次回モニタリング日: '2024-10-14' }), [
      onCase(2, 'nextMonitoringOn', '次回モニタリング日', 'monitoring_overdue', 'warning'),
    ]);
  });

  it('is relative to the injected today', () => {
    expect(runCase({ 次回モニタリング日: '2024-10-14' }, { today: '2024-10-14' }).problems).toEqual([]);
  });

  it('does not warn on today itself, or on a closed case', () => {
    expect(runCase({ 次回モニタリング日: '2024-10-15' }).problems).toEqual([]);
    expect(runCase({ 次回モニタリング日: '2024-06-01', 状態: '終結', 終結日: '2024-09-30', 終結理由: '目標を達成' }).problems).toEqual([]);
  });
});

describe('invalid_format (ケースID, 開始時刻, 訪問人数)', () => {
  it.each([['R6-1'], ['2024-001'], ['2024-00001'], ['ケース1']])('reports ケースID %j', (id) => {
    expectExactly(runCase({ ケースID: id }), [onCase(2, 'caseId', 'ケースID', 'invalid_format')]);
  });

  it.each([['２０２４－０００１'], [' 2024-0001 '], ['']])('accepts ケースID %j', (id) => {
    expect(runCase({ ケースID: id }).problems).toEqual([]);
  });

  const meetingProblem = { sheet: '会議記録', row: 2, field: 'startTime', column: '開始時刻', severity: 'error', code: 'invalid_format' } as const;
  it.each([['25:00'], ['2時'], ['14:60'], ['1400']])('reports 開始時刻 %j on 会議記録', (time) => {
    expectExactly(run({ meetings: meetings({ 開始時刻: time }) }), [meetingProblem]);
  });

  it.each([['9:30'], ['09:30'], ['１４：００'], ['']])('accepts 開始時刻 %j', (time) => {
    expect(run({ meetings: meetings({ 開始時刻: time }) }).problems).toEqual([]);
  });

  const visitorsProblem = { sheet: '支援記録', row: 2, field: 'visitors', column: '訪問人数', severity: 'error', code: 'invalid_format' } as const;
  it.each<[Cell]>([['0'], ['1.5'], ['二人'], [-1], [0]])('reports 訪問人数 %j on 支援記録', (visitors) => {
    expectExactly(run({ activities: activities({ 訪問人数: visitors }) }), [visitorsProblem]);
  });

  it.each<[Cell]>([['1'], ['２'], [3], [' 2 ']])('accepts 訪問人数 %j', (visitors) => {
    expect(run({ activities: activities({ 訪問人数: visitors }) }).problems).toEqual([]);
  });
});

describe('支援記録', () => {
  const onActivity = (field: string, column: string, code: string): Where =>
    ({ sheet: '支援記録', row: 2, field, column, severity: 'error', code });

  it('requires 訪問人数 for アウトリーチ', () => {
    expectExactly(run({ activities: activities({ 訪問人数: '' }) }), [onActivity('visitors', '訪問人数', 'required')]);
  });

  it.each([['参加支援'], ['同行支援'], ['その他']])('does not require 訪問人数 for %s', (type) => {
    expect(run({ activities: activities({ 種別: type, 訪問人数: '' }) }).problems).toEqual([]);
  });

  it('requires ケースID or 対象, 実施日 and 種別', () => {
    const result = run({ activities: activities({ ケースID: '', 実施日: '', 種別: '' }) });
    expectExactly(result, [
      onActivity('subject', '対象', 'required'),
      onActivity('activityOn', '実施日', 'required'),
      onActivity('activityType', '種別', 'required'),
    ]);
    expect(result.problems[0]!.message).toContain('氏名ではなく');
  });

  it('takes outreach to someone not yet a case under a 対象 without ケースID, and keeps 対象 once the record is linked', () => {
    expect(run({ activities: activities({ ケースID: '', 対象: '北地区の高齢男性（仮称A）' }) }).problems).toEqual([]);
    expect(run({ activities: activities({ 対象: '北地区の高齢男性（仮称A）' }) }).problems).toEqual([]);
  });

  it.each([['参加支援', ''], ['同行支援', '2024-0001'], ['その他', '']])('refuses a 対象 on a %s record (ケースID 「%s」)', (type, id) => {
    const result = run({ activities: activities({ 種別: type, ケースID: id, 対象: '北地区の方', 訪問人数: '' }) });
    expectExactly(result, [onActivity('subject', '対象', 'subject_outreach_only')]);
    expect(result.problems[0]!.message).toContain(`種別が「${type}」の記録は、ケースIDで記録してください`);
  });

  it('asks for the 対象 column only when a row has no ケースID (a tab made before the column existed)', () => {
    const without = (table: Table): Table => {
      const at = table.header.indexOf('対象');
      return { header: table.header.filter((_, i) => i !== at), rows: table.rows.map((r) => r.filter((_, i) => i !== at)) };
    };
    expect(run({ activities: without(activities({})) }).problems).toEqual([]);
    expectExactly(run({ activities: without(activities({}, { ケースID: '' })) }), [{ ...onActivity('subject', '対象', 'required'), row: 1 }]);
  });

  it('reports unknown_case for a ケースID that is not in 共通シート', () => {
    const result = run({ activities: activities({ ケースID: '2024-0099' }) });
    expectExactly(result, [onActivity('caseId', 'ケースID', 'unknown_case')]);
    expect(result.problems[0]!.message).toContain('2024-0099');
  });

  it('finds a case in 共通シート by its normalised ID', () => {
    expect(run({ activities: activities({ ケースID: '２０２４－０００１' }) }).problems).toEqual([]);
    expect(run({ cases: cases(caseRow({ ケースID: '２０２４－０００１' })), activities: activities({}) }).problems).toEqual([]);
  });

  it('reports an unknown 種別', () => {
    expectExactly(run({ activities: activities({ 種別: '訪問' }) }), [onActivity('activityType', '種別', 'unknown_value')]);
  });

  it('numbers rows as the sheet does, skipping nothing for blank rows', () => {
    const table = activities({}, {}, { ケースID: '2024-0050' });
    const rows = [table.rows[0]!, ACTIVITY_HEADERS.map(() => ''), table.rows[2]!];
    const result = run({ activities: { header: table.header, rows } });
    expectExactly(result, [{ ...onActivity('caseId', 'ケースID', 'unknown_case'), row: 4 }]);
  });
});

describe('rows and columns', () => {
  it('ignores blank rows and keeps the sheet row numbers of the rows after them', () => {
    const blank = CASE_HEADERS.map(() => '');
    const spaces = CASE_HEADERS.map(() => ' 　');
    const result = run({ cases: cases(caseRow(), blank, spaces, caseRow({ ...OTHER_CASE, 性別: '女' })) });
    expectExactly(result, [onCase(5, 'sex', '性別', 'unknown_value')]);
  });

  it('finds columns by header text, whatever their order', () => {
    const order = [...CASE_HEADERS].reverse();
    const table: Table = { header: order, rows: [order.map((h) => (h === '性別' ? '男' : VALID_CASE[h]))] };
    const result = run({ cases: table });
    expectExactly(result, [onCase(2, 'sex', '性別', 'unknown_value')]);
    // 性別 is the 10th of 31 columns, so the 22nd (V) once reversed.
    expect(result.problems[0]!.columnLetter).toBe('V');
    expect(result.problems[0]!.message).toContain('V列');
  });

  it('reports a missing required column once, on row 1, not on every row', () => {
    const headers = CASE_HEADERS.filter((h) => h !== '受付日');
    const row = (over: CaseOverrides) => headers.map((h) => over[h] ?? VALID_CASE[h]);
    const result = run({ cases: { header: headers, rows: [row({}), row(OTHER_CASE), row({ ...OTHER_CASE, ケースID: '2024-0003', 本人氏名カナ: 'サトウ ハナコ' })] } });
    expectExactly(result, [onCase(1, 'receivedOn', '受付日', 'required')]);
    expect(result.problems[0]!.message).toContain('受付日');
  });

  it('reports a missing 訪問人数 column once, on row 1, when アウトリーチ rows need it', () => {
    const headers = ACTIVITY_HEADERS.filter((h) => h !== '訪問人数');
    const row = (over: Partial<Record<ActivityHeader, Cell>>) => headers.map((h) => over[h] ?? VALID_ACTIVITY[h]);
    const result = run({ activities: { header: headers, rows: [row({}), row({ 実施日: '2024-05-11' }), row({ 種別: '参加支援' })] } });
    expectExactly(result, [{ sheet: '支援記録', row: 1, field: 'visitors', column: '訪問人数', severity: 'error', code: 'required' }]);
    expect(run({ activities: { header: headers, rows: [row({ 種別: '参加支援' })] } }).problems).toEqual([]);
  });

  it('reports missing 終結日 and 終結理由 columns once, on row 1, when closed cases need them', () => {
    const headers = CASE_HEADERS.filter((h) => h !== '終結日' && h !== '終結理由');
    const row = (over: CaseOverrides) => headers.map((h) => over[h] ?? VALID_CASE[h]);
    const closed = row({ 状態: '終結' });
    const stopped = row({ ...OTHER_CASE, 状態: '中断' });
    expectExactly(run({ cases: { header: headers, rows: [closed, stopped, row({ ...OTHER_CASE, ケースID: '2024-0003', 本人氏名カナ: 'サトウ ハナコ' })] } }), [
      onCase(1, 'closedOn', '終結日', 'closing_required'),
      onCase(1, 'closingNote', '終結理由', 'closing_required'),
    ]);
    expect(run({ cases: { header: headers, rows: [row({})] } }).problems).toEqual([]);
  });

  it('reports nothing for a missing optional column', () => {
    const headers = CASE_HEADERS.filter((h) => h !== '備考' && h !== '圏域' && h !== '最終更新');
    const result = run({ cases: { header: headers, rows: [headers.map((h) => VALID_CASE[h])] } });
    expect(result.problems).toEqual([]);
  });
});

describe('counts', () => {
  it('counts errors and warnings over every tab', () => {
    const result = run({
      cases: cases(
        caseRow({ 性別: '男', 同意取得日: '' }), // unknown_value (error), consent_date_missing (warning)
        caseRow({ ...OTHER_CASE, 次回モニタリング日: '2024-10-01', 状態: '' }), // monitoring_overdue (warning), required (error)
      ),
      activities: activities({ ケースID: '2024-0777' }), // unknown_case (error)
    });
    expectExactly(result, [
      onCase(2, 'sex', '性別', 'unknown_value'),
      onCase(2, 'consentOn', '同意取得日', 'consent_date_missing', 'warning'),
      onCase(3, 'status', '状態', 'required'),
      onCase(3, 'nextMonitoringOn', '次回モニタリング日', 'monitoring_overdue', 'warning'),
      { sheet: '支援記録', row: 2, field: 'caseId', column: 'ケースID', severity: 'error', code: 'unknown_case' },
    ]);
    expect(result.counts).toEqual({ error: 3, warning: 2 });
  });
});

describe('reading only', () => {
  it('never changes the tables or the settings it is given', () => {
    const input = {
      cases: cases(
        caseRow({ 受付日: '令和６年４月１０日', 本人氏名カナ: 'やまだ　たろう', 課題領域: '介護,収入・仕事／介護', つなぎ元分野: '', 年代: '', ケースID: '' }),
        caseRow({ ...OTHER_CASE, 生年月日: dateCell('1980-01-15'), 性別: '女', 終結日: '2024/9/1' }),
        CASE_HEADERS.map(() => ''),
      ),
      activities: activities({ 訪問人数: '２' }, { ケースID: '2024-0999', 訪問人数: '' }),
      meetings: meetings({ 開始時刻: '9:30', 出席機関: '社会福祉協議会,地域包括支援センター' }),
      settings: readSettings({ header: ['圏域'], rows: [['南部']] }).settings,
      today: TODAY,
    };
    const before = structuredClone(input);
    const result = validateWorkbook(input);
    expect(result.problems.length).toBeGreaterThan(0);
    expect(input).toEqual(before);
  });
});

describe('name_not_split', () => {
  it('warns on 本人氏名 when neither it nor its カナ separates 姓 and 名', () => {
    expectExactly(runCase({ 本人氏名: '山田太郎', 本人氏名カナ: 'ヤマダタロウ' }), [onCase(2, 'personName', '本人氏名', 'name_not_split', 'warning')]);
    expectExactly(runCase({ 本人氏名: '山田太郎', 本人氏名カナ: '' }), [onCase(2, 'personName', '本人氏名', 'name_not_split', 'warning')]);
    expect(withCode(runCase({ 本人氏名: '山田太郎', 本人氏名カナ: 'ヤマダタロウ' }), 'name_not_split')[0]!.message).toContain('空白');
  });

  it('is quiet when either has the space, or the name has one character', () => {
    for (const [name, kana] of [['山田 太郎', 'ヤマダタロウ'], ['山田\u3000太郎', ''], ['山田太郎', 'ヤマダ タロウ'], ['森', 'モリ']]) {
      expect(withCode(runCase({ 本人氏名: name, 本人氏名カナ: kana }), 'name_not_split')).toEqual([]);
    }
  });
});

describe('name_has_extra_text', () => {
  it.each([
    ['山田太郎 (72)', 'ヤマダ タロウ', 'personName', '本人氏名'],
    ['小林 次郎（こばやし じろう）', '', 'personName', '本人氏名'],
    ['山田 太郎 72歳', 'ヤマダ タロウ', 'personName', '本人氏名'],
    ['山田 太郎', 'ヤマダ タロウ（72）', 'personKana', '本人氏名カナ'],
  ])('warns on %s / %s, naming the row and the column', (name, kana, field, column) => {
    const result = runCase({ 本人氏名: name, 本人氏名カナ: kana });
    expect(withCode(result, 'name_has_extra_text').map(where)).toEqual([onCase(2, field, column, 'name_has_extra_text', 'warning')]);
    expect(withCode(result, 'name_has_extra_text')[0]!.message).toContain('氏名だけを入力してください');
    withCode(result, 'name_has_extra_text').forEach(expectReadableMessage);
  });

  it('is quiet on a name alone, with or without the space', () => {
    for (const [name, kana] of [['山田 太郎', 'ヤマダ タロウ'], ['山田\u3000太郎', ''], ['Smith John', 'スミス ジョン'], ['森', 'モリ']]) {
      expect(withCode(runCase({ 本人氏名: name, 本人氏名カナ: kana }), 'name_has_extra_text')).toEqual([]);
    }
  });
});

describe('target_names_person', () => {
  const onSubject = { sheet: '支援記録', row: 2, field: 'subject', column: '対象', severity: 'warning', code: 'target_names_person' } as const;
  const outreach = (subject: string) => activities({ ケースID: '', 対象: subject });

  it.each([['佐藤トメ'], ['佐藤 トメ'], ['佐藤さん'], ['北地区の高橋様'], ['山田'], ['やまだたろう'], ['ヤマダ'], ['タロウさんの母']])('warns on a 対象 that names a person: %s', (subject) => {
    const result = run({ activities: outreach(subject) });
    expectExactly(result, [onSubject]);
    expect(result.problems[0]!.message).toContain('本人と分からない呼び名');
  });

  it.each([['北地区の高齢男性（仮称A）'], ['本町の80代女性'], ['ひきこもりの50代男性'], ['駅前アパートの方']])('is quiet on a label that names no one: %s', (subject) => {
    expect(run({ activities: outreach(subject) }).problems).toEqual([]);
  });
});

describe('本人同意 of a meeting type in 設定', () => {
  const settingsTable = (consent: string[]): Table => ({
    header: ['会議種別', '本人同意', '根拠'],
    rows: consent.map((c, i) => [['支援会議', '重層的支援会議', 'まるごと会議', '連絡会'][i]!, c, '']),
  });

  it('reports every value other than 必要 and 不要 on its 設定 row, blank included', () => {
    const table = settingsTable(['不要', '必要', '', '要']);
    const result = validateWorkbook({ cases: cases(caseRow()), activities: null, meetings: null, settings: readSettings(table).settings, settingsTable: table, today: TODAY });
    expectExactly(result, [
      { sheet: '設定', row: 4, field: 'meetingConsent', column: '本人同意', severity: 'error', code: 'unknown_value' },
      { sheet: '設定', row: 5, field: 'meetingConsent', column: '本人同意', severity: 'error', code: 'unknown_value' },
    ]);
    expect(result.problems[0]!.message).toContain('B列');
    expect(result.problems[0]!.message).toContain('本人同意が必要な会議として扱います');
  });

  it('counts a blank or unknown value as 必要: only the exact 不要 opens a meeting to cases without consent', () => {
    const { meetingTypes } = readSettings(settingsTable(['不要', '', '要', '必須'])).settings;
    expect(meetingTypes.map((m) => [m.name, m.consentRequired])).toEqual([
      ['支援会議', false], ['重層的支援会議', true], ['まるごと会議', true], ['連絡会', true],
    ]);
    const noConsent = runCase({ 本人同意: 'なし', 同意取得日: '', プラン作成日: '', 次回会議種別: 'まるごと会議' }, { settings: readSettings(settingsTable(['不要', '必要', ''])).settings });
    expect(withCode(noConsent, 'consent_required_for_meeting')).toHaveLength(1);
  });

  it('says once, on the header row, when the 本人同意 column is missing', () => {
    const table: Table = { header: ['会議種別'], rows: [['支援会議'], ['まるごと会議']] };
    const result = validateWorkbook({ cases: cases(caseRow()), activities: null, meetings: null, settings: readSettings(table).settings, settingsTable: table, today: TODAY });
    const onSettings = result.problems.filter((p) => p.sheet === '設定');
    expect(onSettings.map((p) => [p.row, p.column, p.code])).toEqual([[1, '本人同意', 'unknown_value']]);
    expect(onSettings[0]!.columnLetter).toBe('');
    expect(readSettings(table).settings.meetingTypes.every((m) => m.consentRequired)).toBe(true);
  });
});
