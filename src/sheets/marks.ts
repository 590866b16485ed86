// 入力チェック marks problem cells with a background and a note, and clears
// the marks it made before (SPEC §6). A note the user wrote is kept: the
// add-on's text is added below it behind a marker and later removed up to it.
// Only cells whose mark appears, changes or disappears are written, with one
// RangeList per colour and per note text, so a re-check of a sheet that has
// not changed writes nothing and the calls do not grow with the rows.
// The note alone tells an add-on mark (its text says エラー or 注意 in words),
// so a re-check that changes no mark reads no background: reading a tab's
// notes and backgrounds cost as much as reading it twice (issue 15). A colour
// whose note a person deleted by hand is therefore left as it is.
//
// A town's own colour comes back when the mark clears. The colour a cell had
// before its mark is written in the mark's note (「（入力チェック前の背景色：#ffff00）」;
// no line: no colour), because a note travels with its cell when rows are
// sorted, filtered or moved, as the background does, and 入力チェック reads the
// notes anyway. Backgrounds are read only for the cells whose mark appears,
// changes or clears, in one block per tab. A cell whose colour is no longer
// the mark's when the mark changes or clears was recoloured by the town while
// marked: that colour is theirs, and is kept (and recorded) instead.
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

const BEFORE_MARK = '入力チェック前の背景色';
/** What getBackgrounds gives for a cell without colour. */
const NO_FILL = '#ffffff';
const isMarkColor = (color: string): boolean => color === MARK_COLOR.error || color === MARK_COLOR.warning;

/** The background a marked cell had before its mark, as its note records it; null: none. */
function colorBeforeMark(note: string): string | null {
  const at = note.indexOf(NOTE_MARKER);
  const found = at < 0 ? null : new RegExp(`（${BEFORE_MARK}：(#[0-9a-f]{6})）`).exec(note.slice(at));
  return found ? found[1]! : null;
}

/** A cell's note with the add-on's lines (and the colour to give back) below the person's own text. */
function markedNote(own: string, lines: string, before: string | null): string {
  const text = `${NOTE_MARKER}\n${lines}${before ? `\n（${BEFORE_MARK}：${before}）` : ''}`;
  return own ? `${own}\n\n${text}` : text;
}

/** A cell of the block marked: 0-based row from its first row, 0-based column. */
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
  return markBlock(sheet, 2, sheet.getLastRow() - 1, sheet.getLastColumn(), problems);
}

/**
 * Marks the sheet rows `first`…`first + rows − 1` (every column) with these
 * problems and clears the marks of earlier checks there; the rows outside are
 * neither read nor written. Returns how many cells of the block carry a mark now.
 */
