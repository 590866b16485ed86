// 支援プラン and 役割分担 of the demo (SPEC §12): every consenting case that has
// reached a plan gets one at a stage that fits its 状態 — a 案 being prepared,
// a decided plan, a reviewed one, a 見直し under way or decided, a plan ended
// at closing — with dates in order and none after today, so 入力チェック finds
// nothing in them.
import { dateCell, type Cell } from '../../src/domain/cell';
import { isoOf, type Day } from './calendar';
import type { CaseDraft } from './cases';
import type { Rng } from './random';

type Row = Record<string, Cell>;

const TASK_BY_AREA: Readonly<Record<string, string>> = {
  '病気・医療': '受診に同行し、医療機関と情報を共有する',
  'こころの問題': '保健師が定期的に訪問し、体調を確かめる',
  '介護': '介護保険サービスの利用を調整する',
  '障害': '障害福祉サービスの申請を支援する',
  '子育て': '子育て支援サービスを紹介し、利用につなぐ',
  '収入・仕事': '就労準備支援の利用を支援する',
  '支出・滞納・借金': '家計の見直しと滞納の分納相談に同席する',
  '住まい': '住まいの確保と転居の手続きを支援する',
  'DV・虐待': '安全確認のため定期的に訪問する',
  '権利擁護': '日常生活自立支援事業の利用を検討する',
  '地域・家族との関係': '民生委員と見守りの方法を話し合う',
  'ひきこもり・不登校': '居場所の見学と参加を支援する',
  'その他': '状況を定期的に確かめる',
};
const PERSONAL_TASKS: readonly (readonly [owner: string, content: string])[] = [
  ['本人', '困ったときは担当に電話で相談する'],
  ['本人', '通所先の見学に行く'],
  ['家族', '通院の送迎を手伝う'],
  ['地域', '民生委員が月に一度声をかける'],
];
const FREQUENCIES = ['週1回', '月2回', '月1回', '随時'] as const;
const WISHES = [
  '今の家で暮らし続けたい', '借金の心配をなくしたい', '家族と穏やかに過ごしたい', '働いて自分の収入を得たい',
  '子どもが安心して学校に通えるようにしたい', '体調を整えて外に出られるようになりたい',
] as const;
const DIRECTIONS = ['関係機関で役割を分けて、本人のペースで進める', 'まず生活の安定を図り、その後に就労を考える', '家族全体を支える視点で、定期的に状況を共有する'] as const;
const LONG_GOALS = ['安心して地域で暮らし続ける', '自分らしい生活を取り戻す', '家族それぞれが無理なく暮らせる'] as const;
const SHORT_GOAL_BY_AREA: Readonly<Record<string, string>> = {
  '介護': '必要な介護サービスを使い始める', '収入・仕事': '就労準備支援に通い始める', '支出・滞納・借金': '毎月の家計の見通しを立てる',
  '住まい': '安心して住める住まいを決める', 'ひきこもり・不登校': '週に一度、居場所に出かける', '病気・医療': '定期的に受診できるようにする',
};
const REVIEW_NOTES = ['サービスの利用が始まり、生活が落ち着いてきた', '一部の手続きが遅れている', '本人の意欲が高まっている'] as const;

/** The stage a case's plan is drawn at. */
export type PlanStage = '案' | '決定' | '評価済' | '見直し中' | '見直し決定' | '終了';

function stageOf(rng: Rng, d: CaseDraft): PlanStage | null {
  if (d.consent !== 'あり' || d.plant || Object.keys(d.overrides).length) return null;
  if (d.planDay === null) return d.status === 'プラン作成中' && rng.chance(0.7) ? '案' : null;
  switch (d.status) {
    case '支援中': return rng.weighted([['決定', 4], ['評価済', 3], ['見直し中', 1], ['見直し決定', 2]] as const);
    case '終結検討': return '評価済';
    default: return '終了';
  }
}

const between = (rng: Rng, from: Day, to: Day): Day => (to <= from ? from : rng.int(from, to));

function tasksFor(rng: Rng, d: CaseDraft, caseId: string, version: number, progress: (i: number) => string): Row[] {
  const owners = [d.mainAgency || d.referrer.name, ...d.related];
  const agencyTasks = d.lifeAreas.slice(0, 3).map((area, i) => ({ issue: area, owner: owners[i % owners.length]!, content: TASK_BY_AREA[area] ?? TASK_BY_AREA['その他']! }));
  const [owner, content] = rng.pick(PERSONAL_TASKS);
  return [...agencyTasks, { issue: '', owner, content }].map((t, i) => ({
    caseId, version, issue: t.issue, owner: t.owner, ownerStaff: '', content: t.content, frequency: rng.pick(FREQUENCIES),
    dueOn: '', progress: progress(i), taskNote: '',
  }));
}

