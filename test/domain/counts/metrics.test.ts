// The counts engine on a hand-built year. Every expected number below was
// worked out by hand from the rows (the comments say which rows), never by
// the code under test.
import { dateCell, type Cell } from '../../../src/domain/cell';
import { countFiscalYear, type CountsResult } from '../../../src/domain/counts/metrics';
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, type FieldDef } from '../../../src/domain/fields';
import { DEFAULT_SETTINGS, type Settings } from '../../../src/domain/settings';
import type { Table } from '../../../src/domain/table';

type Row = Partial<Record<string, Cell>>;

/** A tab with the standard headers; each record becomes a row in field order (row 2 onwards). */
function table(fields: readonly FieldDef[], records: readonly Row[], leaveOut: readonly string[] = []): Table {
  const kept = fields.filter((f) => !leaveOut.includes(f.key));
  return { header: kept.map((f) => f.header), rows: records.map((r) => kept.map((f) => r[f.key] ?? '')) };
}

const d = (iso: string): Cell => dateCell(iso);
const zeros = (): number[] => new Array<number>(12).fill(0);
/** A monthly array from {monthIndex: value}; 0 = April … 11 = March. */
const months = (values: Record<number, number>): number[] => zeros().map((_, i) => values[i] ?? 0);

// Row numbers on the sheet are given for each record.
const CASES: Row[] = [
  /* 2  C1 */ { caseId: '2023-0001', receivedOn: d('2024-03-31'), referrerField: '高齢', status: '支援中', consentOn: d('2024-04-01'), planOn: d('2024-04-15') },
  /* 3  C2 */ { caseId: '2024-0001', receivedOn: '令和6年4月1日', referrerField: '障害', status: '終結', closedOn: d('2024-06-30'), consentOn: d('2024-04-02'), planOn: '2024/4/20' },
  /* 4  C3 */ { caseId: '2024-0008', receivedOn: d('2025-03-31'), referrerField: '子ども', status: '受付' },
  /* 5  C4 */ { caseId: '2025-0001', receivedOn: d('2025-04-01'), referrerField: '困窮', status: '受付' },
  /* 6  C5 */ { caseId: '2024-0002', receivedOn: '2024/5/10', referrerField: 'その他', status: 'つなぎもどし', closedOn: d('2024-05-20'), consentOn: d('2025-03-31') },
  /* 7  C6 */ { caseId: '2023-0002', receivedOn: '2024-02-29', referrerField: '高齢', status: '中断', closedOn: d('2024-04-01') },
  /* 8  C7 */ { caseId: '2024-0009', receivedOn: '令和6年13月1日', referrerField: '高齢', status: '支援中' },
  /* 9  C8 */ { caseId: '2024-0010', referrerField: '子ども', status: '受付' },
  /* 10 C9 */ { caseId: '2024-0003', receivedOn: d('2024-07-07'), status: '支援中', consentOn: 'きのう' },
  /* 11 C10 */ { caseId: '2024-0004', receivedOn: d('2024-08-20'), referrerField: '高齢', status: '支援中', closedOn: '2024/13/01' },
  /* 12 C11 */ { caseId: '2024-0005', receivedOn: d('2024-09-01'), referrerField: '困窮', status: '終結' },
  /* 13 C12 */ { caseId: '2024-0006', receivedOn: d('2024-10-10'), referrerField: '子ども', status: '支援中', closedOn: d('2024-12-05'), planOn: '令和6年10月31日' },
  /* 14 blank */ {},
  /* 15 C14 */ { caseId: '2024-0007', receivedOn: d('2024-11-30'), referrerField: '高齢', status: '終結', closedOn: d('2025-04-10'), consentOn: d('2025-04-01') },
  /* 16 C15 */ { caseId: '2023-0003', receivedOn: d('2023-06-01'), referrerField: '障害', status: '終結', closedOn: d('2024-04-30') },
];

