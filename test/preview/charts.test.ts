// The charts /api/workbook sends with a tab: their type, title, place and
// ranges, and the data read from those ranges for the page to draw.
import { workbookView } from '../../dev/preview/workbookView';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { RebuildCountsResult } from '../../src/app/counts/types';
import { demoWorkbook, TODAY } from '../app/helpers';

describe('chart views', () => {
  it('sends the 集計 tab its column chart of new cases by 分野 and its line chart of open cases, with their data', () => {
    const runtime = demoWorkbook(100);
    const { counts } = runtime.call<RebuildCountsResult>('rebuildCounts_', { today: TODAY, fiscalYear: 2025 });
    const tab = workbookView(runtime, 'book.xlsx').tabs.find((t) => t.name === '集計_2025年度')!;
    const months = ['4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月', '1月', '2月', '3月'];
    const [lifeAreas, tags, column, line] = tab.charts;
    expect(lifeAreas).toMatchObject({ type: 'BAR', title: '課題領域（2025年度の新規相談）', categories: Object.keys(counts.breakdowns.lifeAreas) });
    expect(lifeAreas!.series).toEqual([{ name: '件数', values: Object.values(counts.breakdowns.lifeAreas) }]);
    expect(tags).toMatchObject({ type: 'BAR', title: '世帯の状態（2025年度の新規相談）' });
    expect(column).toMatchObject({ type: 'COLUMN', title: '新規相談（つなぎ元分野別）2025年度', stacked: true, categories: months });
    expect(column!.ranges).toEqual([expect.stringMatching(/^'集計_2025年度'!A\d+:F\d+$/)]);
    expect(column!.series).toEqual(['高齢', '障害', '子ども', '困窮', 'その他'].map((name) => ({ name, values: counts.metrics[`newCases.${name}`]!.monthly })));
    expect(line).toMatchObject({ type: 'LINE', title: '月末の継続ケース 2025年度', stacked: false, categories: months });
    expect(line!.series).toEqual([{ name: '月末の継続ケース', values: counts.metrics.openAtMonthEnd!.monthly }]);
    expect(line!.position).toMatch(/^H\d+$/);
    expect(workbookView(runtime, 'book.xlsx').tabs.find((t) => t.name === '共通シート')!.charts).toEqual([]);
  });

  it('gives null for a value that is not a number (a blank month, or a small count shown as <k)', () => {
    const runtime = demoWorkbook(100);
    const settings = findSheet(runtime.model, '設定')!;
    ensureCell(settings, 2, settings.cells[0]!.findIndex((c) => c?.value === '少数秘匿') + 1).value = 3;
    runtime.call('rebuildCounts', { today: '2026-05-10', fiscalYear: 2026 });
    const column = workbookView(runtime, 'book.xlsx').tabs.find((t) => t.name === '集計_2026年度')!.charts.find((c) => c.type === 'COLUMN');
    for (const series of column!.series) {
      expect(series.values.slice(2)).toEqual(new Array(10).fill(null));
      expect(series.values.slice(0, 2).every((v) => v === null || v === 0 || v >= 3)).toBe(true);
    }
  });
});
