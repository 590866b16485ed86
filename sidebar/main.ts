// The sidebar page: reads the sidebar state, then wires the views (ケース,
// 支援記録, 入力チェック, 会議次第 …) behind the tab bar. Every value is put on
// the page as text or a control's value, never as HTML.
import type { SidebarState } from '../src/app/sidebarTypes';
import { TAB } from '../src/domain/fields';
import { ActivityForm } from './activity/activityForm';
import { AgendaView } from './agenda/agendaView';
import { CaseForm } from './case/caseForm';
import { CountsView } from './counts/counts';
import { button, byId, fill } from './shared/dom';
import { PlanView } from './plan/planView';
import { ProblemsView } from './problems/problems';
import { SelfTestPanel } from './problems/selfTestPanel';
import { callServer } from './shared/server';
import { StandardizeView } from './standardize/standardizeView';
import { StatusLine } from './shared/status';
import { keepFocusOnBusyButtons } from './shared/keepFocus';
import { setUpTabs, type Tabs } from './shared/tabs';

/** The tabs of the views that work on the standard tabs (all but 標準化). */
const viewTabs = (): HTMLElement[] => [...byId('tabs').querySelectorAll<HTMLElement>('[role="tab"]:not(#tab-standardize)')];

function mount(state: SidebarState, tabs: Tabs): ProblemsView {
  const problems = new ProblemsView();
  // A save checks the saved row again; linking records to a case, which rewrites several, runs the full check.
  const activity = new ActivityForm({
    settings: state.settings,
    today: state.today,
    onSaved: (ids) => { if (ids.length) void problems.recheck({ sheet: TAB.activities, ids }); },
  });
  const caseForm = new CaseForm({
    settings: state.settings,
    today: state.today,
    onSaved: (saved) => {
      void activity.casesChanged();
      void problems.recheck({ sheet: TAB.cases, id: saved.id, ...(saved.formerly ? { formerly: saved.formerly } : {}) });
    },
  });

  fill(byId('panel-case'), caseForm.element);
  fill(byId('panel-activity'), activity.element);
  fill(byId('panel-check'), problems.element, new SelfTestPanel().element);
  const agenda = new AgendaView({ settings: state.settings, today: state.today });
  fill(byId('panel-agenda'), agenda.element);
  const plan = new PlanView({ settings: state.settings });
  fill(byId('panel-plan'), plan.element);
  const counts = new CountsView();
  fill(byId('panel-counts'), counts.element);
  problems.showNotes(state.settingsNotes);
  for (const tab of viewTabs()) tab.hidden = false;

  tabs.onSelect((panel) => { if (panel === 'panel-activity') void activity.activate(caseForm.currentCase); });
  tabs.onSelect((panel) => { if (panel === 'panel-counts') void counts.open(); });
  tabs.onSelect((panel) => { if (panel === 'panel-agenda') agenda.activate(); });
  tabs.onSelect((panel) => { if (panel === 'panel-plan') void plan.open(); });
  if (state.selected) caseForm.load(state.selected);
  if (state.draft) caseForm.offerDraft(state.draft);
  return problems;
}

/** Reads the sidebar state and shows the views; null when it could not (the failure shown, with a retry). */
async function load(tabs: Tabs, status: StatusLine): Promise<ProblemsView | null> {
  const result = await status.run('読み込んでいます…', '読み込み', () => callServer('getSidebarState', {}));
  if (result) return mount(result.value, tabs);
  const retry = button('もう一度読み込む', () => { retry.remove(); void load(tabs, status); });
  byId('app-status').append(retry);
  return null;
}

/**
 * Opened by 「標準化（開いているタブ）」 on `sheet`: the 標準化 view comes
 * first. A hand-made book has no 共通シート the other views could read, so
 * they are shown only once the state reads, at the latest after 標準化.
 */
function startWithStandardize(sheet: string, tabs: Tabs, status: StatusLine): void {
  let problems: Promise<ProblemsView | null> = callServer('getSidebarState', {}).then((state) => mount(state, tabs), () => null);
  const view = new StandardizeView({
    sheet,
    onStandardized: () => {
      problems = problems.then((mounted) => mounted ?? load(tabs, status));
    },
    runCheck: () => {
      void problems.then((mounted) => {
        if (!mounted) return;
        tabs.select('panel-check', true);
        void mounted.run();
      });
    },
  });
  fill(byId('panel-standardize'), view.element);
  byId('tab-standardize').hidden = false;
  for (const tab of viewTabs()) tab.hidden = true;
  tabs.select('panel-standardize');
  void view.open();
}

function start(): void {
  keepFocusOnBusyButtons(document.body);
  const status = new StatusLine();
  fill(byId('app-status'), status.element);
  const tabs = setUpTabs(byId('tabs'));
  // A menu item may open the sidebar on one of its views (<body data-view="agenda">).
  const { view, sheet } = document.body.dataset;
  if (view === 'standardize' && sheet) return startWithStandardize(sheet, tabs, status);
  void load(tabs, status).then((mounted) => {
    if (mounted && view && document.getElementById(`panel-${view}`)) tabs.select(`panel-${view}`);
  });
}

start();
