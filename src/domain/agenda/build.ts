// An agenda (SPEC §8) from the request, 設定 and the 共通シート rows: the
// selection, the times, what each item shows (masked), the participants and
// what the coordinator should know before it is written.
import { offDayNote } from '../calendar/offDays';
import { longDate } from '../calendar/days';
import { splitList } from '../normalize';
import { CASE_FIELDS } from '../fields';
import { settingValues, type MeetingType, type Settings } from '../settings';
import { closestValue } from '../suggest';
import { initialsOf } from './initials';
import { maskedPlanOf, type AgendaPlan, type CasePlanSources } from '../plan/agendaPlan';
import { listedOnly, personOf, shorten, textMasker, UNLISTED, type PersonIdentity } from './masking';
import { minutesOf, schedule } from './schedule';
import { selectCases, type SelectedCase } from './selection';
import type { Agenda, AgendaItem, AgendaRequest, CaseRow, ItemKind, Slot } from './types';

/** What the meeting decides for each kind of item. */
export const DECIDE: Readonly<Record<ItemKind, string>> = {
  新規検討: '支援方針・役割分担',
  モニタリング: '進捗確認・プラン見直し',
  終結評価: '終結・つなぎもどしの判断',
};

/** The participant standing for the office that runs the meeting. */
export const SECRETARIAT = '事務局';

const SUMMARY_LENGTH = 100;
const HOUSEHOLD_LENGTH = 60;

export function agendaSheetName(date: string, meetingType: string): string {
  return `次第_${date}_${meetingType}`;
}

/** The meeting type of 設定 with that name; a Japanese message naming the choices when there is none. */
export function findMeetingType(settings: Settings, name: string): MeetingType {
  const found = settings.meetingTypes.find((m) => m.name === name);
  if (found) return found;
  const names = settings.meetingTypes.map((m) => m.name);
  const close = closestValue(name, names);
  throw new Error(`会議種別「${name}」は設定タブの「会議種別」にありません。${close ? `「${close}」のことでしたら、そのように指定してください。` : ''}設定にある会議種別：${names.join('、')}`);
}

/** Every value an item may print of a field: 設定's list, or the field's fixed one. */
function allowedOf(key: string, settings: Settings): readonly string[] {
  const source = CASE_FIELDS.find((f) => f.key === key)?.source;
  if (!source) return [];
  return source.kind === 'fixed' ? source.values : settingValues(settings, source.list);
}

/** A list or choice cell as an agenda prints it: listed values only, then masked. */
function listedText(value: string, key: string, settings: Settings, mask: (text: string) => string): string {
  const values = splitList(value);
  return listedOnly(values, allowedOf(key, settings)).map(mask).join('、');
}

function itemOf(c: SelectedCase, slot: Slot, order: number, settings: Settings, mask: (text: string) => string, plans: AgendaInput['plans']): AgendaItem {
  const t = c.text;
  const listed = (key: 'ageBand' | 'sex' | 'lifeAreas' | 'tags' | 'referrerAgency' | 'mainAgency' | 'consent'): string =>
    listedText(t[key] ?? '', key, settings, mask);
  return {
    ...slot,
    order,
    caseId: mask(t.caseId ?? ''),
    kind: c.kind,
    row: c.row,
    selectedBy: c.selectedBy,
    ageBand: listed('ageBand'),
    sex: listed('sex'),
    initials: settings.agendaNameDisplay === 'イニシャル' ? initialsOf(t.personKana ?? '') : '',
    household: shorten(mask(t.household ?? ''), HOUSEHOLD_LENGTH),
    lifeAreas: listed('lifeAreas'),
    tags: listed('tags'),
    referrerAgency: listed('referrerAgency'),
    mainAgency: listed('mainAgency'),
    consent: listed('consent'),
    summary: shorten(mask(t.summary ?? ''), SUMMARY_LENGTH),
    decide: DECIDE[c.kind],
    plan: agendaPlanOf(c.kind, plans?.get(t.caseId ?? ''), mask, settings),
  };
}

/** Every value 設定 lists: words an agenda prints whole, whoever is called 森 or 関. */
export function settingsWords(settings: Settings): string[] {
  return [...settings.agencies.map((a) => a.name), ...settings.areas, ...settings.lifeAreas, ...settings.tags, ...settings.meetingTypes.map((m) => m.name)];
}

/**
 * The masking of every text an agenda (or the form after its meeting) shows:
 * the workbook is the name list, so `people` is every case of 共通シート, not
 * only those on the agenda (a wife who is a case herself, named in her
 * husband's 相談の概要).
 */
