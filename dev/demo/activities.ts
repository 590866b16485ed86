// 支援記録: a few activities per case between its 受付日 and today (or its
// 終結日), in date order, as staff add them, and outreach before intake: visits
// to people who were not yet cases, under a non-identifying 対象, some later
// linked to the case they became. Two planted mistakes live here.
import { dateCell, type Cell } from '../../src/domain/cell';
import { isClosedStatus } from '../../src/domain/fields';
import { fiscalYearOf, isoOf, type Day } from './calendar';
import type { CaseDraft } from './cases';
import { createRng, type Rng } from './random';
import { ACTIVITY_CONTENT, ACTIVITY_STAFF } from './texts';

interface ActivityDraft {
  caseId: string;
  subject: string;
  day: Day;
  type: string;
  staff: string;
  visitors: number | '';
  content: string;
}

export interface ActivityPlant { readonly index: number; readonly field: string; readonly code: string }

/** How many activities a case has had, by 状態: open cases in support see the most. */
const COUNT_BY_STATUS: Record<string, readonly [number, number]> = {
  受付: [0, 2], アセスメント中: [1, 4], プラン作成中: [1, 4], 支援中: [2, 7], 終結検討: [2, 7],
};
const CLOSED_COUNT = [0, 3] as const;

function drawActivity(rng: Rng, caseId: string, day: Day, type: string): ActivityDraft {
  const visitors = type === 'アウトリーチ' ? rng.weighted([[1, 45], [2, 45], [3, 10]]) : '';
  // One name per visitor, so 対応者 agrees with 訪問人数.
  const staff = rng.sample(ACTIVITY_STAFF, visitors === '' ? 1 : visitors).join('、');
  return { caseId, subject: '', day, type, staff, visitors, content: rng.pick(ACTIVITY_CONTENT[type] ?? []) };
}

function drawType(rng: Rng): string {
  return rng.weighted([['アウトリーチ', 45], ['参加支援', 35], ['同行支援', 12], ['その他', 8]]);
}

/**
 * An アウトリーチ without 訪問人数 about 40% down the sheet, and three quarters
 * down a row for a case from the year before the period, which 共通シート
 * cannot hold.
 */
function plantMistakes(rng: Rng, drafts: ActivityDraft[], periodStart: Day): ActivityPlant[] {
  const visitorsAt = Math.floor(drafts.length * 0.4);
  const target = drafts[visitorsAt];
  if (!target) return [];
  Object.assign(target, drawActivity(rng, target.caseId, target.day, 'アウトリーチ'), { subject: target.subject, visitors: '' });
  const unknownAt = Math.max(visitorsAt + 1, Math.floor(drafts.length * 0.75));
  const previous = drafts[unknownAt - 1] ?? target;
  const missingId = `${fiscalYearOf(periodStart) - 1}-${String(rng.int(1, 200)).padStart(4, '0')}`;
  drafts.splice(unknownAt, 0, drawActivity(rng, missingId, previous.day, '参加支援'));
  return [
    { index: visitorsAt, field: 'visitors', code: 'required' },
    { index: unknownAt, field: 'caseId', code: 'unknown_case' },
  ];
}

/** 「北部の70代の男性(仮称A)」 (brackets narrowed as §5 stores them): where and who, never a name. */
function subjectLabel(area: string, ageBand: string, sex: string, n: number): string {
  const letter = String.fromCharCode(65 + (n % 26)) + (n >= 26 ? String(Math.floor(n / 26)) : '');
  return `${area || '町内'}の${ageBand && ageBand !== '不明' ? `${ageBand}の` : ''}${sex && sex !== '不明' ? sex : '方'}(仮称${letter})`;
}

/**
 * Outreach before intake, on its own random stream so the other rows stay as
 * they were: about one case in eight was visited in the two months before its
 * 受付日 (half of those records since linked to the case), and a few people
 * visited lately have not become cases.
 */
function preIntakeOutreach(seed: Rng, cases: readonly CaseDraft[], periodStart: Day, today: Day): ActivityDraft[] {
  const rng = createRng(seed.int(0, 2 ** 30), 4);
  const drafts: ActivityDraft[] = [];
  let n = 0;
  for (const d of cases) {
    if (d.receivedDay > today || d.receivedDay - 60 < periodStart || !rng.chance(0.125)) continue;
    const subject = subjectLabel(d.area, d.ageBand, d.sex, n++);
    const linked = rng.chance(0.5);
    for (let i = rng.int(1, 3); i > 0; i--) {
      drafts.push({ ...drawActivity(rng, linked ? d.caseId : '', rng.int(d.receivedDay - 60, d.receivedDay - 1), 'アウトリーチ'), subject });
    }
  }
  for (let i = 0; i < 3 && today - 90 >= periodStart; i++) {
    const subject = subjectLabel(rng.pick(['北部', '中部', '南部']), rng.pick(['70代', '80代', '50代']), rng.pick(['男性', '女性']), n++);
    for (let j = rng.int(1, 2); j > 0; j--) drafts.push({ ...drawActivity(rng, '', rng.int(today - 90, today), 'アウトリーチ'), subject });
  }
  return drafts;
}

/** 支援記録 rows by field key, with 記録ID `R<fiscal year>-NNNNN` numbered down the sheet. */
export function drawActivities(
  rng: Rng, cases: readonly CaseDraft[], periodStart: Day, today: Day,
): { rows: Record<string, Cell>[]; plants: ActivityPlant[] } {
  // One bucket per day keeps the sheet in date order without sorting.
  const buckets: ActivityDraft[][] = Array.from({ length: today - periodStart + 1 }, () => []);
  for (const d of cases) {
    if (d.receivedDay > today) continue;
    const [min, max] = isClosedStatus(d.status) ? CLOSED_COUNT : COUNT_BY_STATUS[d.status] ?? CLOSED_COUNT;
    const last = d.closedDay ?? today;
    for (let i = rng.int(min, max); i > 0; i--) {
      const day = rng.int(d.receivedDay, last);
      buckets[day - periodStart]?.push(drawActivity(rng, d.caseId, day, drawType(rng)));
    }
  }
  for (const a of preIntakeOutreach(rng, cases, periodStart, today)) buckets[a.day - periodStart]?.push(a);
  const drafts = buckets.flat();
  const plants = plantMistakes(rng, drafts, periodStart);
  const next = new Map<number, number>();
  const rows = drafts.map((a) => {
    const fiscalYear = fiscalYearOf(a.day);
    const seq = (next.get(fiscalYear) ?? 0) + 1;
    next.set(fiscalYear, seq);
    return {
      recordId: `R${fiscalYear}-${String(seq).padStart(5, '0')}`,
      caseId: a.caseId,
      subject: a.subject,
      activityOn: dateCell(isoOf(a.day)),
      activityType: a.type,
      staff: a.staff,
      visitors: a.visitors,
      content: a.content,
    };
  });
  return { rows, plants };
}
