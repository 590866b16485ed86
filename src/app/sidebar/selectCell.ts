// 「セルを選択」 in the problem list: moves the spreadsheet's selection to the
// cell a problem names, by the column's header text.
import { columnLetter } from '../../domain/validate/problem';
import { openBook } from '../../sheets/book';
import { headerTexts } from '../../sheets/tables';
import { parseArgs, selectCellArgs } from '../contracts';
import type { SelectResult } from '../sidebarTypes';

export function selectCell(rawArgs?: unknown): SelectResult {
  const args = parseArgs(selectCellArgs, rawArgs);
  const sheet = openBook().sheets.get(args.sheet);
  if (!sheet) throw new Error(`タブ「${args.sheet}」が見つかりません。`);
  const index = headerTexts(sheet).indexOf(args.column);
  if (index < 0) throw new Error(`タブ「${args.sheet}」に列「${args.column}」が見つかりません。見出しが変わっていないか確かめてください。`);
  sheet.getRange(args.row, index + 1).activate();
  return { sheet: args.sheet, a1: `${columnLetter(index)}${args.row}` };
}