export function agendaMasker(people: readonly PersonIdentity[], settings: Settings): (text: string) => string {
  return textMasker(people, settingsWords(settings));
}

/** A 新規検討 item shows the 案 to decide; a モニタリング or 終結評価 item the plan in force (SPEC §8). */
function agendaPlanOf(kind: ItemKind, sources: CasePlanSources | undefined, masker: (text: string) => string, settings: Settings): AgendaPlan | null {
  const source = kind === '新規検討' ? sources?.draft : sources?.current;
  return source ? maskedPlanOf(source, masker, settings) : null;
}

/**
 * 事務局, then every つなぎ元機関, 主担当機関 and 関係機関 of the cases once, in
 * the order of 設定's agency list (names not in it after, as they come).
 */
export function participantsOf(cases: readonly { readonly referrerAgency: string; readonly mainAgency: string; readonly relatedAgencies: string }[], settings: Settings): string[] {
  const named = new Set(cases.flatMap((c) => [c.referrerAgency, c.mainAgency, ...splitList(c.relatedAgencies)]).filter((n) => n !== ''));
  const listed = settings.agencies.map((a) => a.name).filter((n) => named.has(n));
  return [...new Set([SECRETARIAT, ...listed, ...named])];
}

/** The participants as the agenda prints them: a name 設定 does not list (民生委員 鈴木一郎) only as 「（設定外の値）」. */
function printedParticipants(names: readonly string[], settings: Settings, mask: (text: string) => string): string[] {
  const agencies = settings.agencies.map((a) => a.name);
  return [SECRETARIAT, ...new Set(listedOnly(names.slice(1), agencies).map((n) => (n === UNLISTED ? n : mask(n))))];
}

function notesOf(request: AgendaRequest, items: readonly AgendaItem[], end: string, today: string | undefined): string[] {
  const notes: string[] = [];
  const offDay = offDayNote(request.date);
  if (offDay) notes.push(offDay);
  if (today && request.date < today) notes.push(`開催日の${longDate(request.date)}は、今日より前の日付です。`);
  if (items.length === 0) {
    notes.push(`共通シートに、この会議種別・開催日で載せるケースがありません。次回会議種別と次回会議予定日を確かめてください。${request.includeDue ? '' : '「モニタリング時期のケースも含める」を選ぶと、次回モニタリング日が来ているケースも載せます。'}`);
  }
  if (minutesOf(end) > 24 * 60) notes.push(`終了予定が${end}になり、日付をまたぎます。開始時刻か検討するケースの数を見直してください。`);
  return notes;
}

export interface AgendaInput {
  readonly request: AgendaRequest;
  readonly settings: Settings;
  /** 共通シート rows; rows of other meeting types may be left out beforehand. */
  readonly cases: readonly CaseRow[];
  /** For the note on a date already past; none without it. */
  readonly today?: string;
  /** The cases' plans by ケースID; none shown without it. */
  readonly plans?: ReadonlyMap<string, CasePlanSources>;
  /** Every case of 共通シート, whose names and birth dates are masked too; `cases` alone without it. */
  readonly people?: readonly PersonIdentity[];
}

export function buildAgenda({ request, settings, cases, today, plans, people }: AgendaInput): Agenda {
  const meeting = findMeetingType(settings, request.meetingType);
  const { selected, excluded } = selectCases(cases, meeting, settings, request);
  const start = request.start ?? meeting.startTime;
  const times = schedule(selected.map((c) => c.kind), meeting, start);
  const mask = agendaMasker([...(people ?? []), ...cases.map((c) => personOf(c.text))], settings);
  const items = selected.map((c, i) => itemOf(c, times.items[i]!, i + 1, settings, mask, plans));
  const participants = printedParticipants(participantsOf(selected.map((c) => ({
    referrerAgency: c.text.referrerAgency ?? '', mainAgency: c.text.mainAgency ?? '', relatedAgencies: c.text.relatedAgencies ?? '',
  })), settings), settings, mask);
  return {
    sheet: agendaSheetName(request.date, meeting.name),
    meeting: {
      type: meeting.name, date: request.date, start, end: times.closing.end, place: request.place ?? '',
      consentRequired: meeting.consentRequired, basis: meeting.basis,
    },
    opening: times.opening,
    closing: times.closing,
    items,
    // A message quotes what was typed (次回会議予定日「今井道子さんの退院後」): it is masked like any copied text.
    excluded: excluded.map((e) => ({ ...e, caseId: mask(e.caseId), message: mask(e.message) })),
    participants,
    notes: notesOf(request, items, times.closing.end, today),
    approvals: settings.approvals,
  };
}
