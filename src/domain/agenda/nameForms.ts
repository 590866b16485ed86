// One comparable form of Japanese text for finding a person's name in it
// (SPEC §8): variant kanji fold to one (髙→高, 邉→辺, 﨑→崎, 齋→斉), hiragana to
// katakana, small kana to large, 々 to the character it repeats, full-width
// ASCII to half-width, Latin to lower case, and every separator a name may
// carry (spaces, ・, variation selectors) to one space. Each code point maps
// to exactly one, so a match in the folded text is a match in the original.

/** Each group: the form others fold to, then its variants. Surnames and given names staff meet most. */
const VARIANT_GROUPS: readonly string[] = [
  '高髙', '辺邊邉', '崎﨑嵜碕', '斉齊斎齋', '沢澤', '浜濱濵', '広廣', '国國', '桜櫻', '島嶋嶌嶹',
  '富冨', '徳德', '恵惠', '瀬瀨', '蔵藏', '竜龍', '真眞', '実實', '寿壽', '円圓', '関關', '万萬',
  '与與', '弥彌', '浅淺', '黒黑', '来來', '児兒', '条條', '栄榮', '遥遙', '吉𠮷', '柳桺',
  '穂穗', '滝瀧', '桧檜', '槙槇', '篭籠', '会會', '芦蘆', '剣劍', '野埜', '峰峯', '岡崗', '鴎鷗',
  '尭堯', '礼禮', '亀龜', '渕淵渊', '坂阪', '鉄鐵', '将將', '薮藪籔', '舘館', '秋穐', '巌巖', '亜亞',
  '凛凜', '梅楳', '芸藝', '曽曾', '増增', '沖冲', '猪豬', '恒恆', '晃晄', '郎郞', '清淸', '静靜', '聡聰', '壮壯', '荘莊', '粛肅',
  '顕顯', '応應', '営營', '県縣', '駅驛', '継繼', '読讀', '渓溪', '覚覺', '学學',
  '宝寶', '豊豐', '禄祿', '艶艷', '満滿', '鶏鷄', '蛍螢', '挙擧', '横橫',
  'ケヶヵ',
];

const FOLD = new Map<string, string>();
for (const group of VARIANT_GROUPS) {
  const [first, ...rest] = [...group];
  for (const variant of rest) FOLD.set(variant, first!);
}

/** Small kana read as large in older writing (キヨウコ for キョウコ), and the kana staff mix up. */
const KANA_FOLD = new Map<string, string>([
  ...[...'ァィゥェォッャュョヮ'].map((c): [string, string] => [c, String.fromCharCode(c.charCodeAt(0) + 1)]),
  ['ヂ', 'ジ'], ['ヅ', 'ズ'], ['ヲ', 'オ'], ['ヰ', 'イ'], ['ヱ', 'エ'], ['ヴ', 'ブ'],
]);

const HIRAGANA = /^[\u3041-\u3096\u309D\u309E]$/;
const SEPARATOR = /^[\s\u3000・･]$/;
/** Variation selectors (邉󠄂): they only pick a glyph. */
const isVariationSelector = (c: string): boolean => {
  const code = c.codePointAt(0)!;
  return (code >= 0xFE00 && code <= 0xFE0F) || (code >= 0xE0100 && code <= 0xE01EF);
};
const REPEAT = /^[々ゝゞヽヾ〻]$/;

/** The folded form of one code point, given the folded one before it (for 々). */
function foldCodePoint(c: string, previous: string): string {
  if (SEPARATOR.test(c) || isVariationSelector(c)) return ' ';
  if (REPEAT.test(c) && previous !== '' && previous !== ' ') return previous;
  const nfkc = c.normalize('NFKC');
  let folded = [...nfkc].length === 1 ? nfkc : c;
  if (HIRAGANA.test(folded)) folded = String.fromCharCode(folded.charCodeAt(0) + 0x60);
  folded = FOLD.get(folded) ?? KANA_FOLD.get(folded) ?? folded;
  return folded.toLowerCase().length === folded.length ? folded.toLowerCase() : folded;
}

export interface FoldedText {
  readonly text: string;
  /** For each UTF-16 unit of `text` (and one past its end), the offset in the original. */
  readonly originalAt: readonly number[];
}

/** ﾞ and ﾟ, and the combining marks they become: they voice the kana before them. */
const VOICING = /^[\u3099\u309A\uFF9E\uFF9F]$/;

export function foldText(original: string): FoldedText {
  const pieces: string[] = [];
  const starts: number[] = [];
  let offset = 0;
  for (const c of original) {
    const previous = pieces[pieces.length - 1] ?? '';
    if (VOICING.test(c) && previous !== '') {
      // ｽﾞ is two code points for one kana: the kana takes the voicing, the mark becomes a gap.
      const voiced = `${previous}${c.normalize('NFKC')}`.normalize('NFC');
      if ([...voiced].length === 1) pieces[pieces.length - 1] = foldCodePoint(voiced, '');
      pieces.push(' ');
    } else {
      pieces.push(foldCodePoint(c, previous));
    }
    starts.push(offset);
    offset += c.length;
  }
  const originalAt: number[] = [];
  pieces.forEach((piece, i) => {
    for (let unit = 0; unit < piece.length; unit++) originalAt.push(unit === 0 ? starts[i]! : (starts[i + 1] ?? offset));
  });
  originalAt.push(offset);
  return { text: pieces.join(''), originalAt };
}

/** The folded form alone, for building what to look for. */
export const fold = (s: string): string => foldText(s).text;
