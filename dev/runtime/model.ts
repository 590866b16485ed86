// The in-memory workbook behind the emulated services. Dates are held the way
// Apps Script hands them over: as instants (midnight in the spreadsheet's
// time zone for a date cell).
import type { GridRect } from './a1';

export type Scalar = string | number | boolean | Date;

export interface Formula {
  /** With its leading `=`, as Range.getFormulas() gives it. */
  readonly formula: string;
  /** The last computed value, when the file carried one; the runtime never evaluates formulas. */
  readonly result?: Scalar;
}

export type CellValue = Scalar | Formula;

export function isFormula(value: CellValue | undefined): value is Formula {
  return typeof value === 'object' && !(value instanceof Date);
}

export type ValidationCriteria =
  | { readonly type: 'VALUE_IN_LIST'; readonly values: readonly string[]; readonly showDropdown: boolean }
  | { readonly type: 'VALUE_IN_RANGE'; readonly source: RangeRef; readonly showDropdown: boolean }
  | { readonly type: 'DATE_IS_VALID_DATE' };

/** A range on a sheet, by the sheet's id so that renaming the sheet keeps the reference. */
export interface RangeRef extends GridRect {
  readonly sheetId: number;
}

export interface ValidationRule {
  readonly criteria: ValidationCriteria;
  readonly allowInvalid: boolean;
  readonly helpText: string;
}

/** Everything Sheets keeps per cell that the add-on can touch. Absent means default. */
export interface CellData {
  value?: CellValue;
  numberFormat?: string;
  /** Lower-case `#rrggbb`. */
  background?: string;
  /** Lower-case `#rrggbb`; absent means Sheets' default (black). */
  fontColor?: string;
  note?: string;
  validation?: ValidationRule;
  bold?: boolean;
  wrap?: boolean;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  /** Points; absent means Sheets' default (10). */
  fontSize?: number;
  /** The cell's ruled edges (solid, thin, black: the one border the add-on draws). */
  borders?: CellBorders;
  /** The link target of a text cell (a hyperlink in the .xlsx). */
  link?: string;
  /** What the .xlsx said of the cell's style beyond the fields above (font colour and face, border styles, indent…), written back as it came. */
  fileStyle?: FileStyle;
}

/** An exceljs style, minus what CellData models; never read by the runtime, only carried from load to save. */
export type FileStyle = Readonly<Record<string, unknown>>;

/** A row's or a column's layout as the .xlsx had it (Apps Script would keep it; the add-on never sets it). */
export interface LineLayout {
  /** Points (rows only). */
  readonly height?: number;
  readonly hidden?: boolean;
  readonly outlineLevel?: number;
}

/** A defined name of the .xlsx: its ranges, each on a sheet (by id, so renaming the sheet keeps it) or on none. */
export interface DefinedName {
  readonly name: string;
  readonly ranges: readonly { readonly sheetId: number | null; readonly ref: string }[];
}

export interface CellBorders {
  readonly top?: true;
  readonly left?: true;
  readonly bottom?: true;
  readonly right?: true;
}

export const FORMAT_KEYS = ['numberFormat', 'background', 'fontColor', 'bold', 'wrap', 'horizontalAlignment', 'verticalAlignment', 'fontSize', 'borders', 'fileStyle'] as const;

export interface ProtectionModel {
  readonly type: 'RANGE' | 'SHEET';
  /** For RANGE protections: the protected cells (rows shift when rows are inserted or deleted). */
  rect?: GridRect;
  description: string;
  warningOnly: boolean;
  /** Who may edit despite the protection (emails); the person who protected it is one. Ignored when warning-only. */
  editors?: string[];
}

/** An embedded chart, as the add-on builds it; drawn only by the preview (an .xlsx file gets no chart). */
export interface ChartModel {
  readonly id: number;
  /** A Charts.ChartType name, e.g. `COLUMN`. */
  readonly type: string;
  readonly ranges: readonly RangeRef[];
  /** The anchor cell (1-based) and the offset from it in pixels. */
  readonly position: { readonly row: number; readonly column: number; readonly offsetX: number; readonly offsetY: number };
  /** setOption values by option name, e.g. `title`, `isStacked`. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Header rows of the ranges; -1 lets Sheets guess. */
  readonly numHeaders: number;
}

/** A time-driven trigger of the script project; Apps Script keeps triggers per user. */
export interface TriggerModel {
  readonly id: string;
  readonly handler: string;
  /** The email of the user who made it. */
  readonly user: string;
  readonly eventType: 'CLOCK';
  /** 0 for a one-off trigger (`after`). */
  readonly everyDays: number;
  /** A one-off trigger: fires once, this many milliseconds after it was created. */
  readonly afterMs?: number;
  /** 0–23 in the script's time zone, or null for any hour. */
  readonly atHour: number | null;
}

export interface SheetModel {
  readonly id: number;
  name: string;
  /** `cells[row - 1][column - 1]`; sparse. */
  cells: ((CellData | undefined)[] | undefined)[];
  maxRows: number;
  maxColumns: number;
  frozenRows: number;
  /** Pixel widths by `column - 1`; absent means the default. */
  columnWidths: (number | undefined)[];
  protections: ProtectionModel[];
  hidden: boolean;
  tabColor: string | null;
  charts: ChartModel[];
  /** Merged ranges; the top-left cell holds the value. */
  merges: GridRect[];
  hiddenGridlines: boolean;
  /** Row heights, hidden and grouped rows by `row - 1`, from the .xlsx; they move when rows are inserted or deleted. */
  rowLayout: (LineLayout | undefined)[];
  /** Hidden and grouped columns by `column - 1`, from the .xlsx. */
  columnLayout: (LineLayout | undefined)[];
  /** The sheet's filter, conditional formats and page setup as exceljs read them from the .xlsx, written back as they came. */
  fileParts: Readonly<Record<string, unknown>>;
}

