// Spreadsheet: the one document the add-on is bound to.
import { parseA1, type GridRect } from './a1';
import { SERVICE, type Emulated } from './bridge';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, addSheet, assertCellsFit, findSheet, type Model, type RangeRef, type SheetModel } from './model';
import type { Range } from './range';
import { Sheet, assertNameFree, rangeOn } from './sheet';
import type { RuntimeState } from './state';

export interface Selection {
  readonly sheetId: number;
  /** The activated range; absent means the sheet's current cell, A1. */
  readonly rect?: GridRect;
}

export class Spreadsheet implements Emulated {
  readonly [SERVICE] = 'Spreadsheet';
  readonly model: Model;
  active: Selection | undefined;
  private readonly sheets = new WeakMap<SheetModel, Sheet>();

  constructor(readonly state: RuntimeState) {
    this.model = state.model;
  }

  // Own fields rather than methods, so the bundle cannot see them.

  /** The Sheet object of a sheet, one per sheet so that identity holds. */
  readonly sheetFor = (model: SheetModel): Sheet => {
    let sheet = this.sheets.get(model);
    if (!sheet) {
      sheet = new Sheet(this, model);
      this.sheets.set(model, sheet);
    }
    return sheet;
  };

  readonly rangeFor = (ref: RangeRef): Range => {
    const sheet = this.model.sheets.find((s) => s.id === ref.sheetId);
    if (!sheet) throw new Error('The range this rule refers to is on a sheet that no longer exists.');
    return rangeOn(this.sheetFor(sheet), ref);
  };

  readonly activeSheetModel = (): SheetModel => {
    const sheets = this.model.sheets;
    const sheet = sheets.find((s) => s.id === this.active?.sheetId) ?? sheets[0];
    if (!sheet) throw new Error('The spreadsheet has no sheets.');
    return sheet;
  };

  getSheetByName(name: string): Sheet | null {
    const sheet = findSheet(this.model, String(name));
    return sheet ? this.sheetFor(sheet) : null;
  }

  getSheets(): Sheet[] {
    return this.model.sheets.map(this.sheetFor);
  }

  getNumSheets(): number {
    return this.model.sheets.length;
  }

  /** insertSheet(), (index), (name), (name, index); index is 0-based. The new sheet becomes active. */
  insertSheet(nameOrIndex?: string | number, index?: number): Sheet {
    const count = this.model.sheets.length;
    let name = typeof nameOrIndex === 'string' ? nameOrIndex : undefined;
    if (name === undefined) {
      let n = count + 1;
      while (findSheet(this.model, `Sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    assertNameFree(this.model, name);
    assertCellsFit(this.model, DEFAULT_ROWS * DEFAULT_COLUMNS);
    const at = typeof nameOrIndex === 'number' ? nameOrIndex : index ?? count;
    const sheet = addSheet(this.model, name, Math.min(Math.max(at, 0), count));
    this.active = { sheetId: sheet.id };
    return this.sheetFor(sheet);
  }

  deleteSheet(sheet: Sheet): void {
    const sheets = this.model.sheets;
    const at = sheets.indexOf(sheet.model);
    if (at < 0) throw new Error('The sheet does not exist in this spreadsheet.');
    if (sheets.length === 1) throw new Error("You can't remove all the sheets in a document.");
    sheets.splice(at, 1);
    if (this.active?.sheetId === sheet.model.id) this.active = undefined;
  }

  getActiveSheet(): Sheet {
    return this.sheetFor(this.activeSheetModel());
  }

  setActiveSheet(sheet: Sheet): Sheet {
    this.active = { sheetId: sheet.model.id };
    return sheet;
  }

  /** null in a time-driven trigger: nobody has selected anything. */
  getActiveRange(): Range | null {
    if (this.state.context === 'trigger') return null;
    const sheet = this.sheetFor(this.activeSheetModel());
    const rect = this.active?.sheetId === sheet.model.id ? this.active.rect : undefined;
    return rangeOn(sheet, rect ?? { row: 1, column: 1, numRows: 1, numColumns: 1 });
  }

  getSpreadsheetTimeZone(): string {
    return this.model.timeZone;
  }

  getName(): string {
    return this.model.name;
  }

  getId(): string {
    return this.model.id;
  }

  /** The active sheet's id. */
  getSheetId(): number {
    return this.activeSheetModel().id;
  }

  toast(msg: string, title?: string, timeoutSeconds?: number | null): void {
    this.state.toasts.push({ message: String(msg), title: title === undefined ? '' : String(title), seconds: timeoutSeconds ?? 5 });
  }

  /** `'Sheet name'!A1:B2`; without a sheet name, on the active sheet. */
  getRange(a1Notation: string): Range {
    const { sheetName, rect } = parseA1(a1Notation, (name) => {
      const sheet = name === undefined ? this.activeSheetModel() : findSheet(this.model, name);
      if (!sheet) throw new Error(`Range not found: ${a1Notation}`);
      return sheet;
    });
    const sheet = sheetName === undefined ? this.activeSheetModel() : findSheet(this.model, sheetName);
    if (!sheet) throw new Error(`Range not found: ${a1Notation}`);
    return rangeOn(this.sheetFor(sheet), rect);
  }
}
