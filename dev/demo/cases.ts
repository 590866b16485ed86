// The 共通シート rows of the demo, drawn as plain records first so that the
// rules between fields (dates in order, consent before a plan, a closed case
// with its reason) are kept in one place before anything becomes a cell.
import { isClosedStatus } from '../../src/domain/fields';
import { ageBandOf } from '../../src/domain/record';
import { DEFAULT_SETTINGS, type Agency } from '../../src/domain/settings';
import {
  ageOn, dayFromParts, daysInMonth, fiscalYearOf, impossibleKanjiDate, isoOf, partsOf,
  type Day, type TypedStyle,
} from './calendar';
import { makePerson, type NamePart, type Person } from './people';
import type { Rng } from './random';
import { PAIRS, SITUATIONS, type Member, type Profile, type Situation } from './situations';
import { CASE_NOTES, CLOSING_NOTES, DEMO_AREAS, REFERRER_ROLES } from './texts';

/** A deliberate mistake on a case row, and the rule code the validator must report. */
type CasePlantKind =
  | 'closingNoteMissing' | 'unknownReferrer' | 'overdueMonitoring' | 'impossibleDate' | 'planWithoutConsent'
  | 'consentEmpty' | 'consentDateMissing' | 'meetingDateMissing' | 'meetingWithoutConsent' | 'futureReceipt';

export interface CasePlant { readonly kind: CasePlantKind; readonly field: string; readonly code: string }

/**
 * In the order they appear down the sheet. Mistakes needing an old case come
 * first; the future 受付日 comes last, where the dates are nearest to today.
 */
const CASE_PLANTS: readonly CasePlant[] = [
  { kind: 'closingNoteMissing', field: 'closingNote', code: 'closing_required' },
  { kind: 'unknownReferrer', field: 'referrerAgency', code: 'unknown_value' },
  { kind: 'overdueMonitoring', field: 'nextMonitoringOn', code: 'monitoring_overdue' },
  { kind: 'impossibleDate', field: 'receivedOn', code: 'invalid_date' },
  { kind: 'planWithoutConsent', field: 'planOn', code: 'consent_required_for_plan' },
  { kind: 'consentEmpty', field: 'consent', code: 'required' },
  { kind: 'consentDateMissing', field: 'consentOn', code: 'consent_date_missing' },
  { kind: 'meetingDateMissing', field: 'nextMeetingOn', code: 'meeting_incomplete' },
  { kind: 'meetingWithoutConsent', field: 'nextMeetingType', code: 'consent_required_for_meeting' },
  { kind: 'futureReceipt', field: 'receivedOn', code: 'future_date' },
];

/** The status and consent each planted row is drawn with, so that only its own rule breaks. */
const PLANT_SHAPE: Record<CasePlantKind, { status: string; consent: string }> = {
  closingNoteMissing: { status: '終結', consent: 'あり' },
  unknownReferrer: { status: '支援中', consent: 'あり' },
  overdueMonitoring: { status: '支援中', consent: 'あり' },
  impossibleDate: { status: 'アセスメント中', consent: 'あり' },
  planWithoutConsent: { status: '支援中', consent: 'なし' },
  consentEmpty: { status: 'アセスメント中', consent: '確認中' },
  consentDateMissing: { status: 'プラン作成中', consent: 'あり' },
  meetingDateMissing: { status: 'アセスメント中', consent: 'なし' },
  meetingWithoutConsent: { status: 'アセスメント中', consent: '確認中' },
  futureReceipt: { status: '受付', consent: '確認中' },
};

/** The agency a planted unknown つなぎ元機関 is a near miss of. */
const NEAR_MISS = { typed: '包括支援センター', meant: '地域包括支援センター' } as const;

export const SUPPORT_MEETING = '支援会議';
export const PLAN_MEETING = '重層的支援会議';

