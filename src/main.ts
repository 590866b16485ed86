// Everything Apps Script may call. The build gives each export a top-level
// function declaration in dist/Code.js, because Apps Script only calls those.
export { onInstall, onOpen, menuCheck, menuOpenSidebar, menuPrepare, menuStandardize } from './app/menu';
export { prepareWorkbook } from './app/prepare';
export { standardizeSheet } from './app/standardize';
export { checkEntries } from './app/check';
export { getSidebarState, loadSelectedCase } from './app/sidebar/state';
export { saveCase } from './app/sidebar/saveCase';
export { saveActivity } from './app/sidebar/saveActivity';
export { selectCell } from './app/sidebar/selectCell';
