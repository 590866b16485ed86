// For random names, readings, birth dates and texts that mention them in
// every way staff write (with or without the space, family or given name
// alone, katakana or hiragana, variant kanji, 西暦・和暦・数字だけ・全角), no
// built agenda — its cells, its JSON, its print page — contains the name, its
// parts, its readings or the birth date.
import fc from 'fast-check';
import { buildAgenda, settingsWords } from '../../src/domain/agenda/build';
import { textMasker } from '../../src/domain/agenda/masking';
import { agendaPrintHtml } from '../../src/domain/agenda/printView';
import { agendaJson, layoutAgenda } from '../../src/domain/agenda/render';
import type { CaseRow } from '../../src/domain/agenda/types';
import { CASE_FIELDS } from '../../src/domain/fields';
import { normalizeRecord } from '../../src/domain/record';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { FAMILY_NAMES, GIVEN_NAMES } from '../fixtures/names';
import { runSettings } from './arbitraries';

const DATE = '2026-12-08';
const KANJI = [...'山田中川佐藤鈴木高髙橋渡辺邊邉崎﨑斎齋斉齊林森小大野原井上村本石松竹花子太郎一美恵惠智浩健翔陽']; 
const VARIANTS: Readonly<Record<string, string>> = { 高: '髙', 髙: '高', 辺: '邊', 邊: '邉', 邉: '辺', 崎: '﨑', 﨑: '崎', 斎: '齋', 齋: '斉', 斉: '齊', 齊: '斎', 恵: '惠', 惠: '恵' };
const KATAKANA = [...'アイウエオカキクケコサシスセソタチツテトナニヌネノハヒフヘホマミムメモヤユヨラリルレロワガギグゲゴザジズゼゾダデドバビブベボパピプペポ'];
const FILLER = ['相談があった。', '長男と二人暮らし。', '家賃の滞納', '地域包括支援センター', '訪問した', 'ごみ', '、', '。', ' ', '母（80代）'];
const ERA: readonly [string, string, number][] = [['昭和', 'S', 1926], ['平成', 'H', 1989], ['令和', 'R', 2019]];

const toHiragana = (s: string): string => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
const toFullWidth = (s: string): string => s.replace(/[0-9/.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xFEE0));
const variantOf = (s: string): string => [...s].map((c) => VARIANTS[c] ?? c).join('');

const word = (pool: readonly string[], min: number, max: number) => fc.array(fc.constantFrom(...pool), { minLength: min, maxLength: max }).map((cs) => cs.join(''));

