// The plan in an agenda item (SPEC §8, §12): the 案 for 新規検討, the 決定 plan
// for モニタリング and 終結評価, masked like every copied text, in the tab and
// in the JSON; and, for any name, the name never reaches the plan's texts.
import fc from 'fast-check';
import { buildAgenda } from '../../../src/domain/agenda/build';
import { agendaJson, layoutAgenda } from '../../../src/domain/agenda/render';
import type { CaseRow } from '../../../src/domain/agenda/types';
import { CASE_FIELDS } from '../../../src/domain/fields';
import type { CasePlanSources } from '../../../src/domain/plan/agendaPlan';
import { DEFAULT_SETTINGS } from '../../../src/domain/settings';

const DATE = '2026-12-08';
const kase = (caseId: string, status: string, name = '試験 太郎', kana = 'シケン タロウ'): CaseRow => ({
  row: 2,
  text: {
    ...Object.fromEntries(CASE_FIELDS.map((f) => [f.key, ''])), caseId, status, receivedOn: '2026-04-01', referrerAgency: '地域包括支援センター',
    personName: name, personKana: kana, consent: 'あり', lifeAreas: '介護', summary: '相談', nextMeetingType: '重層的支援会議', nextMeetingOn: DATE,
  },
});
const source = (version: string, planStatus: string, goal: string, tasks: Record<string, string>[]) => ({
  plan: { caseId: '', version, planStatus, shortTermGoal: goal, nextReviewOn: '2027-01-15' }, tasks,
});
const PLANS = new Map<string, CasePlanSources>([
  ['2026-0001', { draft: source('1', '案', '試験さんが通所に慣れる', [{ owner: '本人', content: '太郎さんが見学に行く', frequency: '1回', progress: '' }]) }],
  ['2025-0001', {
    current: source('2', '決定', '介護サービスを続ける', [
      { owner: '地域包括支援センター', content: 'ケアマネと調整', frequency: '月1回', progress: '実施中' },
      { owner: '山田内科', content: '受診', frequency: '', progress: '実施済' },
    ]),
    draft: source('3', '案', '見直し中', []),
  }],
]);
const request = { meetingType: '重層的支援会議', date: DATE, includeDue: false };

describe('the plan in agenda items', () => {
  const agenda = buildAgenda({ request, settings: DEFAULT_SETTINGS, cases: [kase('2026-0001', 'プラン作成中'), kase('2025-0001', '支援中'), kase('2026-0002', '受付')], plans: PLANS });

  it('shows the 案 on a 新規検討 item and the 決定 plan on a モニタリング item, masked, with unlisted owners hidden', () => {
    const byId = new Map(agenda.items.map((i) => [i.caseId, i.plan]));
    expect(byId.get('2026-0001')).toEqual({
      version: 1, status: '案', shortTermGoal: '○○さんが通所に慣れる', nextReviewOn: '2027-01-15',
      tasks: [{ owner: '本人', content: '○○さんが見学に行く', frequency: '1回', progress: '未着手' }],
    });
    expect(byId.get('2025-0001')).toMatchObject({ version: 2, status: '決定', tasks: [
      { owner: '地域包括支援センター', content: 'ケアマネと調整', frequency: '月1回', progress: '実施中' },
      { owner: '（設定外の値）', content: '受診', frequency: '', progress: '実施済' },
    ] });
    expect(byId.get('2026-0002')).toBeNull();
  });

  it('carries the plan into SPEC §11 JSON and the tab', () => {
    const item = agendaJson(agenda).items.find((i) => i.caseId === '2025-0001')!;
    expect(item.plan).toEqual({ version: 2, status: '決定', shortTermGoal: '介護サービスを続ける', tasks: expect.any(Array) });
    const cell = layoutAgenda(agenda).rows.filter((r) => r.role === 'item').map((r) => r.cells[4]).find((c) => c?.includes('第2版'))!;
    expect(cell).toContain('プラン：第2版（決定）\n短期目標：介護サービスを続ける\n次回評価日：令和9年1月15日\n・地域包括支援センター — ケアマネと調整（月1回） — 実施中');
  });

  it('never lets a two-part name through a plan text, in kanji, katakana or hiragana', () => {
    const kanji = fc.string({ unit: fc.constantFrom(...'山田川本佐藤高橋渡辺太郎花子一二'), minLength: 2, maxLength: 3 });
    const kana = fc.string({ unit: fc.constantFrom(...'アイウカキサシタナハマヤラワ'), minLength: 2, maxLength: 4 });
    fc.assert(fc.property(kanji, kanji, kana, kana, fc.string({ maxLength: 10 }), (family, given, familyKana, givenKana, around) => {
      const name = `${family} ${given}`;
      const texts = [`${around}${family}${given}さん${around}`, `${familyKana}${givenKana}の${around}`];
      const plans = new Map([['2026-0001', { draft: source('1', '案', texts.join('、'), [{ owner: '家族', content: texts[0]!, frequency: texts[1]!, progress: '' }]) }]]);
      const built = buildAgenda({ request, settings: DEFAULT_SETTINGS, cases: [kase('2026-0001', '受付', name, `${familyKana} ${givenKana}`)], plans });
      const shown = JSON.stringify(built.items[0]!.plan);
      for (const part of [`${family}${given}`, family, `${familyKana}${givenKana}`, familyKana]) expect(shown).not.toContain(part);
    }), { numRuns: 200 });
  });
});

describe('plan texts typed by staff (issue 25)', () => {
  it('masks a 実施状況 and a 次回評価日 written as text, on the tab and in items[].plan', () => {
    const plans = new Map<string, CasePlanSources>([['2025-0001', {
      current: {
        plan: { caseId: '2025-0001', version: '1', planStatus: '決定', shortTermGoal: '通院を続ける', nextReviewOn: '林守さん退院後に決める' },
        tasks: [{ owner: '地域包括支援センター', content: '訪問', frequency: '月1回', progress: '林守さん入院のため保留' }],
      },
    }]]);
    const agenda = buildAgenda({ request, settings: DEFAULT_SETTINGS, cases: [kase('2025-0001', '支援中', '林守', 'ハヤシ マモル')], plans });
    const plan = agenda.items[0]!.plan!;
    expect([plan.nextReviewOn, plan.tasks[0]!.progress]).toEqual(['○○さん退院後に決める', '○○さん入院のため保留']);
    expect(agendaJson(agenda).items[0]!.plan!.tasks[0]!.progress).toBe('○○さん入院のため保留');
    const cells = layoutAgenda(agenda).rows.flatMap((r) => r.cells).join('\n');
    expect(cells).toContain('次回評価日：○○さん退院後に決める');
    expect(cells).not.toMatch(/林|守さん|ハヤシ|マモル/);
  });
});
