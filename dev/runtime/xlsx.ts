// Reads and writes the model as an .xlsx through exceljs. Date cells cross
// as calendar days: exceljs speaks wall-clock Dates (UTC fields), Apps Script
// speaks instants in the spreadsheet's time zone.
import { createHash } from 'node:crypto';
import { chmod, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import './emptyResults';
import { dateCell } from '../../src/domain/cell';
import { dateCellToInstant, instantToDateCell } from '../../src/sheets/zonedDate';
import { a1Notation, absoluteA1, parseA1, quoteSheetName } from './a1';
import { META_SHEET, readMeta, writeMeta, type Meta } from './meta';
import {
  DEFAULT_COLUMNS, DEFAULT_ROWS, addSheet, createModel, ensureCell, isFormula,
  type CellData, type CellValue, type DefinedName, type FileStyle, type LineLayout, type Model, type Scalar, type SheetModel, type ValidationRule,
} from './model';

/**
 * The file is missing, or is not an .xlsx this runtime can read; or, on save,
 * it is read-only, or it changed on disk since it was loaded.
 */
export class WorkbookFileError extends Error {
  constructor(readonly path: string, readonly reason: 'missing' | 'unreadable' | 'readOnly' | 'changed', message: string) {
    super(message);
    this.name = 'WorkbookFileError';
  }
}

// Sheets column widths are pixels; Excel's are characters of about 7 px.
const PIXELS_PER_CHARACTER = 7;

type ExcelValidation = ExcelJS.DataValidation;
/** exceljs keeps a sheet's validations by cell address; its typings omit it. */
interface WithValidations {
  dataValidations: { model: Record<string, ExcelValidation> };
}

// ---------------------------------------------------------------- dates

function toWallClock(instant: Date, timeZone: string): Date {
  const m = /^(\d+)-(\d+)-(\d+)(?:T(\d+):(\d+):(\d+))?$/.exec(instantToDateCell(instant, timeZone).iso);
  if (!m) throw new Error(`unexpected date ${instant.toISOString()}`);
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +(m[4] ?? 0), +(m[5] ?? 0), +(m[6] ?? 0)));
}

function fromWallClock(wallClock: Date, timeZone: string): Date {
  // Serial numbers carry float noise; a cell's time never has milliseconds.
  const iso = new Date(Math.round(wallClock.getTime() / 1000) * 1000).toISOString().slice(0, 19);
  return dateCellToInstant(dateCell(iso.endsWith('T00:00:00') ? iso.slice(0, 10) : iso), timeZone);
}

// ---------------------------------------------------------------- names

const ILLEGAL_IN_XLSX_NAME = /[*?:/\\[\]]/g;

