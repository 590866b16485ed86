// The shape of what validation finds (SPEC §6) and the Japanese messages for
// every rule code, in one place so the sheet, the CLI and the sidebar say the same.
import { eraOverflow } from '../normalize/date';

export type Severity = 'error' | 'warning';

/** What a rule finds in one record, before it is placed on a sheet row. */
export interface Finding {
  readonly field: string;
  readonly severity: Severity;
  readonly code: string;
  readonly message: string;
}

export interface Problem extends Finding {
  readonly sheet: string;
  /** The sheet's own 1-based row number. */
  readonly row: number;
  /** The column's header text. */
  readonly column: string;
  /** The column's letter where the sheet has the column, e.g. `C`. */
  readonly columnLetter: string;
  /** The ケースID the row is about (its own, or for 支援記録 the case it records); '' when none. */
  readonly caseId: string;
}

export const RULE_SEVERITY = {
  required: 'error',
  invalid_date: 'error',
  invalid_format: 'error',
  future_date: 'error',
  unknown_value: 'error',
  date_order: 'error',
  age_out_of_range: 'error',
  consent_required_for_plan: 'error',
  consent_required_for_meeting: 'error',
  meeting_incomplete: 'error',
  closing_required: 'error',
  duplicate_case_id: 'error',
  unknown_case: 'error',
  subject_outreach_only: 'error',
  consent_date_missing: 'warning',
  closed_date_on_open_case: 'warning',
  monitoring_overdue: 'warning',
  possible_duplicate: 'warning',
  unknown_plan: 'error',
  duplicate_plan: 'error',
  multiple_current_plans: 'error',
  plan_without_tasks: 'warning',
  plan_review_overdue: 'warning',
  plan_date_mismatch: 'warning',
  name_not_split: 'warning',
  name_has_extra_text: 'warning',
  target_names_person: 'warning',
} as const satisfies Record<string, Severity>;

export type RuleCode = keyof typeof RULE_SEVERITY;

export function finding(field: string, code: RuleCode, message: string): Finding {
  return { field, code, severity: RULE_SEVERITY[code], message };
}

