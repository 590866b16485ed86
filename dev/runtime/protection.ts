// Protection: the settings of a protected range or sheet. The local runtime
// runs as the owner, so protections are recorded, never enforced.
import { a1Notation, quoteSheetName } from './a1';
import { LABEL, SERVICE, type Emulated } from './bridge';
import type { ProtectionModel } from './model';
import type { Range } from './range';
import type { Sheet } from './sheet';

export class Protection implements Emulated {
  readonly [SERVICE] = 'Protection';

  constructor(private readonly sheet: Sheet, private readonly data: ProtectionModel) {}

  [LABEL](): string {
    const name = quoteSheetName(this.sheet.getName());
    return this.data.rect ? `${name}!${a1Notation(this.data.rect)}` : name;
  }

  setDescription(description: string): Protection {
    this.data.description = String(description);
    return this;
  }

  getDescription(): string {
    return this.data.description;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.data.warningOnly = Boolean(warningOnly);
    return this;
  }

  isWarningOnly(): boolean {
    return this.data.warningOnly;
  }

  remove(): void {
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