/** Worksheet names Excel accepts (≤ 31 chars, no []:*?/\, unique ignoring case); the real name goes to the metadata. */
function xlsxNames(sheets: readonly SheetModel[]): Map<number, string> {
  const taken = new Set([META_SHEET.toLowerCase(), 'history']);
  const names = new Map<number, string>();
  for (const sheet of sheets) {
    const base = sheet.name.replace(ILLEGAL_IN_XLSX_NAME, '_').replace(/^'|'$/g, '_').slice(0, 31) || 'Sheet';
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base.slice(0, 31 - String(n).length - 1)}~${n}`;
    taken.add(name.toLowerCase());
    names.set(sheet.id, name);
  }
  return names;
}

// ---------------------------------------------------------------- load

function scalarFromExcel(value: unknown, timeZone: string): Scalar | undefined {
  if (value === null || value === undefined) return undefined;
  if (value instanceof Date) return fromWallClock(value, timeZone);
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'object' && 'error' in value) return String((value as ExcelJS.CellErrorValue).error);
  return undefined;
}

function valueFromExcel(cell: ExcelJS.Cell, timeZone: string): CellValue | undefined {
  switch (cell.type) {
    case ExcelJS.ValueType.Null:
    case ExcelJS.ValueType.Merge:
      return undefined;
    case ExcelJS.ValueType.Formula: {
      const result = scalarFromExcel(cell.result, timeZone);
      return result === undefined ? { formula: `=${cell.formula}` } : { formula: `=${cell.formula}`, result };
    }
    case ExcelJS.ValueType.RichText:
    case ExcelJS.ValueType.Hyperlink:
      return cell.text;
    default:
      return scalarFromExcel(cell.value, timeZone);
  }
}

function noteText(note: string | ExcelJS.Comment | undefined): string | undefined {
  if (note === undefined || typeof note === 'string') return note || undefined;
  return note.texts?.map((t) => t.text).join('') || undefined;
}

/** `object` without `keys` and without empty or null entries; undefined when nothing is left. */
function without(object: object | undefined, keys: readonly string[]): Record<string, unknown> | undefined {
  if (!object) return undefined;
  const kept = Object.entries(object).filter(([key, value]) => !keys.includes(key) && value !== undefined && value !== null);
  return kept.length ? Object.fromEntries(kept) : undefined;
}

/**
 * The part of a cell's style CellData does not model, kept to be written back:
 * the font but its weight and size, border styles and colours, alignment but
 * wrap and the two alignments, a fill other than a plain colour, protection.
 */
function unmodelledStyle(cell: ExcelJS.Cell, background: string | undefined): FileStyle | undefined {
  const style = cell.style as Partial<ExcelJS.Style> | undefined;
  if (!style) return undefined;
  const parts = {
    // A font colour readCell takes into the model is the model's; only one it cannot read (a theme colour) stays here.
    font: without(style.font, ['bold', 'size', ...(/^[0-9A-Fa-f]{8}$/.test(style.font?.color?.argb ?? '') ? ['color'] : [])]),
    border: without(style.border, []),
    alignment: without(style.alignment, ['wrapText', 'horizontal', 'vertical']),
    fill: background === undefined && style.fill && !(style.fill.type === 'pattern' && style.fill.pattern === 'none') ? style.fill : undefined,
    protection: without(style.protection, []),
  };
  return without(parts, []);
}

function readCell(cell: ExcelJS.Cell, timeZone: string): CellData {
  const data: CellData = {};
  const value = valueFromExcel(cell, timeZone);
  if (value !== undefined && value !== '') data.value = value;
  if (cell.type === ExcelJS.ValueType.Hyperlink && typeof cell.hyperlink === 'string' && cell.hyperlink) data.link = cell.hyperlink;
  if (cell.numFmt && cell.numFmt !== 'General') data.numberFormat = cell.numFmt;
  const fill = cell.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid' && /^[0-9A-Fa-f]{8}$/.test(fill.fgColor?.argb ?? '')) {
    data.background = `#${fill.fgColor!.argb!.slice(2).toLowerCase()}`;
  }
  const note = noteText(cell.note);
  if (note !== undefined) data.note = note;
  if (cell.font?.bold) data.bold = true;
  const fontColor = cell.font?.color?.argb;
  if (fontColor && /^[0-9A-Fa-f]{8}$/.test(fontColor) && fontColor.slice(2).toLowerCase() !== '000000') data.fontColor = `#${fontColor.slice(2).toLowerCase()}`;
  if (cell.font?.size) data.fontSize = cell.font.size;
  const edges = (['top', 'left', 'bottom', 'right'] as const).filter((side) => cell.border?.[side]?.style);
  if (edges.length) data.borders = Object.fromEntries(edges.map((side) => [side, true]));
  if (cell.alignment?.wrapText) data.wrap = true;
  const horizontal = cell.alignment?.horizontal;
  if (horizontal === 'left' || horizontal === 'center' || horizontal === 'right') data.horizontalAlignment = horizontal;
  const vertical = cell.alignment?.vertical;
  if (vertical === 'top' || vertical === 'middle' || vertical === 'bottom') data.verticalAlignment = vertical;
  const fileStyle = unmodelledStyle(cell, data.background);
  if (fileStyle) data.fileStyle = fileStyle;
  return data;
}

function lineLayout(line: { height?: number; hidden?: boolean; outlineLevel?: number }, withHeight: boolean): LineLayout | undefined {
  const layout: { height?: number; hidden?: boolean; outlineLevel?: number } = {};
  if (withHeight && line.height) layout.height = line.height;
  if (line.hidden) layout.hidden = true;
  if (line.outlineLevel) layout.outlineLevel = line.outlineLevel;
  return Object.keys(layout).length ? layout : undefined;
}

/** The sheet-level parts the runtime does not model but keeps: filter, conditional formats, page setup. */
const FILE_PARTS = ['autoFilter', 'conditionalFormattings', 'pageSetup', 'headerFooter'] as const;

