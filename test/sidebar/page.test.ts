// The page's own rules, checked on its source and on the built file: data is
// never parsed as HTML, nothing is loaded from elsewhere, and the three views
// have the names the browser tests use.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const SIDEBAR = join(__dirname, '../../sidebar');
// Every view's folder too (sidebar/standardize/…), not only the page's own script.
const sources = readdirSync(SIDEBAR, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts')).map((f) => [f, readFileSync(join(SIDEBAR, f), 'utf8')] as const);
const page = readFileSync(join(SIDEBAR, 'index.html'), 'utf8');

describe('sidebar sources', () => {
  it.each(sources)('%s never parses HTML', (_, source) => {
    expect(source).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment|\beval\(|new Function/);
  });
});

describe('sidebar/index.html', () => {
  it('loads nothing from elsewhere', () => {
    expect(page).not.toMatch(/(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(page).not.toMatch(/@import|url\(/i);
  });

  it('has the tab bar of the views', () => {
    expect(page).toContain('role="tablist"');
    for (const name of ['標準化', 'ケース', '支援記録', '入力チェック', '会議次第', 'プラン', '集計']) expect(page).toMatch(new RegExp(`role="tab"[^>]*>${name}</button>`));
    expect(page).toContain('<!-- SCRIPT -->');
  });
});
