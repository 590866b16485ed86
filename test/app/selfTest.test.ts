// 自己診断 from the menu (SPEC §13): it runs in the local runtime, leaves no
// scratch tab or trigger behind, and writes a Japanese report without case data.
import { loadBundle } from '../../dev/runtime';
import { CODE, demoWorkbook, tabNames, tabText } from './helpers';

describe('自己診断', () => {
  it('passes every check in the local runtime and writes the report tab, leaving no scratch tab or trigger', () => {
    const runtime = demoWorkbook(30);
    const before = tabNames(runtime);
    runtime.call('onOpen');
    const menu = runtime.menus.at(-1)!;
    expect(menu.items).toContainEqual({ kind: 'item', caption: '自己診断', functionName: 'menuSelfTest' });
    runtime.call('menuSelfTest');
    expect(runtime.alerts.at(-1)).toContain('すべての項目が OK でした。');
    expect(tabNames(runtime)).toEqual([...before, '自己診断']);
    expect(runtime.model.triggers).toEqual([]);
    const report = tabText(runtime, '自己診断');
    expect(report[0]).toEqual(['項目', '結果', '詳細']);
    expect(report.slice(1, 8).map((r) => [r[0], r[1]])).toEqual([
      ['書式なしテキストの読み書き', 'OK'], ['利用者のメールアドレス', 'OK'], ['ドキュメントのロック', 'OK'], ['時間主導型トリガー', 'OK'],
      ['日付・和暦の処理', 'OK'], ['カナ・全角半角の処理', 'OK'], ['共通シートの読み書きの時間', 'OK'],
    ]);
    expect(JSON.stringify(report)).not.toContain('local@example.invalid');
    expect(report[2]![2]).toContain('example.invalid');
  });

  it('reports what the town must fix instead of failing: no e-mail, no document lock', () => {
    const runtime = demoWorkbook(5);
    const restricted = loadBundle(CODE, runtime.model, { user: '', documentLock: false });
    restricted.call('menuSelfTest');
    const rows = tabText(restricted, '自己診断');
    expect(rows.find((r) => r[0] === '利用者のメールアドレス')?.[1]).toBe('要確認');
    expect(rows.find((r) => r[0] === 'ドキュメントのロック')?.[1]).toBe('NG');
    expect(restricted.alerts.at(-1)).toContain('2項目に問題があります');
  });
});