function ruleFromExcel(
  validation: ExcelValidation, sheet: SheetModel, sheetIdByXlsxName: ReadonlyMap<string, number>, model: Model,
): ValidationRule | undefined {
  const allowInvalid = validation.errorStyle === 'warning' || validation.errorStyle === 'information' || !validation.showErrorMessage;
  const helpText = validation.prompt ?? '';
  if (validation.type === 'date') return { criteria: { type: 'DATE_IS_VALID_DATE' }, allowInvalid, helpText };
  const formula: unknown = validation.formulae?.[0];
  if (validation.type !== 'list' || typeof formula !== 'string') return undefined;
  if (formula.startsWith('"')) {
    const values = formula.slice(1, -1).split(',').map((v) => v.replace(/""/g, '"'));
    return { criteria: { type: 'VALUE_IN_LIST', values, showDropdown: true }, allowInvalid, helpText };
  }
  try {
    const ref = parseA1(formula, () => ({ maxRows: DEFAULT_ROWS, maxColumns: DEFAULT_COLUMNS }));
    const sheetId = ref.sheetName === undefined ? sheet.id : sheetIdByXlsxName.get(ref.sheetName);
    if (sheetId === undefined || !model.sheets.some((s) => s.id === sheetId)) return undefined;
    return { criteria: { type: 'VALUE_IN_RANGE', source: { sheetId, ...ref.rect }, showDropdown: true }, allowInvalid, helpText };
  } catch {
    return undefined; // a named range or formula: outside what the runtime models
  }
}

function readSheet(worksheet: ExcelJS.Worksheet, sheet: SheetModel, timeZone: string): void {
  worksheet.eachRow({ includeEmpty: true }, (row, r) => {
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const data = readCell(cell, timeZone);
      if (Object.keys(data).length > 0) Object.assign(ensureCell(sheet, r, c), data);
    });
    const layout = lineLayout(row, true);
    if (layout) sheet.rowLayout[r - 1] = layout;
  });
  (worksheet.columns ?? []).forEach((column, i) => {
    if (column.width !== undefined) sheet.columnWidths[i] = Math.round(column.width * PIXELS_PER_CHARACTER);
    const layout = lineLayout(column, false);
    if (layout) sheet.columnLayout[i] = layout;
  });
  const parts = worksheet as unknown as Record<string, unknown>;
  sheet.fileParts = Object.fromEntries(FILE_PARTS.flatMap((key) => {
    const part = parts[key];
    return part === undefined || part === null || (Array.isArray(part) && part.length === 0) ? [] : [[key, part]];
  }));
  const view = worksheet.views?.[0];
  sheet.frozenRows = view?.state === 'frozen' ? view.ySplit ?? 0 : 0;
  sheet.hiddenGridlines = view?.showGridLines === false;
  sheet.merges = ((worksheet.model as { merges?: string[] }).merges ?? []).map((range) => parseA1(range, () => sheet).rect);
  sheet.hidden = worksheet.state !== 'visible';
  const tabColor = worksheet.properties.tabColor?.argb;
  sheet.tabColor = tabColor ? `#${tabColor.slice(-6).toLowerCase()}` : null;
}

/** As Sheets sizes an imported file: what the sheet uses (cells, widths, protected ranges), at least 1000 × 26. */
function fitDimensions(sheet: SheetModel): void {
  let rows = DEFAULT_ROWS;
  let columns = Math.max(DEFAULT_COLUMNS, sheet.columnWidths.length);
  sheet.cells.forEach((row, r) => {
    rows = Math.max(rows, r + 1);
    columns = Math.max(columns, row?.length ?? 0);
  });
  for (const { rect } of sheet.protections) {
    if (!rect) continue;
    rows = Math.max(rows, rect.row + rect.numRows - 1);
    columns = Math.max(columns, rect.column + rect.numColumns - 1);
  }
  sheet.maxRows = rows;
  sheet.maxColumns = columns;
}

async function readExcel(path: string): Promise<ExcelJS.Workbook> {
  try {
    if (!(await stat(path)).isFile()) throw new WorkbookFileError(path, 'unreadable', `${path} is not a file`);
  } catch (error) {
    if (error instanceof WorkbookFileError) throw error;
    throw new WorkbookFileError(path, 'missing', `${path} does not exist`);
  }
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.readFile(path);
  } catch (error) {
    throw new WorkbookFileError(path, 'unreadable', `${path} is not an .xlsx workbook (${(error as Error).message})`);
  }
  return workbook;
}

const SHEET_REF = /^(?:'((?:[^']|'')+)'|([^!]+))!(.+)$/;