export interface CaseDraft {
  readonly row: number;
  caseId: string;
  receivedDay: Day;
  referrer: Agency;
  referrerStaff: string;
  person: Person;
  sex: string;
  birthDay: Day | null;
  ageBand: string;
  area: string;
  householdId: string;
  household: string;
  lifeAreas: string[];
  tags: string[];
  summary: string;
  reason: string;
  consent: string;
  consentDay: Day | null;
  related: string[];
  status: string;
  mainAgency: string;
  planDay: Day | null;
  meetingType: string;
  meetingDay: Day | null;
  monitoringDay: Day | null;
  closedDay: Day | null;
  closingNote: string;
  notes: string;
  updatedAt: string;
  updatedBy: string;
  /** How the staff member behind this row types 受付日 and 同意取得日; null for date cells. */
  typed: TypedStyle | null;
  birthTyped: TypedStyle | null;
  plant: CasePlant | null;
  /** Text a planted mistake shows instead of the drawn value, by field key. */
  overrides: Record<string, string>;
}

export interface CaseContext {
  readonly rng: Rng;
  readonly today: Day;
  /** Upcoming meeting dates by meeting type, soonest first. */
  readonly upcoming: ReadonlyMap<string, readonly Day[]>;
  /** Keys of 本人氏名カナ + 生年月日 already used, so no two cases look like duplicates. */
  readonly taken: Set<string>;
}

const AGENCY_BY_NAME = new Map(DEFAULT_SETTINGS.agencies.map((a) => [a.name, a]));

function agency(name: string): Agency {
  const found = AGENCY_BY_NAME.get(name);
  if (!found) throw new Error(`not a default agency: ${name}`);
  return found;
}

function drawStatus(rng: Rng, elapsed: number): string {
  if (elapsed < 14) return rng.weighted([['受付', 6], ['アセスメント中', 4]]);
  if (elapsed < 60) return rng.weighted([['受付', 15], ['アセスメント中', 35], ['プラン作成中', 25], ['支援中', 20], ['中断', 5]]);
  return rng.weighted([
    ['受付', 3], ['アセスメント中', 7], ['プラン作成中', 10], ['支援中', 35],
    ['終結検討', 12], ['終結', 18], ['つなぎもどし', 10], ['中断', 5],
  ]);
}

function drawConsent(rng: Rng, status: string): string {
  switch (status) {
    case '受付': return rng.weighted([['あり', 3], ['確認中', 5], ['なし', 2]]);
    case 'アセスメント中': return rng.weighted([['あり', 55], ['確認中', 30], ['なし', 15]]);
    case 'つなぎもどし':
    case '中断': return rng.weighted([['あり', 5], ['なし', 3], ['確認中', 2]]);
    default: return rng.weighted([['あり', 88], ['なし', 12]]);
  }
}

const PLANNED_STATUSES = new Set(['支援中', '終結検討', '終結']);

interface DrawnPerson { person: Person; sex: string; birthDay: Day | null; ageBand: string; age: number }

function kanaKey(kana: string, birthDay: Day | null): string {
  return `${kana.replace(/ /g, '')}|${birthDay === null ? '' : isoOf(birthDay)}`;
}

/**
 * A person aged `age` on the day of receipt. The birthday is kept at least two
 * days away from that day (and never on 29 February) so that 年代 does not
 * depend on how a validator counts the birthday itself.
 */
function drawPerson(ctx: CaseContext, profile: Profile, receivedDay: Day, family?: NamePart): DrawnPerson {
  const { rng } = ctx;
  const age = rng.int(profile.ages[0], profile.ages[1]);
  const sex = rng.weighted([[rng.chance(profile.female) ? '女性' : '男性', 985], ['不明', 10], ['その他', 5]]);
  const r = partsOf(receivedDay);
  const lastBirthday = dayFromParts(r.year - age, r.month, r.date);
  for (;;) {
    let birthDay = lastBirthday - rng.int(2, 360);
    const b = partsOf(birthDay);
    if (b.month === 2 && b.date === 29) birthDay -= 1;
    const person = makePerson(rng, partsOf(birthDay).year, sex, family);
    // A few rows are entered without a birth date; 年代 is then an estimate.
    if (rng.chance(0.04) && !ctx.taken.has(kanaKey(person.kana, null))) {
      ctx.taken.add(kanaKey(person.kana, null));
      return { person, sex, birthDay: null, ageBand: rng.chance(0.7) ? ageBandOf(age) : '不明', age };
    }
    const key = kanaKey(person.kana, birthDay);
    if (ctx.taken.has(key)) continue;
    ctx.taken.add(key);
    return { person, sex, birthDay, ageBand: ageBandOf(ageOn(birthDay, receivedDay)), age };
  }
}

