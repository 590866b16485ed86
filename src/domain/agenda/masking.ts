// What keeps a person's identity off an agenda (SPEC §8). One function,
// textMasker, takes the workbook's people (every case's 本人氏名, カナ and
// 生年月日) and 設定's words, and gives the masking every text leaving for an
// agenda goes through: each name, its parts and readings in any variant,
// each birth date in any written form, and phone numbers, e-mail addresses,
// 12-digit numbers and postcodes become ○○. Text is compared folded
// (nameForms.ts): NFKC, variant kanji, kana, invisible characters gone.
// - A name of two characters or more (whole name, 姓, 名, a reading) is masked
//   wherever it stands; a one-character 姓 or 名 (森, 実, イ) only where it
//   stands as a name: before an honorific, or with the rest of the name.
// - A name typed without a space has no known 姓 and 名: every leading and
//   trailing part is taken (2 and 3 characters as SPEC §8 asks, and longer
//   ones for readings such as イワサキ; the 1-character ones before an
//   honorific), which covers any split its kana gives.
// - A word listed in 設定 (ひきこもり, 関係機関) is never cut: a match that
//   would take part of it is not made.
// Over-masking (田中町 → ○○町) is accepted; a leak is not.
import { writtenDates } from './birthDateForms';
import { fold, foldText, longVowelReader, type FoldedChar } from './nameForms';
import { readNameField } from '../personName';
import type { RecordText } from '../record';

export const MASK = '○○';

/** Who must not be recognisable: 本人氏名, 本人氏名カナ and 生年月日 as stored. */
export interface PersonIdentity {
  readonly name: string;
  readonly kana: string;
  /** ISO when readable; any other text is masked as written. */
  readonly birthDate?: string;
}

/** A case's 本人氏名, カナ and 生年月日: what the masking looks for. */
export const personOf = (t: RecordText): PersonIdentity => ({ name: t.personName ?? '', kana: t.personKana ?? '', birthDate: t.birthDate ?? '' });

/** SPEC §8's honorifics: what makes a one-character 姓 or 名 stand as a name. */
const HONORIFICS: readonly (readonly string[])[] = ['さん', 'さま', '様', '氏', '君', 'くん', 'ちゃん', '殿'].map((h) => [...fold(h)]);

/**
 * Contact details and numbers that identify by themselves, over folded text
 * (NFKC: －→-, ｰ→ー): e-mail addresses, phone numbers (10 or 11 digits from
 * a 0, any separators), 12-digit numbers (マイナンバー), postcodes.
 */
const DASH = '[-ー‐−–—]';
const IDENTIFYING = new RegExp([
  '[a-z0-9._%+-]+@[a-z0-9-]+(?:\\.[a-z0-9-]+)+',
  `(?<![0-9])\\(?0[0-9](?:[\\s()]*${DASH}?[\\s()]*[0-9]){8,9}(?![0-9])`,
  `(?<![0-9])[0-9](?:\\s*${DASH}?\\s*[0-9]){11}(?![0-9])`,
  `〒\\s*[0-9]{3}\\s*${DASH}?\\s*[0-9]{4}`,
  `(?<![0-9])[0-9]{3}${DASH}[0-9]{4}(?![0-9])`,
].join('|'), 'gu');

interface TrieNode {
  readonly next: Map<string, TrieNode>;
  /** A whole word ends here: masked wherever it stands. */
  word: boolean;
  /** A one-character 姓 or 名 ends here: masked only before an honorific. */
  name: boolean;
}

const node = (): TrieNode => ({ next: new Map(), word: false, name: false });

/** Words to find in folded text, read with long vowels either way; a trie keeps 10,000 people fast. */
class WordTrie {
  private readonly root = node();

  add(folded: string, kind: 'word' | 'name'): void {
    const read = longVowelReader();
    const chars = [...folded.replace(/ /g, '')].map(read);
    if (chars.length === 0) return;
    let at = this.root;
    for (const c of chars) {
      let next = at.next.get(c);
      if (!next) at.next.set(c, (next = node()));
      at = next;
    }
    at[kind] = true;
  }

  /** Ends (exclusive) of the words starting at `start`, longest first, with their kind. */
  endsAt(chars: readonly string[], start: number): { end: number; word: boolean; name: boolean }[] {
    const read = longVowelReader();
    const ends: { end: number; word: boolean; name: boolean }[] = [];
    let at: TrieNode | undefined = this.root;
    for (let i = start; i < chars.length && at; i++) {
      at = at.next.get(read(chars[i]!));
      if (at && (at.word || at.name)) ends.push({ end: i + 1, word: at.word, name: at.name });
    }
    return ends.reverse();
  }
}

/** Every spelling a name cell gives: the name without extra text, and each bracketed one (a reading). */
const spellingsOf = (cell: string): string[] => {
  const field = readNameField(cell);
  return [field.name, ...field.bracketed];
};