const person = fc.record({
  family: word(KANJI, 1, 3),
  given: word(KANJI, 1, 3),
  kanaFamily: word(KATAKANA, 2, 4),
  kanaGiven: word(KATAKANA, 2, 4),
  nameSplit: fc.boolean(),
  kanaSplit: fc.boolean(),
  birth: fc.date({ min: new Date('1927-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
});
type Person = typeof person extends fc.Arbitrary<infer P> ? P : never;

const nameOf = (p: Person): string => (p.nameSplit ? `${p.family} ${p.given}` : `${p.family}${p.given}`);
const kanaOf = (p: Person): string => (p.kanaSplit ? `${p.kanaFamily} ${p.kanaGiven}` : `${p.kanaFamily}${p.kanaGiven}`);

/** The ways staff write the birth date. */
function birthForms(iso: string): string[] {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const era = [...ERA].reverse().find(([, , start]) => y > start)!;
  const eraYear = y - era[2] + 1;
  return [
    `${y}/${m}/${d}`, `${y}年${m}月${d}日`, iso.replace(/-/g, ''), toFullWidth(`${y}/${m}/${d}`),
    `${era[0]}${eraYear}年${m}月${d}日`, `${era[1]}${eraYear}.${m}.${d}`, `${m}月${d}日生まれ`,
  ];
}

/** Every way the person is mentioned in free text. */
function mentions(p: Person): string[] {
  const kanaWhole = `${p.kanaFamily}${p.kanaGiven}`;
  return [
    `${p.family}${p.given}`, `${p.family} ${p.given}`, `${p.family}\u3000${p.given}`, `${p.family}さん`, `${p.given}さん`,
    `${variantOf(p.family)}さん`, `${variantOf(p.family + p.given)}`,
    kanaWhole, `${p.kanaFamily}さん`, toHiragana(`${p.kanaFamily}さん宅`), toHiragana(`${p.kanaGiven}ちゃん`), toHiragana(kanaWhole),
    ...birthForms(p.birth),
  ];
}

/** The strings no agenda may contain for this person (1-character ones are not checked: they are everyday characters). */
function forbidden(p: Person): string[] {
  const edges = (whole: string): string[] => [2, 3].flatMap((n) => ([...whole].length > n ? [whole.slice(0, n), whole.slice(-n)] : []));
  const names = p.nameSplit ? [p.family, p.given] : edges(p.family + p.given);
  const readings = p.kanaSplit ? [p.kanaFamily, p.kanaGiven] : edges(p.kanaFamily + p.kanaGiven);
  const all = [p.family + p.given, variantOf(p.family + p.given), ...names, ...names.map(variantOf),
    p.kanaFamily + p.kanaGiven, ...readings, ...[p.kanaFamily + p.kanaGiven, ...readings].map(toHiragana),
    ...birthForms(p.birth).map((f) => f.replace(/生まれ$/, ''))];
  return [...new Set(all)].filter((s) => [...s].length >= 2);
}

const text = (p: Person) => fc.array(fc.oneof(fc.constantFrom(...FILLER), fc.constantFrom(...mentions(p))), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));

const scenario = fc.array(person, { minLength: 1, maxLength: 3 }).chain((people) => fc.tuple(
  fc.constant(people),
  fc.tuple(...people.map((p) => fc.tuple(text(p), text(p), fc.constantFrom(...mentions(p))))),
));

function caseRow(p: Person, i: number, summary: string, household: string, related: string): CaseRow {
  const raw = {
    caseId: `2026-${String(i + 1).padStart(4, '0')}`, receivedOn: '2026-10-01', referrerAgency: '地域包括支援センター',
    personName: nameOf(p), personKana: kanaOf(p), birthDate: p.birth, household, lifeAreas: '介護', summary, reason: '複合課題',
    consent: 'あり', relatedAgencies: `税務課、${related}`, status: '支援中', nextMeetingType: '支援会議', nextMeetingOn: DATE,
  };
  return { row: i + 2, text: normalizeRecord(CASE_FIELDS, raw, DEFAULT_SETTINGS, 'case').text };
}

/** Every text a reader sees: the agenda's values, its layout, its JSON and the print page without markup. */
function shownText(rows: readonly CaseRow[]): string {
  const agenda = buildAgenda({ request: { meetingType: '支援会議', date: DATE, includeDue: false }, settings: DEFAULT_SETTINGS, cases: rows, today: '2026-11-22' });
  const layout = layoutAgenda(agenda);
  const values: string[] = [];
  const collect = (value: unknown): void => {
    if (typeof value === 'string') values.push(value);
    else if (Array.isArray(value)) value.forEach(collect);
    else if (value && typeof value === 'object') Object.values(value).forEach(collect);
  };
  collect([agenda.items, agenda.participants, layout.rows, agendaJson(agenda)]);
  return [...values, agendaPrintHtml(layout).replace(/<[^>]*>/g, '\n')].join('\n');
}

describe('no agenda contains a name, its parts, its readings or the birth date', () => {
  it('for random names and texts that mention them', () => {
    fc.assert(fc.property(scenario, ([people, texts]) => {
      const rows = people.map((p, i) => caseRow(p, i, texts[i]![0], texts[i]![1], texts[i]![2]));
      const shown = shownText(rows);
      // What the same agenda shows with no one's name or text in it: the agenda's own wording.
      const innocent = shownText(people.map((p, i) => caseRow({ ...p, family: '', given: '', kanaFamily: '', kanaGiven: '', birth: '' }, i, '', '', '')));
      for (const p of people) {
        for (const s of forbidden(p)) {
          if (!innocent.includes(s)) expect({ person: nameOf(p), shows: s, inText: shown.includes(s) }).toEqual({ person: nameOf(p), shows: s, inText: false });
        }
      }
    }), runSettings(200));
  });
});

// With names from a list of common Japanese names (test/fixtures/names.ts) and
// the shapes staff write them in — 姓 or 名 before an honorific, the whole name
// with or without a space, readings in katakana or hiragana with long vowels
// either way, variant kanji, invisible characters typed in, birth dates in
// kanji numerals, 2-digit and mixed forms — among words of 設定: nothing of any
// case of the workbook survives, and no word of 設定 is cut.
describe('the masking over the workbook\'s people, for names from a name list', () => {
  const HONORIFICS = ['さん', '様', '氏', '君', 'くん', 'ちゃん', '殿'];
  const INVISIBLE = ['\u200B', '\u00AD', '\u2060', '\u200D', '\uFE0F'];
  /** Variant kanji staff meet, one way and back (髙/高 …): the masking reads them from Unihan, not from here. */
  const VARIANT: Readonly<Record<string, string>> = { 高: '髙', 髙: '高', 橋: '槗', 辺: '邉', 邉: '邊', 崎: '﨑', 斉: '齋', 齋: '斎', 沢: '澤', 澤: '沢', 柳: '栁', 栁: '柳', 浜: '濵', 濱: '浜', 広: '廣', 廣: '広', 島: '嶋', 村: '邨' };
  const KANJI_DIGITS = '〇一二三四五六七八九';
  const WORDS = settingsWords(DEFAULT_SETTINGS);
  const FILLERS = [...WORDS, '相談があった。', '長男と二人暮らし。', '実家に戻った', '森林組合で働く', '関係機関と共有', '家賃の滞納', '。', '、', ' ', '母（80代）', 'ひきこもり'];

  const longVowels = (kana: string): string => kana.replace(/([オコソトノホモヨロゴゾドボポョ])[ウオ]/g, '$1ー').replace(/([ウクスツヌフムユルグズブプュ])ウ/g, '$1ー').replace(/([エケセテネヘメレゲゼデベペ])イ/g, '$1ー');
  const kanjiDigits = (s: string): string => s.replace(/[0-9]/g, (d) => KANJI_DIGITS[Number(d)]!);
  const kanjiNumber = (n: number): string => (n < 10 ? kanjiDigits(String(n)) : `${n >= 20 ? kanjiDigits(String(Math.floor(n / 10))) : ''}十${n % 10 ? kanjiDigits(String(n % 10)) : ''}`);

  const personArb = fc.record({
    family: fc.constantFrom(...FAMILY_NAMES),
    given: fc.constantFrom(...GIVEN_NAMES),
    nameSplit: fc.boolean(),
    kanaSplit: fc.boolean(),
    birth: fc.date({ min: new Date('1927-01-01T00:00:00Z'), max: new Date('2015-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
  });
  type Someone = typeof personArb extends fc.Arbitrary<infer P> ? P : never;

  function birthForms(iso: string): string[] {
    const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
    const [era, start] = y >= 1989 ? ['平成', 1989] as const : ['昭和', 1926] as const;
    const eraYear = y - start + 1;
    return [
      `${y}/${m}/${d}`, `${y}年${m}月${d}日`, `${era}${eraYear}年${m}月${d}日`, `${era}${kanjiNumber(eraYear)}年${kanjiNumber(m)}月${kanjiNumber(d)}日`,
      `${kanjiDigits(String(y))}年${kanjiNumber(m)}月${kanjiNumber(d)}日`, `${eraYear}.${m}.${d}`, `${eraYear}年${m}月${d}日`, `${y}年（${era}${eraYear}年）${m}月${d}日`,
    ];
  }

  const hiragana = (s: string): string => s.replace(/[\u30A1-\u30F6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60));
  const variant = (s: string): string => [...s].map((c) => VARIANT[c] ?? c).join('');
  const withInvisible = (s: string, mark: string): string => ([...s].length < 2 ? s : `${[...s][0]}${mark}${[...s].slice(1).join('')}`);

  /** What must not be shown of this person: readings of two kana or more, names of two characters or more, one-character ones before an honorific, the birth date. */
  function forbidden(p: Someone): string[] {
    const parts = [p.family.kanji, p.given.kanji, p.family.kana, p.given.kana, hiragana(p.family.kana), hiragana(p.given.kana)];
    const named = parts.flatMap((part) => ([...part].length >= 2 ? [part] : HONORIFICS.map((h) => `${part}${h}`)));
    return [...named, p.family.kanji + p.given.kanji, p.family.kana + p.given.kana, ...birthForms(p.birth)];
  }

  /** Every way the person is mentioned. */
  const mentionArb = (p: Someone) => fc.tuple(
    fc.constantFrom(
      `${p.family.kanji}${p.given.kanji}`, `${p.family.kanji} ${p.given.kanji}`, `${p.family.kanji}\u3000${p.given.kanji}`,
      `${p.family.kana}${p.given.kana}`, hiragana(`${p.family.kana} ${p.given.kana}`), longVowels(`${p.family.kana}${p.given.kana}`),
      ...HONORIFICS.flatMap((h) => [`${p.family.kanji}${h}`, `${p.given.kanji}${h}`, `${p.family.kana}${h}`, `${hiragana(p.given.kana)}${h}`, `${longVowels(p.family.kana)}${h}`]),
      `${variant(p.family.kanji)}さん`, variant(`${p.family.kanji}${p.given.kanji}`), ...birthForms(p.birth),
    ),
    fc.constantFrom('', ...INVISIBLE),
  ).map(([mention, mark]) => withInvisible(mention, mark));

  const scenarioArb = fc.uniqueArray(personArb, { minLength: 2, maxLength: 8, selector: (p) => p.family.kanji + p.given.kanji }).chain((people) => fc.tuple(
    fc.constant(people),
    fc.array(fc.oneof(fc.constantFrom(...FILLERS).map((text) => ({ text, filler: true })), fc.constantFrom(...people).chain(mentionArb).map((text) => ({ text, filler: false }))), { minLength: 1, maxLength: 16 }),
  ));

  const count = (text: string, word: string): number => text.split(word).length - 1;

  it('leaves no name, reading or birth date of anyone, and cuts no word of 設定', () => {
    fc.assert(fc.property(scenarioArb, ([people, parts]) => {
      const identities = people.map((p) => ({
        name: p.nameSplit ? `${p.family.kanji} ${p.given.kanji}` : `${p.family.kanji}${p.given.kanji}`,
        kana: p.kanaSplit ? `${p.family.kana} ${p.given.kana}` : `${p.family.kana}${p.given.kana}`,
        birthDate: p.birth,
      }));
      const text = parts.map((p) => p.text).join('');
      const fillers = parts.filter((p) => p.filler).map((p) => p.text).join('\n');
      const masked = textMasker(identities, WORDS)(text);
      // What the text would show with no one in it: a form that the 設定 words or fillers hold themselves is theirs, not a leak.
      const leaks = people.flatMap((p) => forbidden(p).filter((f) => count(masked.replace(/○○/g, '\n'), f) > count(fillers, f)));
      expect({ text, masked, leaks }).toEqual({ text, masked, leaks: [] });
      const cut = WORDS.filter((w) => count(masked, w) < count(text, w));
      expect({ text, masked, cut }).toEqual({ text, masked, cut: [] });
    }), runSettings(300));
  });
});