/** The workbook's defined names, each range tied to its sheet's id. */
function definedNamesOf(workbook: ExcelJS.Workbook, sheetIdByXlsxName: ReadonlyMap<string, number>): DefinedName[] {
  const names = (workbook.definedNames as unknown as { model: { name: string; ranges: string[] }[] }).model;
  return names.map(({ name, ranges }) => ({
    name,
    ranges: ranges.map((range) => {
      const m = SHEET_REF.exec(range);
      const sheetName = m ? m[1]?.replace(/''/g, "'") ?? m[2]! : undefined;
      const sheetId = sheetName === undefined ? undefined : sheetIdByXlsxName.get(sheetName);
      return sheetId === undefined ? { sheetId: null, ref: range } : { sheetId, ref: m![3]! };
    }),
  }));
}

export async function loadWorkbook(path: string): Promise<Model> {
  const workbook = await readExcel(path);
  const metaSheet = workbook.getWorksheet(META_SHEET);
  let meta: Meta | undefined;
  try {
    meta = metaSheet ? readMeta(metaSheet) : undefined;
  } catch (error) {
    throw new WorkbookFileError(path, 'unreadable', `${path}: the ${META_SHEET} sheet is damaged (${(error as Error).message})`);
  }
  const model = createModel(meta?.name ?? basename(path, extname(path)), meta ? { timeZone: meta.timeZone } : {});
  if (meta) {
    model.id = meta.id;
    model.nextSheetId = meta.nextSheetId;
    model.documentProperties = new Map(Object.entries(meta.documentProperties));
    model.userProperties = new Map(Object.entries(meta.userProperties).map(([user, props]) => [user, new Map(Object.entries(props))]));
    model.triggers = meta.triggers ?? [];
  }
  const worksheets = workbook.worksheets.filter((ws) => ws.name !== META_SHEET);
  const sheetIdByXlsxName = new Map<string, number>();
  const sheets = worksheets.map((worksheet) => {
    const saved = meta?.sheets.find((s) => s.xlsxName === worksheet.name);
    const sheet = addSheet(model, saved?.name ?? worksheet.name, undefined, saved?.id ?? model.nextSheetId);
    sheet.protections = saved?.protections ?? [];
    sheet.charts = saved?.charts ?? [];
    sheetIdByXlsxName.set(worksheet.name, sheet.id);
    readSheet(worksheet, sheet, model.timeZone);
    return sheet;
  });
  model.definedNames = definedNamesOf(workbook, sheetIdByXlsxName);
  worksheets.forEach((worksheet, i) => {
    const sheet = sheets[i]!;
    const validations = (worksheet as unknown as WithValidations).dataValidations.model;
    for (const [address, validation] of Object.entries(validations)) {
      const rule = ruleFromExcel(validation, sheet, sheetIdByXlsxName, model);
      const { rect } = parseA1(address, () => sheet);
      if (rule) ensureCell(sheet, rect.row, rect.column).validation = rule;
    }
    fitDimensions(sheet);
  });
  return model;
}

// ---------------------------------------------------------------- save

function excelValue(value: CellValue, timeZone: string): ExcelJS.CellValue {
  if (value instanceof Date) return toWallClock(value, timeZone);
  if (!isFormula(value)) return value;
  const result = value.result instanceof Date ? toWallClock(value.result, timeZone) : value.result;
  return { formula: value.formula.replace(/^=/, ''), ...(result === undefined ? {} : { result }) } as ExcelJS.CellFormulaValue;
}

function isDateValued(value: CellValue | undefined): value is Date | { formula: string; result: Date } {
  return value instanceof Date || (isFormula(value) && value.result instanceof Date);
}

function excelValidation(rule: ValidationRule, sheetNames: ReadonlyMap<number, string>): ExcelValidation | undefined {
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: rule.allowInvalid ? 'warning' : 'stop',
    ...(rule.helpText ? { prompt: rule.helpText, showInputMessage: true } : {}),
  };
  const criteria = rule.criteria;
  switch (criteria.type) {
    case 'VALUE_IN_LIST':
      return { ...common, type: 'list', formulae: [`"${criteria.values.map((v) => v.replace(/"/g, '""')).join(',')}"`] };
    case 'VALUE_IN_RANGE': {
      const sheetName = sheetNames.get(criteria.source.sheetId);
      if (sheetName === undefined) return undefined; // its source sheet was deleted
      return { ...common, type: 'list', formulae: [`${quoteSheetName(sheetName)}!${absoluteA1(criteria.source)}`] };
    }
    case 'DATE_IS_VALID_DATE':
      return { ...common, type: 'date', operator: 'greaterThanOrEqual', formulae: [new Date(Date.UTC(1900, 0, 1))] };
  }
}