function fillText(template: string, person: Person): string {
  return template.replace(/\{姓\}/g, person.family.kanji).replace(/\{氏名\}/g, person.name.replace(' ', ''));
}

function drawSummary(rng: Rng, profile: Profile, person: Person): string {
  const named = profile.namedSummaries.length > 0 && rng.chance(0.2);
  return fillText(rng.pick(named ? profile.namedSummaries : profile.summaries), person);
}

function drawList(rng: Rng, core: string | undefined, rest: readonly string[], extra: number): string[] {
  const chosen = core === undefined ? [] : [core];
  return [...chosen, ...rng.sample(rest.filter((v) => v !== core), extra)];
}

/** Dates after receipt in their natural order, none after today. */
function drawTimeline(rng: Rng, d: CaseDraft, today: Day): void {
  const clamp = (day: Day): Day => Math.min(day, today);
  const closed = isClosedStatus(d.status);
  d.consentDay = d.consent === 'あり' ? clamp(d.receivedDay + rng.int(0, 21)) : null;
  const planned = d.consent === 'あり' && (PLANNED_STATUSES.has(d.status) || (closed && rng.chance(0.5)));
  d.planDay = planned ? clamp((d.consentDay ?? d.receivedDay) + rng.int(3, 40)) : null;
  if (closed) {
    d.closedDay = clamp(Math.max(d.receivedDay, d.planDay ?? d.consentDay ?? d.receivedDay) + rng.int(5, 150));
    d.closingNote = rng.pick(CLOSING_NOTES[d.status] ?? []);
  }
  if (d.status === '支援中' || (d.status === '終結検討' && rng.chance(0.5))) d.monitoringDay = today + rng.int(7, 90);
}

function drawAgencies(rng: Rng, d: CaseDraft, profile: Profile): void {
  const pool = [...new Set([d.referrer.name, ...profile.related])];
  const undecided = d.status === '受付' && rng.chance(0.5);
  d.mainAgency = undecided ? '' : rng.pick(pool);
  d.related = rng.sample(pool.filter((name) => name !== d.mainAgency), rng.int(undecided ? 0 : 1, 3));
}

interface DrawInput {
  readonly row: number;
  readonly receivedDay: Day;
  readonly profile: Profile;
  readonly householdId: string;
  readonly plant: CasePlant | null;
  readonly family?: NamePart;
}

function drawCase(ctx: CaseContext, input: DrawInput): { draft: CaseDraft; age: number } {
  const { rng, today } = ctx;
  const { profile, receivedDay, plant } = input;
  const shape = plant ? PLANT_SHAPE[plant.kind] : null;
  const drawn = drawPerson(ctx, profile, receivedDay, input.family);
  const referrer = agency(rng.pick(profile.referrers));
  const status = shape?.status ?? drawStatus(rng, today - receivedDay);
  const typed = plant ? null : rng.weighted<TypedStyle | null>([[null, 88], ['kanji', 5], ['letter', 4], ['fullWidth', 3]]);
  const d: CaseDraft = {
    row: input.row, caseId: '', receivedDay, referrer,
    referrerStaff: rng.pick(REFERRER_ROLES[referrer.field]),
    person: drawn.person, sex: drawn.sex, birthDay: drawn.birthDay, ageBand: drawn.ageBand,
    area: rng.pick(DEMO_AREAS), householdId: input.householdId, household: '',
    lifeAreas: drawList(rng, profile.lifeAreas[0], profile.lifeAreas, rng.int(0, 2)),
    tags: drawList(rng, profile.coreTag, profile.extraTags, rng.chance(0.4) ? 1 : 0),
    summary: drawSummary(rng, profile, drawn.person), reason: rng.pick(profile.reasons),
    consent: shape?.consent ?? drawConsent(rng, status), consentDay: null, related: [], status, mainAgency: '',
    planDay: null, meetingType: '', meetingDay: null, monitoringDay: null, closedDay: null, closingNote: '',
    notes: rng.chance(0.12) ? rng.pick(CASE_NOTES) : '',
    updatedAt: '', updatedBy: `staff${rng.int(1, 8)}@town.example`,
    typed, birthTyped: typed && rng.chance(0.6) ? typed : null,
    plant, overrides: {},
  };
  drawTimeline(rng, d, today);
  drawAgencies(rng, d, profile);
  return { draft: d, age: drawn.age };
}

