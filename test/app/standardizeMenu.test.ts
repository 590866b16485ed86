// 「標準化（開いているタブ）」 changes nothing by itself: it opens the sidebar on
// the 標準化 confirmation for the tab that is open, named in the page safely
// whatever the town called its tab.
import { spreadsheetWith, workbookState } from './helpers';

describe('the 標準化 menu item', () => {
  it('opens the sidebar on the confirmation for the open tab, and writes nothing', () => {
    const runtime = spreadsheetWith('相談受付一覧', [['氏名', '受付日'], ['山田 花', '令和6年4月1日']]);
    const before = workbookState(runtime);
    runtime.call('menuStandardize');
    expect(runtime.alerts).toEqual([]);
    expect(runtime.sidebars).toHaveLength(1);
    expect(runtime.sidebars[0]!.content).toContain('<body data-view="standardize" data-sheet="相談受付一覧">');
    expect(workbookState(runtime)).toEqual(before);
  });

  it('puts a tab name holding " < & into the page as an attribute\'s text, never as markup', () => {
    const runtime = spreadsheetWith('一覧"><script>alert(1)</script>&', [['氏名'], ['山田 花']]);
    runtime.call('menuStandardize');
    expect(runtime.sidebars[0]!.content).toContain('<body data-view="standardize" data-sheet="一覧&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&amp;">');
  });
});
