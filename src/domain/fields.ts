// The columns of every standard tab, in their standard order. This table is the
// single source for headers, field keys, value types and the help text that
// 標準化 writes as a note on each header.

export type FieldType = 'text' | 'kana' | 'date' | 'datetime' | 'choice' | 'list' | 'integer' | 'time' | 'id';

/** Where the allowed values of a choice or list field come from. */
export type ValueSource =
  | { kind: 'fixed'; values: readonly string[] }
  | { kind: 'setting'; list: SettingListName };

export type SettingListName = 'agencies' | 'areas' | 'lifeAreas' | 'tags' | 'meetingTypes';

export interface FieldDef {
  readonly key: string;
  readonly header: string;
  readonly type: FieldType;
  readonly required?: boolean;
  readonly source?: ValueSource;
  /** Written by the add-on; staff do not type it. */
  readonly system?: boolean;
  /** Column width in pixels for the sheet furniture. */
  readonly width: number;
  readonly help: string;
}

export const FIELDS_OF_PEOPLE = ['高齢', '障害', '子ども', '困窮', 'その他'] as const;
export const AGE_BANDS = [
  '10歳未満', '10代', '20代', '30代', '40代', '50代', '60代', '70代', '80代', '90代以上', '不明',
] as const;
export const SEXES = ['男性', '女性', 'その他', '不明'] as const;
export const CONSENTS = ['あり', 'なし', '確認中'] as const;
export const CASE_STATUSES = [
  '受付', 'アセスメント中', 'プラン作成中', '支援中', '終結検討', '終結', 'つなぎもどし', '中断',
] as const;
export const CLOSED_STATUSES: readonly string[] = ['終結', 'つなぎもどし', '中断'];
export const ACTIVITY_TYPES = ['アウトリーチ', '参加支援', '同行支援', 'その他'] as const;
export const MEETING_STATUSES = ['予定', '開催済', '中止'] as const;

const fixed = (values: readonly string[]): ValueSource => ({ kind: 'fixed', values });
const setting = (list: SettingListName): ValueSource => ({ kind: 'setting', list });

export const CASE_FIELDS: readonly FieldDef[] = [
  { key: 'caseId', header: 'ケースID', type: 'id', width: 90, help: '空欄なら保存・標準化のときに自動で付番します（年度-連番、例 2024-0001）。' },
  { key: 'receivedOn', header: '受付日', type: 'date', required: true, width: 100, help: '多機関協働が受け付けた日。令和6年4月1日、2024/4/1 などの形でも入力できます。' },
  { key: 'referrerAgency', header: 'つなぎ元機関', type: 'choice', source: setting('agencies'), required: true, width: 180, help: 'ケースをつないだ機関。設定タブの「機関」から選びます。' },
  { key: 'referrerField', header: 'つなぎ元分野', type: 'choice', source: fixed(FIELDS_OF_PEOPLE), required: true, width: 90, help: '空欄なら、つなぎ元機関の分野（設定タブ）で補います。' },
  { key: 'referrerStaff', header: 'つなぎ元担当者', type: 'text', width: 110, help: 'つなぎ元機関の担当者名。' },
  { key: 'personName', header: '本人氏名', type: 'text', required: true, width: 110, help: '本人の氏名（イニシャルでも可）。会議次第・集計には出ません。' },
  { key: 'personKana', header: '本人氏名カナ', type: 'kana', width: 130, help: '全角カタカナで保存します（ひらがなは自動でカタカナに）。' },
  { key: 'birthDate', header: '生年月日', type: 'date', width: 100, help: '和暦（昭和50年1月1日、S50.1.1）でも入力できます。' },
  { key: 'ageBand', header: '年代', type: 'choice', source: fixed(AGE_BANDS), width: 80, help: '生年月日と受付日がわかれば自動で入ります。わからなければ選んでください。' },
  { key: 'sex', header: '性別', type: 'choice', source: fixed(SEXES), width: 70, help: '男性／女性／その他／不明。' },
  { key: 'area', header: '圏域', type: 'choice', source: setting('areas'), width: 90, help: '設定タブの「圏域」から選びます（未設定なら自由入力）。' },
  { key: 'householdId', header: '世帯ID', type: 'text', width: 80, help: '同じ世帯の人には同じ値を入れます。' },
  { key: 'household', header: '世帯構成', type: 'text', width: 150, help: '例：本人、母（80代）の2人世帯。' },
  { key: 'lifeAreas', header: '課題領域', type: 'list', source: setting('lifeAreas'), required: true, width: 180, help: '1つ以上。複数は「、」で区切ります。' },
  { key: 'tags', header: '世帯の状態', type: 'list', source: setting('tags'), width: 160, help: '8050、ヤングケアラーなど。複数は「、」で区切ります。' },
  { key: 'summary', header: '相談の概要', type: 'text', required: true, width: 240, help: '相談の内容を簡潔に。' },
  { key: 'reason', header: 'つなぎの理由', type: 'text', required: true, width: 200, help: '多機関協働につなぐ理由。' },
  { key: 'consent', header: '本人同意', type: 'choice', source: fixed(CONSENTS), required: true, width: 80, help: '重層的支援会議・プラン作成には「あり」が必要です。' },
  { key: 'consentOn', header: '同意取得日', type: 'date', width: 100, help: '本人同意が「あり」のときに入力します。' },
  { key: 'relatedAgencies', header: '関係機関', type: 'list', source: setting('agencies'), width: 200, help: '設定タブの「機関」から。複数は「、」で区切ります。' },
  { key: 'status', header: '状態', type: 'choice', source: fixed(CASE_STATUSES), required: true, width: 100, help: '受付 → アセスメント中 → プラン作成中 → 支援中 → 終結検討 → 終結／つなぎもどし／中断。' },
  { key: 'mainAgency', header: '主担当機関', type: 'choice', source: setting('agencies'), width: 180, help: '設定タブの「機関」から選びます。' },
  { key: 'planOn', header: 'プラン作成日', type: 'date', width: 100, help: '本人同意が「あり」のケースだけ入力できます。' },
  { key: 'nextMeetingType', header: '次回会議種別', type: 'choice', source: setting('meetingTypes'), width: 140, help: '次回会議予定日と一緒に入力します。' },
  { key: 'nextMeetingOn', header: '次回会議予定日', type: 'date', width: 110, help: '次回会議種別と一緒に入力します。' },
  { key: 'nextMonitoringOn', header: '次回モニタリング日', type: 'date', width: 120, help: '支援の進み具合を確かめる予定日。' },
  { key: 'closedOn', header: '終結日', type: 'date', width: 100, help: '状態が終結・つなぎもどし・中断のときに必要です。' },
  { key: 'closingNote', header: '終結理由', type: 'text', width: 160, help: '状態が終結・つなぎもどし・中断のときに必要です。' },
  { key: 'notes', header: '備考', type: 'text', width: 200, help: '自由記入。' },
  { key: 'updatedAt', header: '最終更新', type: 'datetime', system: true, width: 130, help: 'アドオンが記録します。' },
  { key: 'updatedBy', header: '更新者', type: 'text', system: true, width: 140, help: 'アドオンが記録します。' },
];

