// An agenda as a table for an A4 page (the 次第 tab and its print view are
// both drawn from it) and as the JSON of SPEC §11.
import { dateWithWareki } from '../calendar/days';
import { approvalRows, warekiDay, type LayoutRow } from '../paper/layout';
import type { Agenda, AgendaItem } from './types';

export const HANDLE_WITH_CARE = '取扱注意';
/** For a meeting held without consent that 設定 gives no 根拠 (重層的相談支援連絡会議 by default): no law is claimed. */
export const NEUTRAL_LINE = '本資料には個人に関する情報が含まれます。会議の外に持ち出さず、会議終了後に回収します。';

/**
 * The line on a meeting held without consent, from its 根拠 in 設定: for
 * 支援会議 SPEC §8's words 「本資料は社会福祉法第106条の6に基づく支援会議の資料です。
 * 会議終了後に回収します。」; without a 根拠, the neutral line.
 */
export function confidentialityLine(meeting: { readonly type: string; readonly basis: string }): string {
  const basis = meeting.basis.trim();
  return basis ? `本資料は${basis}に基づく${meeting.type}の資料です。会議終了後に回収します。` : NEUTRAL_LINE;
}

/** Five columns, 680 px together: the width of an A4 portrait page between normal margins. */
export const AGENDA_COLUMNS = [
  { header: '時間', width: 92 },
  { header: '議題', width: 104 },
  { header: '本人・世帯', width: 140 },
  { header: '課題・関係機関', width: 166 },
  { header: '概要・検討すること', width: 178 },
] as const;

export type { LayoutRow, RowRole } from '../paper/layout';

export interface AgendaLayout {
  readonly title: string;
  readonly rows: readonly LayoutRow[];
  /** The rows repeated at the top of every printed page (frozen on the tab). */
  readonly headerRows: number;
  /** Whether the meeting is held without consent: 取扱注意, collected after the meeting. */
  readonly confidential: boolean;
}

const lines = (...parts: (string | false)[]): string => parts.filter((p): p is string => Boolean(p)).join('\n');

/** The plan under an item: 版, 状態, 短期目標, 次回評価日, then each task as 担当 — 支援内容 (頻度) — 実施状況. */
function planLines(plan: AgendaItem['plan']): string[] {
  if (!plan) return [];
  return [
    `プラン：第${plan.version}版（${plan.status}）`,
    `短期目標：${plan.shortTermGoal}`,
    ...(plan.nextReviewOn ? [`次回評価日：${warekiDay(plan.nextReviewOn)}`] : []),
    ...plan.tasks.map((t) => `・${t.owner} — ${t.content}${t.frequency ? `（${t.frequency}）` : ''} — ${t.progress}`),
  ];
}

function itemRow(item: AgendaItem): LayoutRow {
  return {
    role: 'item',
    cells: [
      lines(`${item.start}〜${item.end}`, `（${item.minutes}分）`),
      lines(`${item.order}. ${item.kind}`, item.caseId, item.selectedBy === 'monitoringDue' && '（モニタリング時期）'),
      lines([item.ageBand, item.sex].filter(Boolean).join('・'), item.initials, item.household !== '' && `世帯：${item.household}`),
      lines(`課題：${item.lifeAreas}`, item.tags !== '' && `世帯の状態：${item.tags}`, `つなぎ元：${item.referrerAgency}`,
        item.mainAgency !== '' && `主担当：${item.mainAgency}`, `本人同意：${item.consent}`),
      lines(`概要：${item.summary}`, `検討すること：${item.decide}`, ...planLines(item.plan)),
    ],
  };
}

export function layoutAgenda(agenda: Agenda): AgendaLayout {
  const { meeting, opening, closing } = agenda;
  const confidential = !meeting.consentRequired;
  const handling = `${HANDLE_WITH_CARE}\u3000${confidentialityLine(meeting)}`;
  const title = `${meeting.type}\u3000次第`;
  const rows: LayoutRow[] = [
    { role: 'title', cells: [title] },
    {
      role: 'info',
      cells: [lines(
        `日時：${dateWithWareki(meeting.date)}\u3000${meeting.start}〜${meeting.end}`,
        meeting.place !== '' && `場所：${meeting.place}`,
        meeting.basis !== '' && `根拠：${meeting.basis}`,
      )],
    },
    {
      role: 'notice',
      cells: [confidential ? handling : '本人の同意を得たケースを検討します。資料の取扱いに注意してください。'],
    },
    { role: 'header', cells: AGENDA_COLUMNS.map((c) => c.header) },
    { role: 'session', cells: [`${opening.start}〜${opening.end}`, '開会', confidential ? '資料の確認、守秘義務の確認' : '資料の確認'] },
    ...(agenda.items.length ? agenda.items.map(itemRow) : [{ role: 'empty' as const, cells: ['', '', '検討するケースはありません。'] }]),
    { role: 'session', cells: [`${closing.start}〜${closing.end}`, '閉会', '次回の予定の確認'] },
    { role: 'participants', cells: [`出席予定：${agenda.participants.join('、')}`] },
    ...(confidential ? [{ role: 'footer' as const, cells: [handling] }] : []),
    ...approvalRows(agenda.approvals, AGENDA_COLUMNS.length),
  ];
  return { title, rows, headerRows: 4, confidential };
}

/** The agenda as SPEC §11's JSON: `{sheet, meeting, items, excluded, participants}`. */
export function agendaJson(agenda: Agenda) {
  const { type, date, start, end, place } = agenda.meeting;
  return {
    sheet: agenda.sheet,
    meeting: { type, date, start, end, place },
    items: agenda.items.map(({ order, caseId, kind, start: at, minutes, plan }) => ({
      order, caseId, kind, start: at, minutes,
      plan: plan && { version: plan.version, status: plan.status, shortTermGoal: plan.shortTermGoal, tasks: plan.tasks.map((t) => ({ ...t })) },
    })),
    excluded: agenda.excluded.map(({ caseId, row, code, message }) => ({ caseId, row, code, message })),
    participants: [...agenda.participants],
  };
}

export type AgendaJson = ReturnType<typeof agendaJson>;
