// What keeps a person's identity off an agenda (SPEC §8), for every text
// copied into one (free text, plan text, list and agency fields): the full
// name with or without the space, the family name, the given name of two
// characters or more (one character only before an honorific), their
// katakana and hiragana readings, variant kanji, and the birth date in any
// form become ○○. A name written without a space has no known 姓 and 名, so
// every leading and trailing 2- and 3-character part goes too. Over-masking
// (田中町 → ○○町) is accepted; a leak is not.
import { birthDatePatterns } from './birthDateForms';
import { fold, foldText } from './nameForms';

export const MASK = '○○';

/** Who must not be recognisable: 本人氏名, 本人氏名カナ and 生年月日 as stored. */
export interface PersonIdentity {
  readonly name: string;
  readonly kana: string;
  /** ISO when readable; any other text is masked as written. */
  readonly birthDate?: string;
}

/** Honorifics and house words, folded as the text is. */
const HONORIFIC = `(?=${['さん', 'さま', '様', '氏', '君', 'くん', 'ちゃん', '殿', '宅', '家', '方'].map(fold).join('|')})`;
/** Between any two characters of a name: the spaces or ・ staff put in or leave out. */
const GAP = ' *';

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Longer than any name: such a cell is searched for as written, which keeps the expression small. */
const LONGEST_NAME = 32;

/** A folded word as an expression that also finds it with spaces inside. */
const spelled = (word: string): string => {
  const chars = [...word].map(escape);
  return chars.join(chars.length > LONGEST_NAME ? '' : GAP);
};

interface Pattern {
  readonly source: string;
  /** Longer names are tried first, so 山田太郎 is one ○○, not ○○太郎. */
  readonly length: number;
}

const word = (w: string, minLength = 2): Pattern[] => {
  const length = [...w].length;
  if (length === 0) return [];
  return [{ source: length >= minLength ? spelled(w) : `${spelled(w)}${HONORIFIC}`, length }];
};

/** Every leading and trailing part of 2 and 3 characters: where 姓 and 名 may split. */
function edgeParts(whole: string): string[] {
  const chars = [...whole];
  return [2, 3].filter((n) => n < chars.length).flatMap((n) => [chars.slice(0, n).join(''), chars.slice(-n).join('')]);
}

/** The patterns of one spelling (the name, or its reading). */
function spellingPatterns(spelling: string): Pattern[] {
  const parts = fold(spelling).split(' ').filter(Boolean);
  if (parts.length === 0) return [];
  const whole = parts.join('');
  if (parts.length === 1) return [...word(whole), ...edgeParts(whole).flatMap((p) => word(p))];
  const [family, ...rest] = parts;
  return [...word(whole), ...word(family!, 1), ...rest.flatMap((p) => word(p))];
}

/** A reading's patterns: a one-kana part (イ, ト) only before an honorific, so words survive. */
function readingPatterns(kana: string): Pattern[] {
  const parts = fold(kana).split(' ').filter(Boolean);
  if (parts.length === 0) return [];
  const whole = parts.join('');
  const partPatterns = parts.length === 1 ? edgeParts(whole) : parts;
  return [...word(whole), ...partPatterns.flatMap((p) => word(p))];
}

function birthPatterns(birthDate: string | undefined): Pattern[] {
  const value = (birthDate ?? '').trim();
  if (value === '') return [];
  const forms = birthDatePatterns(value);
  return forms.length ? forms.map((source) => ({ source, length: 100 })) : word(fold(value));
}

function patternsOf(person: PersonIdentity): Pattern[] {
  return [...spellingPatterns(person.name), ...readingPatterns(person.kana), ...birthPatterns(person.birthDate)];
}

/** The longest first; one expression for everything to find. */
function expressionOf(patterns: readonly Pattern[]): RegExp | null {
  const sources = [...new Map([...patterns].sort((a, b) => b.length - a.length).map((p) => [p.source, p])).keys()];
  return sources.length ? new RegExp(sources.join('|'), 'gu') : null;
}

function replaceOnce(text: string, expression: RegExp): string {
  const folded = foldText(text);
  let out = '';
  let from = 0;
  for (const match of folded.text.matchAll(expression)) {
    if (match[0] === '') continue;
    const start = folded.originalAt[match.index]!;
    const end = folded.originalAt[match.index + match[0].length]!;
    out += text.slice(from, start) + MASK;
    from = end;
  }
  return out + text.slice(from);
}

/**
 * A function masking text for these people: build it once per agenda and
 * apply it to every text copied in. Applied again until nothing changes, so
 * a name cannot reappear where masks meet.
 */
export function textMasker(people: readonly PersonIdentity[]): (text: string) => string {
  const expression = expressionOf(people.flatMap(patternsOf));
  if (!expression) return (text) => text;
  return (text) => {
    let current = text;
    for (let i = 0; i < 4; i++) {
      const next = replaceOnce(current, expression);
      if (next === current) break;
      current = next;
    }
    return current;
  };
}

/** The text with one person's name, readings and birth date replaced by ○○ (山田さん → ○○さん). */
export function scrubName(text: string, person: PersonIdentity): string {
  return textMasker([person])(text);
}

/** At most `max` characters, the last of them … when the text was cut. */
export function shorten(text: string, max: number): string {
  const characters = [...text.trim()];
  return characters.length <= max ? characters.join('') : `${characters.slice(0, max - 1).join('')}…`;
}

/** A list or agency value as an agenda may print it: only values 設定 lists (SPEC §8). */
export const UNLISTED = '（設定外の値）';

export function listedOnly(values: readonly string[], allowed: readonly string[]): string[] {
  const known = new Set(allowed);
  return [...new Set(values.map((v) => (known.has(v) ? v : UNLISTED)))];
}
