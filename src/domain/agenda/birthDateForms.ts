// The ways a birth date is written in free text (SPEC §8), as expressions over
// folded text (nameForms.ts: digits half-width, letters lower case): 西暦
// (1950/3/4, 1950年3月4日, 19500304, 50.3.4), 和暦 of every era the year falls
// in (昭和25年3月4日, S25.3.4, 昭25.3.4, 元年) and 3月4日生まれ. Digits around a
// form do not stop it (1950/3/41 loses its first digits): text run together
// still hides the date, and over-masking is accepted where a leak is not.

const ERA_STARTS: readonly { names: readonly string[]; startYear: number }[] = [
  { names: ['明治', '明', 'm'], startYear: 1868 },
  { names: ['大正', '大', 't'], startYear: 1912 },
  { names: ['昭和', '昭', 's'], startYear: 1926 },
  { names: ['平成', '平', 'h'], startYear: 1989 },
  { names: ['令和', '令', 'r'], startYear: 2019 },
];

const SEPARATOR = '\\s*[-/.年]\\s*';
const MONTH_SEPARATOR = '\\s*[-/.月]\\s*';

/** A number as written: any leading zeros. */
const number = (n: number): string => `0*${n}`;

/** Era names and years under which `year` can be written (both eras in a year an era changed). */
function eraYears(year: number): { names: readonly string[]; eraYear: number }[] {
  return ERA_STARTS.flatMap((era, i) => {
    const next = ERA_STARTS[i + 1];
    const inEra = year >= era.startYear && (!next || year <= next.startYear);
    return inEra ? [{ names: era.names, eraYear: year - era.startYear + 1 }] : [];
  });
}

/** Expressions (sources, over folded text) that find the date; none unless it is an ISO date. */
export function birthDatePatterns(iso: string): string[] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return [];
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const monthDay = `${number(month)}${MONTH_SEPARATOR}${number(day)}(?:\\s*日)?`;
  const short = String(year % 100).padStart(2, '0');
  const patterns = [
    `(?:${year}|${short})${SEPARATOR}${monthDay}`,
    `(?:${m[1]}|${short})${m[2]}${m[3]}`,
    `${monthDay}\\s*(?=生)`,
  ];
  for (const { names, eraYear } of eraYears(year)) {
    const yearText = eraYear === 1 ? `(?:${number(1)}|元)` : number(eraYear);
    patterns.push(`(?:${names.join('|')})\\.?\\s*${yearText}${SEPARATOR}${monthDay}`);
    patterns.push(`(?:${names.join('|')})\\.?\\s*${String(eraYear).padStart(2, '0')}${m[2]}${m[3]}`);
  }
  return patterns;
}