export const ACTIVITY_FIELDS: readonly FieldDef[] = [
  { key: 'recordId', header: '記録ID', type: 'id', width: 100, help: '空欄ならアドオンが付番します。' },
  { key: 'caseId', header: 'ケースID', type: 'text', width: 90, help: '共通シートにあるケースID。まだケースになっていない方へのアウトリーチでは空欄にし、対象を入力します。' },
  { key: 'subject', header: '対象', type: 'text', width: 180, help: 'まだケースになっていない方へのアウトリーチだけに使います。氏名は書かず、「○○地区の高齢男性（仮称A）」のような本人と分からない呼び名を入れます。' },
  { key: 'activityOn', header: '実施日', type: 'date', required: true, width: 100, help: '訪問・支援をした日。' },
  { key: 'activityType', header: '種別', type: 'choice', source: fixed(ACTIVITY_TYPES), required: true, width: 100, help: 'アウトリーチ／参加支援／同行支援／その他。' },
  { key: 'staff', header: '対応者', type: 'text', width: 120, help: '対応した職員。' },
  { key: 'visitors', header: '訪問人数', type: 'integer', width: 80, help: 'アウトリーチのときは訪問した職員の人数（1以上）が必要です。' },
  { key: 'content', header: '内容', type: 'text', width: 260, help: '実施した内容。' },
];

export const MEETING_FIELDS: readonly FieldDef[] = [
  { key: 'meetingId', header: '会議ID', type: 'id', width: 100, help: 'アドオンが付番します。' },
  { key: 'meetingType', header: '会議種別', type: 'choice', source: setting('meetingTypes'), width: 140, help: '設定タブの「会議種別」から選びます。' },
  { key: 'heldOn', header: '開催日', type: 'date', width: 100, help: '会議の日。' },
  { key: 'startTime', header: '開始時刻', type: 'time', width: 80, help: 'HH:MM（例 14:00）。' },
  { key: 'place', header: '場所', type: 'text', width: 140, help: '開催場所。' },
  { key: 'meetingStatus', header: '状態', type: 'choice', source: fixed(MEETING_STATUSES), width: 80, help: '予定／開催済／中止。' },
  { key: 'caseIds', header: '検討ケースID', type: 'list', width: 200, help: '検討したケースID。複数は「、」で区切ります。' },
  { key: 'attendingAgencies', header: '出席機関', type: 'list', source: setting('agencies'), width: 220, help: '出席した機関。複数は「、」で区切ります。' },
  { key: 'decisions', header: '決定事項', type: 'text', width: 260, help: '会議で決まったこと。' },
];

export const CHANGE_LOG_HEADERS = ['日時', '利用者', '操作', 'シート', 'ケースID', '項目', '変更前', '変更後'] as const;

export const TAB = {
  cases: '共通シート',
  activities: '支援記録',
  meetings: '会議記録',
  settings: '設定',
  changeLog: '変更履歴',
} as const;

export function isClosedStatus(status: string): boolean {
  return CLOSED_STATUSES.includes(status);
}