/** Bends a drawn row into its planted mistake; PLANT_SHAPE already set status and consent. */
function applyPlant(ctx: CaseContext, d: CaseDraft): void {
  const { rng, today } = ctx;
  switch (d.plant?.kind) {
    case 'closingNoteMissing': d.closingNote = ''; break;
    case 'unknownReferrer':
      d.referrer = agency(NEAR_MISS.meant);
      d.referrerStaff = rng.pick(REFERRER_ROLES[d.referrer.field]);
      d.overrides.referrerAgency = NEAR_MISS.typed;
      break;
    case 'overdueMonitoring': {
      const past = Math.max(d.receivedDay + 1, today - rng.int(3, 30));
      d.monitoringDay = past < today ? past : today - 1;
      break;
    }
    case 'impossibleDate': {
      const { year, month } = partsOf(d.receivedDay);
      d.overrides.receivedOn = impossibleKanjiDate(year, month);
      break;
    }
    case 'planWithoutConsent': d.planDay = Math.min(today, d.receivedDay + rng.int(7, 40)); break;
    case 'consentEmpty': d.consent = ''; break;
    case 'consentDateMissing': d.consentDay = null; break;
    case 'meetingDateMissing': d.meetingType = SUPPORT_MEETING; break;
    case 'meetingWithoutConsent':
      d.meetingType = PLAN_MEETING;
      d.meetingDay = ctx.upcoming.get(PLAN_MEETING)?.[0] ?? today + 14;
      break;
    case 'futureReceipt':
    case undefined: break;
  }
}


/** The last day of the nearest short month (2, 4, 6, 9, 11) within [from, to], looking back first. */
function shortMonthEnd(day: Day, from: Day, to: Day): Day {
  const { year, month } = partsOf(day);
  for (const offset of [...Array(24).keys()].flatMap((i) => (i === 0 ? [0] : [-i, i]))) {
    const first = dayFromParts(year, month + offset, 1);
    const { year: y, month: m } = partsOf(first);
    const end = dayFromParts(y, m, daysInMonth(y, m));
    if ([2, 4, 6, 9, 11].includes(m) && end >= from && end <= to) return end;
  }
  return day;
}

/** Planted rows spread evenly down the sheet; with fewer than 20 cases, what fits. */
function plantRows(count: number): Map<number, CasePlant> {
  const plants = CASE_PLANTS.slice(0, count >= 20 ? CASE_PLANTS.length : Math.floor(count / 2));
  return new Map(plants.map((plant, i) => [Math.floor(((i + 0.5) * count) / plants.length), plant]));
}

function receivedDayFor(ctx: CaseContext, plant: CasePlant | null, slotDay: Day, periodStart: Day): Day {
  if (plant?.kind === 'futureReceipt') return ctx.today + ctx.rng.int(3, 12);
  if (plant?.kind === 'impossibleDate') return shortMonthEnd(slotDay, periodStart, ctx.today);
  return slotDay;
}

const NEAR_MISS_SITUATIONS = SITUATIONS.filter(([s]) => s.referrers.includes(NEAR_MISS.meant));

function drawSingle(ctx: CaseContext, row: number, receivedDay: Day, householdId: string, plant: CasePlant | null): CaseDraft {
  const situation: Situation = ctx.rng.weighted(plant?.kind === 'unknownReferrer' ? NEAR_MISS_SITUATIONS : SITUATIONS);
  const { draft, age } = drawCase(ctx, { row, receivedDay, profile: situation, householdId, plant });
  draft.household = situation.household(age, ctx.rng);
  applyPlant(ctx, draft);
  return draft;
}

