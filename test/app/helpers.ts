// The built dist/Code.js in the local runtime, on workbooks made in memory.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cellText, type Cell } from '../../src/domain/cell';
import { instantToDateCell } from '../../src/sheets/zonedDate';
import { writeDemo } from '../../dev/demo/write';
import { createModel, loadBundle, type Runtime } from '../../dev/runtime';
import { ensureCell, findSheet, isFormula, lastColumnWithContent, lastRowWithContent } from '../../dev/runtime/model';

export const CODE = readFileSync(join(__dirname, '../../dist/Code.js'), 'utf8');
export const TODAY = '2026-11-22';
/** The script's clock on TODAY (the server decides today for every save). */
export const clockOn = (iso: string): Date => new Date(`${iso}T10:00:00+09:00`);

/** A new spreadsheet with one empty tab, as Google creates one. */
export function newSpreadsheet(): Runtime {
  return loadBundle(CODE, createModel('test', { sheetNames: ['シート1'] }), { htmlDir: join(__dirname, '../../dist'), now: clockOn(TODAY) });
}

/** A prepared workbook holding the fictional demo. */
export function demoWorkbook(cases: number, seed = 1): Runtime {
  const runtime = newSpreadsheet();
  runtime.call('prepareWorkbook', { today: TODAY });
  writeDemo(runtime.model, { cases, seed, today: TODAY });
  runtime.call('prepareWorkbook', { today: TODAY });
  return runtime;
}

/** A spreadsheet with one tab filled with rows as a person typed them (Dates as instants). */
export function spreadsheetWith(tab: string, rows: readonly (readonly (string | number | Date)[])[]): Runtime {
  const model = createModel('test', { sheetNames: [tab] });
  const sheet = findSheet(model, tab)!;
  rows.forEach((row, r) => row.forEach((value, c) => {
    if (value !== '') ensureCell(sheet, r + 1, c + 1).value = value;
  }));
  return loadBundle(CODE, model, { htmlDir: join(__dirname, '../../dist'), now: clockOn(TODAY) });
}

/** A tab's used area as text a person would read (dates as ISO), row by row from row 1. */
export function tabText(runtime: Runtime, tab: string): string[][] {
  const sheet = findSheet(runtime.model, tab);
  if (!sheet) throw new Error(`no tab ${tab}`);
  const width = lastColumnWithContent(sheet);
  return sheet.cells.slice(0, lastRowWithContent(sheet)).map((row) => Array.from({ length: width }, (_, c) => {
    const value = row?.[c]?.value;
    if (value === undefined) return '';
    if (isFormula(value)) return value.formula;
    const asCell: Cell = value instanceof Date ? instantToDateCell(value, runtime.model.timeZone) : value;
    return cellText(asCell);
  }));
}

export function tabNames(runtime: Runtime): string[] {
  return runtime.model.sheets.map((s) => s.name);
}

/**
 * Every tab as it stands, by name, as JSON (a copy, and quick to compare):
 * grid size, frozen rows, protections, merges and each cell that holds
 * anything (value, format, note, rule…), by row and column.
 */
export function workbookState(runtime: Runtime): Record<string, string> {
  return Object.fromEntries(runtime.model.sheets.map((sheet) => {
    const cells: [number, number, unknown][] = [];
    sheet.cells.forEach((row, r) => row?.forEach((cell, c) => {
      if (cell) cells.push([r + 1, c + 1, cell]);
    }));
    const { maxRows, maxColumns, frozenRows, protections, merges } = sheet;
    return [sheet.name, JSON.stringify({ maxRows, maxColumns, frozenRows, protections, merges, cells })];
  }));
}
