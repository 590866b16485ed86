// The summary as CSV that Excel opens correctly in Japanese: UTF-8 with a BOM
// (without it Excel reads Shift_JIS and garbles the text), CRLF line ends,
// fields quoted as RFC 4180 says.
import type { SummaryCell } from './render';

const BOM = '\uFEFF';
/** What Excel would run as a formula (SPEC §10's list); such text goes in behind a '. */
const FORMULA_START = /^\s*[=+\-@|%\t\r]/;

function field(cell: SummaryCell): string {
  let text = String(cell);
  if (typeof cell === 'string' && FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly SummaryCell[])[]): string {
  return BOM + rows.map((row) => row.map(field).join(',')).join('\r\n') + '\r\n';
}