/** Two members of one household, referred on the same day, sharing 世帯ID and family name. */
function drawPair(ctx: CaseContext, row: number, receivedDay: Day, householdId: string): CaseDraft[] {
  const pair = ctx.rng.weighted(PAIRS);
  const a = drawCase(ctx, { row, receivedDay, profile: pair.first, householdId, plant: null });
  const b = drawCase(ctx, { row: row + 1, receivedDay, profile: pair.second, householdId, plant: null, family: a.draft.person.family });
  const member = (m: { draft: CaseDraft; age: number }): Member => ({ age: m.age, female: m.draft.sex === '女性' });
  [a.draft.household, b.draft.household] = pair.households(member(a), member(b));
  return [a.draft, b.draft];
}

const MEETING_CHANCE: Record<string, number> = { 受付: 0.5, アセスメント中: 0.6, プラン作成中: 0.5, 支援中: 0.25, 終結検討: 0.7 };
/** Cases per meeting date, so an agenda stays the length of one afternoon. */
const MEETING_CAPACITY = 8;

/** Newest cases first: they are the ones waiting for a meeting. */
function assignMeetings(ctx: CaseContext, drafts: readonly CaseDraft[]): void {
  const load = new Map<string, number>();
  for (const d of [...drafts].reverse()) {
    if (d.plant || isClosedStatus(d.status) || !ctx.rng.chance(MEETING_CHANCE[d.status] ?? 0)) continue;
    const type = d.consent === 'あり' && ctx.rng.chance(0.75) ? PLAN_MEETING : SUPPORT_MEETING;
    const day = (ctx.upcoming.get(type) ?? []).find((m) => (load.get(`${type}|${m}`) ?? 0) < MEETING_CAPACITY);
    if (day === undefined) continue;
    load.set(`${type}|${day}`, (load.get(`${type}|${day}`) ?? 0) + 1);
    d.meetingType = type;
    d.meetingDay = day;
  }
}

/** ケースID: fiscal year of 受付日, then the sequence in 受付日 order within that year. */
function assignCaseIds(drafts: readonly CaseDraft[]): void {
  const next = new Map<number, number>();
  for (const d of [...drafts].sort((a, b) => a.receivedDay - b.receivedDay || a.row - b.row)) {
    const fiscalYear = fiscalYearOf(d.receivedDay);
    const seq = (next.get(fiscalYear) ?? 0) + 1;
    next.set(fiscalYear, seq);
    d.caseId = `${fiscalYear}-${String(seq).padStart(4, '0')}`;
  }
}

const pad2 = (n: number): string => String(n).padStart(2, '0');

/** 最終更新: a working-hours moment soon after the row's latest event, never after today. */
function stampUpdate(rng: Rng, d: CaseDraft, today: Day): void {
  const events = [d.receivedDay, d.consentDay, d.planDay, d.closedDay].filter((day): day is Day => day !== null);
  const day = Math.min(today, Math.max(...events) + rng.int(0, 10));
  d.updatedAt = `${isoOf(day)}T${pad2(rng.int(8, 18))}:${pad2(rng.int(0, 59))}:00`;
}

/**
 * All case rows in sheet order. 受付日 are spread evenly over the period with
 * some jitter, so the sheet reads in the order cases came in.
 */
export function drawCases(ctx: CaseContext, count: number, periodStart: Day): CaseDraft[] {
  const span = ctx.today - periodStart + 1;
  const plantAt = plantRows(count);
  const drafts: CaseDraft[] = [];
  for (let row = 0, household = 1; row < count; household++) {
    const slotDay = periodStart + Math.floor(((row + ctx.rng.next()) * span) / count);
    const householdId = `H${String(household).padStart(5, '0')}`;
    const plant = plantAt.get(row) ?? null;
    const pairFits = plant === null && row + 1 < count && !plantAt.has(row + 1);
    const added = pairFits && ctx.rng.chance(0.08)
      ? drawPair(ctx, row, slotDay, householdId)
      : [drawSingle(ctx, row, receivedDayFor(ctx, plant, slotDay, periodStart), householdId, plant)];
    drafts.push(...added);
    row += added.length;
  }
  assignMeetings(ctx, drafts);
  assignCaseIds(drafts);
  for (const d of drafts) stampUpdate(ctx.rng, d, ctx.today);
  return drafts;
}
