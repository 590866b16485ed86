// What the agenda endpoints return. google.script.run passes plain data only
// (no Date), and nothing here names a person: cases go by ケースID, 年代 and
// 性別, never by 本人氏名, カナ or 生年月日.
import type { AgendaDrift } from '../../domain/agenda/drift';
import type { AgendaJson } from '../../domain/agenda/render';
import type { AgendaMeeting, Exclusion, ItemKind, Slot } from '../../domain/agenda/types';
import type { AgendaPlan } from '../../domain/plan/agendaPlan';
import type { Finding } from '../../domain/validate/problem';

/** A row of 会議記録. */
export interface MeetingSummary {
  readonly row: number;
  readonly meetingId: string;
  readonly meetingType: string;
  /** ISO when readable. */
  readonly date: string;
  /** 「2026年12月8日（火）・令和8年12月8日」 */
  readonly dateText: string;
  readonly start: string;
  readonly place: string;
  /** 予定 / 開催済 / 中止. */
  readonly status: string;
  readonly caseIds: readonly string[];
  readonly attendingAgencies: readonly string[];
  readonly decisions: string;
  /** The agenda tab's name, and whether the workbook has it. */
  readonly sheet: string;
  readonly hasSheet: boolean;
}

export interface PreviewItem extends Slot {
  readonly order: number;
  readonly caseId: string;
  readonly kind: ItemKind;
  readonly ageBand: string;
  readonly sex: string;
  readonly referrerAgency: string;
  readonly selectedBy: 'scheduled' | 'monitoringDue';
}

/** What an agenda will hold, before anything is written. */
export interface AgendaPreview {
  readonly sheet: string;
  readonly meeting: AgendaMeeting & { readonly dateText: string };
  readonly opening: Slot;
  readonly closing: Slot;
  readonly items: readonly PreviewItem[];
  readonly excluded: readonly Exclusion[];
  readonly participants: readonly string[];
  readonly notes: readonly string[];
  /** Whether the tab is there already (making it again replaces it). */
  readonly sheetExists: boolean;
  /** How the existing tab differs from what would be written now; null without a tab or when it matches. */
  readonly drift: AgendaDrift | null;
  /** The 会議記録 row of this meeting, when there is one. */
  readonly meetingRecord: MeetingSummary | null;
}

/** SPEC §11's agenda JSON, and what was written. */
export interface AgendaCreated extends AgendaJson {
  readonly meetingId: string;
  /** Whether the 会議記録 row was added now or updated. */
  readonly meetingRecord: 'added' | 'updated';
  /** Whether an earlier tab of the same name was replaced. */
  readonly replaced: boolean;
  readonly notes: readonly string[];
}

/** A meeting's 予定 cases as the outcome form shows them. */
export interface OutcomeCase {
  readonly caseId: string;
  /** False when the ケースID is no longer on 共通シート (then it takes no outcome). */
  readonly found: boolean;
  readonly ageBand: string;
  readonly sex: string;
  /** The kind of item its 状態 makes it; '' when the 状態 fits none. */
  readonly kind: ItemKind | '';
  readonly consent: string;
  readonly status: string;
  readonly nextMeetingType: string;
  readonly nextMeetingOn: string;
  readonly nextMonitoringOn: string;
  readonly closedOn: string;
  readonly closingNote: string;
  /** At a consent meeting: the 案 it may decide and the 決定 plan it may review (texts masked as on the agenda); else both null. */
  readonly plans: { readonly draft: AgendaPlan | null; readonly current: AgendaPlan | null };
}

export interface MeetingList {
  readonly today: string;
  /** 予定 meetings, soonest first, then those held or cancelled in the last 60 days, latest first. */
  readonly meetings: readonly MeetingSummary[];
  /** Dates open cases are waiting for (次回会議種別 and 次回会議予定日 from today on), soonest first. */
  readonly upcoming: readonly { readonly meetingType: string; readonly date: string; readonly dateText: string; readonly cases: number }[];
}

export interface MeetingForOutcomes {
  readonly today: string;
  readonly meeting: MeetingSummary;
  readonly cases: readonly OutcomeCase[];
  /** The agencies expected: 事務局 aside, the participants of its cases (for 出席機関). */
  readonly expectedAgencies: readonly string[];
}

export type OutcomeResult =
  | {
    readonly saved: true;
    readonly meetingId: string;
    readonly meetingStatus: string;
    /** Cases whose row changed. */
    readonly updatedCases: readonly string[];
    readonly warnings: readonly (Finding & { readonly caseId: string })[];
  }
  | { readonly saved: false; readonly errors: readonly (Finding & { readonly caseId: string })[] };
