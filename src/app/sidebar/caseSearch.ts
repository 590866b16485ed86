// Finding the case of a 支援記録 (or of a plan, with consent) on the server: by
// ケースID, 年代, つなぎ元機関, 状態 and 本人同意, one page at a time, so the sidebar never carries the whole sheet.
// A choice names a case by ケースID, 年代 and つなぎ元機関 only, never by name.
import { isClosedStatus } from '../../domain/fields';
import { normalizeText } from '../../domain/normalize';
import { openBook, readBookSettings } from '../../sheets/book';
import { caseSearchArgs, parseArgs } from '../contracts';
import type { CaseChoice, CaseSearchResult } from '../sidebarTypes';
import { readCaseTable } from './caseTable';

export const CASE_PAGE_SIZE = 50;
const SEARCH_KEYS = ['caseId', 'ageBand', 'referrerAgency', 'status', 'consent'];

/** Newest ケースID first: the cases a 支援記録 is written for are mostly recent ones. */
export function searchCases(rawArgs?: unknown): CaseSearchResult {
  const args = parseArgs(caseSearchArgs, rawArgs);
  const book = openBook();
  const table = readCaseTable(book, readBookSettings(book).settings, { columns: SEARCH_KEYS });
  const idPart = normalizeText(args.caseId ?? '');
  const status = args.status ?? 'open';
  const found: CaseChoice[] = [];
  for (const index of table.filled) {
    const text = table.partOf(index, SEARCH_KEYS);
    const caseId = text.caseId ?? '';
    if (!caseId || (idPart && !caseId.includes(idPart))) continue;
    if (status === 'open' ? isClosedStatus(text.status ?? '') : status !== 'all' && text.status !== status) continue;
    if (args.ageBand && text.ageBand !== args.ageBand) continue;
    if (args.referrerAgency && text.referrerAgency !== args.referrerAgency) continue;
    if (args.consent && text.consent !== args.consent) continue;
    found.push({ caseId, ageBand: text.ageBand ?? '', referrerAgency: text.referrerAgency ?? '' });
  }
  found.sort((a, b) => (a.caseId < b.caseId ? 1 : a.caseId > b.caseId ? -1 : 0));
  const lastPage = Math.max(0, Math.ceil(found.length / CASE_PAGE_SIZE) - 1);
  const page = Math.min(args.page ?? 0, lastPage);
  return { cases: found.slice(page * CASE_PAGE_SIZE, (page + 1) * CASE_PAGE_SIZE), total: found.length, page, pageSize: CASE_PAGE_SIZE };
}