const ACTIVITIES: Row[] = [
  /* 2  */ { caseId: '2023-0001', activityOn: d('2024-04-01'), activityType: 'アウトリーチ', visitors: 2 },
  /* 3  */ { caseId: '2023-0001', activityOn: d('2024-04-15'), activityType: 'アウトリーチ', visitors: 1 },
  /* 4  */ { caseId: '2024-0001', activityOn: d('2024-04-20'), activityType: 'アウトリーチ', visitors: 3 },
  /* 5  */ { caseId: '2023-0001', activityOn: d('2024-05-03'), activityType: 'アウトリーチ', visitors: 2 },
  /* 6  */ { caseId: '2023-0001', activityOn: d('2025-03-31'), activityType: 'アウトリーチ', visitors: '２' },
  /* 7  */ { caseId: '2024-0008', activityOn: d('2025-04-01'), activityType: 'アウトリーチ', visitors: 1 },
  /* 8  */ { caseId: '2024-0003', activityOn: d('2024-03-31'), activityType: 'アウトリーチ', visitors: 1 },
  /* 9  */ { caseId: '2024-0003', activityOn: d('2024-07-10'), activityType: 'アウトリーチ' },
  /* 10 */ { activityOn: d('2024-07-11'), activityType: 'アウトリーチ', visitors: 1 },
  /* 11 */ { caseId: '2024-0001', activityOn: d('2024-05-05'), activityType: '参加支援' },
  /* 12 */ { caseId: '2024-0001', activityOn: d('2024-05-25'), activityType: '参加支援' },
  /* 13 */ { caseId: '2023-0001', activityOn: d('2024-06-01'), activityType: '参加支援' },
  /* 14 */ { caseId: '2023-0001', activityOn: 'あした', activityType: '参加支援' },
  /* 15 */ { caseId: '2023-0001', activityOn: d('2024-06-02'), activityType: '同行支援' },
  /* 16 */ { caseId: '2023-0001', activityType: 'その他' },
  /* 17 */ { caseId: '2024-0001', activityOn: d('2024-12-01'), activityType: '参加支援' },
];

const MEETINGS: Row[] = [
  /* 2  */ { meetingType: '支援会議', heldOn: d('2024-04-09'), meetingStatus: '開催済', caseIds: '2023-0001、2024-0001' },
  /* 3  */ { meetingType: '支援会議', heldOn: d('2024-05-14'), meetingStatus: '中止', caseIds: '2024-0001' },
  /* 4  */ { meetingType: '支援会議', heldOn: d('2024-06-11'), meetingStatus: '予定', caseIds: '2024-0001、2024-0002' },
  /* 5  */ { meetingType: '重層的支援会議', heldOn: d('2024-04-25'), meetingStatus: '開催済', caseIds: '2023-0001' },
  /* 6  */ { meetingType: '重層的支援会議', heldOn: d('2025-03-27'), meetingStatus: '開催済', caseIds: '2023-0001、2024-0001、2024-0008' },
  /* 7  */ { meetingType: '支援会議', heldOn: d('2025-04-08'), meetingStatus: '開催済', caseIds: '2024-0001' },
  /* 8  */ { meetingType: '支援会議', heldOn: '令和6年9月10日', meetingStatus: '開催済', caseIds: '2024-0003,2024-0005' },
  /* 9  */ { meetingType: '支援会議', meetingStatus: '開催済', caseIds: '2024-0003' },
  /* 10 */ { meetingType: '包括的支援会議', heldOn: d('2024-10-08'), meetingStatus: '開催済', caseIds: '2024-0003' },
  /* 11 */ { meetingType: '重層的支援会議', heldOn: d('2024-07-25'), meetingStatus: '開催済' },
  /* 12 */ { meetingType: '支援会議', heldOn: d('2024-09-10'), meetingStatus: '開催済', caseIds: '2024-0003、2024-0003' },
];

function count(fiscalYear: number, parts: { cases?: Row[]; activities?: Row[] | null; meetings?: Row[] | null; settings?: Settings } = {}): CountsResult {
  return countFiscalYear({
    cases: table(CASE_FIELDS, parts.cases ?? CASES),
    activities: parts.activities === null ? null : table(ACTIVITY_FIELDS, parts.activities ?? ACTIVITIES),
    meetings: parts.meetings === null ? null : table(MEETING_FIELDS, parts.meetings ?? MEETINGS),
    settings: parts.settings ?? DEFAULT_SETTINGS,
    fiscalYear,
    today: '2025-06-01',
  });
}

