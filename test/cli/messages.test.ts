// There is no Sheets menu on the command line: every message of the add-on
// that tells a person to run a menu item reads, on the command line, as the
// command to type. The messages are found in the sources, not listed by hand.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { forCommandLine } from '../../dev/cliMessages';

const SRC = resolve(__dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Sentences that send the reader to a menu item: 「メニュー…の「X」を…。」 */
const menuAdvice = sources(SRC).flatMap((path) =>
  [...readFileSync(path, 'utf8').matchAll(/[^'`。]*メニュー(?:「[^」]+」)?の「[^'`]*?。/g)].map((m) => m[0]));

describe('forCommandLine', () => {
  it('finds the advice it must rewrite in the sources', () => {
    expect(menuAdvice.length).toBeGreaterThanOrEqual(3);
  });

  it.each(menuAdvice)('names the command instead of the menu in 「%s」', (sentence) => {
    const said = forCommandLine(sentence, '町の一覧.xlsx');
    expect(said).not.toContain('メニュー');
    expect(said).toMatch(/「npm run -s cli -- [a-z]+ 町の一覧\.xlsx」/);
  });

  it('quotes a path with spaces so that it can be pasted', () => {
    expect(forCommandLine('メニューの「標準化」を実行してください。', 'R8 相談 一覧.xlsx'))
      .toBe('「npm run -s cli -- standardize "R8 相談 一覧.xlsx"」を実行してください。');
  });

  it('says 「シートを準備」か「標準化」 as one command', () => {
    expect(forCommandLine('メニュー「多機関協働」の「シートを準備」か「標準化」を先に実行してください。', 'a.xlsx'))
      .toBe('「npm run -s cli -- standardize a.xlsx」を先に実行してください。');
  });

  it('leaves a message without menu advice as it is', () => {
    const message = 'タブ「相談一覧２」が見つかりません。タブの名前を確かめてください。';
    expect(forCommandLine(message, 'a.xlsx')).toBe(message);
  });
});
