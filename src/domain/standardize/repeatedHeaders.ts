// Header rows repeated inside a hand-made table (a block pasted under another,
// a printout's page headers): they are not cases. A row is one when at least
// two of its cells are filled and each filled cell repeats the header above it.
import { cellText, isBlankCell } from '../cell';
import type { Table } from '../table';

/** Data row indexes (from 0) that repeat the header. */
export function repeatedHeaderRows(table: Table): number[] {
  const header = table.header.map((c) => cellText(c).trim());
  return table.rows.flatMap((row, index) => {
    const filled = row.map((c, column) => ({ text: cellText(c).trim(), column })).filter((c, i) => !isBlankCell(row[i] ?? ''));
    const repeats = filled.length >= 2 && filled.every((c) => c.text !== '' && c.text === header[c.column]);
    return repeats ? [index] : [];
  });
}
