// Hostile 共通シート rows run through the built bundle in the local runtime:
// 標準化, 入力チェック with marks, 会議次第 and 月次集計 throw nothing but a
// documented Japanese refusal, every problem names a row and a column, and
// nothing the add-on writes anywhere in the workbook becomes a formula.
import fc from 'fast-check';
import { join } from 'node:path';
import { createModel, loadBundle, type Runtime } from '../../dev/runtime';
import { ensureCell, findSheet, isFormula } from '../../dev/runtime/model';
import type { CheckResult } from '../../src/app/check';
import { isDateCell, type Cell } from '../../src/domain/cell';
import { CASE_FIELDS } from '../../src/domain/fields';
import { parseDate } from '../../src/domain/normalize';
import { dateCellToInstant } from '../../src/sheets/zonedDate';
import { CODE, TODAY } from '../app/helpers';
import { hostileRows, runSettings } from './arbitraries';

const HEADER = CASE_FIELDS.map((f) => f.header);
const NEXT_MEETING_ON = HEADER.indexOf('次回会議予定日');
const NEXT_MEETING_TYPE = HEADER.indexOf('次回会議種別');
const JAPANESE = /[ぁ-んァ-ヶ一-龠]/;

/** A spreadsheet whose only tab is a 共通シート holding `rows` as a person or a paste left them. */
function workbookWith(rows: readonly (readonly Cell[])[]): Runtime {
  const model = createModel('test', { sheetNames: ['共通シート'] });
  const sheet = findSheet(model, '共通シート')!;
  sheet.maxColumns = Math.max(sheet.maxColumns, HEADER.length); // Sheets grows a tab to hold what is pasted
  [HEADER, ...rows].forEach((row, r) => row.forEach((value, c) => {
    if (value === '') return;
    ensureCell(sheet, r + 1, c + 1).value = isDateCell(value) ? dateCellToInstant(value, model.timeZone) : value;
  }));
  return loadBundle(CODE, model, { htmlDir: join(__dirname, '../../dist') });
}

function formulaCells(runtime: Runtime): string[] {
  const found: string[] = [];
  for (const sheet of runtime.model.sheets) {
    sheet.cells.forEach((row, r) => row?.forEach((cell, c) => {
      if (isFormula(cell?.value)) found.push(`${sheet.name}!R${r + 1}C${c + 1}`);
    }));
  }
  return found;
}

/** Runs an endpoint; a refusal must be a Japanese message for a person, not a crash. */
function attempt(run: () => unknown): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe('Error');
    expect((error as Error).message).toMatch(JAPANESE);
  }
}

/** Some rows name a 支援会議 on a readable date: the agenda is made for that date (else a fixed one). */
const withMeeting = hostileRows(HEADER.length, 6).chain((rows) =>
  fc.subarray(rows.map((_, i) => i)).map((picked) => rows.map((row, i) => {
    if (!picked.includes(i)) return row;
    const copy = [...row];
    copy[NEXT_MEETING_TYPE] = '支援会議';
    copy[NEXT_MEETING_ON] = '令和8年12月8日';
    return copy;
  })));

describe('hostile 共通シート rows in the bundle', () => {
  it('standardise, check with marks, make an agenda and rebuild counts without crashing or writing a formula', () => {
    fc.assert(fc.property(withMeeting, (rows) => {
      const runtime = workbookWith(rows);
      expect(formulaCells(runtime)).toEqual([]);
      attempt(() => runtime.call('standardizeSheet', { today: TODAY }));
      let result: CheckResult | undefined;
      attempt(() => {
        result = runtime.call<CheckResult>('checkEntries', { today: TODAY, mark: true });
      });
      for (const p of result?.problems ?? []) {
        expect(p.row).toBeGreaterThanOrEqual(2);
        expect(p.column).not.toBe('');
        expect(p.message).toContain(`${p.row}行目「${p.column}」`);
      }
      const named = rows.map((r) => parseDate(r[NEXT_MEETING_ON] ?? '')).find((d) => d !== null) ?? '2026-12-08';
      attempt(() => runtime.call('createAgenda', { today: TODAY, meetingType: '支援会議', date: named }));
      attempt(() => runtime.call('rebuildCounts', { today: TODAY, fiscalYear: 2026 }));
      expect(formulaCells(runtime)).toEqual([]);
    }), runSettings(12));
  });
});
