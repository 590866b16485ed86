// The shapes of a meeting agenda (次第, SPEC §8) as the core builds it. Plain
// data only: the sidebar, the CLI and google.script.run all carry it as is.
import type { RecordText } from '../record';
import type { AgendaPlan } from '../plan/agendaPlan';

export const ITEM_KINDS = ['新規検討', 'モニタリング', '終結評価'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/** What the coordinator asks for. */
export interface AgendaRequest {
  readonly meetingType: string;
  /** ISO date of the meeting. */
  readonly date: string;
  /** HH:MM; the meeting type's 開始時刻 in 設定 when absent. */
  readonly start?: string;
  readonly place?: string;
  /** Also take cases of this type with no 次回会議予定日 whose 次回モニタリング日 has come by the meeting. */
  readonly includeDue: boolean;
}

/** A 共通シート row: its sheet row number and its normalised text. */
export interface CaseRow {
  readonly row: number;
  readonly text: RecordText;
}

/** Why a case that asked for this meeting is not on the agenda. */
export type ExclusionCode =
  | 'consent_required_for_meeting'
  | 'case_closed'
  | 'status_unknown'
  | 'case_id_missing'
  | 'invalid_date';

export interface Exclusion {
  readonly caseId: string;
  readonly row: number;
  readonly code: ExclusionCode;
  readonly message: string;
}

/** A stretch of the meeting: HH:MM to HH:MM. */
export interface Slot {
  readonly start: string;
  readonly end: string;
  readonly minutes: number;
}

/** One case on the agenda: what the meeting sees of it, and nothing more (no name, kana or birth date). */
export interface AgendaItem extends Slot {
  readonly order: number;
  readonly caseId: string;
  readonly kind: ItemKind;
  readonly row: number;
  /** On the agenda because of its 次回会議予定日, or because its monitoring is due. */
  readonly selectedBy: 'scheduled' | 'monitoringDue';
  readonly ageBand: string;
  readonly sex: string;
  /** 'Y.T.' when 設定 次第の氏名表示 is イニシャル; '' otherwise. */
  readonly initials: string;
  readonly household: string;
  readonly lifeAreas: string;
  readonly tags: string;
  readonly referrerAgency: string;
  readonly mainAgency: string;
  readonly consent: string;
  /** 相談の概要 with the person's name replaced by ○○, shortened. */
  readonly summary: string;
  /** What the meeting decides for this kind of item. */
  readonly decide: string;
  /** The 案 to decide (新規検討) or the plan in force (モニタリング, 終結評価), masked; null without one. */
  readonly plan: AgendaPlan | null;
}

export interface AgendaMeeting {
  readonly type: string;
  readonly date: string;
  readonly start: string;
  readonly end: string;
  readonly place: string;
  readonly consentRequired: boolean;
  /** 根拠 in 設定, e.g. 社会福祉法第106条の6. */
  readonly basis: string;
}

export interface Agenda {
  /** The tab it is written to: 次第_YYYY-MM-DD_<会議種別>. */
  readonly sheet: string;
  readonly meeting: AgendaMeeting;
  readonly opening: Slot;
  readonly closing: Slot;
  readonly items: readonly AgendaItem[];
  readonly excluded: readonly Exclusion[];
  readonly participants: readonly string[];
  /** Things the coordinator should know before writing it (a holiday, no cases …), in Japanese. */
  readonly notes: readonly string[];
  /** 決裁欄 of 設定, printed at the foot. */
  readonly approvals: readonly string[];
}
