// The arguments every server function accepts, as zod schemas shared with the
// sidebar: whatever crosses from the page to the server is checked here first.
import { FISCAL_YEAR_RANGE } from '../domain/counts/fiscalYear';
import { AGE_BANDS, CASE_STATUSES, TAB } from '../domain/fields';
import { isIsoDate } from '../domain/normalize';
import { planOutcomeInput } from '../domain/plan/schema';
import { activityRecordInput, caseRecordInput } from '../domain/schema';
import { CASE_ID_PATTERN, TIME_PATTERN } from '../domain/validate/fieldRules';
import * as z from '../domain/zod';
import { columnChoice } from './standardizeTypes';

export const isoDate = z.string().check(z.refine(isIsoDate, { message: '日付は 2024-04-01 の形で指定してください。' }));

export const todayShape = {
  /** The day rules treat as today (tests and the CLI's --today); default: today in Asia/Tokyo. */
  today: z.optional(isoDate),
};

export const prepareArgs = z.strictObject({ ...todayShape });
export const standardizeArgs = z.strictObject({
  ...todayShape,
  sheetName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
  /** Mappings the person changed on the plan (sidebar dropdowns, CLI --map). */
  map: z.optional(z.array(columnChoice).check(z.maxLength(200))),
});
export const checkArgs = z.strictObject({
  ...todayShape,
  /** Whether to mark problem cells on the sheet (the menu does; a dry check does not). */
  mark: z._default(z.boolean(), true),
});

/** Sent with every save, so a double click or a retried call saves once. */
export const requestId = z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { message: '送信IDの形が正しくありません。' }));

/** A ケースID as the add-on assigns it: never blank, so it can only name a row that has one. */
const caseId = z.string().check(z.regex(CASE_ID_PATTERN, { message: 'ケースIDは 2024-0001 の形で指定してください。' }));

// Saves take no `today`: the server decides it, so no page can move the
// future-date or meeting-date rules.
export const sidebarStateArgs = z.strictObject({ ...todayShape });
export const saveCaseArgs = z.strictObject({
  record: caseRecordInput,
  /** The ケースID of the case being edited; absent for a new case. */
  editing: z.optional(caseId),
  /** With `editing`: the form as it was loaded, so only what the person changed is saved. */
  loaded: z.optional(caseRecordInput),
  requestId,
});
/**
 * After a save, the saved row checked again (not the whole book): a case by
 * its ケースID, or a 支援記録 by the 記録ID its save gave it.
 */
export const recheckArgs = z.union([
  z.strictObject({
    ...todayShape, sheet: z.literal(TAB.cases), id: caseId,
    /** An edit's カナ and 生年月日 as loaded: the rows that shared them lose their possible duplicate with it. */
    formerly: z.optional(z.strictObject({ personKana: z.string().check(z.maxLength(200)), birthDate: z.string().check(z.maxLength(100)) })),
  }),
  /** The 記録IDs of the rows a 支援記録 save or a 連携 wrote. */
  z.strictObject({ ...todayShape, sheet: z.literal(TAB.activities), ids: z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(40))).check(z.minLength(1), z.maxLength(200)) }),
]);
/** 「選択中の行を読み込む」 (no ケースID), or one case again by its ID (after a refused save). */
export const loadCaseArgs = z.strictObject({ caseId: z.optional(caseId) });
export const caseDraftArgs = z.strictObject({
  record: caseRecordInput,
  editing: z.optional(caseId),
  loaded: z.optional(caseRecordInput),
});
export const saveActivityArgs = z.strictObject({
  record: activityRecordInput,
  /** The person saw that a record of the same case, date and 種別 exists, and saves anyway. */
  allowSameDay: z._default(z.boolean(), false),
  requestId,
});
/** 状態: 'open' (default) leaves out 終結・つなぎもどし・中断, 'all' keeps every case, a status keeps only it. */
export const caseSearchArgs = z.strictObject({
  caseId: z.optional(z.string().check(z.maxLength(20))),
  ageBand: z.optional(z.enum(AGE_BANDS)),
  referrerAgency: z.optional(z.string().check(z.maxLength(100))),
  status: z.optional(z.enum(['open', 'all', ...CASE_STATUSES])),
  /** Only cases whose 本人同意 is あり (the plan's picker: a plan never comes before consent). */
  consent: z.optional(z.literal('あり')),
  page: z.optional(z.int().check(z.minimum(0), z.maximum(10_000))),
});
export const preIntakeSubjectsArgs = z.strictObject({});
export const linkPreIntakeArgs = z.strictObject({
  subject: z.string().check(z.trim(), z.minLength(1), z.maxLength(200)),
  caseId: z.string().check(z.trim(), z.minLength(1), z.maxLength(40)),
  /** How many records of the 対象 the person was offered (getPreIntakeSubjects): lets the link read only the rows found. */
  records: z.optional(z.int().check(z.minimum(1))),
  requestId,
});
export const selectCellArgs = z.strictObject({
  sheet: z.enum([TAB.cases, TAB.activities, TAB.meetings, TAB.plans, TAB.tasks]),
  row: z.int().check(z.minimum(1), z.maximum(1_000_000)),
  /** The column's header text, as a problem names it. */
  column: z.string().check(z.minLength(1), z.maxLength(100)),
});

