import { isDateCell, type Cell } from '../../src/domain/cell';
import {
  ACTIVITY_FIELDS, ACTIVITY_TYPES, AGE_BANDS, CASE_FIELDS, CASE_STATUSES, CONSENTS, FIELDS_OF_PEOPLE,
  MEETING_FIELDS, MEETING_STATUSES, SEXES, type FieldDef,
} from '../../src/domain/fields';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { generateDemo, type DemoWorkbook, type PlantedMistake } from '../../dev/demo/generate';
import { FAMILY_NAMES } from '../../dev/demo/people';

// The checks below are written from SPEC §6 directly, independent of the
// add-on's validator, so the demo's promise ("clean except what is planted")
// is tested on its own.

const TODAY = '2026-11-22';
const CLOSED = new Set(['終結', 'つなぎもどし', '中断']);
const AGENCIES = new Map(DEFAULT_SETTINGS.agencies.map((a) => [a.name, a.field]));
const MEETING_TYPES = new Map(DEFAULT_SETTINGS.meetingTypes.map((m) => [m.name, m.consentRequired]));

// ---- reading cells -------------------------------------------------------

const ERAS: Record<string, { start: string; end: string; base: number }> = {
  令和: { start: '2019-05-01', end: '9999-12-31', base: 2018 },
  平成: { start: '1989-01-08', end: '2019-04-30', base: 1988 },
  昭和: { start: '1926-12-25', end: '1989-01-07', base: 1925 },
};
const ERA_LETTERS: Record<string, string> = { R: '令和', H: '平成', S: '昭和' };

