// 入力チェック marks problem cells with a background and a note, and clears
// the marks it made before (SPEC §6). A note the user wrote is kept: the
// add-on's text is added below it behind a marker and later removed up to it.
// Only cells whose mark appears, changes or disappears are written, with one
// RangeList per colour and per note text, so a re-check of a sheet that has
// not changed writes nothing and the calls do not grow with the rows.
// The note alone tells an add-on mark (its text says エラー or 注意 in words),
// so backgrounds are never read: reading a tab's notes and backgrounds cost
// as much as reading it twice (issue 15). A colour whose note a person
// deleted by hand is therefore left as it is.
import { columnIndexOf, columnLetter, type Problem } from '../domain/validate/problem';
import type { Book } from './book';

export const MARK_COLOR = { error: '#f4cccc', warning: '#fff2cc' } as const;
export const NOTE_MARKER = '【入力チェック】';
/** Each line of a note says エラー or 注意 in words: the colour is never the only sign (WCAG 1.4.1). */
const SEVERITY_WORD = { error: 'エラー', warning: '注意' } as const;
/**
 * Past this many different note texts on one tab (a first check of a messy
 * sheet), the changed notes go in one setNotes over the rows and columns they
 * span instead: fewer calls, more cells.
 */
export const NOTE_TEXTS_PER_CALL_LIMIT = 20;

function stripOurNote(note: string): string {
  const at = note.indexOf(NOTE_MARKER);
  return at < 0 ? note : note.slice(0, at).replace(/\n+$/, '');
}

/** A cell of the data area: 0-based row below the header, 0-based column. */
type At = readonly [row: number, column: number];

/** A1 ranges covering the cells, vertical runs in a column joined (`C5:C9`); `firstRow` is the sheet row of data row 0. */
function a1Ranges(cells: readonly At[], firstRow: number): string[] {
  const sorted = [...cells].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const ranges: string[] = [];
  for (let i = 0; i < sorted.length;) {
    const [row, column] = sorted[i]!;
    let end = i;
    while (end + 1 < sorted.length && sorted[end + 1]![1] === column && sorted[end + 1]![0] === sorted[end]![0] + 1) end++;
    const letter = columnLetter(column);
    const last = sorted[end]![0];
    ranges.push(last === row ? `${letter}${row + firstRow}` : `${letter}${row + firstRow}:${letter}${last + firstRow}`);
    i = end + 1;
  }
  return ranges;
}

function pushTo<K>(groups: Map<K, At[]>, key: K, at: At): void {
  const list = groups.get(key);
  if (list) list.push(at);
  else groups.set(key, [at]);
}

/** Marks one tab's data area; returns how many cells carry a mark now. */
function markTab(book: Book, sheetName: string, problems: readonly Problem[]): number {
  const sheet = book.sheets.get(sheetName);
  if (!sheet) return 0;
  const rows = sheet.getLastRow() - 1;
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < 1) return 0;
  const area = sheet.getRange(2, 1, rows, columns);
  const notes = area.getNotes();

  const byCell = new Map<number, Problem[]>();
  for (const p of problems) {
    const c = columnIndexOf(p.columnLetter);
    if (p.row < 2 || p.row - 2 >= rows || c < 0 || c >= columns) continue;
    const key = (p.row - 2) * columns + c;
    const list = byCell.get(key);
    if (list) list.push(p);
    else byCell.set(key, [p]);
  }

  const colors = new Map<string | null, At[]>();
  const noteTexts = new Map<string, At[]>();
  for (const [key, cellProblems] of byCell) {
    const at: At = [Math.floor(key / columns), key % columns];
    const color = cellProblems.some((p) => p.severity === 'error') ? MARK_COLOR.error : MARK_COLOR.warning;
    const note = notes[at[0]]![at[1]]!;
    const own = stripOurNote(note);
    const text = NOTE_MARKER + '\n' + cellProblems.map((p) => `・${SEVERITY_WORD[p.severity]}：${p.message.replace(/^[^：]*：/, '')}`).join('\n');
    const wanted = own ? `${own}\n\n${text}` : text;
    // The same note means the same severities, so the colour set with it still holds.
    if (note === wanted) continue;
    pushTo(colors, color, at);
    pushTo(noteTexts, wanted, at);
  }
  // Marks of an earlier check on cells that no longer have a problem.
  for (let r = 0; r < rows; r++) {
    const line = notes[r]!;
    for (let c = 0; c < columns; c++) {
      const note = line[c]!;
      if (note === '' || !note.includes(NOTE_MARKER) || byCell.has(r * columns + c)) continue;
      pushTo(colors, null, [r, c]);
      pushTo(noteTexts, stripOurNote(note), [r, c]);
    }
  }

  for (const [color, cells] of colors) sheet.getRangeList(a1Ranges(cells, 2)).setBackground(color);
  if (noteTexts.size <= NOTE_TEXTS_PER_CALL_LIMIT) {
    for (const [text, cells] of noteTexts) sheet.getRangeList(a1Ranges(cells, 2)).setNote(text);
  } else {
    writeNotesSpanned(sheet, notes, noteTexts);
  }
  return byCell.size;
}

/** One setNotes over the smallest block holding every changed note; the other notes in it are written back as read. */
function writeNotesSpanned(sheet: GoogleAppsScript.Spreadsheet.Sheet, notes: string[][], noteTexts: ReadonlyMap<string, readonly At[]>): void {
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (const [text, cells] of noteTexts) {
    for (const [r, c] of cells) {
      notes[r]![c] = text;
      [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
    }
  }
  const block = notes.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  sheet.getRange(top + 2, left + 1, block.length, right - left + 1).setNotes(block);
}

/** Clears old marks and marks the cells of these problems on every tab checked. */
export function markProblems(book: Book, sheets: readonly string[], problems: readonly Problem[]): number {
  return sheets.reduce((marked, name) => marked + markTab(book, name, problems.filter((p) => p.sheet === name)), 0);
}
