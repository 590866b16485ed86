// What keeps a person's identity off an agenda (SPEC §8): the person's full
// name or family name inside copied free text becomes ○○, in kanji, katakana
// or hiragana, with or without the space between the parts. So that ordinary
// words survive, a family name of one character (森) and any hiragana family
// name (あべ) are only replaced before an honorific or 宅/家/方, and a given
// name only before an honorific (花子さん).
import { normalizeKana } from '../normalize';

export const MASK = '○○';

export interface PersonName {
  /** 本人氏名 as stored. */
  readonly name: string;
  /** 本人氏名カナ as stored (full-width katakana). */
  readonly kana: string;
}

const HONORIFIC = '(?=さん|さま|様|氏|君|くん|ちゃん|殿)';
const HONORIFIC_OR_HOUSE = '(?=さん|さま|様|氏|君|くん|ちゃん|殿|宅|家|方)';
const SPACES = '[\\s\\u3000]*';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** ァ–ヶ back to ぁ–ゖ: staff also write a name's reading in hiragana. */
const toHiragana = (kana: string): string => kana.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));

function partsOf(name: string): string[] {
  return name.split(/[\s\u3000]+/).filter(Boolean);
}

/**
 * The patterns of one spelling of the name: the whole name, the family name,
 * the given name. `plainWords` marks a spelling (hiragana) whose family name
 * is easily an ordinary word (おの, あべ): it is replaced only as a name is written.
 */
function patternsOf(spelling: string, plainWords: boolean): string[][] {
  const parts = partsOf(spelling);
  if (parts.length === 0) return [];
  const whole = parts.map(escape).join(SPACES);
  if (parts.length === 1) return [[parts[0]!.length >= 2 && !plainWords ? whole : `${whole}${HONORIFIC}`]];
  const family = parts[0]!;
  const given = parts[parts.length - 1]!;
  return [
    [whole],
    [family.length >= 2 && !plainWords ? escape(family) : `${escape(family)}${HONORIFIC_OR_HOUSE}`],
    [`${escape(given)}${HONORIFIC}`],
  ];
}

/** One expression for every spelling of the person's name, or null when there is no name. */
function nameExpression(person: PersonName): RegExp | null {
  const kana = normalizeKana(person.kana);
  const byRank = [
    patternsOf(person.name.trim(), false),
    patternsOf(kana.trim(), false),
    patternsOf(toHiragana(kana).trim(), true),
  ];
  // Whole names before family names before given names: where two could
  // match at the same place, the alternation takes the first.
  const patterns = [0, 1, 2].flatMap((rank) => byRank.flatMap((ranks) => ranks[rank] ?? []));
  return patterns.length ? new RegExp([...new Set(patterns)].join('|'), 'gi') : null;
}

/** The text with the person's name replaced by ○○ (山田さん → ○○さん). */
export function scrubName(text: string, person: PersonName): string {
  const expression = nameExpression(person);
  return expression ? text.replace(expression, MASK) : text;
}

/** At most `max` characters, the last of them … when the text was cut. */
export function shorten(text: string, max: number): string {
  const characters = [...text.trim()];
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max - 1).join('')}…`;
}
