// What a 本人氏名 or 本人氏名カナ cell holds besides the name (SPEC §6
// name_has_extra_text, §8): staff add an age (山田太郎 (72), 72歳) or a reading
// in brackets (小林 次郎（こばやし じろう）). Validation warns about it; agendas
// mask the name part and each bracketed spelling.

const BRACKETED = /[(（[［【〔「『〈《<＜]([^)）\]］】〕」』〉》>＞]*)[)）\]］】〕」』〉》>＞]/g;
/** An age or any other number, with 歳 or 才 after it, or the word alone. */
const NUMBER_OR_AGE = /[0-9０-９]+\s*(?:歳|才)?|[歳才]/g;
const HAS_LETTER = /[\p{L}]/u;

export interface NameField {
  /** The name without what else the cell holds, spaces as typed. */
  readonly name: string;
  /** Other spellings the cell holds in brackets (a reading, a former name). */
  readonly bracketed: readonly string[];
  /** Whether the cell holds more than a name. */
  readonly hasExtraText: boolean;
}

const tidy = (s: string): string => s.replace(/[ \u3000]+/g, (run) => run[0]!).trim();

export function readNameField(value: string): NameField {
  const written = tidy(value);
  const bracketed = [...written.matchAll(BRACKETED)].map((m) => tidy(m[1]!.replace(NUMBER_OR_AGE, ' '))).filter((s) => HAS_LETTER.test(s));
  const name = tidy(written.replace(BRACKETED, ' ').replace(NUMBER_OR_AGE, ' '));
  return { name, bracketed, hasExtraText: name !== written };
}
