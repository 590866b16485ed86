// 入力チェック marks problem cells with a background and a note, and clears
// the marks it made before (SPEC §6). A note the user wrote is kept: the
// add-on's text is added below it behind a marker and later removed up to it.
import { columnIndexOf, type Problem } from '../domain/validate/problem';
import type { Book } from './book';

export const MARK_COLOR = { error: '#f4cccc', warning: '#fff2cc' } as const;
const OUR_COLORS: readonly string[] = Object.values(MARK_COLOR);
export const NOTE_MARKER = '【入力チェック】';
/** Each line of a note says エラー or 注意 in words: the colour is never the only sign (WCAG 1.4.1). */
const SEVERITY_WORD = { error: 'エラー', warning: '注意' } as const;

function stripOurNote(note: string): string {
  const at = note.indexOf(NOTE_MARKER);
  return at < 0 ? note : note.slice(0, at).replace(/\n+$/, '');
}

/** Marks one tab's data area; returns how many cells carry a mark now. */
function markTab(book: Book, sheetName: string, problems: readonly Problem[]): number {
  const sheet = book.sheets.get(sheetName);
  if (!sheet) return 0;
  const rows = sheet.getLastRow() - 1;
  const columns = sheet.getLastColumn();
  if (rows < 1 || columns < 1) return 0;
  const area = sheet.getRange(2, 1, rows, columns);
  const backgrounds: (string | null)[][] = area.getBackgrounds().map((row) =>
    row.map((color) => (OUR_COLORS.includes(color.toLowerCase()) || color.toLowerCase() === '#ffffff' ? null : color)));
  const notes = area.getNotes().map((row) => row.map(stripOurNote));

  const byCell = new Map<string, Problem[]>();
  for (const p of problems) {
    const c = columnIndexOf(p.columnLetter);
    if (p.row < 2 || p.row - 2 >= rows || c < 0 || c >= columns) continue;
    const key = `${p.row - 2}:${c}`;
    byCell.set(key, [...(byCell.get(key) ?? []), p]);
  }
  for (const [key, cellProblems] of byCell) {
    const [r, c] = key.split(':').map(Number) as [number, number];
    const hasError = cellProblems.some((p) => p.severity === 'error');
    backgrounds[r]![c] = hasError ? MARK_COLOR.error : MARK_COLOR.warning;
    const own = notes[r]![c]!;
    const text = NOTE_MARKER + '\n' + cellProblems.map((p) => `・${SEVERITY_WORD[p.severity]}：${p.message.replace(/^[^：]*：/, '')}`).join('\n');
    notes[r]![c] = own ? `${own}\n\n${text}` : text;
  }
  area.setBackgrounds(backgrounds);
  area.setNotes(notes);
  return byCell.size;
}

/** Clears old marks and marks the cells of these problems on every tab checked. */
export function markProblems(book: Book, sheets: readonly string[], problems: readonly Problem[]): number {
  return sheets.reduce((marked, name) => marked + markTab(book, name, problems.filter((p) => p.sheet === name)), 0);
}