export interface Model {
  id: string;
  name: string;
  timeZone: string;
  sheets: SheetModel[];
  documentProperties: Map<string, string>;
  /** User properties, by the user's email. */
  userProperties: Map<string, Map<string, string>>;
  nextSheetId: number;
  /** The script project's triggers, every user's. */
  triggers: TriggerModel[];
  /** The .xlsx's defined names, carried from load to save. */
  definedNames: DefinedName[];
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_COLUMN_WIDTH = 100;
export const DEFAULT_TIME_ZONE = 'Asia/Tokyo';

export function createModel(name: string, options: { sheetNames?: readonly string[]; timeZone?: string } = {}): Model {
  const model: Model = {
    id: 'local-spreadsheet',
    name,
    timeZone: options.timeZone ?? DEFAULT_TIME_ZONE,
    sheets: [],
    documentProperties: new Map(),
    userProperties: new Map(),
    nextSheetId: 0,
    triggers: [],
    definedNames: [],
  };
  for (const sheetName of options.sheetNames ?? []) addSheet(model, sheetName);
  return model;
}

/** Adds an empty sheet the size Sheets gives a new tab; `index` is 0-based. */
export function addSheet(model: Model, name: string, index = model.sheets.length, id = model.nextSheetId): SheetModel {
  const sheet: SheetModel = {
    id,
    name,
    cells: [],
    maxRows: DEFAULT_ROWS,
    maxColumns: DEFAULT_COLUMNS,
    frozenRows: 0,
    columnWidths: [],
    protections: [],
    hidden: false,
    tabColor: null,
    charts: [],
    merges: [],
    hiddenGridlines: false,
    rowLayout: [],
    columnLayout: [],
    fileParts: {},
  };
  model.nextSheetId = Math.max(model.nextSheetId, id + 1);
  model.sheets.splice(index, 0, sheet);
  return sheet;
}

/** Sheets' limit on a spreadsheet: 10 million cells, counting every tab's grid. */
export const MAX_WORKBOOK_CELLS = 10_000_000;

/** Throws Sheets' error when growing the grid by `added` cells would pass MAX_WORKBOOK_CELLS. */
export function assertCellsFit(model: Model, added: number): void {
  const cells = model.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  if (cells + added > MAX_WORKBOOK_CELLS) {
    throw new Error(`This action would increase the number of cells in the workbook above the limit of ${MAX_WORKBOOK_CELLS} cells.`);
  }
}

export function findSheet(model: Model, name: string): SheetModel | undefined {
  return model.sheets.find((s) => s.name === name);
}

export function cellAt(sheet: SheetModel, row: number, column: number): CellData | undefined {
  return sheet.cells[row - 1]?.[column - 1];
}

export function ensureCell(sheet: SheetModel, row: number, column: number): CellData {
  const cells = (sheet.cells[row - 1] ??= []);
  return (cells[column - 1] ??= {});
}

export function hasContent(cell: CellData | undefined): boolean {
  return cell?.value !== undefined && cell.value !== '';
}

/** The last row holding a value (0 for an empty sheet), as Sheet.getLastRow() counts. */
export function lastRowWithContent(sheet: SheetModel): number {
  for (let r = sheet.cells.length; r > 0; r--) {
    if ((sheet.cells[r - 1] ?? []).some(hasContent)) return r;
  }
  return 0;
}

export function lastColumnWithContent(sheet: SheetModel): number {
  let last = 0;
  for (const row of sheet.cells) {
    if (!row) continue;
    for (let c = row.length; c > last; c--) {
      if (hasContent(row[c - 1])) {
        last = c;
        break;
      }
    }
  }
  return last;
}

/** A deep copy of a sheet's cells (what Sheet.copyTo copies); rules are immutable and shared. */
export function copyCells(cells: SheetModel['cells']): SheetModel['cells'] {
  const copyValue = (value: CellValue | undefined): CellValue | undefined =>
    value instanceof Date ? new Date(value.getTime()) : isFormula(value) ? { ...value } : value;
  return cells.map((row) => row?.map((cell) => (cell ? { ...cell, value: copyValue(cell.value) } : cell)));
}

/** Sets or, for undefined, removes one property of a cell. */
/** The part of a file's own style that a script's format replaces: set a background and the file's fill is gone. */
const FILE_STYLE_PART: Partial<Record<keyof CellData, string>> = { background: 'fill' };

export function setField<K extends keyof CellData>(cell: CellData, key: K, value: CellData[K] | undefined): void {
  if (value === undefined) delete cell[key];
  else cell[key] = value;
  const part = FILE_STYLE_PART[key];
  if (part && cell.fileStyle && part in cell.fileStyle) {
    const { [part]: _replaced, ...rest } = cell.fileStyle;
    if (Object.keys(rest).length) cell.fileStyle = rest;
    else delete cell.fileStyle;
  }
}
