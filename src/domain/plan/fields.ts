// The columns of 支援プラン (one row per version of a case's plan) and 役割分担
// (one row per task of a version), SPEC §12, in their standard order.
import { fixedSource as fixed, settingSource as setting, type FieldDef } from '../fields';

export const PLAN_STATUSES = ['案', '決定', '終了'] as const;
export const EXPLANATIONS = ['会議に出席', '個別に説明', '未'] as const;
export const ACHIEVEMENTS = ['達成', '一部達成', '変化なし', '悪化'] as const;
export const REVIEW_POLICIES = ['継続', '見直し', '終結', 'つなぎもどし', '中断'] as const;
/** Review policies that hand the case to the next meeting to judge its closing (終結検討). */
export const CLOSING_POLICIES: readonly string[] = ['終結', 'つなぎもどし', '中断'];
export const TASK_PROGRESS = ['未着手', '実施中', '実施済', '中止'] as const;
/** Who may carry a task besides the agencies of 設定. */
export const PERSONAL_OWNERS = ['本人', '家族', '地域'] as const;

export type PlanStatus = (typeof PLAN_STATUSES)[number];
export type ReviewPolicy = (typeof REVIEW_POLICIES)[number];

export const PLAN_FIELDS: readonly FieldDef[] = [
  { key: 'caseId', header: 'ケースID', type: 'text', required: true, width: 90, help: '共通シートにあるケースID。' },
  { key: 'version', header: '版', type: 'integer', required: true, width: 50, help: '1が初回のプラン、見直すごとに2、3…。ケースIDと版の組は1行だけです。' },
  { key: 'planStatus', header: '状態', type: 'choice', source: fixed(PLAN_STATUSES), required: true, width: 60, help: '案 → 決定（重層的支援会議で）→ 終了（次の版が決定したとき）。' },
  { key: 'createdOn', header: '作成日', type: 'date', required: true, width: 100, help: '案を作った日。' },
  { key: 'authorAgency', header: '作成機関', type: 'choice', source: setting('agencies'), width: 160, help: '案を作った機関。設定タブの「機関」から選びます。' },
  { key: 'personWish', header: '本人の意向', type: 'text', width: 220, help: '本人が望むこと。本人の言葉で書きます。' },
  { key: 'planIssues', header: '世帯の課題', type: 'list', source: setting('lifeAreas'), width: 180, help: '設定タブの「課題領域」から。複数は「、」で区切ります。' },
  { key: 'direction', header: '支援の方向性', type: 'text', width: 220, help: '支援全体の方向。' },
  { key: 'longTermGoal', header: '長期目標', type: 'text', width: 200, help: '1年程度で目指すこと。' },
  { key: 'shortTermGoal', header: '短期目標', type: 'text', required: true, width: 200, help: '次の評価までに目指すこと。' },
  { key: 'periodStart', header: 'プラン期間開始', type: 'date', width: 110, help: 'このプランで支援する期間の初日。' },
  { key: 'periodEnd', header: 'プラン期間終了', type: 'date', width: 110, help: 'このプランで支援する期間の最終日。' },
  { key: 'nextReviewOn', header: '次回評価日', type: 'date', width: 100, help: '決定したプランの進み具合を評価する予定日。共通シートの次回モニタリング日になります。' },
  { key: 'decidedOn', header: '決定日', type: 'date', width: 100, help: '状態が「決定」のときに必要です。会議で決定すると会議の開催日が入ります。' },
  { key: 'decidedMeetingId', header: '決定会議ID', type: 'text', width: 100, help: '決定した会議の会議ID（会議記録）。' },
  { key: 'explanation', header: '本人への説明', type: 'choice', source: fixed(EXPLANATIONS), width: 100, help: '会議に出席／個別に説明／未。' },
  { key: 'reviewedOn', header: '評価日', type: 'date', width: 100, help: '最新の評価をした日。' },
  { key: 'achievement', header: '達成度', type: 'choice', source: fixed(ACHIEVEMENTS), width: 80, help: '達成／一部達成／変化なし／悪化。' },
  { key: 'reviewPolicy', header: '評価の方針', type: 'choice', source: fixed(REVIEW_POLICIES), width: 90, help: '継続／見直し（次の版の案を作ります）／終結／つなぎもどし／中断（共通シートの状態を終結検討にします）。' },
  { key: 'reviewNote', header: '評価メモ', type: 'text', width: 200, help: '評価で話し合ったこと。' },
  { key: 'successorAgency', header: '終結後の主担当機関', type: 'choice', source: setting('agencies'), width: 160, help: '多機関協働が手を離したあと支援を続ける機関。' },
];

export const TASK_FIELDS: readonly FieldDef[] = [
  { key: 'caseId', header: 'ケースID', type: 'text', required: true, width: 90, help: '支援プランにあるケースID。' },
  { key: 'version', header: '版', type: 'integer', required: true, width: 50, help: '支援プランの版。ケースIDと版の組が支援プランに必要です。' },
  { key: 'issue', header: '課題', type: 'choice', source: setting('lifeAreas'), width: 140, help: '設定タブの「課題領域」から選びます。' },
  { key: 'owner', header: '担当', type: 'choice', source: { kind: 'setting', list: 'agencies', also: PERSONAL_OWNERS }, required: true, width: 160, help: '設定タブの「機関」か、本人／家族／地域。' },
  { key: 'ownerStaff', header: '担当者', type: 'text', width: 100, help: '担当する職員など。' },
  { key: 'content', header: '支援内容', type: 'text', required: true, width: 240, help: '誰が何をするか。' },
  { key: 'frequency', header: '頻度', type: 'text', width: 90, help: '例：週1回、月2回、随時。' },
  { key: 'dueOn', header: '期限', type: 'date', width: 100, help: 'いつまでに行うか。' },
  { key: 'progress', header: '実施状況', type: 'choice', source: fixed(TASK_PROGRESS), width: 80, help: '未着手／実施中／実施済／中止（空欄は未着手）。' },
  { key: 'taskNote', header: '評価メモ', type: 'text', width: 180, help: '評価のときの振り返り。' },
];
