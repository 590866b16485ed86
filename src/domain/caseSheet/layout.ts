// ケース票 (SPEC §12): one case's hand-off sheet for an agency that does not use
// the spreadsheet. The 共通シート fields grouped as a person reads a referral
// (本人と世帯, 相談の概要とつなぎの理由, 同意, 関係機関と主担当, 状態と予定), the
// current plan in short, the latest five 支援記録, dates in 和暦, the 決裁欄
// and the line that says on what consent the paper is shared.
import { CASE_FIELDS } from '../fields';
import { approvalRows, documentDay, warekiDay, type LayoutRow } from '../paper/layout';
import type { RecordText } from '../record';

/** Four columns, 680 px together: an A4 portrait page between normal margins. */
export const CASE_SHEET_COLUMNS = [
  { header: '項目', width: 130 },
  { header: '内容', width: 110 },
  { header: '', width: 110 },
  { header: '', width: 330 },
] as const;

export const LATEST_ACTIVITIES = 5;

const GROUPS: readonly (readonly [title: string, keys: readonly string[]])[] = [
  ['本人と世帯', ['caseId', 'personName', 'personKana', 'birthDate', 'ageBand', 'sex', 'area', 'householdId', 'household', 'lifeAreas', 'tags']],
  ['相談の概要とつなぎの理由', ['receivedOn', 'referrerAgency', 'referrerField', 'referrerStaff', 'summary', 'reason']],
  ['同意', ['consent', 'consentOn']],
  ['関係機関と主担当', ['mainAgency', 'relatedAgencies']],
  ['状態と予定', ['status', 'planOn', 'nextMeetingType', 'nextMeetingOn', 'nextMonitoringOn', 'closedOn', 'closingNote', 'notes']],
];

export const caseSheetName = (caseId: string): string => `ケース票_${caseId}`;

/** SPEC §12's line, with the day consent was given in 和暦. */
export function consentLine(consentOn: string | undefined): string {
  return `本人の同意（${warekiDay(consentOn) || '令和　　年　　月　　日'}取得）に基づき、支援のために関係機関と共有します。取扱いに注意してください。`;
}

export interface CaseSheetInput {
  readonly caseText: RecordText;
  /** The plan in force, else the 案 in preparation, with its tasks; null when the case has none. */
  readonly plan: { readonly plan: RecordText; readonly tasks: readonly RecordText[] } | null;
  /** The case's 支援記録, any order: the latest five are shown. */
  readonly activities: readonly RecordText[];
  /** The 主担当機関's 連絡先 from 設定, when listed. */
  readonly mainAgencyDesk: string;
  readonly approvals: readonly string[];
  /** The day the paper is made (its own date, 西暦 beside 和暦). */
  readonly today: string;
}

export interface CaseSheetLayout {
  readonly title: string;
  readonly rows: readonly LayoutRow[];
  readonly headerRows: number;
  /** The rows that get borders, 0-based, inclusive: the groups, the plan and the records. */
  readonly ruled: readonly [number, number];
}

const headerOf = (key: string): string => CASE_FIELDS.find((f) => f.key === key)!.header;
const dateKeys: ReadonlySet<string> = new Set(CASE_FIELDS.filter((f) => f.type === 'date').map((f) => f.key));

export function layoutCaseSheet(input: CaseSheetInput): CaseSheetLayout {
  const { caseText: c } = input;
  const rows: LayoutRow[] = [];
  const add = (role: LayoutRow['role'], ...cells: string[]): void => { rows.push({ role, cells }); };
  const title = `ケース票（${c.caseId ?? ''}）`;
  add('title', title);
  add('notice', consentLine(c.consent === 'あり' ? c.consentOn : ''));
  add('info', `作成日：${documentDay(input.today)}`);
  const first = rows.length;
  for (const [group, keys] of GROUPS) {
    add('session', group);
    for (const key of keys) {
      const value = dateKeys.has(key) ? warekiDay(c[key]) : c[key] ?? '';
      const shown = key === 'mainAgency' && value && input.mainAgencyDesk ? `${value}（連絡先：${input.mainAgencyDesk}）` : value;
      add('item', headerOf(key), shown || '—');
    }
  }
  add('session', '支援プラン（概要）');
  if (input.plan) {
    const p = input.plan.plan;
    add('item', '版・状態', `第${p.version ?? ''}版（${p.planStatus ?? ''}）${p.decidedOn ? `\u3000決定 ${warekiDay(p.decidedOn)}` : ''}`);
    add('item', '短期目標', p.shortTermGoal || '—');
    if (p.periodStart || p.periodEnd) add('item', 'プラン期間', `${warekiDay(p.periodStart) || '　'} 〜 ${warekiDay(p.periodEnd) || '　'}`);
    if (p.nextReviewOn) add('item', '次回評価日', warekiDay(p.nextReviewOn));
    add('header', '担当', '担当者', '期限', '支援内容（頻度）');
    for (const t of input.plan.tasks) {
      add('item', t.owner ?? '', t.ownerStaff || '—', warekiDay(t.dueOn) || '—', `${t.content ?? ''}${t.frequency ? `（${t.frequency}）` : ''}`);
    }
  } else {
    add('item', '支援プラン', 'まだありません。');
  }
  const latest = [...input.activities].sort((a, b) => (b.activityOn ?? '').localeCompare(a.activityOn ?? '')).slice(0, LATEST_ACTIVITIES);
  add('session', `支援記録（新しい順に${LATEST_ACTIVITIES}件まで）`);
  if (latest.length) {
    add('header', '実施日', '種別', '対応者', '内容');
    for (const a of latest) add('item', warekiDay(a.activityOn), a.activityType ?? '', a.staff || '—', a.content ?? '');
  } else {
    add('item', '支援記録', 'まだありません。');
  }
  const ruled: [number, number] = [first, rows.length - 1];
  add('empty', '');
  add('footer', consentLine(c.consent === 'あり' ? c.consentOn : ''));
  rows.push(...approvalRows(input.approvals, CASE_SHEET_COLUMNS.length));
  return { title, rows, headerRows: 2, ruled };
}
