// What keeps a person's identity off an agenda: initials from the kana, the
// name replaced by ○○ inside copied free text, shortening, and the print
// view's escaping.
import { initialsOf } from '../../src/domain/agenda/initials';
import { listedOnly, MASK, scrubName, shorten, textMasker, UNLISTED } from '../../src/domain/agenda/masking';
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
    ['ヤマダ・タロウ', '○○'],
    ['ヤマダさん', '○○さん'],
    ['やまださんと電話', '○○さんと電話'],
    ['やまだ たろう', '○○'],
    ['太郎さんは夜勤', '○○さんは夜勤'],
    ['タロウくんが', '○○くんが'],
    ['母と太郎の2人', '母と○○の2人'],
    ['山田さんと山田太郎さん', '○○さんと○○さん'],
  ])('%s → %s', (text, scrubbed) => {
    expect(scrubName(text, yamada)).toBe(scrubbed);
  });

  it('replaces a one-character 姓 or 名 only where it stands as a name: before an honorific or with the rest of the name', () => {
    const mori = { name: '森 一', kana: 'モリ ハジメ' };
    expect(scrubName('森林組合の森さんが森の中で', mori)).toBe('森林組合の○○さんが森の中で');
    expect(scrubName('森一から', mori)).toBe('○○から');
    expect(scrubName('一さんと一緒に', mori)).toBe('○○さんと一緒に');
    expect(scrubName('森様、森氏、森君、森くん、森ちゃん、森殿', mori)).toBe('○○様、○○氏、○○君、○○くん、○○ちゃん、○○殿');
  });

  it('replaces hiragana readings even where they are ordinary words: over-masking, never a leak', () => {
    const abe = { name: '阿部 誠', kana: 'アベ マコト' };
    expect(scrubName('あべこべの説明で、あべさんは困っていた', abe)).toBe('○○こべの説明で、○○さんは困っていた');
  });

  it('takes a name typed without a space whole, and every leading and trailing 2- and 3-character part', () => {
    const unsplit = { name: '山田太郎', kana: 'ヤマダタロウ' };
    expect(scrubName('山田さんは', unsplit)).toBe('○○さんは');
    expect(scrubName('太郎さんは', unsplit)).toBe('○○さんは');
    expect(scrubName('やまださん宅', unsplit)).toBe('○○さん宅');
    expect(scrubName('たろうが', unsplit)).toBe('○○が');
    expect(scrubName('田中町の山田太', unsplit)).toBe('田中町の○○');
    expect(scrubName('佐藤花子さんの件', { name: '佐藤花子', kana: '' })).toBe('○○さんの件');
    expect(scrubName('Y.T.さん', { name: 'Y.T.', kana: '' })).toBe('○○さん');
    expect(scrubName('YXT', { name: 'Y.T.', kana: '' })).toBe('YXT');
  });

  it('uses the kana\'s split for the readings when only the kana has one', () => {
    expect(scrubName('ヤマダさん、タロウ', { name: '山田太郎', kana: 'ヤマダ タロウ' })).toBe('○○さん、○○');
  });

  it('changes nothing when there is no name', () => {
    expect(scrubName('相談があった', { name: '', kana: '' })).toBe('相談があった');
    expect(MASK).toBe('○○');
  });
});

