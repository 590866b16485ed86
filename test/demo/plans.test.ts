// The demo's plans (SPEC §12): consenting cases only, every stage of the
// lifecycle present, and nothing for 入力チェック to find in them.
import { generateDemo } from '../../dev/demo/generate';
import type { Cell } from '../../src/domain/cell';
import { ACTIVITY_FIELDS, CASE_FIELDS, MEETING_FIELDS, type FieldDef } from '../../src/domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../../src/domain/plan/fields';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { validateWorkbook } from '../../src/domain/validate/workbook';

const TODAY = '2026-11-22';
const at = (fields: readonly FieldDef[], key: string) => fields.findIndex((f) => f.key === key);
const iso = (cell: Cell | undefined) => (typeof cell === 'object' ? cell.iso : String(cell ?? ''));

describe.each([[200, 1], [400, 5]])('the demo plans of %i cases, seed %i', (cases, seed) => {
  const demo = generateDemo({ cases, seed, today: TODAY });
  const caseOf = new Map(demo.cases.map((c) => [String(c[0]), c]));

  it('belong to consenting cases only, and show every stage: 案, 決定, reviewed, 見直し, 終了', () => {
    for (const p of demo.plans) expect(caseOf.get(String(p[0]))![at(CASE_FIELDS, 'consent')]).toBe('あり');
    const stages = new Set(demo.plans.map((p) => `${p[at(PLAN_FIELDS, 'planStatus')]}${p[at(PLAN_FIELDS, 'reviewPolicy')] ? '・評価済' : ''}`));
    expect([...stages]).toEqual(expect.arrayContaining(['案', '決定', '決定・評価済', '終了・評価済']));
    expect(demo.plans.some((p) => p[1] === 2 && p[2] === '案')).toBe(true);
    expect(demo.plans.some((p) => p[1] === 2 && p[2] === '決定')).toBe(true);
  });

  it('give 入力チェック nothing to report on plans, tasks or プラン作成日', () => {
    const table = (fields: readonly FieldDef[], rows: Cell[][]) => ({ header: fields.map((f) => f.header), rows });
    const { problems } = validateWorkbook({
      cases: table(CASE_FIELDS, demo.cases), activities: table(ACTIVITY_FIELDS, demo.activities), meetings: table(MEETING_FIELDS, demo.meetings),
      plans: table(PLAN_FIELDS, demo.plans), tasks: table(TASK_FIELDS, demo.tasks), settings: DEFAULT_SETTINGS, today: TODAY,
    });
    expect(problems.filter((p) => ['支援プラン', '役割分担'].includes(p.sheet) || p.code.startsWith('plan_'))).toEqual([]);
    for (const p of demo.plans.filter((row) => row[2] !== '案')) {
      expect(iso(p[at(PLAN_FIELDS, 'decidedOn')]) >= iso(p[at(PLAN_FIELDS, 'createdOn')])).toBe(true);
    }
    expect(demo.tasks.every((t) => t[at(TASK_FIELDS, 'owner')] !== '')).toBe(true);
  });
});
