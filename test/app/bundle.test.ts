// The file clasp pushes: every entry point is a top-level function
// declaration Apps Script can call, the menu appears on open, and the
// manifest asks for exactly the scopes of SPEC §10.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import * as entryPoints from '../../src/main';
import { CODE, newSpreadsheet } from './helpers';

function topLevelFunctionNames(code: string): string[] {
  const file = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  return file.statements.filter(ts.isFunctionDeclaration).map((f) => f.name?.text ?? '');
}

describe('dist/Code.js', () => {
  it('declares every export of src/main.ts as a top-level function', () => {
    const declared = topLevelFunctionNames(CODE);
    expect(Object.keys(entryPoints).sort()).toEqual(declared.sort());
    expect(declared).toEqual(expect.arrayContaining(['onOpen', 'onInstall', 'menuPrepare', 'menuStandardize', 'menuCheck', 'menuOpenSidebar', 'checkEntries']));
  });

  it('builds the 多機関協働 menu on onOpen, each item naming a function Apps Script can call', () => {
    const runtime = newSpreadsheet();
    runtime.call('onOpen', { authMode: 'LIMITED' });
    expect(runtime.menus).toHaveLength(1);
    const menu = runtime.menus[0]!;
    expect(menu.caption).toBe('多機関協働');
    const items = menu.items.flatMap((i) => (i.kind === 'item' ? [i] : []));
    expect(items.map((i) => i.caption)).toEqual(['シートを準備', '標準化（開いているタブ）', '入力チェック', '月次集計を更新', '毎日の自動更新を設定 / 解除', 'プランを印刷用に作成', 'ケース票を印刷用に作成', '会議次第を作成…', 'サイドバーを開く', '自己診断']);
    const declared = topLevelFunctionNames(CODE);
    for (const item of items) expect(declared).toContain(item.functionName);
  });

  it('opens the sidebar page from the menu', () => {
    const runtime = newSpreadsheet();
    runtime.call('menuOpenSidebar');
    expect(runtime.sidebars).toHaveLength(1);
    expect(runtime.sidebars[0]!.title).toBe('つなぎ');
  });

  it('is pushed with a manifest for V8, Asia/Tokyo and only the scopes the add-on needs', () => {
    for (const path of ['appsscript.json', 'dist/appsscript.json']) {
      const manifest = JSON.parse(readFileSync(join(__dirname, '../..', path), 'utf8'));
      expect(manifest.runtimeVersion).toBe('V8');
      expect(manifest.timeZone).toBe('Asia/Tokyo');
      expect(manifest.oauthScopes).toEqual([
        'https://www.googleapis.com/auth/spreadsheets.currentonly',
        'https://www.googleapis.com/auth/script.container.ui',
        // SPEC §10: Session.getActiveUser() names who changed a case only with this scope.
        'https://www.googleapis.com/auth/userinfo.email',
        // SPEC §10 allows it for the daily time trigger of 月次集計 only.
        'https://www.googleapis.com/auth/script.scriptapp',
      ]);
    }
  });

  // Measured 247 KB and 106 KB (bytes) with agendas and counts in; 462 KB and 167 KB with 支援プラン
  // (about 25 KB), the agendas' variant kanji table (13 KB), 標準化's plan and its confirmation view,
  // the papers and ケース票, and the sidebar's plan form. The budget leaves room to grow but catches a
  // dependency slipping in whole: zod's locales once made them 800 KB and 430 KB.
  it('stays small enough to load fast: Code.js under 520 KB, the sidebar page under 200 KB', () => {
    expect(Buffer.byteLength(CODE)).toBeLessThan(520_000);
    expect(Buffer.byteLength(readFileSync(join(__dirname, '../../dist/sidebar.html'), 'utf8'))).toBeLessThan(200_000);
  });

  it('points clasp at dist/', () => {
    expect(JSON.parse(readFileSync(join(__dirname, '../../.clasp.json'), 'utf8')).rootDir).toBe('dist');
  });
});