function markBlock(sheet: GoogleAppsScript.Spreadsheet.Sheet, first: number, rows: number, columns: number, problems: readonly Problem[]): number {
  if (rows < 1 || columns < 1 || first < 2) return 0;
  const notes = sheet.getRange(first, 1, rows, columns).getNotes();

  const byCell = new Map<number, Problem[]>();
  for (const p of problems) {
    const c = columnIndexOf(p.columnLetter);
    if (p.row < first || p.row - first >= rows || c < 0 || c >= columns) continue;
    const key = (p.row - first) * columns + c;
    const list = byCell.get(key);
    if (list) list.push(p);
    else byCell.set(key, [p]);
  }

  // Cells whose mark appears or changes, and cells whose old mark clears.
  const marking: { at: At; color: string; own: string; lines: string; recorded: string | null; marked: boolean }[] = [];
  const clearing: { at: At; own: string; recorded: string | null }[] = [];
  for (const [key, cellProblems] of byCell) {
    const at: At = [Math.floor(key / columns), key % columns];
    const color = cellProblems.some((p) => p.severity === 'error') ? MARK_COLOR.error : MARK_COLOR.warning;
    const note = notes[at[0]]![at[1]]!;
    const own = stripOurNote(note);
    const lines = cellProblems.map((p) => `・${SEVERITY_WORD[p.severity]}：${p.message.replace(/^[^：]*：/, '')}`).join('\n');
    const recorded = colorBeforeMark(note);
    // The same note means the same severities, so the colour set with it still holds.
    if (note === markedNote(own, lines, recorded)) continue;
    marking.push({ at, color, own, lines, recorded, marked: note.includes(NOTE_MARKER) });
  }
  // Marks of an earlier check on cells that no longer have a problem.
  for (let r = 0; r < rows; r++) {
    const line = notes[r]!;
    for (let c = 0; c < columns; c++) {
      const note = line[c]!;
      if (note === '' || !note.includes(NOTE_MARKER) || byCell.has(r * columns + c)) continue;
      clearing.push({ at: [r, c], own: stripOurNote(note), recorded: colorBeforeMark(note) });
    }
  }

  const backgroundOf = readBackgrounds(sheet, first, [...marking, ...clearing].map((m) => m.at));
  const colors = new Map<string | null, At[]>();
  const noteTexts = new Map<string, At[]>();
  for (const m of marking) {
    const now = backgroundOf(m.at);
    // Unmarked, or recoloured by the town while marked: the colour it has now is the one to give back.
    const before = m.marked && isMarkColor(now) ? m.recorded : (now === NO_FILL ? null : now);
    pushTo(colors, m.color, m.at);
    pushTo(noteTexts, markedNote(m.own, m.lines, before), m.at);
  }
  for (const m of clearing) {
    if (isMarkColor(backgroundOf(m.at))) pushTo(colors, m.recorded, m.at);
    pushTo(noteTexts, m.own, m.at);
  }
  for (const [color, cells] of colors) sheet.getRangeList(a1Ranges(cells, first)).setBackground(color);
  if (noteTexts.size <= NOTE_TEXTS_PER_CALL_LIMIT) {
    for (const [text, cells] of noteTexts) sheet.getRangeList(a1Ranges(cells, first)).setNote(text);
  } else {
    writeNotesSpanned(sheet, first, notes, noteTexts);
  }
  return byCell.size;
}

/** The backgrounds of these cells of the block from sheet row `first`, read in one call over the cells they span (none when there are none). */
function readBackgrounds(sheet: GoogleAppsScript.Spreadsheet.Sheet, first: number, cells: readonly At[]): (at: At) => string {
  if (cells.length === 0) return () => NO_FILL;
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (const [r, c] of cells) [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
  const block = sheet.getRange(top + first, left + 1, bottom - top + 1, right - left + 1).getBackgrounds();
  return ([r, c]) => (block[r - top]![c - left] ?? NO_FILL).toLowerCase();
}

/** One setNotes over the smallest block holding every changed note; the other notes in it are written back as read. */
function writeNotesSpanned(sheet: GoogleAppsScript.Spreadsheet.Sheet, first: number, notes: string[][], noteTexts: ReadonlyMap<string, readonly At[]>): void {
  let [top, left, bottom, right] = [Infinity, Infinity, -1, -1];
  for (const [text, cells] of noteTexts) {
    for (const [r, c] of cells) {
      notes[r]![c] = text;
      [top, left, bottom, right] = [Math.min(top, r), Math.min(left, c), Math.max(bottom, r), Math.max(right, c)];
    }
  }
  const block = notes.slice(top, bottom + 1).map((row) => row.slice(left, right + 1));
  sheet.getRange(top + first, left + 1, block.length, right - left + 1).setNotes(block);
}

/** Clears old marks and marks the cells of these problems on every tab checked. */
export function markProblems(book: Book, sheets: readonly string[], problems: readonly Problem[]): number {
  return sheets.reduce((marked, name) => marked + markTab(book, name, problems.filter((p) => p.sheet === name)), 0);
}

/**
 * Marks only the sheet rows `rows` of one tab (a re-check of saved rows): each
 * row's notes are read and its marks set or cleared as markProblems would, so
 * the calls depend on the rows given, not on the size of the tab.
 */
export function markRows(book: Book, sheetName: string, rows: readonly number[], problems: readonly Problem[]): number {
  const sheet = book.sheets.get(sheetName);
  if (!sheet || rows.length === 0) return 0;
  const columns = sheet.getLastColumn();
  const mine = problems.filter((p) => p.sheet === sheetName);
  return [...new Set(rows)].reduce((marked, row) => marked + markBlock(sheet, row, 1, columns, mine.filter((p) => p.row === row)), 0);
}
