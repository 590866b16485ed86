// The 「多機関協働」 menu. Each handler is short: run the operation, then say
// in Japanese what happened, or what went wrong and what to do.
import { TAB } from '../domain/fields';
import { checkEntries } from './check';
import { prepareWorkbook } from './prepare';

export const MENU_TITLE = '多機関協働';

export const MENU_ITEMS: readonly (readonly [caption: string, handler: string] | null)[] = [
  ['シートを準備', 'menuPrepare'],
  ['標準化（開いているタブ）', 'menuStandardize'],
  ['入力チェック', 'menuCheck'],
  ['月次集計を更新', 'menuCounts'],
  ['毎日の自動更新を設定 / 解除', 'menuDailyCounts'],
  null,
  ['プランを印刷用に作成', 'menuPlanPrint'],
  ['ケース票を印刷用に作成', 'menuCaseSheet'],
  ['会議次第を作成…', 'menuAgenda'],
  ['サイドバーを開く', 'menuOpenSidebar'],
  null,
  ['自己診断', 'menuSelfTest'],
];

export function onOpen(): void {
  const menu = SpreadsheetApp.getUi().createMenu(MENU_TITLE);
  for (const item of MENU_ITEMS) {
    if (item) menu.addItem(item[0], item[1]);
    else menu.addSeparator();
  }
  menu.addToUi();
}

export function onInstall(): void {
  onOpen();
}

/** Shows any failure as a plain Japanese dialog instead of Apps Script's error bar. */
export function reportingErrors(title: string, work: (ui: GoogleAppsScript.Base.Ui) => void): void {
  const ui = SpreadsheetApp.getUi();
  try {
    work(ui);
  } catch (error) {
    ui.alert(title, error instanceof Error ? error.message : String(error), ui.ButtonSet.OK);
  }
}

export function menuPrepare(): void {
  reportingErrors('シートを準備', (ui) => {
    const result = prepareWorkbook();
    const made = result.createdTabs.length ? `作成したタブ：${result.createdTabs.join('、')}` : 'すべての標準タブがそろっています。';
    ui.alert('シートを準備', `${made}\n見出し・入力規則・列幅を整えました。`, ui.ButtonSet.OK);
  });
}

/** Opens the 標準化 confirmation in the sidebar: nothing changes until the person confirms there. */
export function menuStandardize(): void {
  reportingErrors('標準化', () => openSidebar('standardize', { sheet: SpreadsheetApp.getActiveSheet().getName() }));
}

export function menuCheck(): void {
  reportingErrors('入力チェック', (ui) => {
    const r = checkEntries();
    const summary = r.problems.length === 0
      ? '問題は見つかりませんでした。'
      : `エラー ${r.counts.error}件、注意 ${r.counts.warning}件。印を付けたセル（赤：エラー、黄：注意）のメモに直し方があります。`;
    const notes = r.settingsNotes.length ? `\n\n設定タブについて：\n${r.settingsNotes.join('\n')}` : '';
    ui.alert('入力チェック', `${TAB.cases}・${TAB.activities}・${TAB.meetings}・${TAB.plans}・${TAB.tasks}を確認しました。\n${summary}${notes}`, ui.ButtonSet.OK);
  });
}

/** A value inside a double-quoted HTML attribute: a tab's name is the town's own and may hold " < &. */
function attributeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Shows the sidebar; with a view ('agenda'), opened on that view: the page
 * reads it from `<body data-view>` as it loads, and what the view needs
 * (`data`: the tab to standardise) from the other data- attributes.
 */
export function openSidebar(view?: string, data: Readonly<Record<string, string>> = {}): void {
  const file = HtmlService.createHtmlOutputFromFile('sidebar');
  const attributes = Object.entries(view ? { view, ...data } : data).map(([name, value]) => ` data-${name}="${attributeText(value)}"`).join('');
  const page = attributes ? HtmlService.createHtmlOutput(file.getContent().replace('<body>', `<body${attributes}>`)) : file;
  SpreadsheetApp.getUi().showSidebar(page.setTitle('つなぎ'));
}

export function menuOpenSidebar(): void {
  openSidebar();
}
