import { normalizeText } from '../../../src/domain/normalize';

describe('normalizeText', () => {
  it.each([
    ['full-width digits', '２０２４', '2024'],
    ['full-width Latin letters', 'ＡＢＣｘｙｚ', 'ABCxyz'],
    ['full-width punctuation', '（株）１０：００＠＃', '(株)10:00@#'],
    ['full-width slash, hyphen and comma', '／－，', '/-,'],
    ['half-width katakana', 'ﾔﾏﾀﾞ ﾀﾛｳ', 'ヤマダ タロウ'],
    ['voiced marks', 'ｶﾞｲﾄﾞ', 'ガイド'],
    ['semi-voiced marks', 'ﾊﾟﾝ', 'パン'],
    ['ｳﾞ', 'ｳﾞｨ', 'ヴィ'],
    ['half-width long vowel mark', 'ｽｰﾊﾟｰ', 'スーパー'],
    ['half-width Japanese punctuation', '｡｢｣､･', '。「」、・'],
    ['half-width voiced mark after a full-width kana', 'カﾞ', 'ガ'],
    ['voiced mark with nothing to join', 'Aﾞ', 'A゛'],
    ['semi-voiced mark with nothing to join', 'ﾟ', '゜'],
    ['mixed text', 'ﾃｽﾄ１２３ｱﾊﾟｰﾄ', 'テスト123アパート'],
  ])('narrows %s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['circled digits', '①②'],
    ['parenthesised ideographs', '㈱㈲'],
    ['era ligatures', '㍻㋿'],
    ['Roman numerals', 'Ⅱ'],
    ['kanji punctuation', '山田、太郎。'],
    ['full-width yen sign', '￥1000'],
    ['compatibility kanji in names', '﨑'],
    ['full-width katakana', 'ヤマダ'],
    ['hiragana', 'やまだ'],
    ['a single ideographic space', '山田　太郎'],
    ['a single tab', '山田\t太郎'],
  ])('leaves %s alone', (_label, input) => {
    expect(normalizeText(input)).toBe(input);
  });

  it.each([
    ['trims both ends', '  山田 太郎  ', '山田 太郎'],
    ['trims ideographic spaces at the ends', '　山田　', '山田'],
    ['collapses a run of ASCII spaces', '山田   太郎', '山田 太郎'],
    ['collapses a run of ideographic spaces', '山田　　太郎', '山田　太郎'],
    ['keeps the first char of a mixed run', '山田\t　 太郎', '山田\t太郎'],
    ['keeps the first char of a space-first run', '山田 　太郎', '山田 太郎'],
    ['empty', '', ''],
    ['only spaces', ' 　\t ', ''],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['turns CRLF into LF', '1行目\r\n2行目', '1行目\n2行目'],
    ['turns CR into LF', '1行目\r2行目', '1行目\n2行目'],
    ['trims each line', ' 1行目 \n　2行目　', '1行目\n2行目'],
    ['keeps an empty line inside', '1行目\n\n2行目', '1行目\n\n2行目'],
    ['drops trailing empty lines', '1行目\n\n \n', '1行目'],
    ['drops leading empty lines', '\n \n1行目', '1行目'],
    ['collapses spaces on every line', 'a  b\nc　　d', 'a b\nc　d'],
  ])('%s', (_label, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['ＡＢＣ　１２３'],
    ['ｶﾞｲﾄﾞ  ﾌﾞｯｸ'],
    [' 1行目 \r\n\r\n'],
  ])('is idempotent on %j', (input) => {
    const once = normalizeText(input);
    expect(normalizeText(once)).toBe(once);
  });
});
