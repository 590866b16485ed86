// TextFinder: a search Sheets runs on its side, handing back only the cells
// that match. Emulated by the reference's defaults (partial match, case
// ignored, on the displayed value) and strictly: a row hidden by the person
// or by a filter is not searched, as the reference does not promise it is,
// so the add-on must stay correct when a match is missed there. The options
// the add-on does not use throw instead of guessing their behaviour.
import { LABEL, SERVICE, type Emulated } from './bridge';
import { CELLS, type CellCount } from './calls';
import type { Range } from './range';
import { displayValue } from './values';

export class TextFinder implements Emulated {
  readonly [SERVICE] = 'TextFinder';
  #entireCell = false;
  #matchCase = false;
  /** Index into the matches of the last findNext, -1 before the first. */
  #at = -1;

  constructor(private readonly range: Range, private readonly findText: string) {
    if (typeof findText !== 'string' || findText === '') {
      throw new Error("The parameters don't match the method signature for SpreadsheetApp.Range.createTextFinder.");
    }
  }

  [LABEL](): string {
    return this.range[LABEL]();
  }

  /** The search runs in Sheets: no cell's value comes to the script but the matches' positions. */
  [CELLS](): CellCount {
    return { read: 0, written: 0 };
  }

  matchEntireCell(entire: boolean): TextFinder {
    this.#entireCell = entire === true;
    return this;
  }

  matchCase(matchCase: boolean): TextFinder {
    this.#matchCase = matchCase === true;
    return this;
  }

  findAll(): Range[] {
    return this.#matches();
  }

  findNext(): Range | null {
    const matches = this.#matches();
    this.#at = this.#at + 1 < matches.length ? this.#at + 1 : matches.length;
    return matches[this.#at] ?? null;
  }

  useRegularExpression(): never { return notEmulated('useRegularExpression'); }
  matchFormulaText(): never { return notEmulated('matchFormulaText'); }
  ignoreDiacritics(): never { return notEmulated('ignoreDiacritics'); }
  startFrom(): never { return notEmulated('startFrom'); }
  replaceAllWith(): never { return notEmulated('replaceAllWith'); }
  replaceWith(): never { return notEmulated('replaceWith'); }

  #matches(): Range[] {
    const fold = (s: string): string => (this.#matchCase ? s : s.toLowerCase());
    const wanted = fold(this.findText);
    const { sheet, rect } = this.range;
    const timeZone = sheet.spreadsheet.model.timeZone;
    const found: Range[] = [];
    for (let r = rect.row; r < rect.row + rect.numRows; r++) {
      if (sheet.model.rowLayout[r - 1]?.hidden) continue;
      const line = sheet.model.cells[r - 1];
      if (!line) continue;
      for (let c = rect.column; c < rect.column + rect.numColumns; c++) {
        const cell = line[c - 1];
        if (cell?.value === undefined) continue;
        const shown = fold(displayValue(cell, timeZone));
        if (this.#entireCell ? shown === wanted : shown.includes(wanted)) found.push(sheet.getRange(r, c));
      }
    }
    return found;
  }
}

function notEmulated(method: string): never {
  throw new Error(`ローカル実行環境：TextFinder.${method} は再現していません（アドオンは使いません）。`);
}
