// Everything Apps Script may call. The build gives each export a top-level
// function declaration in dist/Code.js, because Apps Script only calls those.
export { onInstall, onOpen, menuCheck, menuOpenSidebar, menuPrepare, menuStandardize } from './app/menu';
export { prepareWorkbook } from './app/prepare';
export { standardizeSheet } from './app/standardize';
export { checkEntries } from './app/check';