/** The file's own style of the cell with what the model says laid over it: the modelled fields always win. */
function writeCell(cell: ExcelJS.Cell, data: CellData, timeZone: string): void {
  if (data.value !== undefined) {
    cell.value = data.link !== undefined && typeof data.value === 'string'
      ? { text: data.value, hyperlink: data.link }
      : excelValue(data.value, timeZone);
  }
  const kept = (data.fileStyle ?? {}) as Partial<ExcelJS.Style>;
  const dateFormat = isDateValued(data.value) ? 'yyyy-mm-dd' : undefined;
  const numFmt = data.numberFormat ?? dateFormat;
  if (numFmt) cell.numFmt = numFmt;
  if (data.background && /^#[0-9a-f]{6}$/.test(data.background)) {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${data.background.slice(1).toUpperCase()}` } };
  } else if (kept.fill) {
    cell.fill = kept.fill;
  }
  if (data.note) cell.note = data.note;
  if (data.bold || data.fontSize || data.fontColor || kept.font) {
    cell.font = {
      ...kept.font, ...(data.bold ? { bold: true } : {}), ...(data.fontSize ? { size: data.fontSize } : {}),
      ...(data.fontColor ? { color: { argb: `FF${data.fontColor.slice(1).toUpperCase()}` } } : {}),
    };
  }
  if (data.borders) {
    cell.border = Object.fromEntries(Object.keys(data.borders).map((side) => {
      const own = kept.border?.[side as keyof ExcelJS.Borders] as Partial<ExcelJS.Border> | undefined;
      return [side, own?.style ? own : { style: 'thin' }];
    })) as Partial<ExcelJS.Borders>;
  }
  if (data.wrap || data.horizontalAlignment || data.verticalAlignment || kept.alignment) {
    cell.alignment = {
      ...kept.alignment,
      ...(data.wrap ? { wrapText: true } : {}),
      ...(data.horizontalAlignment ? { horizontal: data.horizontalAlignment as ExcelJS.Alignment['horizontal'] } : {}),
      ...(data.verticalAlignment ? { vertical: data.verticalAlignment as ExcelJS.Alignment['vertical'] } : {}),
    };
  }
  if (kept.protection) cell.protection = kept.protection;
}

/**
 * Validations go in as one range per column run of the same rule. Left per
 * cell, exceljs merges them itself and sorts addresses as text (B10 before
 * B2), writing overlapping ranges that Excel reports as a damaged file.
 */
function writeValidations(worksheet: ExcelJS.Worksheet, sheet: SheetModel, sheetNames: ReadonlyMap<number, string>): void {
  const target = (worksheet as unknown as WithValidations).dataValidations.model;
  const columns = sheet.cells.reduce((most, row) => Math.max(most, row?.length ?? 0), 0);
  for (let c = 0; c < columns; c++) {
    const keyAt = (r: number): string => {
      const rule = sheet.cells[r]?.[c]?.validation;
      const validation = rule && excelValidation(rule, sheetNames);
      return validation ? JSON.stringify(validation) : '';
    };
    let start = 0;
    for (let r = 1; r <= sheet.cells.length; r++) {
      const key = keyAt(start);
      if (r < sheet.cells.length && keyAt(r) === key) continue;
      if (key) target[a1Notation({ row: start + 1, column: c + 1, numRows: r - start, numColumns: 1 })] = JSON.parse(key) as ExcelValidation;
      start = r;
    }
  }
}

function writeSheet(workbook: ExcelJS.Workbook, sheet: SheetModel, name: string, timeZone: string, sheetNames: ReadonlyMap<number, string>): void {
  const worksheet = workbook.addWorksheet(name, {
    state: sheet.hidden ? 'hidden' : 'visible',
    views: sheet.frozenRows > 0 || sheet.hiddenGridlines
      ? [{ ...(sheet.frozenRows > 0 ? { state: 'frozen' as const, ySplit: sheet.frozenRows } : {}), ...(sheet.hiddenGridlines ? { showGridLines: false } : {}) }]
      : [],
    ...(sheet.tabColor ? { properties: { tabColor: { argb: `FF${sheet.tabColor.slice(1).toUpperCase()}` } } } : {}),
  });
  sheet.cells.forEach((row, r) =>
    row?.forEach((data, c) => {
      if (data) writeCell(worksheet.getCell(r + 1, c + 1), data, timeZone);
    }),
  );
  for (const m of sheet.merges) worksheet.mergeCells(m.row, m.column, m.row + m.numRows - 1, m.column + m.numColumns - 1);
  writeValidations(worksheet, sheet, sheetNames);
  sheet.columnWidths.forEach((px, c) => {
    if (px !== undefined) worksheet.getColumn(c + 1).width = px / PIXELS_PER_CHARACTER;
  });
  sheet.rowLayout.forEach((layout, r) => {
    if (layout) Object.assign(worksheet.getRow(r + 1), layout);
  });
  sheet.columnLayout.forEach((layout, c) => {
    if (layout) Object.assign(worksheet.getColumn(c + 1), layout);
  });
  Object.assign(worksheet, sheet.fileParts);
}