export class ArgumentError extends Error {}

/**
 * Parses an endpoint's argument or throws a Japanese message naming what is
 * wrong. Our own messages are whole sentences that name the item (開始時刻は…)
 * and are shown as they are; zod's own (a wrong type, an unknown key) can only
 * come from a caller's mistake, never from what a person typed, and keep the
 * argument's path for whoever fixes that caller.
 */
export function parseArgs<S extends z.ZodMiniType>(schema: S, raw: unknown): z.output<S> {
  const result = schema.safeParse(raw ?? {});
  if (result.success) return result.data;
  const sentences = result.error.issues.filter((i) => i.message.endsWith('。')).map((i) => i.message);
  if (sentences.length) throw new ArgumentError([...new Set(sentences)].join(''));
  const details = result.error.issues.map((i) => `${i.path.join('.') || '引数'}: ${i.message}`).join(' / ');
  throw new ArgumentError(`指定された内容を読み取れませんでした（${details}）。`);
}

// 月次集計 (SPEC §9).
const fiscalYear = z.int().check(
  z.minimum(FISCAL_YEAR_RANGE.min, { message: `年度は${FISCAL_YEAR_RANGE.min}〜${FISCAL_YEAR_RANGE.max}の西暦で指定してください。` }),
  z.maximum(FISCAL_YEAR_RANGE.max, { message: `年度は${FISCAL_YEAR_RANGE.min}〜${FISCAL_YEAR_RANGE.max}の西暦で指定してください。` }),
);
export const countsArgs = z.strictObject({
  ...todayShape,
  /** Default: the fiscal year of today. */
  fiscalYear: z.optional(fiscalYear),
});
export const countsStateArgs = z.strictObject({ ...todayShape });
export const dailyCountsArgs = z.strictObject({});
/** The daily trigger passes Apps Script's event object; only `today` (tests) is read from it. */
export const dailyRunArgs = z.object({ today: z.optional(isoDate) });

// 会議次第 (SPEC §8) and what a meeting decided.
const meetingDate = z.string().check(z.refine(isIsoDate, { message: '開催日は 2026-12-08 の形で、実在する日付を指定してください。' }));
const startTime = z.string().check(z.regex(TIME_PATTERN, { message: '開始時刻は 14:00 の形（24時間制）で指定してください。' }));
const meetingId = z.string().check(z.trim(), z.minLength(1, { message: '会議IDを指定してください。' }), z.maxLength(40));
const optionalText = (label: string, max: number) => z.optional(z.string().check(z.maxLength(max, { message: `${label}は${max}文字以内で入力してください。` })));

export const agendaArgs = z.strictObject({
  ...todayShape,
  // The tab is named 次第_YYYY-MM-DD_<会議種別>, and Sheets allows 100 characters in a tab's name.
  meetingType: z.string().check(z.trim(), z.minLength(1, { message: '会議種別を指定してください。' }), z.maxLength(80, { message: '会議種別は80文字以内で指定してください。' })),
  date: meetingDate,
  /** Default: the 開始時刻 of the meeting's 会議記録 row, else of its type in 設定. */
  start: z.optional(startTime),
  /** Default: the 場所 of the meeting's 会議記録 row. */
  place: optionalText('場所', 200),
  includeDue: z._default(z.boolean(), false),
});
export const meetingListArgs = z.strictObject({ ...todayShape });
export const meetingArgs = z.strictObject({ ...todayShape, meetingId });
/** What the meeting decided for one case; a field left out stays as it is, '' empties it. */
export const caseOutcome = z.strictObject({
  caseId,
  status: z.optional(z.enum(CASE_STATUSES)),
  nextMeetingType: optionalText('次回会議種別', 100),
  nextMeetingOn: optionalText('次回会議予定日', 40),
  nextMonitoringOn: optionalText('次回モニタリング日', 40),
  closedOn: optionalText('終結日', 40),
  closingNote: optionalText('終結理由', 2000),
  /** A consent meeting deciding the case's 案 or reviewing its plan (SPEC §12); 決定日・評価日 are the meeting's date. */
  plan: z.optional(planOutcomeInput),
  /**
   * The case's outcome fields as the form loaded them (the sidebar always sends
   * them): then only the fields that differ are written, and one a colleague
   * changed meanwhile is refused. Without it, every field sent is written.
   */
  loaded: z.optional(z.strictObject({
    status: optionalText('状態', 100),
    nextMeetingType: optionalText('次回会議種別', 100),
    nextMeetingOn: optionalText('次回会議予定日', 40),
    nextMonitoringOn: optionalText('次回モニタリング日', 40),
    closedOn: optionalText('終結日', 40),
    closingNote: optionalText('終結理由', 2000),
  })),
});
export const meetingOutcomeArgs = z.strictObject({
  meetingId,
  meetingStatus: z.enum(['開催済', '中止']),
  /** 出席機関; left as it is when absent. */
  attendingAgencies: z.optional(z.array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))).check(z.maxLength(100))),
  /** 決定事項; left as it is when absent. */
  decisions: optionalText('決定事項', 5000),
  outcomes: z.array(caseOutcome).check(z.maxLength(200)),
  requestId,
});
