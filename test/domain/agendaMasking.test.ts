// What keeps a person's identity off an agenda: initials from the kana, the
// name replaced by ○○ inside copied free text, shortening, and the print
// view's escaping.
import { initialsOf } from '../../src/domain/agenda/initials';
import { MASK, scrubName, shorten } from '../../src/domain/agenda/masking';
import { agendaPrintHtml } from '../../src/domain/agenda/printView';
import type { AgendaLayout } from '../../src/domain/agenda/render';
import { escapeHtml } from '../../src/domain/html';

describe('initialsOf', () => {
  it.each([
    ['ヤマダ タロウ', 'Y.T.'],
    ['シミズ\u3000チヨ', 'S.C.'],
    ['ジョウ フミコ', 'J.F.'],
    ['ツジ ヂロウ', 'T.J.'],
    ['オオタ ヲサム', 'O.O.'],
    ['ンジャイ アン', 'N.A.'],
    ['ヴォーン ケイト', 'V.K.'],
    ['ガッコウ パンダ', 'G.P.'],
    ['タナカ', 'T.'],
    ['Smith John', 'S.J.'],
  ])('%s → %s', (kana, initials) => {
    expect(initialsOf(kana)).toBe(initials);
  });

  it('gives nothing rather than a wrong letter', () => {
    expect(initialsOf('')).toBe('');
    expect(initialsOf('山田 太郎')).toBe('');
    expect(initialsOf('ヤマダ ー')).toBe('');
  });
});

describe('scrubName', () => {
  const yamada = { name: '山田 太郎', kana: 'ヤマダ タロウ' };

  it.each([
    ['山田太郎さんについて', '○○さんについて'],
    ['山田\u3000太郎', '○○'],
    ['山田 太郎', '○○'],
    ['山田さん宅を訪問した', '○○さん宅を訪問した'],
    ['山田家の長男', '○○家の長男'],
    ['ヤマダタロウ氏から', '○○氏から'],
    ['ヤマダさん', '○○さん'],
    ['やまださんと電話', '○○さんと電話'],
    ['やまだ たろう', '○○'],
    ['太郎さんは夜勤', '○○さんは夜勤'],
    ['タロウくんが', '○○くんが'],
    ['母と太郎の2人', '母と太郎の2人'],
    ['山田さんと山田太郎さん', '○○さんと○○さん'],
  ])('%s → %s', (text, scrubbed) => {
    expect(scrubName(text, yamada)).toBe(scrubbed);
  });

  it('replaces a one-character family name only as a name is written', () => {
    const mori = { name: '森 一郎', kana: 'モリ イチロウ' };
    expect(scrubName('森林組合の森さんが森の中で', mori)).toBe('森林組合の○○さんが森の中で');
    expect(scrubName('森一郎から', mori)).toBe('○○から');
    expect(scrubName('森宅を訪問', mori)).toBe('○○宅を訪問');
  });

  it('leaves ordinary hiragana words alone', () => {
    const abe = { name: '阿部 誠', kana: 'アベ マコト' };
    expect(scrubName('あべこべの説明で、あべさんは困っていた', abe)).toBe('あべこべの説明で、○○さんは困っていた');
  });

  it('takes a name typed without a space, or as initials, whole', () => {
    expect(scrubName('佐藤花子さんの件', { name: '佐藤花子', kana: '' })).toBe('○○さんの件');
    expect(scrubName('Y.T.さん', { name: 'Y.T.', kana: '' })).toBe('○○さん');
    expect(scrubName('YXT', { name: 'Y.T.', kana: '' })).toBe('YXT');
  });

  it('changes nothing when there is no name', () => {
    expect(scrubName('相談があった', { name: '', kana: '' })).toBe('相談があった');
    expect(MASK).toBe('○○');
  });
});

describe('shorten', () => {
  it('keeps short text and cuts long text at the limit with …', () => {
    expect(shorten('  短い  ', 10)).toBe('短い');
    expect(shorten('あいうえおかきくけこ', 10)).toBe('あいうえおかきくけこ');
    expect(shorten('あいうえおかきくけこさ', 10)).toBe('あいうえおかきくけ…');
    expect([...shorten('😀'.repeat(20), 5)]).toHaveLength(5);
  });
});

describe('the print view', () => {
  const layout: AgendaLayout = {
    title: '支援会議\u3000次第',
    headerRows: 2,
    confidential: true,
    rows: [
      { role: 'title', cells: ['支援会議\u3000次第'] },
      { role: 'header', cells: ['時間', '議題', '本人・世帯', '課題・関係機関', '概要・検討すること'] },
      { role: 'item', cells: ['14:05〜14:25', '1. 新規検討', '<img src=x onerror=alert(1)>', '"quoted" & \'single\'', '</td></tr><script>alert(1)</script>'] },
    ],
  };

  it('escapes every value: markup in a cell stays text', () => {
    expect(escapeHtml('<img src=x onerror=alert(1)> & "q" \'s\'')).toBe('&lt;img src=x onerror=alert(1)&gt; &amp; &quot;q&quot; &#39;s&#39;');
    const html = agendaPrintHtml(layout);
    expect(html).toContain('<td>&lt;img src=x onerror=alert(1)&gt;</td>');
    expect(html).toContain('&lt;/td&gt;&lt;/tr&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<img');
    expect(html.match(/<script>/g)).toHaveLength(1); // its own 印刷 button, nothing from a cell
  });

  it('is an A4 page with page numbers, 取扱注意 at the top right, and the header rows repeated', () => {
    const html = agendaPrintHtml(layout);
    expect(html).toContain('size: A4 portrait');
    expect(html).toContain('@bottom-center { content: counter(page) " / " counter(pages)');
    expect(html).toContain('@top-right { content: "取扱注意"');
    expect(html).toMatch(/<thead>\s*<tr class="title"><td colspan="5">支援会議\u3000次第<\/td><\/tr>\s*<tr class="header"><th>時間<\/th>/);
    expect(html).toContain('<button type="button" id="print">印刷</button>');
    expect(html).toContain('window.print()');
    expect(agendaPrintHtml({ ...layout, confidential: false })).not.toContain('取扱注意');
  });
});