/** The defined names with each range on its sheet's name in this file; a range whose sheet is gone goes, and a name with none left. */
function writeDefinedNames(workbook: ExcelJS.Workbook, names: readonly DefinedName[], sheetNames: ReadonlyMap<number, string>): void {
  for (const { name, ranges } of names) {
    const refs = ranges.flatMap(({ sheetId, ref }) => {
      if (sheetId === null) return [ref];
      const sheetName = sheetNames.get(sheetId);
      return sheetName === undefined ? [] : [`${quoteSheetName(sheetName)}!${ref}`];
    });
    for (const ref of refs) workbook.definedNames.add(ref, name);
  }
}

function metaOf(model: Model, sheetNames: ReadonlyMap<number, string>): Meta {
  return {
    version: 1,
    id: model.id,
    name: model.name,
    timeZone: model.timeZone,
    nextSheetId: model.nextSheetId,
    documentProperties: Object.fromEntries(model.documentProperties),
    userProperties: Object.fromEntries([...model.userProperties].map(([user, props]) => [user, Object.fromEntries(props)])),
    triggers: model.triggers.map((t) => ({ ...t })),
    sheets: model.sheets.map((sheet) => ({
      xlsxName: sheetNames.get(sheet.id) ?? sheet.name,
      name: sheet.name,
      id: sheet.id,
      protections: sheet.protections.map((p) => ({ ...p, ...(p.rect ? { rect: { ...p.rect } } : {}) })),
      charts: sheet.charts.map((c) => ({ ...c, ranges: c.ranges.map((r) => ({ ...r })), position: { ...c.position } })),
    })),
  };
}

/** A file's content as it was loaded, to tell at save whether someone else changed it meanwhile; 'absent' for a new file. */
export type FileStamp = { readonly sha256: string } | 'absent';

export async function stampOf(path: string): Promise<FileStamp> {
  try {
    return { sha256: createHash('sha256').update(await readFile(path)).digest('hex') };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'absent';
    throw error;
  }
}

const sameStamp = (a: FileStamp, b: FileStamp): boolean => (a === 'absent' || b === 'absent' ? a === b : a.sha256 === b.sha256);

/** The file's permission bits, or undefined when there is no file yet. */
async function modeOf(path: string): Promise<number | undefined> {
  try {
    return (await stat(path)).mode & 0o7777;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/**
 * Writes the model to `path`, replacing the file only once the new one is
 * complete and with the file's permissions. Refused, leaving the file as it
 * is: a read-only file (no write bit: the owner's choice, even where the
 * system would let this process write), or one whose content is no longer
 * `expected` (someone saved it while the model was open). Gives the stamp of
 * the file written, to expect at the next save.
 */
export async function saveWorkbook(model: Model, path: string, expected?: FileStamp): Promise<FileStamp> {
  const mode = await modeOf(path);
  if (mode !== undefined && (mode & 0o222) === 0) throw new WorkbookFileError(path, 'readOnly', `${path} is read-only`);
  const workbook = new ExcelJS.Workbook();
  const sheetNames = xlsxNames(model.sheets);
  for (const sheet of model.sheets) writeSheet(workbook, sheet, sheetNames.get(sheet.id)!, model.timeZone, sheetNames);
  writeDefinedNames(workbook, model.definedNames, sheetNames);
  writeMeta(workbook.addWorksheet(META_SHEET, { state: 'veryHidden' }), metaOf(model, sheetNames));
  const partial = `${path}.${process.pid}.partial`;
  try {
    await workbook.xlsx.writeFile(partial);
    if (mode !== undefined) await chmod(partial, mode);
    if (expected !== undefined && !sameStamp(expected, await stampOf(path))) {
      throw new WorkbookFileError(path, 'changed', `${path} changed on disk since it was loaded`);
    }
    const written = await stampOf(partial);
    await rename(partial, path);
    return written;
  } finally {
    await rm(partial, { force: true });
  }
}
