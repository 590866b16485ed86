// Protection: the settings of a protected range or sheet, enforced as Sheets
// does (SPEC §13): a protection that is not warning-only refuses every write
// to its cells (or, for a sheet, to the sheet) from a user who is not among
// its editors, and refuses that user changes to the protection itself.
import { a1Notation, quoteSheetName, type GridRect } from './a1';
import { LABEL, SERVICE, type Emulated } from './bridge';
import type { ProtectionModel } from './model';
import type { Range } from './range';
import type { Sheet } from './sheet';

const PROTECTED = 'You are trying to edit a protected cell or object. Please contact the spreadsheet owner to remove protection if you need to edit.';

function overlaps(a: GridRect, b: GridRect): boolean {
  return a.row < b.row + b.numRows && b.row < a.row + a.numRows && a.column < b.column + b.numColumns && b.column < a.column + a.numColumns;
}

const mayEdit = (p: ProtectionModel, user: string): boolean => p.warningOnly || (p.editors ?? []).includes(user);

/** Throws Sheets' error when the running user may not write `rect` of the sheet (null: the sheet itself, its name or grid). */
export function assertMayEdit(sheet: Sheet, rect: GridRect | null): void {
  const user = sheet.spreadsheet.state.user;
  const blocked = sheet.model.protections.some((p) => !mayEdit(p, user)
    && (p.type === 'SHEET' || (rect !== null && p.rect !== undefined && overlaps(p.rect, rect))));
  if (blocked) throw new Error(PROTECTED);
}

export class Protection implements Emulated {
  readonly [SERVICE] = 'Protection';

  constructor(private readonly sheet: Sheet, private readonly data: ProtectionModel) {}

  [LABEL](): string {
    const name = quoteSheetName(this.sheet.getName());
    return this.data.rect ? `${name}!${a1Notation(this.data.rect)}` : name;
  }

  /** Whether the running user may edit the protected cells (anyone may through a warning-only protection). */
  canEdit(): boolean {
    return mayEdit(this.data, this.sheet.spreadsheet.state.user);
  }

  #assertEditor(): void {
    if (!mayEdit(this.data, this.sheet.spreadsheet.state.user)) throw new Error(PROTECTED);
  }

  setDescription(description: string): Protection {
    this.#assertEditor();
    this.data.description = String(description);
    return this;
  }

  getDescription(): string {
    return this.data.description;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.#assertEditor();
    this.data.warningOnly = Boolean(warningOnly);
    return this;
  }

  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }

  remove(): void {
    this.#assertEditor();
    const list = this.sheet.model.protections;
    const at = list.indexOf(this.data);
    if (at >= 0) list.splice(at, 1);
  }

  getRange(): Range {
    const rect = this.data.rect;
    if (rect) return this.sheet.getRange(rect.row, rect.column, rect.numRows, rect.numColumns);
    return this.sheet.getRange(1, 1, this.sheet.getMaxRows(), this.sheet.getMaxColumns());
  }

  getProtectionType(): 'RANGE' | 'SHEET' {
    return this.data.type;
  }
}