export function columnLetter(index: number): string {
  let n = index + 1;
  let letters = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    letters = String.fromCharCode(65 + rest) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** The 0-based index of a column letter (`A` → 0); -1 for no letter. */
export function columnIndexOf(letter: string): number {
  return [...letter].reduce((n, c) => n * 26 + c.charCodeAt(0) - 64, 0) - 1;
}

/** Places a finding on a sheet row; the message names the row and the column. */
export function placeFinding(f: Finding, sheet: string, row: number, header: string, index: number, caseId = ''): Problem {
  const letter = index >= 0 ? columnLetter(index) : '';
  const where = letter ? `${row}行目「${header}」（${letter}列）` : `${row}行目「${header}」`;
  return { ...f, sheet, row, column: header, columnLetter: letter, caseId, message: `${where}：${f.message}` };
}

const quote = (v: string): string => `「${v}」`;

/**
 * How many other rows a message names at most: a placeholder shared by
 * hundreds of rows (フメイ / 1900-01-01) must not make each message list them all.
 */
export const OTHER_ROWS_NAMED = 3;
const andMore = (more: number, unit: string): string => (more > 0 ? `ほか${more}${unit}` : '');

/** Another case a row is compared with. */
export interface OtherCase {
  readonly caseId: string;
  readonly row: number;
}

/** Japanese messages: what is wrong, then what to do. */
export const say = {
  required: (label: string) => `${label}が空欄です。入力してください。`,
  requiredColumn: (label: string) => `列${quote(label)}がありません。「標準化」を実行すると列が追加されます。`,
  invalidDate: (label: string, value: string) => {
    const sameDay = eraOverflow(value);
    return sameDay
      ? `${label}${quote(value)}は${quote(sameDay)}です（元号が変わった後の日付です）。${sameDay} と入力してください。`
      : `${label}${quote(value)}は日付として読めません。2024/4/1 や 令和6年4月1日 の形で、実在する日付を入力してください。`;
  },
  futureDate: (label: string, iso: string, today: string) =>
    `${label}（${iso}）が今日（${today}）より後になっています。日付を確かめてください。`,
  unknownValue: (label: string, value: string, suggestion: string | null, where: string) =>
    `${label}の${quote(value)}は${where}にありません。` +
    (suggestion ? `${quote(suggestion)}のことでしたら、そのように直してください。` : `一覧から選んでください。`),
  birthAfterReceived: () => `生年月日が受付日より後になっています。どちらかの日付を確かめてください。`,
  beforeReceived: (label: string) => `${label}が受付日より前になっています。日付を確かめてください。`,
  ageOutOfRange: (age: number) => `受付日時点の年齢が${age}歳になります（120歳まで）。生年月日を確かめてください。`,
  consentForPlan: () => `本人同意が「あり」でないため、プラン作成日は入力できません。同意を得てから入力してください。`,
  consentForMeeting: (meeting: string) =>
    `${quote(meeting)}は本人同意が必要な会議ですが、本人同意が「あり」ではありません。同意を得るか、支援会議で検討してください。`,
  meetingIncomplete: (missing: string, other: string) => `${other}が入っているのに${missing}が空欄です。両方をそろえて入力してください。`,
  closingRequired: (label: string, status: string) => `状態が${quote(status)}のときは${label}が必要です。入力してください。`,
  /** `rows` as named (the row itself and at most OTHER_ROWS_NAMED others); `more` rows not named. */
  duplicateCaseId: (id: string, rows: readonly number[], more = 0) =>
    `ケースID${quote(id)}が${rows.map((r) => `${r}行目`).join('・')}${andMore(more, '行')}で重複しています。どちらかのケースIDを空欄にすると新しい番号が付きます。`,
  subjectRequired: () =>
    `ケースIDも対象も空欄です。ケースの記録ならケースIDを、まだケースになっていない方へのアウトリーチなら対象（氏名ではなく「○○地区の高齢男性（仮称A）」のような呼び名）を入力してください。`,
  subjectOutreachOnly: (type: string) =>
    `対象は、まだケースになっていない方へのアウトリーチだけに使います。種別が${quote(type)}の記録は、ケースIDで記録してください（種別がアウトリーチなら、種別を直してください）。`,
  unknownCase: (id: string) => `ケースID${quote(id)}は共通シートにありません。共通シートのケースIDを入力してください。`,
  consentDateMissing: () => `本人同意が「あり」ですが同意取得日が空欄です。同意を得た日を入力してください。`,
  closedDateOnOpen: (status: string) => `状態が${quote(status)}（支援中のケース）なのに終結日が入っています。状態か終結日を確かめてください。`,
  monitoringOverdue: (iso: string) => `次回モニタリング日（${iso}）を過ぎています。モニタリングを行い、次の予定日を入力してください。`,
  /** `others` as named (at most OTHER_ROWS_NAMED); `more` cases not named. */
  possibleDuplicate: (others: readonly OtherCase[], more = 0) =>
    `${others.map((o) => `${o.row}行目のケース${o.caseId ? quote(o.caseId) : ''}`).join('、')}${andMore(more, '件')}と本人氏名カナ・生年月日が同じです。同じ方なら一つのケースにまとめてください。`,
  dateBefore: (label: string, other: string) => `${label}が${other}より前になっています。日付を確かめてください。`,
  consentForPlanRow: () => `このケースの本人同意が「あり」ではないため、支援プランは作れません。同意を得てから作成してください。`,
  decidedOnRequired: () => `状態が「決定」のときは決定日が必要です。決定した日を入力してください。`,
  unknownPlan: (id: string, version: string) =>
    `ケースID${quote(id)}の${version}版は支援プランにありません。支援プランのケースIDと版を入力してください。`,
  duplicatePlan: (id: string, version: string, rows: readonly number[]) =>
    `ケースID${quote(id)}の${version}版が${rows.map((r) => `${r}行目`).join('・')}で重複しています。見直した版は版の番号を1つ増やしてください。`,
  multipleCurrentPlans: (id: string, versions: readonly string[]) =>
    `ケースID${quote(id)}に状態「決定」のプランが${versions.length}つ（${versions.join('・')}版）あります。最新の版だけを「決定」にし、前の版は「終了」にしてください。`,
  planWithoutTasks: () => `決定したプランに役割分担がありません。役割分担のタブに、このケースIDと版で担当と支援内容を入力してください。`,
  planReviewOverdue: (iso: string) => `次回評価日（${iso}）を過ぎています。プランを評価し、次の評価日を入力してください。`,
  planDateMismatch: (earliest: string, planOn: string) => planOn
    ? `プラン作成日（${planOn}）が、最初にプランを決定した日（${earliest}）と違います。どちらかを確かめてください。`
    : `プランを決定済み（最初の決定日 ${earliest}）ですが、プラン作成日が空欄です。${earliest}を入力してください。`,
  nameHasExtraText: (label: string) =>
    `${label}に氏名のほかの文字（年齢・数字・括弧の中の読みなど）が入っています。${label}には氏名だけを入力してください（読みは本人氏名カナへ。年齢は生年月日から分かります）。`,
  targetNamesPerson: () =>
    `対象に人の氏名（共通シートの方の氏名や姓、または姓と名の形）が入っているようです。対象は「北地区の80代男性（仮称A）」のように、本人と分からない呼び名にしてください。`,
  nameNotSplit: () =>
    `本人氏名と本人氏名カナの姓と名の間に空白がありません。「山田 太郎」「ヤマダ タロウ」のように空白を入れてください。会議次第で姓だけ・名だけの書き方も確実に伏せるためです。`,
  meetingConsentFlag: (value: string) =>
    `本人同意${value ? quote(value) : 'が空欄'}${value ? 'は' : 'のため'}「必要」か「不要」かが分からないため、本人同意が必要な会議として扱います。本人同意のないケースも検討する会議（支援会議など）なら「不要」と入力してください。`,
  invalidCaseId: (value: string) => `ケースID${quote(value)}は「2024-0001」の形（年度-4桁の番号。9999件を超えた年度は 2024-10000 のように5桁）ではありません。空欄にすると自動で付番します。`,
  invalidTime: (value: string) => `開始時刻${quote(value)}は時刻として読めません。14:00 の形で入力してください。`,
  invalidCount: (label: string, value: string) => `${label}${quote(value)}は1以上の整数で入力してください。`,
};