describe('the masker on realistic variants', () => {
  const cases: readonly [person: { name: string; kana: string; birthDate?: string }, text: string, masked: string][] = [
    [{ name: '髙橋 一郎', kana: 'タカハシ イチロウ' }, '高橋さんと面談', '○○さんと面談'],
    [{ name: '高橋 一郎', kana: 'タカハシ イチロウ' }, '髙橋一郎氏', '○○氏'],
    [{ name: '渡辺 花子', kana: 'ワタナベ ハナコ' }, '渡邉さん、渡邊さん、渡部さん', '○○さん、○○さん、渡部さん'],
    [{ name: '渡邊 花子', kana: '' }, '渡辺花子', '○○'],
    [{ name: '山﨑 健', kana: 'ヤマザキ ケン' }, '山崎宅', '○○宅'],
    [{ name: '齋藤 実', kana: 'サイトウ ミノル' }, '斎藤さん、斉藤さん、齊藤さん', '○○さん、○○さん、○○さん'],
    [{ name: '佐々木 恵子', kana: 'ササキ ケイコ' }, '佐佐木惠子', '○○'],
    [{ name: '澤田 浩', kana: 'サワダ ヒロシ' }, '沢田さん', '○○さん'],
    [{ name: '𠮷田 まり', kana: 'ヨシダ マリ' }, '吉田さん', '○○さん'],
    [{ name: '三ヶ尻 翔', kana: 'ミカジリ ショウ' }, '三ケ尻さん', '○○さん'],
    [{ name: '鈴木 みさき', kana: 'スズキ ミサキ' }, 'ｽｽﾞｷさん', '○○さん'],
    [{ name: '大野 京子', kana: 'オオノ キョウコ' }, 'キヨウコさん', '○○さん'],
    [{ name: '長谷川 ゆう', kana: 'ハセガワ ユウ' }, 'はせがわ　ゆうさん', '○○さん'],
    [{ name: 'Smith John', kana: 'スミス ジョン' }, 'SMITH JOHN と妻', '○○ と妻'],
    [{ name: '山田 太郎', kana: '', birthDate: '1950-03-04' }, '昭和25年3月4日生まれ', '○○生まれ'],
    [{ name: '山田 太郎', kana: '', birthDate: '1950-03-04' }, '生年月日 1950/3/4、S25.3.4、19500304', '生年月日 ○○、○○、○○'],
    [{ name: '山田 太郎', kana: '', birthDate: '1950-03-04' }, '１９５０年０３月０４日', '○○'],
    [{ name: '山田 太郎', kana: '', birthDate: '1950-03-04' }, '昭25.03.04', '○○'],
    [{ name: '山田 太郎', kana: '', birthDate: '1950-03-04' }, '3月4日生、1950年3月5日は別', '○○生、1950年3月5日は別'],
    [{ name: '山田 太郎', kana: '', birthDate: '1989-01-07' }, '昭和64年1月7日、平成元年1月7日', '○○、○○'],
    [{ name: '山田 太郎', kana: '', birthDate: '2019-05-01' }, '令和元年5月1日', '○○'],
    [{ name: '山田 太郎', kana: '', birthDate: 'S25頃' }, 'S25頃の生まれ', '○○の生まれ'],
  ];

  it.each(cases)('%j: %s', (person, text, masked) => {
    expect(scrubName(text, person)).toBe(masked);
  });

  it('masks everyone of an agenda at once', () => {
    const mask = textMasker([{ name: '山田 太郎', kana: '' }, { name: '鈴木 花子', kana: 'スズキ ハナコ' }]);
    expect(mask('山田さんと鈴木さん（すずきはなこ）は同じ世帯')).toBe('○○さんと○○さん（○○）は同じ世帯');
  });

  it('prints only the values 設定 lists', () => {
    expect(listedOnly(['地域包括支援センター', '民生委員 鈴木一郎', '税務課', '民生委員 佐藤'], ['地域包括支援センター', '税務課']))
      .toEqual(['地域包括支援センター', UNLISTED, '税務課']);
    expect(UNLISTED).toBe('（設定外の値）');
  });
});

