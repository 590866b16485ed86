// Everything Apps Script may call. The build gives each export a top-level
// function declaration in dist/Code.js, because Apps Script only calls those.
export { onInstall, onOpen, menuCheck, menuOpenSidebar, menuPrepare, menuStandardize } from './app/menu';
export { prepareWorkbook } from './app/prepare';
export { previewStandardize, standardizeSheet } from './app/standardize';
export { checkEntries } from './app/check';
export { getSidebarState, loadSelectedCase } from './app/sidebar/state';
export { saveCase } from './app/sidebar/saveCase';
export { saveCaseDraft, discardCaseDraft } from './app/sidebar/draft';
export { saveActivity } from './app/sidebar/saveActivity';
export { getPreIntakeSubjects, linkPreIntakeRecords } from './app/sidebar/preIntake';
export { selectCell } from './app/sidebar/selectCell';
export { searchCases } from './app/sidebar/caseSearch';
export { menuCounts, menuDailyCounts } from './app/counts/menu';
export { getCounts, countsCsv } from './app/counts/counts';
export { rebuildCounts, rebuildCounts_ } from './app/counts/rebuild';
export { getCountsState } from './app/counts/state';
export { installDailyCounts, removeDailyCounts, rebuildCountsDaily } from './app/counts/daily';
export { menuAgenda } from './app/agenda/menu';
export { previewAgenda } from './app/agenda/preview';
export { createAgenda } from './app/agenda/create';
export { showAgendaPrintView } from './app/agenda/printView';
export { listMeetings, getMeetingForOutcomes } from './app/agenda/meetings';
export { recordMeetingOutcome } from './app/agenda/outcome';
export { getPlanCases, getCasePlans } from './app/plan/state';
export { savePlanDraft, decidePlan, reviewPlan } from './app/plan/steps';
export { createPlanPrint, menuPlanPrint, previewPlanPrint, showPlanPrintView } from './app/plan/print';
export { menuSelfTest, runSelfTest, selfTestTrigger } from './app/selfTest/run';
export { createCaseSheet, menuCaseSheet, previewCaseSheet, showCaseSheetPrintView } from './app/caseSheet/caseSheet';
