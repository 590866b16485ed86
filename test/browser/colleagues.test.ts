// Two staff at once, in the sidebar of the local preview in Chromium: a meeting
// outcome typed into a form loaded before a colleague closed the case, and a 案
// edited in a form loaded before a colleague saved it. What the coordinator
// did not change is not sent, so the colleague's edit stays; what both changed
// is refused, saying what it was, is now and what was typed; the .xlsx keeps
// the colleague's version.
import type { FrameLocator, Locator, Page } from 'playwright-core';
import type { Model } from '../../dev/runtime';
import { findSheet, lastRowWithContent, type CellValue } from '../../dev/runtime/model';
import type { AgendaCreated } from '../../src/app/agenda/types';
import type { CasePlansView, PlanCases } from '../../src/app/plan/state';
import type { PlanStepResult } from '../../src/app/plan/steps';
import type { LoadedCase, SaveResult } from '../../src/app/sidebarTypes';
import { addDays } from '../../src/domain/calendar/days';
import { CASE_FIELDS, MEETING_FIELDS } from '../../src/domain/fields';
import { PLAN_FIELDS } from '../../src/domain/plan/fields';
import { todayInTokyo } from '../../src/domain/normalize';
import { asColleague, openDemoPreview, openSidebar, savedWorkbook, type DemoPreview } from './demoPreview';

let session: DemoPreview;
let page: Page;
let sidebar: FrameLocator;
const today = todayInTokyo();

const dayOf = (value: CellValue | undefined): string =>
  value instanceof Date ? value.toLocaleDateString('sv-SE', { timeZone: 'Asia/Tokyo' }) : String(value ?? '');

function rowsOf(model: Model, tab: string): string[][] {
  const sheet = findSheet(model, tab)!;
  return Array.from(sheet.cells.slice(0, lastRowWithContent(sheet)), (row) => Array.from(row ?? [], (c) => dayOf(c?.value)));
}

const colleague = <T>(functionName: string, arg: unknown): Promise<T> => asColleague<T>(session.preview, functionName, arg);

beforeAll(async () => {
  // Made as of six weeks ago, so that its 予定 meetings have been held by now (the sidebar reads the real clock).
  session = await openDemoPreview({ demoArgs: ['--today', addDays(today, -45)] });
  ({ page } = session);
  sidebar = await openSidebar(page);
});

afterAll(async () => {
  await session?.close();
});

describe('会議のあと, when a colleague closed a case while the outcome form was open', () => {
  const caseField = (row: readonly string[], header: string) => row[CASE_FIELDS.findIndex((f) => f.header === header)];
  let agenda: Locator;
  let item: Locator;
  let meetingId = '';
  let caseId = '';
  let loadedStatus = '';

  it('loads the meeting\'s outcomes; meanwhile a colleague closes one of its cases from their sidebar', async () => {
    const planned = rowsOf(await savedWorkbook(session), '会議記録').filter((r) => r[1] === '支援会議' && r[5] === '予定' && r[2]! <= today);
    const made = await colleague<AgendaCreated>('createAgenda', { meetingType: '支援会議', date: planned[0]![2] });
    meetingId = made.meetingId;
    await sidebar.getByRole('tab', { name: '会議次第' }).click();
    agenda = sidebar.getByRole('tabpanel', { name: '会議次第' });
    await agenda.getByLabel('会議', { exact: true }).locator(`option[value="${meetingId}"]`).waitFor({ state: 'attached' });
    await agenda.getByLabel('会議', { exact: true }).selectOption(meetingId);
    item = agenda.locator('fieldset.outcome-case').first();
    await item.waitFor();
    caseId = /^(\d{4}-\d{4})/.exec((await item.locator('legend').textContent()) ?? '')![1]!;
    loadedStatus = await item.getByLabel('状態').inputValue();
    expect(loadedStatus).not.toBe('中断');

    const theirs = await colleague<LoadedCase>('loadSelectedCase', { caseId });
    const saved = await colleague<SaveResult>('saveCase', {
      record: { ...theirs.record, status: '中断', closedOn: today, closingNote: '本人が転居したため。' },
      loaded: theirs.record, editing: caseId, requestId: 'colleague-close-0001',
    });
    expect(saved).toMatchObject({ saved: true });
  });

  it('refuses the 状態 the coordinator typed, saying what the colleague made it, and leaves the case and the meeting as they were', async () => {
    const typed = loadedStatus === '支援中' ? '終結検討' : '支援中';
    await item.getByLabel('状態').selectOption(typed);
    await agenda.getByRole('button', { name: '結果を保存' }).click();
    await agenda.getByText(`${caseId}：状態：読み込んだとき「${loadedStatus}」→ いま「中断」（あなたの入力「${typed}」）。読み込んだあとにほかの方が変更したため、保存しませんでした。`).waitFor();
    await agenda.getByText('「読み込む」で最新の内容を読み込んでから').waitFor();
    const model = await savedWorkbook(session);
    const row = rowsOf(model, '共通シート').find((r) => r[0] === caseId)!;
    expect([caseField(row, '状態'), caseField(row, '終結日'), caseField(row, '終結理由')]).toEqual(['中断', today, '本人が転居したため。']);
    const meeting = rowsOf(model, '会議記録').find((r) => r[0] === meetingId)!;
    expect(meeting[MEETING_FIELDS.findIndex((f) => f.header === '状態')]).toBe('予定');
  });

  it('records what the coordinator did change, and the case stays closed with its 終結日 and 終結理由', async () => {
    await item.getByLabel('状態').selectOption(loadedStatus);
    await item.getByLabel('次回モニタリング日').fill(addDays(today, 30));
    await agenda.getByRole('button', { name: '結果を保存' }).click();
    await agenda.getByText(`会議記録の ${meetingId} を「開催済」にし`).waitFor();
    const model = await savedWorkbook(session);
    const row = rowsOf(model, '共通シート').find((r) => r[0] === caseId)!;
    expect([caseField(row, '状態'), caseField(row, '終結日'), caseField(row, '終結理由'), caseField(row, '次回モニタリング日')])
      .toEqual(['中断', today, '本人が転居したため。', addDays(today, 30)]);
    const blamed = rowsOf(model, '変更履歴').filter((r) => r[2] === `会議の結果を記録（${meetingId}）` && r[4] === caseId).map((r) => r[5]);
    expect(blamed).toContain('次回モニタリング日');
    expect(blamed).not.toContain('状態');
    expect(session.dialogs).toEqual([]);
  });
});

