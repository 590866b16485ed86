// The open spreadsheet as the operations see it: its time zone, its tabs by
// name, and the standard tabs read as tables.
import { ACTIVITY_FIELDS, CASE_FIELDS, CHANGE_LOG_HEADERS, MEETING_FIELDS, TAB, type FieldDef } from '../domain/fields';
import { matchHeaders } from '../domain/headers';
import { cellText } from '../domain/cell';
import { DEFAULT_SETTINGS, readSettings, settingsToTable, type SettingsReadResult } from '../domain/settings';
import type { Table } from '../domain/table';
import { PLAN_FIELDS, TASK_FIELDS } from '../domain/plan/fields';
import { readTable, readTableColumns, writeTable } from './tables';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export interface Book {
  readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  readonly timeZone: string;
  /** The tabs by name (see TabsByName). */
  readonly sheets: Map<string, Sheet>;
}

/**
 * The book's tabs by name, each looked up the first time an operation asks for
 * it: a sidebar save uses three or four tabs, and listing them all costs a call
 * for every tab's name. Asking for all of them (size, keys, a loop) lists them
 * once, in the book's order.
 */
class TabsByName extends Map<string, Sheet> {
  private listed = false;
  private readonly absent = new Set<string>();

  constructor(private readonly spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet) {
    super();
  }

  override get(name: string): Sheet | undefined {
    if (!this.listed && !super.has(name) && !this.absent.has(name)) {
      const sheet = this.spreadsheet.getSheetByName(name);
      if (sheet) super.set(name, sheet);
      else this.absent.add(name);
    }
    return super.get(name);
  }

  override has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  override set(name: string, sheet: Sheet): this {
    this.absent.delete(name);
    return super.set(name, sheet);
  }

  override delete(name: string): boolean {
    this.absent.add(name);
    return super.delete(name);
  }

  override get size(): number {
    return this.list().size;
  }

  override keys(): MapIterator<string> {
    return this.list().keys();
  }

  override values(): MapIterator<Sheet> {
    return this.list().values();
  }

  override entries(): MapIterator<[string, Sheet]> {
    return this.list().entries();
  }

  override [Symbol.iterator](): MapIterator<[string, Sheet]> {
    return this.list().entries();
  }

  override forEach(fn: (sheet: Sheet, name: string, map: Map<string, Sheet>) => void): void {
    this.list().forEach(fn);
  }

  /** Every tab, in the book's order, as a plain map. */
  private list(): Map<string, Sheet> {
    if (!this.listed) {
      this.listed = true;
      super.clear();
      for (const sheet of this.spreadsheet.getSheets()) super.set(sheet.getName(), sheet);
    }
    return new Map(super.entries());
  }
}

export function openBook(): Book {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return { spreadsheet, timeZone: spreadsheet.getSpreadsheetTimeZone(), sheets: new TabsByName(spreadsheet) };
}

export function readTab(book: Book, name: string): ReturnType<typeof readTable> | null {
  const sheet = book.sheets.get(name);
  return sheet ? readTable(sheet, book.timeZone) : null;
}

export interface BookSettings extends SettingsReadResult {
  /** The 設定 tab's header row, where dropdowns find the lists they point at; empty without the tab. */
  readonly header: readonly string[];
  /** The 設定 tab as read; null without it. */
  readonly table: Table | null;
}

export function readBookSettings(book: Book): BookSettings {
  const table = readTab(book, TAB.settings);
  return { ...readSettings(table), header: (table?.header ?? []).map((h) => cellText(h).trim()), table };
}

export interface CaseWorkbook extends BookSettings {
  readonly cases: Table;
  readonly activities: Table | null;
  readonly meetings: Table | null;
  readonly plans: Table | null;
  readonly tasks: Table | null;
}

const RECORD_TABS = {
  cases: { name: TAB.cases, fields: CASE_FIELDS },
  activities: { name: TAB.activities, fields: ACTIVITY_FIELDS },
  meetings: { name: TAB.meetings, fields: MEETING_FIELDS },
  plans: { name: TAB.plans, fields: PLAN_FIELDS },
  tasks: { name: TAB.tasks, fields: TASK_FIELDS },
} as const satisfies Record<string, { name: string; fields: readonly FieldDef[] }>;

/** Of each record tab, the keys of the fields an operation reads; a tab left out is not read. */
export type RecordColumns = Partial<Record<keyof typeof RECORD_TABS, readonly string[]>>;

/**
 * The record tabs, each read once, and 設定: what 入力チェック and 集計 work
 * from. With `columns`, only those fields' columns of the tabs it names
 * (found by header, as the domain finds them); without, every tab whole.
 * A workbook without 共通シート is refused with what to do.
 */
export function readCaseWorkbook(book: Book, columns?: RecordColumns): CaseWorkbook {
  const read = (tab: keyof typeof RECORD_TABS): Table | null => {
    const { name, fields } = RECORD_TABS[tab];
    const sheet = book.sheets.get(name);
    if (!sheet) return null;
    if (!columns) return readTable(sheet, book.timeZone);
    const keys = columns[tab];
    if (!keys) return null;
    return readTableColumns(sheet, book.timeZone, (header) => {
      const { columnOf } = matchHeaders(fields, header);
      return keys.flatMap((key) => columnOf.get(key) ?? []);
    });
  };
  const cases = read('cases');
  if (!cases) {
    throw new Error('このブックには「共通シート」タブがありません。メニュー「多機関協働」の「シートを準備」か「標準化」を先に実行してください。');
  }
  return { ...readBookSettings(book), cases, activities: read('activities'), meetings: read('meetings'), plans: read('plans'), tasks: read('tasks') };
}

/** The header (and, for 設定, the default lists) a new standard tab starts with. */
export const STANDARD_TABS: readonly { name: string; initial: () => Table }[] = [
  ...Object.values(RECORD_TABS).map(({ name, fields }) => ({ name, initial: () => ({ header: fields.map((f) => f.header), rows: [] }) })),
  { name: TAB.settings, initial: () => settingsToTable(DEFAULT_SETTINGS) },
  { name: TAB.changeLog, initial: () => ({ header: [...CHANGE_LOG_HEADERS], rows: [] }) },
];

/** Creates a tab with its initial table at the end of the book. */
export function createTab(book: Book, name: string, initial: Table): Sheet {
  const sheet = book.spreadsheet.insertSheet(name, book.spreadsheet.getNumSheets());
  // A new tab has 26 columns; Sheets counts every cell of every tab against the
  // workbook's 10 million, so an 8-column 支援記録 of 250,000 rows would spend
  // 6.5 million of them instead of 2 million. writeBlock adds columns if ever needed.
  const width = Math.max(1, initial.header.length);
  const unused = sheet.getMaxColumns() - width;
  if (unused > 0) sheet.deleteColumns(width + 1, unused);
  writeTable(sheet, { header: initial.header, rows: initial.rows }, book.timeZone, { rows: 0, columns: 0 });
  book.sheets.set(name, sheet);
  return sheet;
}
