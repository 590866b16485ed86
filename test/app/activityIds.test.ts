// A 支援記録 save reads no column of 支援記録, only its newest rows and the rows
// Sheets finds: the 記録ID it gives must still be new to the whole tab, and a
// same-day visit of the case must still be found wherever its row lies.
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { SaveResult } from '../../src/app/sidebarTypes';
import { demoWorkbook, tabText, TODAY } from './helpers';

const visit = (caseId: string) => ({ caseId, activityOn: TODAY, activityType: '同行支援', staff: '相談員A', content: '受診同行' });
const save = (runtime: ReturnType<typeof demoWorkbook>, record: Record<string, string>, requestId: string, allowSameDay = false) =>
  runtime.call<SaveResult>('saveActivity', { record, requestId, allowSameDay });

function recordIds(runtime: ReturnType<typeof demoWorkbook>): string[] {
  return tabText(runtime, '支援記録').slice(1).map((row) => row[0]!);
}

describe('a 支援記録 save in a long tab', () => {
  const cases = 400;
  const caseIdOf = (runtime: ReturnType<typeof demoWorkbook>) => tabText(runtime, '共通シート')[1]![0]!;

  it('gives a 記録ID no row holds, even when the one after the newest rows\' largest was typed far up the tab', () => {
    const plain = demoWorkbook(cases);
    const first = save(plain, visit(caseIdOf(plain)), 'ids-000000001', true);
    if (!first.saved) throw new Error('not saved');
    const next = first.id;

    const runtime = demoWorkbook(cases);
    expect(recordIds(runtime).length).toBeGreaterThan(1_000);
    // Someone typed that very ID into the third row, long before the newest rows.
    const sheet = findSheet(runtime.model, '支援記録')!;
    ensureCell(sheet, 3, 1).value = next;
    const saved = save(runtime, visit(caseIdOf(runtime)), 'ids-000000002', true);
    if (!saved.saved) throw new Error('not saved');
    expect(saved.id).not.toBe(next);
    const ids = recordIds(runtime).filter((id) => id !== '');
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('gives new 記録IDs after the tab was sorted by ケースID, reading the 記録ID column only the first time', () => {
    const runtime = demoWorkbook(cases);
    const sheet = findSheet(runtime.model, '支援記録')!;
    // Sorted as staff do to see one person's records together: the newest rows no longer hold the largest 記録ID.
    const [header, ...rows] = sheet.cells;
    rows.sort((a, b) => String(b?.[1]?.value ?? '').localeCompare(String(a?.[1]?.value ?? '')));
    sheet.cells = [header, ...rows];
    const before = recordIds(runtime).length;
    const cellsOfSave = (requestId: string) => {
      runtime.resetCalls();
      const saved = save(runtime, visit(caseIdOf(runtime)), requestId, true);
      if (!saved.saved) throw new Error('not saved');
      return runtime.cellsRead;
    };
    const first = cellsOfSave('ids-000000011');
    const second = cellsOfSave('ids-000000012');
    // The first save read the 記録ID column (a cell per row and the header); the second remembered the last ID it gave.
    expect(first - second).toBeGreaterThanOrEqual(before);
    const ids = recordIds(runtime).filter((id) => id !== '');
    expect(ids).toHaveLength(before + 2);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('reads only the case\'s own rows, not those of the ten ケースIDs that begin with its (2025-1000 in 2025-10000…)', () => {
    const callsOfSave = (longerIds: boolean) => {
      const runtime = demoWorkbook(cases);
      const caseId = caseIdOf(runtime);
      const sheet = findSheet(runtime.model, '支援記録')!;
      // Once a year passes 9,999 cases, ten ケースIDs hold this one with a digit more.
      const others = sheet.cells.flatMap((row, i) => (i > 0 && row?.[1]?.value !== caseId ? [i + 1] : [])).slice(0, 10);
      if (longerIds) others.forEach((row, digit) => { ensureCell(sheet, row, 2).value = `${caseId}${digit}`; });
      runtime.resetCalls();
      save(runtime, visit(caseId), 'ids-000000021', true);
      return runtime.calls;
    };
    expect(callsOfSave(true)).toBe(callsOfSave(false));
  });

  it('finds a same-day visit of the case in a row far from the newest ones', () => {
    const runtime = demoWorkbook(cases);
    const caseId = caseIdOf(runtime);
    const rows = tabText(runtime, '支援記録');
    const own = rows.findIndex((row, i) => i > 0 && row[1] === caseId);
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(rows.length - 600);
    const [date, type] = [rows[own]![3]!, rows[own]![4]!];
    const again = save(runtime, { ...visit(caseId), activityOn: date, activityType: type, visitors: '1' }, 'ids-000000003');
    expect(again).toMatchObject({ saved: false, sameDay: [{ id: rows[own]![0], row: own + 1 }] });
  });
});