describe('two stale saves of one 案 in the プラン view', () => {
  it('refuses the coordinator\'s save after a colleague saved the same 案, names the change, and reloads the colleague\'s 案 on request', async () => {
    const { cases } = await colleague<PlanCases>('getPlanCases', {});
    let caseId = '';
    for (const c of cases.filter((x) => x.consent === 'あり')) {
      const view = await colleague<CasePlansView>('getCasePlans', { caseId: c.caseId });
      if (!view.refusal && view.versions.some((v) => v.plan.planStatus === '案')) { caseId = c.caseId; break; }
    }
    expect(caseId).not.toBe('');
    await sidebar.getByRole('tab', { name: 'プラン' }).click();
    const panel = sidebar.getByRole('tabpanel', { name: '支援プラン' });
    await panel.getByLabel('ケースID（一部でも可）').fill(caseId);
    await panel.getByRole('button', { name: '探す' }).click();
    const picker = sidebar.getByLabel('ケース（ケースID・年代・機関）');
    await picker.locator(`option[value="${caseId}"]`).waitFor({ state: 'attached' });
    await picker.selectOption(caseId);
    const goal = sidebar.locator('#plan-editor').getByLabel('短期目標', { exact: true });
    await goal.waitFor();
    const loadedGoal = await goal.inputValue();

    // A colleague, from their own sidebar, saves the same 案 with another 短期目標.
    const draft = (await colleague<CasePlansView>('getCasePlans', { caseId })).versions.find((v) => v.plan.planStatus === '案')!;
    const pick = (text: Readonly<Record<string, string>>, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, text[k] ?? '']));
    const draftKeys = ['createdOn', 'authorAgency', 'personWish', 'planIssues', 'direction', 'longTermGoal', 'shortTermGoal', 'periodStart', 'periodEnd', 'nextReviewOn', 'explanation'];
    const taskKeys = ['issue', 'owner', 'ownerStaff', 'content', 'frequency', 'dueOn', 'taskNote'];
    const loaded = { plan: pick(draft.plan, draftKeys), tasks: draft.tasks.map((t) => pick(t, taskKeys)) };
    const theirGoal = '週1回、通所に通う';
    const saved = await colleague<PlanStepResult>('savePlanDraft', {
      caseId, plan: { ...loaded.plan, shortTermGoal: theirGoal }, tasks: loaded.tasks, requestId: 'colleague-plan-0001',
    });
    expect(saved).toMatchObject({ saved: true });

    await sidebar.locator('#plan-editor').getByLabel('本人の意向', { exact: true }).fill('家で暮らし続けたい');
    await sidebar.getByRole('button', { name: '案を保存' }).click();
    await sidebar.getByText(`短期目標：読み込んだとき「${loadedGoal}」→ いま「${theirGoal}」。読み込んだあとにほかの方が変更したため、保存しませんでした。`).waitFor();
    const planRow = rowsOf(await savedWorkbook(session), '支援プラン').find((r) => r[0] === caseId && r[2] === '案')!;
    const at = (key: string) => planRow[PLAN_FIELDS.findIndex((f) => f.key === key)];
    expect([at('shortTermGoal'), at('personWish')]).toEqual([theirGoal, draft.plan.personWish ?? '']);

    await sidebar.getByRole('button', { name: '最新のプランを読み込む' }).click();
    await sidebar.locator('#plan-history').getByText(`短期目標：${theirGoal}`).waitFor();
    await expect(goal.inputValue()).resolves.toBe(theirGoal);
    expect(session.dialogs).toEqual([]);
  });
});