function isoFromParts(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

function eraIso(era: string, year: string, m: string, d: string): string | null {
  const e = ERAS[era];
  if (!e) return null;
  const iso = isoFromParts(e.base + (year === '元' ? 1 : Number(year)), Number(m), Number(d));
  return iso !== null && iso >= e.start && iso <= e.end ? iso : null;
}

/** null for an empty cell, 'invalid' when the text is not a date under SPEC §5. */
function readDate(cell: Cell): string | null | 'invalid' {
  if (isDateCell(cell)) return /^\d{4}-\d{2}-\d{2}/.test(cell.iso) ? cell.iso.slice(0, 10) : 'invalid';
  const text = String(cell).normalize('NFKC').trim();
  if (text === '') return null;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/.exec(text);
  if (m) return isoFromParts(+m[1]!, +m[2]!, +m[3]!) ?? 'invalid';
  m = /^(令和|平成|昭和)(元|\d+)年(\d+)月(\d+)日$/.exec(text);
  if (m) return eraIso(m[1]!, m[2]!, m[3]!, m[4]!) ?? 'invalid';
  m = /^([RHS])(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (m) return eraIso(ERA_LETTERS[m[1]!]!, m[2]!, m[3]!, m[4]!) ?? 'invalid';
  return 'invalid';
}

const text = (cell: Cell | undefined): string => (cell === undefined || isDateCell(cell) ? '' : String(cell).trim());
const list = (cell: Cell | undefined): string[] => text(cell).split('、').filter((v) => v !== '');

type Row = Record<string, Cell>;

function asRecords(fields: readonly FieldDef[], rows: Cell[][]): Row[] {
  return rows.map((row) => Object.fromEntries(fields.map((f, i) => [f.key, row[i] as Cell])));
}

function ageOn(birth: string, on: string): number {
  const [by, bm, bd] = birth.split('-').map(Number) as [number, number, number];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - by - (om < bm || (om === bm && od < bd) ? 1 : 0);
}

function ageBand(age: number): string {
  if (age < 10) return '10歳未満';
  return age >= 90 ? '90代以上' : `${Math.floor(age / 10) * 10}代`;
}

function fiscalYear(iso: string): number {
  const [y, m] = iso.split('-').map(Number) as [number, number];
  return m >= 4 ? y : y - 1;
}

// ---- SPEC §6, as a reference checker ---------------------------------------

type Problem = `${string}:${number}:${string}:${string}`;

function problemsOf(wb: DemoWorkbook, today: string): Problem[] {
  const found = new Set<Problem>();
  const add = (sheet: string, index: number, field: string, code: string): void => {
    found.add(`${sheet}:${index + 2}:${field}:${code}`);
  };
  const cases = asRecords(CASE_FIELDS, wb.cases);

  const caseIdRows = new Map<string, number[]>();
  const kanaBirth = new Map<string, number[]>();
  cases.forEach((c, i) => {
    const problem = (field: string, code: string): void => add('共通シート', i, field, code);
    for (const key of ['receivedOn', 'referrerAgency', 'referrerField', 'personName', 'lifeAreas', 'summary', 'reason', 'consent', 'status']) {
      if (text(c[key]) === '' && !isDateCell(c[key] as Cell)) problem(key, 'required');
    }
    const dates: Record<string, string | null> = {};
    for (const key of ['receivedOn', 'birthDate', 'consentOn', 'planOn', 'nextMeetingOn', 'nextMonitoringOn', 'closedOn']) {
      const read = readDate(c[key] as Cell);
      if (read === 'invalid') problem(key, 'invalid_date');
      dates[key] = read === 'invalid' ? null : read;
    }
    for (const key of ['receivedOn', 'consentOn', 'planOn', 'closedOn', 'birthDate']) {
      if ((dates[key] ?? '') > today) problem(key, 'future_date');
    }
    const oneOf = (key: string, allowed: readonly string[]): void => {
      if (text(c[key]) !== '' && !allowed.includes(text(c[key]))) problem(key, 'unknown_value');
    };
    const allOf = (key: string, allowed: readonly string[]): void => {
      if (list(c[key]).some((v) => !allowed.includes(v))) problem(key, 'unknown_value');
    };
    const agencyNames = [...AGENCIES.keys()];
    oneOf('referrerAgency', agencyNames);
    oneOf('mainAgency', agencyNames);
    allOf('relatedAgencies', agencyNames);
    oneOf('referrerField', FIELDS_OF_PEOPLE);
    oneOf('ageBand', AGE_BANDS);
    oneOf('sex', SEXES);
    allOf('lifeAreas', DEFAULT_SETTINGS.lifeAreas);
    allOf('tags', DEFAULT_SETTINGS.tags);
    oneOf('consent', CONSENTS);
    oneOf('status', CASE_STATUSES);
    oneOf('nextMeetingType', [...MEETING_TYPES.keys()]);

    const received = dates.receivedOn;
    if (received && dates.birthDate && dates.birthDate > received) problem('birthDate', 'date_order');
    if (received && dates.planOn && dates.planOn < received) problem('planOn', 'date_order');
    if (received && dates.closedOn && dates.closedOn < received) problem('closedOn', 'date_order');
    if (received && dates.birthDate && ageOn(dates.birthDate, received) > 120) problem('birthDate', 'age_out_of_range');

    const consent = text(c.consent);
    if (dates.planOn && consent !== 'あり') problem('planOn', 'consent_required_for_plan');
    if (MEETING_TYPES.get(text(c.nextMeetingType)) && consent !== 'あり') problem('nextMeetingType', 'consent_required_for_meeting');
    const hasType = text(c.nextMeetingType) !== '';
    const hasDate = c.nextMeetingOn !== '';
    if (hasType && !hasDate) problem('nextMeetingOn', 'meeting_incomplete');
    if (!hasType && hasDate) problem('nextMeetingType', 'meeting_incomplete');
    const closed = CLOSED.has(text(c.status));
    if (closed && c.closedOn === '') problem('closedOn', 'closing_required');
    if (closed && text(c.closingNote) === '') problem('closingNote', 'closing_required');
    if (consent === 'あり' && c.consentOn === '') problem('consentOn', 'consent_date_missing');
    if (!closed && c.closedOn !== '') problem('closedOn', 'closed_date_on_open_case');
    if (!closed && dates.nextMonitoringOn && dates.nextMonitoringOn < today) problem('nextMonitoringOn', 'monitoring_overdue');

    caseIdRows.set(text(c.caseId), [...(caseIdRows.get(text(c.caseId)) ?? []), i]);
    if (dates.birthDate && text(c.personKana) !== '') {
      const key = `${text(c.personKana).replace(/\s/g, '')}|${dates.birthDate}`;
      kanaBirth.set(key, [...(kanaBirth.get(key) ?? []), i]);
    }
  });
  for (const rows of caseIdRows.values()) if (rows.length > 1) rows.forEach((i) => add('共通シート', i, 'caseId', 'duplicate_case_id'));
  for (const rows of kanaBirth.values()) if (rows.length > 1) rows.forEach((i) => add('共通シート', i, 'personKana', 'possible_duplicate'));

  asRecords(ACTIVITY_FIELDS, wb.activities).forEach((a, i) => {
    const problem = (field: string, code: string): void => add('支援記録', i, field, code);
    if (text(a.caseId) === '' && text(a.subject) === '') problem('subject', 'required');
    else if (text(a.caseId) !== '' && !caseIdRows.has(text(a.caseId))) problem('caseId', 'unknown_case');
    if (text(a.subject) !== '' && text(a.activityType) !== 'アウトリーチ') problem('subject', 'subject_outreach_only');
    const on = readDate(a.activityOn as Cell);
    if (on === null) problem('activityOn', 'required');
    if (on === 'invalid') problem('activityOn', 'invalid_date');
    if (on && on !== 'invalid' && on > today) problem('activityOn', 'future_date');
    if (text(a.activityType) !== '' && !(ACTIVITY_TYPES as readonly string[]).includes(text(a.activityType))) problem('activityType', 'unknown_value');
    if (text(a.activityType) === 'アウトリーチ' && a.visitors === '') problem('visitors', 'required');
  });

  asRecords(MEETING_FIELDS, wb.meetings).forEach((m, i) => {
    const problem = (field: string, code: string): void => add('会議記録', i, field, code);
    if (!MEETING_TYPES.has(text(m.meetingType))) problem('meetingType', 'unknown_value');
    if (!(MEETING_STATUSES as readonly string[]).includes(text(m.meetingStatus))) problem('meetingStatus', 'unknown_value');
    if (list(m.attendingAgencies).some((v) => !AGENCIES.has(v))) problem('attendingAgencies', 'unknown_value');
    if (readDate(m.heldOn as Cell) === 'invalid') problem('heldOn', 'invalid_date');
  });
  return [...found].sort();
}

const plantedKeys = (planted: PlantedMistake[]): Problem[] =>
  planted.map((p): Problem => `${p.sheet}:${p.row}:${p.field}:${p.code}`).sort();

// ---- the tests ----------------------------------------------------------------

const cache = new Map<string, DemoWorkbook>();
function demo(cases: number, seed = 1, today = TODAY): DemoWorkbook {
  const key = `${cases}|${seed}|${today}`;
  let wb = cache.get(key);
  if (!wb) {
    wb = generateDemo({ cases, seed, today });
    cache.set(key, wb);
  }
  return wb;
}

/** Case rows that carry a planted mistake, by 0-based index. */
function plantedCaseRows(wb: DemoWorkbook): Set<number> {
  return new Set(wb.planted.filter((p) => p.sheet === '共通シート').map((p) => p.row - 2));
}

describe('generateDemo', () => {
  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateDemo({ cases: 60, seed: 1, today: TODAY })).toEqual(demo(60));
    expect(generateDemo({ cases: 60, seed: 2, today: TODAY }).cases).not.toEqual(demo(60).cases);
  });

  it('fills every column of every tab', () => {
    const wb = demo(200);
    expect(wb.cases).toHaveLength(200);
    for (const row of wb.cases) expect(row).toHaveLength(CASE_FIELDS.length);
    for (const row of wb.activities) expect(row).toHaveLength(ACTIVITY_FIELDS.length);
    for (const row of wb.meetings) expect(row).toHaveLength(MEETING_FIELDS.length);
    expect(wb.activities.length).toBeGreaterThan(0);
    expect(wb.meetings.length).toBeGreaterThan(0);
  });

  it('plants the default mistakes at fixed rows', () => {
    expect(demo(60).planted).toEqual([
      { sheet: '共通シート', row: 5, field: 'closingNote', code: 'closing_required' },
      { sheet: '共通シート', row: 11, field: 'referrerAgency', code: 'unknown_value' },
      { sheet: '共通シート', row: 17, field: 'nextMonitoringOn', code: 'monitoring_overdue' },
      { sheet: '共通シート', row: 23, field: 'receivedOn', code: 'invalid_date' },
      { sheet: '共通シート', row: 29, field: 'planOn', code: 'consent_required_for_plan' },
      { sheet: '共通シート', row: 35, field: 'consent', code: 'required' },
      { sheet: '共通シート', row: 41, field: 'consentOn', code: 'consent_date_missing' },
      { sheet: '共通シート', row: 47, field: 'nextMeetingOn', code: 'meeting_incomplete' },
      { sheet: '共通シート', row: 53, field: 'nextMeetingType', code: 'consent_required_for_meeting' },
      { sheet: '共通シート', row: 59, field: 'receivedOn', code: 'future_date' },
      { sheet: '支援記録', row: expect.any(Number) as number, field: 'visitors', code: 'required' },
      { sheet: '支援記録', row: expect.any(Number) as number, field: 'caseId', code: 'unknown_case' },
    ]);
  });

  it.each([
    [60, 1, TODAY], [60, 2, TODAY], [60, 42, TODAY], [20, 7, TODAY], [500, 3, TODAY],
    [60, 5, '2027-04-01'], [60, 6, '2027-03-31'], [19, 8, TODAY], [5, 9, TODAY], [1, 10, TODAY], [0, 11, TODAY],
  ])('%i cases, seed %i, today %s: only the planted mistakes break SPEC §6, each once', (cases, seed, today) => {
    const wb = demo(cases, seed, today);
    expect(problemsOf(wb, today)).toEqual(plantedKeys(wb.planted));
  });

  it('plants what fits in a small sheet', () => {
    // With no case, 支援記録 still holds outreach to people not yet cases, so its plants fit there.
    expect(demo(0).planted.filter((p) => p.sheet === '共通シート')).toEqual([]);
    expect(demo(5).planted.filter((p) => p.sheet === '共通シート')).toHaveLength(2);
    expect(demo(19).planted.filter((p) => p.sheet === '共通シート')).toHaveLength(9);
    expect(demo(20).planted.filter((p) => p.sheet === '共通シート')).toHaveLength(10);
  });

  it('keeps ケースID unique, well-formed and numbered in 受付日 order per fiscal year', () => {
    for (const wb of [demo(500), demo(60)]) {
      const cases = asRecords(CASE_FIELDS, wb.cases);
      const ids = cases.map((c) => text(c.caseId));
      expect(new Set(ids).size).toBe(ids.length);
      for (const id of ids) expect(id).toMatch(/^\d{4}-\d{4}$/);
      const planted = plantedCaseRows(wb);
      const byYear = new Map<string, { id: string; received: string; row: number }[]>();
      cases.forEach((c, row) => {
        const received = readDate(c.receivedOn as Cell);
        if (planted.has(row) || typeof received !== 'string' || received === 'invalid') return;
        expect(text(c.caseId).slice(0, 4)).toBe(String(fiscalYear(received)));
        const year = text(c.caseId).slice(0, 4);
        byYear.set(year, [...(byYear.get(year) ?? []), { id: text(c.caseId), received, row }]);
      });
      for (const entries of byYear.values()) {
        const inIdOrder = [...entries].sort((a, b) => a.id.localeCompare(b.id));
        const inDateOrder = [...entries].sort((a, b) => a.received.localeCompare(b.received) || a.row - b.row);
        expect(inIdOrder.map((e) => e.id)).toEqual(inDateOrder.map((e) => e.id));
      }
    }
  });

  it('keeps every date on or before today, except the planned future ones', () => {
    const wb = demo(500);
    const planted = plantedCaseRows(wb);
    asRecords(CASE_FIELDS, wb.cases).forEach((c, row) => {
      for (const key of ['receivedOn', 'birthDate', 'consentOn', 'planOn', 'closedOn']) {
        const on = readDate(c[key] as Cell);
        if (!planted.has(row)) expect(on === null || (on !== 'invalid' && on <= TODAY)).toBe(true);
      }
      expect(isDateCell(c.updatedAt as Cell)).toBe(true);
      expect((c.updatedAt as { iso: string }).iso).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
      expect((c.updatedAt as { iso: string }).iso.slice(0, 10) <= TODAY).toBe(true);
      expect(text(c.updatedBy)).toMatch(/^staff\d+@town\.example$/);
    });
    for (const a of asRecords(ACTIVITY_FIELDS, wb.activities)) expect((readDate(a.activityOn as Cell) ?? '') <= TODAY).toBe(true);
    for (const m of asRecords(MEETING_FIELDS, wb.meetings)) {
      const held = readDate(m.heldOn as Cell) as string;
      expect(text(m.meetingStatus) === '予定' ? held > TODAY : held < TODAY).toBe(true);
    }
  });

  it('keeps the fields of each clean case consistent with one another', () => {
    const wb = demo(500);
    const planted = plantedCaseRows(wb);
    const start = `${fiscalYear(TODAY) - 1}-04-01`;
    const givenKana = new Map<string, string>();
    const familyKana = new Map(FAMILY_NAMES.map((f) => [f.kanji, f.kana]));
    asRecords(CASE_FIELDS, wb.cases).forEach((c, row) => {
      if (planted.has(row)) return;
      const d = (key: string): string | null => readDate(c[key] as Cell) as string | null;
      const received = d('receivedOn') as string;
      expect(received >= start && received <= TODAY).toBe(true);
      expect(text(c.referrerField)).toBe(AGENCIES.get(text(c.referrerAgency)));
      const birth = d('birthDate');
      if (birth) expect(text(c.ageBand)).toBe(ageBand(ageOn(birth, received)));
      expect(list(c.lifeAreas).length).toBeGreaterThanOrEqual(1);
      expect(list(c.lifeAreas).length).toBeLessThanOrEqual(3);
      expect(list(c.tags).length).toBeLessThanOrEqual(2);

      const [family, given] = text(c.personName).split(' ') as [string, string];
      const [familyReading, givenReading] = text(c.personKana).split(' ') as [string, string];
      expect(text(c.personKana)).toMatch(/^[ァ-ヶー]+ [ァ-ヶー]+$/);
      expect(familyKana.get(family)).toBe(familyReading);
      expect(givenKana.get(given) ?? givenReading).toBe(givenReading);
      givenKana.set(given, givenReading);

      const consent = text(c.consent);
      const consentOn = d('consentOn');
      expect(consentOn !== null).toBe(consent === 'あり');
      if (consentOn) expect(consentOn >= received).toBe(true);
      const planOn = d('planOn');
      if (planOn) {
        expect(consent).toBe('あり');
        expect(planOn >= (consentOn as string)).toBe(true);
      }
      const closed = CLOSED.has(text(c.status));
      const closedOn = d('closedOn');
      expect(closedOn !== null && text(c.closingNote) !== '').toBe(closed);
      if (closedOn) expect(closedOn >= (planOn ?? received)).toBe(true);

      const meetingType = text(c.nextMeetingType);
      const meetingOn = d('nextMeetingOn');
      expect(meetingType !== '').toBe(meetingOn !== null);
      if (meetingOn) {
        expect(closed).toBe(false);
        expect(meetingOn > TODAY).toBe(true);
        if (MEETING_TYPES.get(meetingType)) expect(consent).toBe('あり');
      }
      const monitoringOn = d('nextMonitoringOn');
      if (text(c.status) === '支援中') expect(monitoringOn).not.toBeNull();
      if (monitoringOn) expect(monitoringOn > TODAY).toBe(true);
    });
  });

  it('writes text already in standard form (SPEC §5), apart from dates typed by hand', () => {
    const wb = demo(500);
    const typedDateKeys = new Set(['receivedOn', 'consentOn', 'birthDate']);
    const tabs: [readonly FieldDef[], Cell[][]][] = [[CASE_FIELDS, wb.cases], [ACTIVITY_FIELDS, wb.activities], [MEETING_FIELDS, wb.meetings]];
    for (const [fields, rows] of tabs) {
      for (const row of asRecords(fields, rows)) {
        for (const [key, value] of Object.entries(row)) {
          if (typeof value !== 'string' || typedDateKeys.has(key)) continue;
          expect(value).not.toMatch(/[\uFF01-\uFF5E\uFF61-\uFF9F]|^\s|\s$|\s{2}/);
        }
      }
    }
  });

  it('has a realistic mix', () => {
    const cases = asRecords(CASE_FIELDS, demo(500).cases);
    const statuses = new Set(cases.map((c) => text(c.status)));
    expect([...statuses].sort()).toEqual([...CASE_STATUSES].sort());
    const consents = cases.map((c) => text(c.consent));
    expect(consents.filter((v) => v === 'あり').length).toBeGreaterThan(cases.length / 2);
    expect(consents).toContain('なし');
    expect(consents).toContain('確認中');
    const agencies = new Set(cases.map((c) => text(c.referrerAgency)));
    expect(agencies.size).toBeGreaterThanOrEqual(8);

    const typed = cases.map((c) => c.receivedOn).filter((v): v is string => typeof v === 'string');
    expect(typed.some((v) => /^令和\d+年\d+月\d+日$/.test(v))).toBe(true);
    expect(typed.some((v) => /^R\d+\.\d+\.\d+$/.test(v))).toBe(true);
    expect(typed.some((v) => /^[０-９]{4}／[０-９]+／[０-９]+$/.test(v))).toBe(true);

    expect(cases.some((c) => text(c.summary).includes(text(c.personName).split(' ')[0] as string))).toBe(true);
  });

  it('shares 世帯ID within households, with 8050 pairs', () => {
    const cases = asRecords(CASE_FIELDS, demo(500).cases);
    const households = new Map<string, Row[]>();
    for (const c of cases) households.set(text(c.householdId), [...(households.get(text(c.householdId)) ?? []), c]);
    const shared = [...households.values()].filter((members) => members.length > 1);
    expect(shared.length).toBeGreaterThanOrEqual(3);
    for (const members of shared) {
      expect(members).toHaveLength(2);
      const [a, b] = members as [Row, Row];
      expect(text(a.personName).split(' ')[0]).toBe(text(b.personName).split(' ')[0]);
      expect(text(a.personKana) === text(b.personKana) && readDate(a.birthDate as Cell) === readDate(b.birthDate as Cell)).toBe(false);
    }
    expect(shared.some((members) => {
      const bands = members.map((c) => text(c.ageBand)).sort();
      return bands[0] === '50代' && bands[1] === '80代' && members.every((c) => list(c.tags).includes('8050'));
    })).toBe(true);
  });

  it('gives open cases upcoming meetings that several cases share', () => {
    const wb = demo(60);
    const cases = asRecords(CASE_FIELDS, wb.cases);
    const byDate = new Map<string, string[]>();
    const planted = plantedCaseRows(wb);
    cases.forEach((c, row) => {
      const on = readDate(c.nextMeetingOn as Cell);
      if (planted.has(row) || typeof on !== 'string') return;
      const key = `${text(c.nextMeetingType)}|${on}`;
      byDate.set(key, [...(byDate.get(key) ?? []), text(c.caseId)]);
    });
    expect(Math.max(...[...byDate.values()].map((ids) => ids.length))).toBeGreaterThanOrEqual(3);
    expect([...byDate.keys()].some((k) => k.startsWith('重層的支援会議|'))).toBe(true);
    expect([...byDate.keys()].some((k) => k.startsWith('支援会議|'))).toBe(true);

    // Each of those dates has its 予定 row in 会議記録, listing exactly those cases.
    const planned = asRecords(MEETING_FIELDS, wb.meetings).filter((m) => text(m.meetingStatus) === '予定');
    expect(new Map(planned.map((m) => [`${text(m.meetingType)}|${readDate(m.heldOn as Cell)}`, list(m.caseIds).sort()])))
      .toEqual(new Map([...byDate].map(([k, ids]) => [k, ids.sort()])));
  });

  it('records activities of existing cases within each case’s dates', () => {
    const wb = demo(500);
    const cases = new Map(asRecords(CASE_FIELDS, wb.cases).map((c) => [text(c.caseId), c]));
    const plantedRows = new Set(wb.planted.filter((p) => p.sheet === '支援記録').map((p) => p.row - 2));
    const activities = asRecords(ACTIVITY_FIELDS, wb.activities);
    const ids = activities.map((a) => text(a.recordId));
    expect(new Set(ids).size).toBe(ids.length);
    const types = new Map<string, number>();
    activities.forEach((a, row) => {
      expect(text(a.recordId)).toMatch(/^R\d{4}-\d{5}$/);
      const type = text(a.activityType);
      types.set(type, (types.get(type) ?? 0) + 1);
      if (plantedRows.has(row)) return;
      if (text(a.subject) !== '') {
        // Outreach before intake: never a name, and before the 受付日 of the case it was linked to, if any.
        expect(type).toBe('アウトリーチ');
        expect(text(a.subject)).toMatch(/^(北部|中部|南部|町内)の.*\(仮称[A-Z]\d*\)$/);
        const linked = cases.get(text(a.caseId));
        if (linked) expect(readDate(a.activityOn as Cell) as string < (readDate(linked.receivedOn as Cell) as string)).toBe(true);
        return;
      }
      const c = cases.get(text(a.caseId)) as Row;
      expect(c).toBeDefined();
      const on = readDate(a.activityOn as Cell) as string;
      const received = readDate(c.receivedOn as Cell);
      if (typeof received === 'string' && received !== 'invalid') expect(on >= received).toBe(true);
      const closedOn = readDate(c.closedOn as Cell);
      if (typeof closedOn === 'string') expect(on <= closedOn).toBe(true);
      if (type === 'アウトリーチ') expect([1, 2, 3]).toContain(a.visitors);
      else expect(a.visitors).toBe('');
    });
    const count = (type: string): number => types.get(type) ?? 0;
    expect(count('アウトリーチ') + count('参加支援')).toBeGreaterThan(activities.length / 2);
    expect(count('同行支援')).toBeGreaterThan(0);
    expect(count('その他')).toBeGreaterThan(0);
    const open = [...cases.values()].filter((c) => !CLOSED.has(text(c.status))).length;
    expect(activities.length / open).toBeGreaterThanOrEqual(2);
  });

  it('records monthly meetings of existing, eligible cases', () => {
    const wb = demo(500);
    const cases = new Map(asRecords(CASE_FIELDS, wb.cases).map((c) => [text(c.caseId), c]));
    const meetings = asRecords(MEETING_FIELDS, wb.meetings);
    const ids = meetings.map((m) => text(m.meetingId));
    expect(new Set(ids).size).toBe(ids.length);
    for (const m of meetings) {
      expect(text(m.meetingId)).toMatch(/^M\d{4}-\d{3}$/);
      expect(text(m.startTime)).toBe('14:00');
      for (const id of list(m.caseIds)) {
        const c = cases.get(id) as Row;
        expect(c).toBeDefined();
        if (MEETING_TYPES.get(text(m.meetingType))) expect(text(c.consent)).toBe('あり');
      }
    }
    const held = meetings.filter((m) => text(m.meetingStatus) === '開催済');
    expect(held.length).toBeGreaterThanOrEqual(30);
    expect(meetings.some((m) => text(m.meetingStatus) === '中止')).toBe(true);
  });

  it('keeps 4-digit sequences when a fiscal year could overflow', () => {
    const wb = demo(12000, 4, '2026-04-02');
    const ids = asRecords(CASE_FIELDS, wb.cases).map((c) => text(c.caseId));
    for (const id of ids) expect(id).toMatch(/^\d{4}-\d{4}$/);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('generates 10,000 cases', () => {
    const wb = demo(10000, 5);
    expect(wb.cases).toHaveLength(10000);
    expect(problemsOf(wb, TODAY)).toEqual(plantedKeys(wb.planted));
  });
});