/** What to look for of one spelling (the name, or a reading): see the header. */
function addSpelling(trie: WordTrie, spelling: string): void {
  const parts = fold(spelling).split(' ').filter(Boolean);
  if (parts.length === 0) return;
  const whole = parts.join('');
  const add = (part: string): void => trie.add(part, [...part].length >= 2 ? 'word' : 'name');
  add(whole);
  if (parts.length > 1) {
    parts.forEach(add);
    return;
  }
  const chars = [...whole];
  for (let n = 1; n < chars.length; n++) {
    add(chars.slice(0, n).join(''));
    add(chars.slice(-n).join(''));
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

interface Span {
  readonly from: number;
  readonly to: number;
}

/** The characters that take part in matching (spaces and invisible ones left out), with where each came from. */
const visibleChars = (chars: readonly FoldedChar[]): FoldedChar[] => chars.filter((c) => c.folded !== '' && c.folded !== ' ');

function honorificAt(chars: readonly string[], at: number): boolean {
  return HONORIFICS.some((h) => h.every((c, i) => chars[at + i] === c));
}

/**
 * The masking of SPEC §8 for these people, keeping `keep` (設定's words) whole:
 * build it once per agenda and apply it to every text that leaves for one.
 */
export function textMasker(people: readonly PersonIdentity[], keep: readonly string[] = []): (text: string) => string {
  const names = new WordTrie();
  const births = new Set<string>();
  const birthdays = new Set<string>();
  for (const person of people) {
    for (const spelling of [...spellingsOf(person.name), ...spellingsOf(person.kana)]) addSpelling(names, spelling);
    const birth = (person.birthDate ?? '').trim();
    if (ISO_DATE.test(birth)) {
      births.add(birth);
      birthdays.add(birth.slice(5));
    } else if (birth !== '') names.add(fold(birth), 'word');
  }
  const kept = new WordTrie();
  for (const word of keep.flatMap((w) => [w, ...w.split(/[・、/]/)])) if ([...word.trim()].length >= 2) kept.add(fold(word.trim()), 'word');

  return (text) => {
    if (text === '') return text;
    const folded = foldText(text);
    const visible = visibleChars(folded.chars);
    const chars = visible.map((c) => c.folded);
    const spans: Span[] = [];
    // Spans are offsets in the original text, whichever way they were found.
    const visibleSpan = (start: number, end: number): Span => ({ from: visible[start]!.from, to: visible[end - 1]!.to });
    const foldedSpan = (start: number, end: number): Span => ({ from: folded.originalAt[start]!, to: folded.originalAt[end]! });
    const keptWords: Span[] = [];
    for (let i = 0; i < chars.length; i++) for (const { end } of kept.endsAt(chars, i)) keptWords.push(visibleSpan(i, end));
    const breaksKept = (s: Span): boolean => keptWords.some((k) => s.from < k.to && k.from < s.to && !(s.from <= k.from && k.to <= s.to));
    for (let i = 0; i < chars.length;) {
      const match = names.endsAt(chars, i).find((m) => (m.word || honorificAt(chars, m.end)) && !breaksKept(visibleSpan(i, m.end)));
      if (!match) {
        i++;
        continue;
      }
      spans.push(visibleSpan(i, match.end));
      i = match.end;
    }
    for (const date of writtenDates(folded.text, (start, end) => !breaksKept(foldedSpan(start, end)))) {
      if (date.dates.some((d) => births.has(d)) || (date.monthDays ?? []).some((d) => birthdays.has(d))) spans.push(foldedSpan(date.start, date.end));
    }
    for (const m of folded.text.matchAll(IDENTIFYING)) {
      const span = foldedSpan(m.index, m.index + m[0].length);
      if (!breaksKept(span)) spans.push(span);
    }
    return replaceSpans(text, spans);
  };
}

/** Each run of overlapping spans becomes one ○○. */
function replaceSpans(text: string, spans: readonly Span[]): string {
  if (spans.length === 0) return text;
  const sorted = [...spans].sort((a, b) => a.from - b.from);
  let out = '';
  let from = 0;
  let current: Span | null = null;
  for (const span of sorted) {
    if (current && span.from < current.to) {
      current = { from: current.from, to: Math.max(current.to, span.to) };
      continue;
    }
    if (current) {
      out += text.slice(from, current.from) + MASK;
      from = current.to;
    }
    current = span;
  }
  return out + text.slice(from, current!.from) + MASK + text.slice(current!.to);
}

/** Whether a text names one of these people (or holds what identifies anyone): a 支援記録 対象 must not (SPEC §6 target_names_person). */
export function namesAnyone(people: readonly PersonIdentity[]): (text: string) => boolean {
  const mask = textMasker(people);
  return (text) => mask(text) !== text;
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
