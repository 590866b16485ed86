// Sheet furniture on a standard tab (SPEC §7): frozen, protected header with
// help notes; dropdowns fed from 設定; date checks and formats; column widths.
// Every rule lets an unlisted value in with a warning mark: staff are never
// blocked while typing, and 入力チェック says what to fix.
import type { FieldDef, SettingListName } from '../domain/fields';
import { TAB } from '../domain/fields';
import { targetMetricLabels } from '../domain/counts/catalogue';
import { SETTINGS_HEADERS, settingValues, sourceValues } from '../domain/settings';
import type { Book, BookSettings } from './book';
import { DATE_FORMAT, DATETIME_FORMAT, INTEGER_FORMAT, TEXT_FORMAT } from './cellFormat';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Rule = GoogleAppsScript.Spreadsheet.DataValidation;

export const HEADER_PROTECTION = 'tsunagi: 見出し行（列の名前を変えると読み取れなくなります）';
const HEADER_BACKGROUND = '#e8f0fe';

const SETTING_COLUMN: Record<SettingListName, string> = {
  agencies: SETTINGS_HEADERS.agency,
  areas: SETTINGS_HEADERS.area,
  lifeAreas: SETTINGS_HEADERS.lifeArea,
  tags: SETTINGS_HEADERS.tag,
  meetingTypes: SETTINGS_HEADERS.meetingName,
};

const NUMBER_FORMAT: Record<FieldDef['type'], string> = {
  date: DATE_FORMAT,
  datetime: DATETIME_FORMAT,
  integer: INTEGER_FORMAT,
  text: TEXT_FORMAT, kana: TEXT_FORMAT, choice: TEXT_FORMAT, list: TEXT_FORMAT, time: TEXT_FORMAT, id: TEXT_FORMAT,
};

/** Builds the dropdown rules once per call, reusing one rule per 設定 list. */
function ruleMaker(book: Book, { settings, header: settingsHeader }: BookSettings) {
  const settingsSheet = book.sheets.get(TAB.settings);
  const cache = new Map<string, Rule | null>();
  const build = (key: string, make: () => Rule | null): Rule | null => {
    if (!cache.has(key)) cache.set(key, make());
    return cache.get(key)!;
  };
  return (field: FieldDef): Rule | null => {
    if (field.type === 'date') {
      return build('date', () => SpreadsheetApp.newDataValidation().requireDate().setAllowInvalid(true)
        .setHelpText('日付を入力してください（例 2024/4/1、令和6年4月1日）。').build());
    }
    const source = field.source;
    if (!source) return null;
    // A 設定 list with values beside it (担当: 機関 plus 本人・家族・地域) cannot point at one column.
    if (source.kind === 'fixed' || source.also) {
      const values = [...sourceValues(source, settings)];
      // Keyed by the values: fields of different tabs may share a key but not a list.
      return build(`list:${values.join('\u0000')}`, () => SpreadsheetApp.newDataValidation().requireValueInList(values, true)
        .setAllowInvalid(true).build());
    }
    return build(`${source.list}:${field.type === 'list' ? 'many' : 'one'}`, () => {
      const values = settingValues(settings, source.list);
      // 圏域 starts empty: any value is accepted until the town lists its areas.
      if (values.length === 0) return null;
      const column = settingsHeader.indexOf(SETTING_COLUMN[source.list]);
      const builder = SpreadsheetApp.newDataValidation();
      const criteria = settingsSheet && column >= 0
        // Read from 設定 itself, so the dropdown follows the town's edits.
        ? builder.requireValueInRange(settingsSheet.getRange(2, column + 1, settingsSheet.getMaxRows() - 1, 1), true)
        : builder.requireValueInList([...values], true);
      return criteria.setAllowInvalid(true)
        .setHelpText(field.type === 'list' ? '一覧から選ぶか、複数なら「、」で区切って入力してください。' : '一覧から選んでください。')
        .build();
    });
  };
}

/** The town's own note on a header stays (SPEC §7); the help text is added after it, once. */
function withHelp(notes: readonly string[], fields: readonly FieldDef[]): string[] {
  return fields.map((field, i) => {
    const own = (notes[i] ?? '').trim();
    return own === '' || own.includes(field.help) ? own || field.help : `${own}\n\n${field.help}`;
  });
}

function protectHeader(sheet: Sheet, width: number): void {
  for (const p of sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE)) {
    if (p.getDescription() === HEADER_PROTECTION) p.remove();
  }
  sheet.getRange(1, 1, 1, width).protect().setDescription(HEADER_PROTECTION).setWarningOnly(true);
}

/**
 * Furnishes standard tabs whose standard columns are their first columns.
 * Columns after them (kept from a hand-made sheet) keep their own formats,
 * rules and notes. The tabs share one rule per 設定 list: each rule is
 * several Apps Script calls to build.
 */
export function furnishTabs(book: Book, tabs: readonly (readonly [Sheet, readonly FieldDef[]])[], settings: BookSettings): void {
  const ruleFor = ruleMaker(book, settings);
  for (const [sheet, fields] of tabs) furnishTab(sheet, fields, ruleFor);
}

function furnishTab(sheet: Sheet, fields: readonly FieldDef[], ruleFor: (field: FieldDef) => Rule | null): void {
  const width = fields.length;
  const dataRows = sheet.getMaxRows() - 1;
  sheet.setFrozenRows(1);
  const header = sheet.getRange(1, 1, 1, width);
  header.setFontWeight('bold').setBackground(HEADER_BACKGROUND).setNotes([withHelp(header.getNotes()[0] ?? [], fields)]);
  protectHeader(sheet, width);
  fields.forEach((field, i) => sheet.setColumnWidth(i + 1, field.width));
  if (dataRows < 1) return;
  const body = sheet.getRange(2, 1, dataRows, width);
  const formats = fields.map((f) => NUMBER_FORMAT[f.type]);
  body.setNumberFormats(Array.from({ length: dataRows }, () => formats));
  const rules = fields.map((f) => ruleFor(f));
  body.setDataValidations(Array.from({ length: dataRows }, () => rules));
}

/** Furniture for tabs that only need a readable, frozen header. */
export function furnishPlainTab(sheet: Sheet): void {
  sheet.setFrozenRows(1);
  sheet.getRange(1, 1, 1, Math.max(1, sheet.getLastColumn())).setFontWeight('bold').setBackground(HEADER_BACKGROUND);
}

/**
 * 設定: a plain tab whose 目標指標 column offers the 集計 tab's labels
 * (新規相談（件）…) in a dropdown. A metric key typed (newCases) is still read,
 * as are the labels without their unit; the rule only marks it.
 */
export function furnishSettingsTab(sheet: Sheet, { settings, header }: BookSettings): void {
  furnishPlainTab(sheet);
  const column = header.indexOf(SETTINGS_HEADERS.targetMetric);
  const rows = sheet.getMaxRows() - 1;
  if (column < 0 || rows < 1) return;
  const labels = targetMetricLabels(settings.meetingTypes.map((m) => m.name));
  sheet.getRange(2, column + 1, rows, 1).setDataValidation(SpreadsheetApp.newDataValidation().requireValueInList(labels, true)
    .setAllowInvalid(true).setHelpText('集計タブの項目を一覧から選んでください。').build());
}
