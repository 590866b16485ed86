// The person's own copy of a plan (SPEC §12): an A4 page in plain words, with
// the person's name (it is for them), the plan's dates, what they want, the
// goals, who does what, the latest review, and the line they sign.
import { isIsoDate } from '../normalize';
import { approvalRows, documentDay, warekiDay, type LayoutRow } from '../paper/layout';
import type { RecordText } from '../record';

/** SPEC §12, word for word. */
export const SIGNATURE_LINE = 'このプランについて説明を受け、内容に同意します。　令和　　年　　月　　日　氏名＿＿＿＿＿＿';

/** SPEC §12's task table, seven columns, 680 px together: an A4 portrait page between normal margins. */
export const PLAN_PRINT_COLUMNS = [
  { header: '課題', width: 84 },
  { header: 'だれが', width: 104 },
  { header: '担当者', width: 76 },
  { header: 'なにをするか', width: 190 },
  { header: 'どのくらい', width: 76 },
  { header: 'いつまでに', width: 80 },
  { header: 'いまの様子', width: 70 },
] as const;

const PROGRESS_WORDS: Readonly<Record<string, string>> = { 未着手: 'これから', 実施中: '取り組み中', 実施済: 'できました', 中止: 'やめました' };
const OWNER_WORDS: Readonly<Record<string, string>> = { 本人: 'ご本人', 家族: 'ご家族', 地域: '地域の方' };
const ACHIEVEMENT_WORDS: Readonly<Record<string, string>> = {
  達成: '目標を達成できました。', 一部達成: '目標の一部を達成できました。', 変化なし: '大きな変化はありませんでした。', 悪化: '前より難しくなっていることがあります。',
};
const POLICY_WORDS: Readonly<Record<string, string>> = {
  継続: 'このプランを続けます。', 見直し: 'プランを見直します。', 終結: '支援を終えることを話し合います。',
  つなぎもどし: '元の相談先で支援を続けることを話し合います。', 中断: '支援をいったん休むことを話し合います。',
};

export interface PlanPrintInput {
  readonly personName: string;
  readonly plan: RecordText;
  readonly tasks: readonly RecordText[];
  /** The case's plan row holding its latest review (often the version before a 見直し), if any. */
  readonly review: RecordText | null;
  /** Who to contact: the case's 主担当機関 (つなぎ元機関 when none) and its 連絡先 from 設定. */
  readonly contact: { readonly agency: string; readonly desk: string };
  /** 決裁欄 of 設定. */
  readonly approvals: readonly string[];
}

export interface PlanPrintLayout {
  readonly title: string;
  readonly rows: readonly LayoutRow[];
  /** The rows repeated at the top of every printed page. */
  readonly headerRows: number;
  /** The rows that get borders: the task table, 0-based, inclusive. */
  readonly ruled: readonly [number, number];
}

export const planPrintSheetName = (caseId: string): string => `プラン_${caseId}`;


/** The page as rows; a row with fewer cells than columns spans to the right edge. */
export function layoutPlanPrint({ personName, plan, tasks, review, contact, approvals }: PlanPrintInput): PlanPrintLayout {
  const rows: LayoutRow[] = [];
  const add = (role: LayoutRow['role'], ...cells: string[]): void => { rows.push({ role, cells }); };
  const title = `支援プラン（第${plan.version}版${plan.planStatus === '案' ? '・案' : ''}）`;
  add('title', title);
  add('info', `${personName} 様`);
  const period = plan.periodStart || plan.periodEnd ? `${warekiDay(plan.periodStart) || '　'} 〜 ${warekiDay(plan.periodEnd) || '　'}` : '';
  // 作成日 is the paper's own date (西暦 beside 和暦); the others in 和暦 alone.
  const created = isIsoDate(plan.createdOn ?? '') ? documentDay(plan.createdOn!) : warekiDay(plan.createdOn);
  for (const [label, value] of [
    ['作成日', created], ['作成した機関', plan.authorAgency ?? ''], ['決めた日', warekiDay(plan.decidedOn)],
    ['プランの期間', period], ['次にふりかえる日', warekiDay(plan.nextReviewOn)],
  ] as const) if (value) add('info', `${label}：${value}`);
  add('session', 'あなたの思い');
  add('item', plan.personWish || '（これから一緒に書きます）');
  add('session', '目標');
  if (plan.longTermGoal) add('item', `長い目で目指すこと：${plan.longTermGoal}`);
  add('item', `まず目指すこと：${plan.shortTermGoal ?? ''}`);
  if (plan.direction) add('item', `支援の進め方：${plan.direction}`);
  add('session', 'だれが、なにをするか');
  const first = rows.length;
  add('header', ...PLAN_PRINT_COLUMNS.map((c) => c.header));
  for (const t of tasks) {
    add('item', t.issue || '　', OWNER_WORDS[t.owner ?? ''] ?? t.owner ?? '', t.ownerStaff || '　', t.content ?? '', t.frequency || '　',
      warekiDay(t.dueOn) || '　', PROGRESS_WORDS[t.progress || '未着手'] ?? t.progress ?? '');
  }
  if (tasks.length === 0) add('item', '（これから決めます）');
  const ruled: [number, number] = [first, rows.length - 1];
  // 評価メモ is the staff's own note: the person's copy never carries it.
  if (review?.reviewedOn) {
    add('session', `前回のふりかえり（${warekiDay(review.reviewedOn)}）`);
    add('item', [ACHIEVEMENT_WORDS[review.achievement ?? ''], POLICY_WORDS[review.reviewPolicy ?? '']].filter(Boolean).join('\n'));
  }
  add('session', 'ご連絡先');
  add('item', contact.agency ? [contact.agency, contact.desk].filter(Boolean).join('\u3000') : '（担当の機関が決まりしだいお知らせします）');
  add('empty', '');
  add('footer', SIGNATURE_LINE);
  rows.push(...approvalRows(approvals, PLAN_PRINT_COLUMNS.length));
  return { title, rows, headerRows: 1, ruled };
}
