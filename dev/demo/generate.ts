// A workbook of fictional cases for demos and load tests (`npm run cli -- demo`).
// Every row is clean under SPEC §6 except a small fixed set of planted
// mistakes, listed with the row, field and rule code the validator must report.
import { dateCell, type Cell } from '../../src/domain/cell';
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, type FieldDef } from '../../src/domain/fields';
import { drawActivities } from './activities';
import { dayFromIso, fiscalYearOf, fiscalYearStart, isoOf, typedDate, type Day, type TypedStyle } from './calendar';
import { drawCases, type CaseDraft } from './cases';
import { drawMeetings, upcomingMeetingDates } from './meetings';
import { drawPlans } from './plans';
import { PLAN_FIELDS, TASK_FIELDS } from '../../src/domain/plan/fields';
import { createRng } from './random';

export { DEMO_AREAS } from './texts';

export interface DemoOptions { cases: number; seed: number; today: string /* YYYY-MM-DD */ }

export const DEMO_DEFAULTS = { cases: 60, seed: 1 } as const;

export interface PlantedMistake {
  sheet: '共通シート' | '支援記録';
  /** Sheet row: the header is row 1. */
  row: number;
  /** Field key from fields.ts. */
  field: string;
  /** SPEC §6 rule code. */
  code: string;
}

export interface DemoWorkbook {
  /** Rows in CASE_FIELDS order, no header. */
  cases: Cell[][];
  /** Rows in ACTIVITY_FIELDS order, no header. */
  activities: Cell[][];
  /** Rows in MEETING_FIELDS order, no header. */
  meetings: Cell[][];
  /** Rows in PLAN_FIELDS order, no header. */
  plans: Cell[][];
  /** Rows in TASK_FIELDS order, no header. */
  tasks: Cell[][];
  planted: PlantedMistake[];
}

const FIRST_DATA_ROW = 2;
/** ケースID keeps 4 digits, so no fiscal year may hold more cases. */
const MAX_CASES_PER_YEAR = 9999;

/**
 * The current and previous fiscal year; reaching further back only when the
 * requested number of cases would not fit 4-digit sequences otherwise.
 */
function periodStartFor(today: Day, cases: number): Day {
  let fiscalYear = fiscalYearOf(today) - 1;
  // Evenly spread receipts put at most this many in one (366-day) year; the
  // margin covers the planted rows that move off their slot.
  while ((cases * 366) / (today - fiscalYearStart(fiscalYear) + 1) + 3 > MAX_CASES_PER_YEAR) fiscalYear--;
  return fiscalYearStart(fiscalYear);
}

function inFieldOrder(fields: readonly FieldDef[], values: Readonly<Record<string, Cell>>): Cell[] {
  return fields.map((f) => {
    const value = values[f.key];
    if (value === undefined) throw new Error(`demo has no value for ${f.key}`);
    return value;
  });
}

function dateValue(day: Day | null, typed: TypedStyle | null): Cell {
  if (day === null) return '';
  return (typed && typedDate(day, typed)) ?? dateCell(isoOf(day));
}

function caseValues(d: CaseDraft): Record<string, Cell> {
  return {
    caseId: d.caseId,
    receivedOn: dateValue(d.receivedDay, d.typed),
    referrerAgency: d.referrer.name,
    referrerField: d.referrer.field,
    referrerStaff: d.referrerStaff,
    personName: d.person.name,
    personKana: d.person.kana,
    birthDate: dateValue(d.birthDay, d.birthTyped),
    ageBand: d.ageBand,
    sex: d.sex,
    area: d.area,
    householdId: d.householdId,
    household: d.household,
    lifeAreas: d.lifeAreas.join('、'),
    tags: d.tags.join('、'),
    summary: d.summary,
    reason: d.reason,
    consent: d.consent,
    consentOn: dateValue(d.consentDay, d.typed),
    relatedAgencies: d.related.join('、'),
    status: d.status,
    mainAgency: d.mainAgency,
    planOn: dateValue(d.planDay, null),
    nextMeetingType: d.meetingType,
    nextMeetingOn: dateValue(d.meetingDay, null),
    nextMonitoringOn: dateValue(d.monitoringDay, null),
    closedOn: dateValue(d.closedDay, null),
    closingNote: d.closingNote,
    notes: d.notes,
    updatedAt: dateCell(d.updatedAt),
    updatedBy: d.updatedBy,
    ...d.overrides,
  };
}

function checkOptions(options: DemoOptions): Day {
  if (!Number.isInteger(options.cases) || options.cases < 0) throw new Error(`cases must be a whole number ≥ 0: ${options.cases}`);
  if (!Number.isInteger(options.seed)) throw new Error(`seed must be a whole number: ${options.seed}`);
  return dayFromIso(options.today);
}

export function generateDemo(options: DemoOptions): DemoWorkbook {
  const today = checkOptions(options);
  const periodStart = periodStartFor(today, options.cases);
  const drafts = drawCases(
    { rng: createRng(options.seed, 0), today, upcoming: upcomingMeetingDates(today), taken: new Set() },
    options.cases, periodStart,
  );
  const activities = drawActivities(createRng(options.seed, 1), drafts, periodStart, today);
  const meetings = drawMeetings(createRng(options.seed, 2), drafts, periodStart, today);
  const plans = drawPlans(createRng(options.seed, 3), drafts, today);
  const planted: PlantedMistake[] = [
    ...drafts.flatMap((d) => (d.plant ? [{ sheet: '共通シート' as const, row: d.row + FIRST_DATA_ROW, field: d.plant.field, code: d.plant.code }] : [])),
    ...activities.plants.map((p) => ({ sheet: '支援記録' as const, row: p.index + FIRST_DATA_ROW, field: p.field, code: p.code })),
  ];
  return {
    cases: drafts.map((d) => inFieldOrder(CASE_FIELDS, caseValues(d))),
    activities: activities.rows.map((values) => inFieldOrder(ACTIVITY_FIELDS, values)),
    meetings: meetings.map((values) => inFieldOrder(MEETING_FIELDS, values)),
    plans: plans.plans.map((values) => inFieldOrder(PLAN_FIELDS, values)),
    tasks: plans.tasks.map((values) => inFieldOrder(TASK_FIELDS, values)),
    planted,
  };
}