function planRow(rng: Rng, d: CaseDraft, version: number, values: Row): Row {
  const area = d.lifeAreas[0] ?? 'その他';
  return {
    caseId: d.caseId, version, planStatus: '案', createdOn: '', authorAgency: d.mainAgency || d.referrer.name,
    personWish: rng.pick(WISHES), planIssues: d.lifeAreas.join('、'), direction: rng.pick(DIRECTIONS), longTermGoal: rng.pick(LONG_GOALS),
    shortTermGoal: SHORT_GOAL_BY_AREA[area] ?? '困りごとを一つずつ相談できるようにする', periodStart: '', periodEnd: '', nextReviewOn: '',
    decidedOn: '', decidedMeetingId: '', explanation: '', reviewedOn: '', achievement: '', reviewPolicy: '', reviewNote: '', successorAgency: '',
    ...values,
  };
}

const date = (day: Day | null): Cell => (day === null ? '' : dateCell(isoOf(day)));

/** The plan rows and task rows of one case, oldest version first. */
function drawCasePlans(rng: Rng, d: CaseDraft, today: Day): { plans: Row[]; tasks: Row[] } {
  const stage = stageOf(rng, d);
  if (!stage) return { plans: [], tasks: [] };
  const start = d.consentDay ?? d.receivedDay;
  if (stage === '案') {
    const created = between(rng, start, today);
    return { plans: [planRow(rng, d, 1, { createdOn: date(created) })], tasks: tasksFor(rng, d, d.caseId, 1, () => '未着手') };
  }
  const decided = d.planDay!;
  const created = between(rng, Math.max(start, decided - 14), decided);
  const first = { createdOn: date(created), decidedOn: date(decided), explanation: rng.pick(['会議に出席', '個別に説明'] as const), periodStart: date(decided) };
  const reviewLimit = d.closedDay ?? today;
  const reviewed = between(rng, Math.min(decided + 60, reviewLimit), reviewLimit);
  const review = (policy: string, achievement: string) => ({ reviewedOn: date(reviewed), achievement, reviewPolicy: policy, reviewNote: rng.pick(REVIEW_NOTES) });
  const nextReview = { nextReviewOn: date(d.monitoringDay) };
  const inProgress = (i: number) => (i === 0 ? '実施済' : '実施中');
  switch (stage) {
    case '決定':
      return { plans: [planRow(rng, d, 1, { ...first, planStatus: '決定', ...nextReview })], tasks: tasksFor(rng, d, d.caseId, 1, () => '実施中') };
    case '評価済': {
      const closing = d.status === '終結検討';
      const plan = planRow(rng, d, 1, {
        ...first, planStatus: '決定', ...nextReview, ...review(closing ? '終結' : '継続', closing ? '達成' : '一部達成'),
        ...(closing ? { successorAgency: d.referrer.name } : {}),
      });
      return { plans: [plan], tasks: tasksFor(rng, d, d.caseId, 1, closing ? () => '実施済' : inProgress) };
    }
    case '見直し中':
    case '見直し決定': {
      const decidedAgain = stage === '見直し決定' ? between(rng, reviewed, today) : null;
      const old = planRow(rng, d, 1, { ...first, planStatus: decidedAgain === null ? '決定' : '終了', ...review('見直し', '変化なし') });
      const next = planRow(rng, d, 2, {
        createdOn: date(reviewed), planStatus: decidedAgain === null ? '案' : '決定', decidedOn: date(decidedAgain),
        ...(decidedAgain === null ? {} : { ...nextReview, periodStart: date(decidedAgain), explanation: '個別に説明' }),
      });
      return {
        plans: [old, next],
        tasks: [...tasksFor(rng, d, d.caseId, 1, inProgress), ...tasksFor(rng, d, d.caseId, 2, () => (decidedAgain === null ? '未着手' : '実施中'))],
      };
    }
    case '終了': {
      const policy = d.status === '終結' ? '終結' : d.status;
      const plan = planRow(rng, d, 1, { ...first, planStatus: '終了', ...review(policy, d.status === '終結' ? '達成' : '変化なし'), successorAgency: d.referrer.name });
      return { plans: [plan], tasks: tasksFor(rng, d, d.caseId, 1, () => '実施済') };
    }
  }
}

export function drawPlans(rng: Rng, cases: readonly CaseDraft[], today: Day): { plans: Row[]; tasks: Row[] } {
  const plans: Row[] = [];
  const tasks: Row[] = [];
  for (const d of cases) {
    const drawn = drawCasePlans(rng, d, today);
    plans.push(...drawn.plans);
    tasks.push(...drawn.tasks);
  }
  return { plans, tasks };
}