describe('what staff write that defeated the masking (issue 25)', () => {
  const yamada = { name: '山田 太郎', kana: 'ヤマダ タロウ', birthDate: '1950-03-04' };

  it.each([
    ['山\u200B田さん', '○○さん'],
    ['山\u00AD田さん', '○○さん'],
    ['山\u2060田太郎', '○○'],
    ['山\uFE00田さん', '○○さん'],
    ['ヤ\u200Cマ\u200Dダさん', '○○さん'],
    ['\uFEFF山田さん', '\uFEFF○○さん'],
  ])('invisible characters inside a name: %j → %j', (text, masked) => {
    expect(scrubName(text, yamada)).toBe(masked);
  });

  it.each([
    ['昭和二十五年三月四日生まれ', '○○生まれ'],
    ['一九五〇年三月四日', '○○'],
    ['25.3.4', '○○'],
    ['25年3月4日', '○○'],
    ['1950年（昭和25年）3月4日', '○○'],
    ['昭和25年（1950年）3月4日', '○○'],
    ['S250304', '○○'],
    ['千九百五十年三月四日', '○○'],
  ])('the birth date written as %s', (text, masked) => {
    expect(scrubName(text, yamada)).toBe(masked);
  });

  it('leaves other dates as written', () => {
    expect(scrubName('昭和二十五年三月五日、25.3.5、2025年3月4日', yamada)).toBe('昭和二十五年三月五日、25.3.5、2025年3月4日');
  });

  it.each([
    [{ name: '大田 ゆう子', kana: 'オオタ ユウコ' }, 'オータさん、ユーコさん、おーたゆーこ', '○○さん、○○さん、○○'],
    [{ name: '佐藤 一', kana: 'サトウ ハジメ' }, 'サトーさん', '○○さん'],
    [{ name: '大田 一', kana: 'オータ ハジメ' }, 'おおたさん、隣人のおおたさん、近所のオオタ', '○○さん、隣人の○○さん、近所の○○'],
  ])('long vowels written either way: %j', (person, text, masked) => {
    expect(scrubName(text, person)).toBe(masked);
  });

  it.each([
    ['髙槗', '高橋'], ['栁', '柳'], ['桒', '桑'], ['舩', '船'], ['靑', '青'], ['邨', '村'], ['𡈽', '土'], ['彥', '彦'],
    ['澤', '沢'], ['國', '国'], ['廣', '広'], ['德', '徳'], ['濵', '浜'], ['冨', '富'], ['嶋', '島'], ['邉', '辺'],
  ])('variant kanji from Unihan and 人名用漢字: %s and %s are one name', (variant, usual) => {
    expect(scrubName(`${usual}田さん`, { name: `${variant}田 一`, kana: '' })).toBe('○○さん');
    expect(scrubName(`${variant}田さん`, { name: `${usual}田 一`, kana: '' })).toBe('○○さん');
  });

  it('masks a name field with extra text by its name part and its bracketed reading', () => {
    expect(scrubName('山田さん、太郎さん、山田太郎（72）', { name: '山田太郎 (72)', kana: '' })).toBe('○○さん、○○さん、○○（72）');
    const kobayashi = { name: '小林 次郎（こばやし じろう）', kana: '' };
    expect(scrubName('小林さん、次郎さん、こばやしさん、ジロウくん', kobayashi)).toBe('○○さん、○○さん、○○さん、○○くん');
  });

  it('masks a one-character 姓 and 名 of a name written without a space as names', () => {
    const hayashi = { name: '林守', kana: 'ハヤシ マモル' };
    expect(scrubName('林さんと守さん、林守、はやしさん、マモル', hayashi)).toBe('○○さんと○○さん、○○、○○さん、○○');
    expect(scrubName('林業と守備', hayashi)).toBe('林業と守備');
  });

  it.each([
    ['電話 090-1234-5678 まで', '電話 ○○ まで'],
    ['０３（１２３４）５６７８', '○○'],
    ['0312345678', '○○'],
    ['〇九〇ー一二三四ー五六七八', '○○'],
    ['yamada.taro@example.jp に送付', '○○ に送付'],
    ['マイナンバー 1234 5678 9012', 'マイナンバー ○○'],
    ['〒123-4567 本町', '○○ 本町'],
    ['123-4567', '○○'],
  ])('identifying numbers and addresses: %s', (text, masked) => {
    expect(textMasker([])(text)).toBe(masked);
  });

  it('keeps ケースID, dates and times', () => {
    expect(textMasker([])('2026-0001 は 2026-12-08 14:00 に 3件')).toBe('2026-0001 は 2026-12-08 14:00 に 3件');
  });

  it('never breaks a word listed in 設定, and masks no one-character name inside a longer word', () => {
    const keep = ['ひきこもり・不登校', 'ひきこもり', '関係機関', '地域包括支援センター'];
    const mask = textMasker([{ name: '森 実', kana: 'モリ ミノル' }, { name: '関 花子', kana: 'セキ ハナコ' }], keep);
    expect(mask('長男のひきこもり、ヒキコモリ。関係機関と実家で森林の話。モリさんと関さん')).toBe('長男のひきこもり、ヒキコモリ。関係機関と実家で森林の話。○○さんと○○さん');
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
