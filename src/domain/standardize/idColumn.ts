// SPEC §7: a column headed by another name for ケースID (番号, No., 整理番号 …)
// is read as ケースID only when every value in it is a case ID (YYYY-NNNN).
// A column of row counters (1, 2, 3 …) or of a town's own numbers stays as an
// extra column with its values, and ケースID is assigned: taking it would make
// every row an invalid ID and hide the town's own numbering.
import { cellText, isBlankCell } from '../cell';
import { headerKey, type HeaderMatch } from '../headers';
import { normalizeText } from '../normalize';
import type { Table } from '../table';
import { CASE_ID_PATTERN } from '../validate/fieldRules';

const STANDARD_KEY = headerKey('ケースID');

function holdsOnlyCaseIds(table: Table, index: number): boolean {
  return table.rows.every((row) => {
    const cell = row[index] ?? '';
    return isBlankCell(cell) || CASE_ID_PATTERN.test(normalizeText(cellText(cell)).trim());
  });
}

/** The match, with a ケースID alias column that does not hold case IDs moved to the extra columns. */
export function keepLocalNumbers(table: Table, match: HeaderMatch): HeaderMatch {
  const index = match.columnOf.get('caseId');
  if (index === undefined || headerKey(cellText(table.header[index] ?? '')) === STANDARD_KEY) return match;
  if (holdsOnlyCaseIds(table, index)) return match;
  const columnOf = new Map(match.columnOf);
  columnOf.delete('caseId');
  return {
    columnOf,
    renamed: match.renamed.filter((r) => r.index !== index),
    extra: [...match.extra, index].sort((a, b) => a - b),
  };
}
