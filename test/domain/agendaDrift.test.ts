// A 次第 tab read back against the layout the agenda would be written as now.
import { agendaDrift } from '../../src/domain/agenda/drift';
import type { AgendaLayout, LayoutRow } from '../../src/domain/agenda/render';

const item = (order: number, kind: string, caseId: string): LayoutRow =>
  ({ role: 'item', cells: ['14:05〜14:25\n（20分）', `${order}. ${kind}\n${caseId}`, '40代・男性', '課題：就労', '概要：○○さんは…'] });
const layout = (...items: LayoutRow[]): AgendaLayout => ({
  title: '支援会議\u3000次第', headerRows: 4, confidential: true,
  rows: [{ role: 'title', cells: ['支援会議\u3000次第'] }, ...items, { role: 'participants', cells: ['出席予定：事務局'] }],
});
/** The tab as getDisplayValues gives it: five columns, merged cells empty. */
const tabOf = (l: AgendaLayout): string[][] => l.rows.map((r) => Array.from({ length: 5 }, (_, c) => r.cells[c] ?? ''));

describe('agendaDrift', () => {
  it('is null when the tab says what would be written now', () => {
    const now = layout(item(1, '新規検討', '2026-0001'), item(2, 'モニタリング', '2026-0002'));
    expect(agendaDrift(tabOf(now), now)).toBeNull();
  });

  it('names the cases that joined, left or changed kind', () => {
    const was = layout(item(1, '新規検討', '2026-0001'), item(2, 'モニタリング', '2026-0002'));
    const now = layout(item(1, 'モニタリング', '2026-0001'), item(2, '終結評価', '2026-0003'));
    expect(agendaDrift(tabOf(was), now)).toEqual({
      added: ['2026-0003'], removed: ['2026-0002'], kindChanged: [{ caseId: '2026-0001', was: '新規検討', now: 'モニタリング' }], otherText: true,
    });
  });

  it('notices other text that changed, such as a 概要 edited on 共通シート', () => {
    const was = layout(item(1, '新規検討', '2026-0001'));
    const edited: LayoutRow = { role: 'item', cells: [...item(1, '新規検討', '2026-0001').cells.slice(0, 4), '概要：別の内容'] };
    expect(agendaDrift(tabOf(was), layout(edited))).toEqual({ added: [], removed: [], kindChanged: [], otherText: true });
  });
});
