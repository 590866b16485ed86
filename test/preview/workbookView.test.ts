// What /api/workbook makes of a workbook: display text, the used area, one
// page of rows, hidden tabs left out.
import { PAGE_ROWS, type TabView, type WorkbookView } from '../../dev/preview/types';
import { workbookView } from '../../dev/preview/workbookView';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import { demoWorkbook, spreadsheetWith } from '../app/helpers';

describe('workbookView', () => {
  it('shows dates as YYYY-MM-DD, date-times as YYYY-MM-DD HH:MM, formulas by their saved result', () => {
    const runtime = spreadsheetWith('一覧', [
      ['日付', '日時', '数', '式', '文字'],
      [new Date('2024-04-01T00:00:00+09:00'), new Date('2024-04-01T14:30:00+09:00'), 12, '', '<img src=x onerror=alert(1)>'],
    ]);
    const sheet = findSheet(runtime.model, '一覧')!;
    ensureCell(sheet, 2, 4).value = { formula: '=C2*2', result: 24 };
    ensureCell(sheet, 3, 4).value = { formula: '=C3*2' };
    const [tab] = workbookView(runtime, 'book.xlsx').tabs;
    expect(tab?.rows.map((r) => r.cells)).toEqual([
      ['日付', '日時', '数', '式', '文字'],
      ['2024-04-01', '2024-04-01 14:30', '12', '24', '<img src=x onerror=alert(1)>'],
      ['', '', '', '=C3*2', ''],
    ]);
  });

  it('reaches the last value or note, not the rules and colours below it; leaves hidden tabs out', () => {
    const runtime = spreadsheetWith('一覧', [['a', 'b']]);
    const sheet = findSheet(runtime.model, '一覧')!;
    ensureCell(sheet, 3, 4).note = 'メモ';
    ensureCell(sheet, 3, 4).background = '#f4cccc';
    ensureCell(sheet, 9, 9).background = '#ffffff';
    runtime.call('prepareWorkbook', { today: '2026-11-22' });
    findSheet(runtime.model, '設定')!.hidden = true;
    const view = workbookView(runtime, 'book.xlsx');
    expect(view.tabs.map((t) => t.name)).not.toContain('設定');
    const tab = view.tabs.find((t) => t.name === '一覧')!;
    expect([tab.rowCount, tab.columnCount]).toEqual([3, 4]);
    expect(tab.annotations).toContainEqual({ row: 3, column: 4, background: '#f4cccc', note: 'メモ' });
  });

  it('sends the header row and the page of rows holding the selection', () => {
    const runtime = demoWorkbook(450);
    const cases = (view: WorkbookView): TabView => view.tabs.find((t) => t.name === '共通シート')!;
    const rowNumbers = (tab: TabView): number[] => tab.rows.map((r) => r.row);
    const page = (first: number, last: number): number[] => [1, ...Array.from({ length: last - first + 1 }, (_, i) => first + i)];

    const first = cases(workbookView(runtime, 'book.xlsx'));
    expect(first.rowCount).toBe(451);
    expect(rowNumbers(first)).toEqual(page(2, PAGE_ROWS + 1));
    expect(first.annotations.every((a) => a.row <= PAGE_ROWS + 1)).toBe(true);

    runtime.select('共通シート', 'B350:C355');
    const second = cases(workbookView(runtime, 'book.xlsx'));
    expect(rowNumbers(second)).toEqual(page(PAGE_ROWS + 2, 2 * PAGE_ROWS + 1));
    expect(second.rows[0]?.cells[0]).toBe('ケースID');
    expect(second.annotations.some((a) => a.row === 1)).toBe(true);

    runtime.select('共通シート', 'A451');
    expect(rowNumbers(cases(workbookView(runtime, 'book.xlsx')))).toEqual(page(2 * PAGE_ROWS + 2, 451));
    // Other tabs show their first page.
    expect(workbookView(runtime, 'book.xlsx').tabs.find((t) => t.name === '支援記録')!.rows[1]?.row).toBe(2);
  });
});
