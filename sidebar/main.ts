// The sidebar page: reads the sidebar state, then wires the views (ケース,
// 支援記録, 入力チェック, 会議次第 …) behind the tab bar. Every value is put on
// the page as text or a control's value, never as HTML.
import type { SidebarState } from '../src/app/sidebarTypes';
import { ActivityForm } from './activity/activityForm';
import { AgendaView } from './agenda/agendaView';
import { CaseForm } from './case/caseForm';
import { CountsView } from './counts/counts';
import { button, byId, fill } from './shared/dom';
import { PlanView } from './plan/planView';
import { ProblemsView } from './problems/problems';
import { callServer } from './shared/server';
import { StatusLine } from './shared/status';
import { keepFocusOnBusyButtons } from './shared/keepFocus';
import { setUpTabs } from './shared/tabs';

function mount(state: SidebarState): void {
  const problems = new ProblemsView();
  const refreshProblems = (): void => { void problems.run(); };
  const activity = new ActivityForm({ settings: state.settings, today: state.today, onSaved: refreshProblems });
  const caseForm = new CaseForm({
    settings: state.settings,
    today: state.today,
    onSaved: () => {
      void activity.casesChanged();
      refreshProblems();
    },
  });

  fill(byId('panel-case'), caseForm.element);
  fill(byId('panel-activity'), activity.element);
  fill(byId('panel-check'), problems.element);
  const agenda = new AgendaView({ settings: state.settings, today: state.today });
  fill(byId('panel-agenda'), agenda.element);
  const plan = new PlanView({ settings: state.settings });
  fill(byId('panel-plan'), plan.element);
  const counts = new CountsView();
  fill(byId('panel-counts'), counts.element);
  problems.showNotes(state.settingsNotes);

  const tabs = setUpTabs(byId('tabs'));
  tabs.onSelect((panel) => { if (panel === 'panel-activity') void activity.activate(caseForm.currentCase); });
  tabs.onSelect((panel) => { if (panel === 'panel-counts') void counts.open(); });
  tabs.onSelect((panel) => { if (panel === 'panel-agenda') agenda.activate(); });
  tabs.onSelect((panel) => { if (panel === 'panel-plan') void plan.open(); });
  if (state.selected) caseForm.load(state.selected);
  if (state.draft) caseForm.offerDraft(state.draft);
  // A menu item may open the sidebar on one of its views (<body data-view="agenda">).
  const view = document.body.dataset.view;
  if (view && document.getElementById(`panel-${view}`)) tabs.select(`panel-${view}`);
}

async function start(): Promise<void> {
  keepFocusOnBusyButtons(document.body);
  const status = new StatusLine();
  fill(byId('app-status'), status.element);
  const result = await status.run('読み込んでいます…', '読み込み', () => callServer('getSidebarState', {}));
  if (!result) {
    byId('app-status').append(button('もう一度読み込む', () => { void start(); }));
    return;
  }
  mount(result.value);
}

void start();