describe('countFiscalYear on a hand-built year (2024年度)', () => {
  const result = count(2024);
  const metric = (key: string) => result.metrics[key];

  it('names the twelve months April to March', () => {
    expect(result.fiscalYear).toBe(2024);
    expect(result.months).toEqual(['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
  });

  it('counts new cases by 受付日, 4月1日 in and 3月31日 of the year before out, 3月31日 in and 4月1日 after out', () => {
    // C2 Apr (令和6年4月1日), C5 May, C9 Jul, C10 Aug, C11 Sep, C12 Oct, C14 Nov, C3 Mar (2025-03-31);
    // C1 (2024-03-31), C4 (2025-04-01), C6 (2024-02-29), C15 (2023) are other years; C7, C8 unreadable/blank.
    expect(metric('newCases')).toEqual({ monthly: months({ 0: 1, 1: 1, 3: 1, 4: 1, 5: 1, 6: 1, 7: 1, 11: 1 }), total: 8 });
    expect(metric('newCases.高齢')).toEqual({ monthly: months({ 4: 1, 7: 1 }), total: 2 }); // C10, C14
    expect(metric('newCases.障害')).toEqual({ monthly: months({ 0: 1 }), total: 1 }); // C2
    expect(metric('newCases.子ども')).toEqual({ monthly: months({ 6: 1, 11: 1 }), total: 2 }); // C12, C3
    expect(metric('newCases.困窮')).toEqual({ monthly: months({ 5: 1 }), total: 1 }); // C11
    expect(metric('newCases.その他')).toEqual({ monthly: months({ 1: 1 }), total: 1 }); // C5
  });

  it('counts consent and plans by their own dates', () => {
    // Consent: C1 2024-04-01, C2 2024-04-02, C5 2025-03-31; C9 unreadable; C14 2025-04-01 is next year.
    expect(metric('consentObtained')).toEqual({ monthly: months({ 0: 2, 11: 1 }), total: 3 });
    // Plans: C1 04-15, C2 2024/4/20, C12 令和6年10月31日.
    expect(metric('plansCreated')).toEqual({ monthly: months({ 0: 2, 6: 1 }), total: 3 });
  });

  it('counts closed cases by their current 状態 in the month of 終結日', () => {
    // 終結: C15 2024-04-30, C2 2024-06-30 (its last day); C11 has no 終結日; C14 closes next year.
    expect(metric('closed.終結')).toEqual({ monthly: months({ 0: 1, 2: 1 }), total: 2 });
    expect(metric('closed.つなぎもどし')).toEqual({ monthly: months({ 1: 1 }), total: 1 }); // C5
    expect(metric('closed.中断')).toEqual({ monthly: months({ 0: 1 }), total: 1 }); // C6, 2024-04-01
  });

  it('counts open cases at each month end by dates; a case is not open at the end of the month it closed; the total is March', () => {
    // Apr: C1 C2 | May: C1 C2 | Jun: C1 (C2 closed 06-30) | Jul, Aug: C1 C9 | Sep: + C11 | Oct: + C12 |
    // Nov: + C14 | Dec–Feb: C12 closed 12-05 | Mar: + C3. C6 closed 04-01 and C15 04-30: never open.
    // C10's 終結日 is unreadable, so it is left out; C11 (終結 without a date) stays open by the dates.
    expect(metric('openAtMonthEnd')).toEqual({ monthly: [2, 2, 1, 2, 2, 3, 4, 5, 4, 4, 4, 5], total: 5 });
  });

  it('counts 会議記録 rows 開催済 only, and the ケースID they list (延べ)', () => {
    // 支援会議: Apr row 2 (2 cases); Sep rows 8 (2, comma-separated) and 12 (the same ID twice is one).
    // Rows 3 (中止), 4 (予定), 7 (next year) are not counted; row 9 has no date.
    expect(metric('meetings.支援会議.held')).toEqual({ monthly: months({ 0: 1, 5: 2 }), total: 3 });
    expect(metric('meetings.支援会議.cases')).toEqual({ monthly: months({ 0: 2, 5: 3 }), total: 5 });
    // 重層的支援会議: Apr row 5 (1), Jul row 11 (none listed), Mar row 6 (3).
    expect(metric('meetings.重層的支援会議.held')).toEqual({ monthly: months({ 0: 1, 3: 1, 11: 1 }), total: 3 });
    expect(metric('meetings.重層的支援会議.cases')).toEqual({ monthly: months({ 0: 1, 11: 3 }), total: 4 });
    expect(metric('meetings.重層的相談支援連絡会議.held')).toEqual({ monthly: zeros(), total: 0 });
    expect(metric('meetings.重層的相談支援連絡会議.cases')).toEqual({ monthly: zeros(), total: 0 });
  });

  it('counts outreach: 延べ件数, 実人数 distinct by month and over the year (not the sum), 訪問人数', () => {
    // Apr rows 2 3 4 (C1 C1 C2), May row 5 (C1), Jul rows 9 (C9) and 10 (no ケースID), Mar row 6 (C1).
    expect(metric('outreach.count')).toEqual({ monthly: months({ 0: 3, 1: 1, 3: 2, 11: 1 }), total: 7 });
    // Months: {C1, C2}, {C1}, {C9}, {C1} → 2 1 1 1, summing to 5; over the year {C1, C2, C9} = 3.
    expect(metric('outreach.persons')).toEqual({ monthly: months({ 0: 2, 1: 1, 3: 1, 11: 1 }), total: 3 });
    // 2+1+3, 2, row 10's 1 (row 9 has none), ２ (full width) → 6 2 1 2.
    expect(metric('outreach.visitors')).toEqual({ monthly: months({ 0: 6, 1: 2, 3: 1, 11: 2 }), total: 11 });
  });

  it('counts participation support the same way; 同行支援 and その他 are not counted', () => {
    // May rows 11 12 (C2 twice), Jun row 13 (C1), Dec row 17 (C2).
    expect(metric('participation.count')).toEqual({ monthly: months({ 1: 2, 2: 1, 8: 1 }), total: 4 });
    expect(metric('participation.persons')).toEqual({ monthly: months({ 1: 1, 2: 1, 8: 1 }), total: 2 });
  });

  it('has exactly the metric keys of SPEC §9, in order', () => {
    const meetings = ['支援会議', '重層的支援会議', '重層的相談支援連絡会議'].flatMap((t) => [`meetings.${t}.held`, `meetings.${t}.cases`]);
    expect(Object.keys(result.metrics)).toEqual([
      'newCases', 'newCases.高齢', 'newCases.障害', 'newCases.子ども', 'newCases.困窮', 'newCases.その他',
      'consentObtained', 'plansCreated', 'closed.終結', 'closed.つなぎもどし', 'closed.中断', 'openAtMonthEnd',
      ...meetings, 'outreach.count', 'outreach.persons', 'outreach.visitors', 'participation.count', 'participation.persons',
    ]);
  });

  it('lists every row left out, with its reason, once per row and reason, in sheet order', () => {
    expect(result.skipped).toEqual([
      { sheet: '共通シート', row: 8, reason: '受付日が日付として読めないため、新規相談と月末の継続ケースに数えていません。' },
      { sheet: '共通シート', row: 9, reason: '受付日が空欄のため、新規相談と月末の継続ケースに数えていません。' },
      { sheet: '共通シート', row: 10, reason: 'つなぎ元分野が空欄か一覧にない値のため、分野別の新規相談に数えていません（新規相談には数えています）。' },
      { sheet: '共通シート', row: 10, reason: '同意取得日が日付として読めないため、本人同意の取得に数えていません。' },
      { sheet: '共通シート', row: 11, reason: '終結日が日付として読めないため、月末の継続ケースに数えていません。' },
      { sheet: '共通シート', row: 12, reason: '終結日が空欄のため、「終結」の件数に数えていません。' },
      { sheet: '支援記録', row: 9, reason: '訪問人数が空欄か1以上の整数でないため、アウトリーチの訪問人数に数えていません（延べ件数・実人数には数えています）。' },
      { sheet: '支援記録', row: 10, reason: 'ケースIDと対象が空欄のため、アウトリーチの実人数に数えていません（延べ件数には数えています）。' },
      { sheet: '支援記録', row: 14, reason: '実施日が日付として読めないため、参加支援の件数・実人数に数えていません。' },
      { sheet: '会議記録', row: 9, reason: '開催日が空欄のため、支援会議の開催回数・検討ケース数に数えていません。' },
      { sheet: '会議記録', row: 10, reason: '会議種別「包括的支援会議」が設定タブの会議種別にないため、会議の開催回数・検討ケース数に数えていません。' },
    ]);
  });
});

describe('fiscal-year edges', () => {
  it('puts 2月29日 in February of the fiscal year before (2024-02-29 is in 2023年度)', () => {
    const cases = [
      { receivedOn: '令和6年2月29日', referrerField: '高齢', status: '受付' },
      { receivedOn: '令和5年2月29日', referrerField: '高齢', status: '受付' }, // 2023 had no 29 February
    ];
    const fy2023 = count(2023, { cases, activities: null, meetings: null });
    expect(fy2023.metrics.newCases).toEqual({ monthly: months({ 10: 1 }), total: 1 });
    expect(fy2023.skipped).toEqual([{ sheet: '共通シート', row: 3, reason: '受付日が日付として読めないため、新規相談と月末の継続ケースに数えていません。' }]);
    expect(count(2024, { cases, activities: null, meetings: null }).metrics.newCases?.total).toBe(0);
  });

  it('counts a case received on 3月31日 in March and one received on 4月1日 in April of the next year', () => {
    const cases = [
      { receivedOn: d('2025-03-31'), referrerField: '困窮', status: '受付' },
      { receivedOn: d('2025-04-01'), referrerField: '困窮', status: '受付' },
    ];
    expect(count(2024, { cases }).metrics['newCases.困窮']).toEqual({ monthly: months({ 11: 1 }), total: 1 });
    expect(count(2025, { cases }).metrics['newCases.困窮']).toEqual({ monthly: months({ 0: 1 }), total: 1 });
  });

  it('treats missing 支援記録 and 会議記録 tabs as empty', () => {
    const result = count(2024, { activities: null, meetings: null });
    expect(result.metrics['outreach.count']).toEqual({ monthly: zeros(), total: 0 });
    expect(result.metrics['meetings.支援会議.held']).toEqual({ monthly: zeros(), total: 0 });
    expect(result.skipped.every((s) => s.sheet === '共通シート')).toBe(true);
  });

  it('reports a missing column once, on row 1, instead of once per row', () => {
    const result = countFiscalYear({
      cases: table(CASE_FIELDS, CASES), activities: table(ACTIVITY_FIELDS, ACTIVITIES, ['visitors']), meetings: null,
      settings: DEFAULT_SETTINGS, fiscalYear: 2024, today: '2025-06-01',
    });
    expect(result.skipped.filter((s) => s.sheet === '支援記録')).toEqual([
      { sheet: '支援記録', row: 1, reason: '列「訪問人数」がないため、アウトリーチの訪問人数に数えていません（延べ件数・実人数には数えています）。' },
      { sheet: '支援記録', row: 10, reason: 'ケースIDと対象が空欄のため、アウトリーチの実人数に数えていません（延べ件数には数えています）。' },
      { sheet: '支援記録', row: 14, reason: '実施日が日付として読めないため、参加支援の件数・実人数に数えていません。' },
    ]);
    expect(result.metrics['outreach.visitors']?.total).toBe(0);
  });
});

describe('meeting types follow 設定', () => {
  it('counts a renamed type under its new name and leaves rows of the old name out, saying why', () => {
    const settings: Settings = {
      ...DEFAULT_SETTINGS,
      meetingTypes: [
        { ...DEFAULT_SETTINGS.meetingTypes[0]!, name: 'まるごと会議' },
        DEFAULT_SETTINGS.meetingTypes[1]!,
      ],
    };
    const meetings = [
      { meetingType: 'まるごと会議', heldOn: d('2024-06-11'), meetingStatus: '開催済', caseIds: '2024-0001、2024-0002' },
      { meetingType: '支援会議', heldOn: d('2024-05-14'), meetingStatus: '開催済', caseIds: '2024-0001' },
      { meetingType: 'まるごと会議', heldOn: d('2024-07-09'), meetingStatus: '中止', caseIds: '2024-0001' },
    ];
    const result = count(2024, { cases: [], activities: null, meetings, settings });
    expect(result.metrics['meetings.まるごと会議.held']).toEqual({ monthly: months({ 2: 1 }), total: 1 });
    expect(result.metrics['meetings.まるごと会議.cases']).toEqual({ monthly: months({ 2: 2 }), total: 2 });
    expect(Object.keys(result.metrics).filter((k) => k.startsWith('meetings.'))).toEqual([
      'meetings.まるごと会議.held', 'meetings.まるごと会議.cases', 'meetings.重層的支援会議.held', 'meetings.重層的支援会議.cases',
    ]);
    expect(result.skipped).toEqual([
      { sheet: '会議記録', row: 3, reason: '会議種別「支援会議」が設定タブの会議種別にないため、会議の開催回数・検討ケース数に数えていません。' },
    ]);
  });
});
