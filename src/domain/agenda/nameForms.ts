// One comparable form of Japanese text for finding a person's name in it
// (SPEC §8): NFKC per character, variant kanji fold to one (髙→高, 邉→辺,
// 﨑→崎, 齋→斉; variantKanji.ts, generated from Unihan), hiragana to katakana,
// small kana to large, kanji digits to digits (一九五〇), 々 to the character it repeats, Latin to lower case,
// every separator a name may carry (spaces, ・) to one space, and invisible
// characters (zero-width, soft hyphen, variation selectors) to nothing. Each
// code point maps to at most one, so a match in the folded text is a match in
// the original.
import { variantKanjiFold } from './variantKanji';

/** Small kana read as large in older writing (キヨウコ for キョウコ), and the kana staff mix up. */
const KANA_FOLD = new Map<string, string>([
  ...[...'ァィゥェォッャュョヮ'].map((c): [string, string] => [c, String.fromCharCode(c.charCodeAt(0) + 1)]),
  ['ヂ', 'ジ'], ['ヅ', 'ズ'], ['ヲ', 'オ'], ['ヰ', 'イ'], ['ヱ', 'エ'], ['ヴ', 'ブ'], ['ヶ', 'ケ'], ['ヵ', 'ケ'],
]);

const HIRAGANA = /^[\u3041-\u3096\u309D\u309E]$/;
const SEPARATOR = /^[\s\u3000・･]$/;
/**
 * Characters that show nothing (zero-width spaces and joiners, soft hyphen,
 * word joiner, BOM) and variation selectors (邉󠄂: they only pick a glyph): they
 * vanish, so 山\u200B田 is 山田.
 */
const isInvisible = (c: string): boolean => {
  const code = c.codePointAt(0)!;
  return code === 0x00AD || (code >= 0x200B && code <= 0x200F) || (code >= 0x2060 && code <= 0x2064) || code === 0xFEFF
    || code === 0x034F || code === 0x180E || (code >= 0xFE00 && code <= 0xFE0F) || (code >= 0xE0100 && code <= 0xE01EF);
};
const REPEAT = /^[々ゝゞヽヾ〻]$/;
/** Kanji digits as the digits they are, so 一九五〇 and 二十五 read as numbers; 十百千 stay for dates to read. */
const KANJI_DIGITS = new Map([...'〇一二三四五六七八九'].map((c, i): [string, string] => [c, String(i)]));

/** Folded code points seen before: an agenda folds every name of the workbook and every text, mostly the same characters. */
const FOLDED = new Map<string, string>();

/** The folded form of one code point, given the folded one before it (for 々). */
function foldCodePoint(c: string, previous: string): string {
  if (REPEAT.test(c) && previous !== '' && previous !== ' ') return previous;
  let folded = FOLDED.get(c);
  if (folded === undefined) FOLDED.set(c, (folded = foldAlone(c)));
  return folded;
}

function foldAlone(c: string): string {
  if (isInvisible(c)) return '';
  if (SEPARATOR.test(c)) return ' ';
  const nfkc = c.normalize('NFKC');
  let folded = [...nfkc].length === 1 ? nfkc : c;
  if (HIRAGANA.test(folded)) folded = String.fromCharCode(folded.charCodeAt(0) + 0x60);
  folded = KANJI_DIGITS.get(folded) ?? variantKanjiFold(folded) ?? KANA_FOLD.get(folded) ?? folded;
  return folded.toLowerCase().length === folded.length ? folded.toLowerCase() : folded;
}

/** One code point of the original and what it folds to ('' when it vanishes). */
export interface FoldedChar {
  readonly folded: string;
  /** Its offsets in the original, end exclusive. */
  readonly from: number;
  readonly to: number;
}

export interface FoldedText {
  readonly text: string;
  /** For each UTF-16 unit of `text` (and one past its end), the offset in the original. */
  readonly originalAt: readonly number[];
  readonly chars: readonly FoldedChar[];
}

/** ﾞ and ﾟ, and the combining marks they become: they voice the kana before them. */
const VOICING = /^[\u3099\u309A\uFF9E\uFF9F]$/;

export function foldText(original: string): FoldedText {
  const chars: { folded: string; from: number; to: number }[] = [];
  let last: { folded: string; from: number; to: number } | undefined;
  let offset = 0;
  for (const c of original) {
    const from = offset;
    offset += c.length;
    if (VOICING.test(c) && last && last.folded !== '') {
      // ｽﾞ is two code points for one kana: the kana takes the voicing, the mark becomes a gap.
      const voiced = `${last.folded}${c.normalize('NFKC')}`.normalize('NFC');
      if ([...voiced].length === 1) last.folded = foldCodePoint(voiced, '');
      chars.push({ folded: ' ', from, to: offset });
      continue;
    }
    const folded = foldCodePoint(c, last?.folded ?? '');
    const ch = { folded, from, to: offset };
    if (folded !== '') last = ch;
    chars.push(ch);
  }
  const originalAt: number[] = [];
  for (const ch of chars) for (let unit = 0; unit < ch.folded.length; unit++) originalAt.push(unit === 0 ? ch.from : ch.to);
  originalAt.push(offset);
  return { text: chars.map((ch) => ch.folded).join(''), originalAt, chars };
}

/** The folded form alone, for building what to look for. */
export const fold = (s: string): string => foldText(s).text;

/** The vowel each katakana ends on (small kana are folded to large before this is asked). */
const VOWEL = new Map<string, string>([
  ...[...'アカサタナハマヤラワガザダバパ'].map((c): [string, string] => [c, 'a']),
  ...[...'イキシチニヒミリギジビピ'].map((c): [string, string] => [c, 'i']),
  ...[...'ウクスツヌフムユルグズブプ'].map((c): [string, string] => [c, 'u']),
  ...[...'エケセテネヘメレゲゼデベペ'].map((c): [string, string] => [c, 'e']),
  ...[...'オコソトノホモヨロゴゾドボポ'].map((c): [string, string] => [c, 'o']),
]);
/** The kana that lengthen each vowel: オオタ and オータ, サトウ and サトー, ケイコ and ケーコ are one reading. */
const LENGTHENS: Readonly<Record<string, string>> = { a: 'アー', i: 'イー', u: 'ウー', e: 'イエー', o: 'ウオー' };
const LONG = 'ー';

/**
 * Reads folded characters from the start of a word, writing every kana that
 * lengthens the vowel before it as ー. It starts afresh at each word: whether
 * オ lengthens depends on what came before it in the name, never on the text
 * around it (隣のオオタ is オータ after の, not ーータ).
 */
export function longVowelReader(): (folded: string) => string {
  let vowel = '';
  return (c) => {
    if (vowel !== '' && LENGTHENS[vowel]!.includes(c)) return LONG;
    vowel = c === LONG ? vowel : (VOWEL.get(c) ?? '');
    return c;
  };
}
