// Initials from 本人氏名カナ (ヤマダ タロウ → Y.T.), for towns whose 設定 says
// 次第の氏名表示 = イニシャル: the Hepburn romanisation of the first kana of
// each part of the name (シ → S, チ → C, ツ → T, フ → F, ジ → J).

/** Each Latin initial and the katakana whose Hepburn spelling begins with it. */
const KANA_OF_INITIAL: Readonly<Record<string, string>> = {
  A: 'アァ', I: 'イィヰ', U: 'ウゥ', E: 'エェヱ', O: 'オォヲ',
  K: 'カキクケコ', G: 'ガギグゲゴ', S: 'サシスセソ', Z: 'ザズゼゾヅ', J: 'ジヂ',
  T: 'タツテト', C: 'チ', D: 'ダデド', N: 'ナニヌネノン', H: 'ハヒヘホ', F: 'フ',
  B: 'バビブベボ', P: 'パピプペポ', M: 'マミムメモ', Y: 'ヤユヨ', R: 'ラリルレロ', W: 'ワ', V: 'ヴ',
};

const INITIAL_OF_KANA = new Map(Object.entries(KANA_OF_INITIAL).flatMap(([initial, kana]) => [...kana].map((k) => [k, initial] as const)));

function initialOf(part: string): string {
  const first = part.charAt(0);
  if (/^[A-Za-z]$/.test(first)) return first.toUpperCase();
  return INITIAL_OF_KANA.get(first) ?? '';
}

/** 'Y.T.' for 'ヤマダ タロウ'; '' when the kana is empty or a part does not start with kana. */
export function initialsOf(kana: string): string {
  const initials = kana.split(/[\s\u3000]+/).filter(Boolean).map(initialOf);
  return initials.length > 0 && initials.every((i) => i !== '') ? initials.map((i) => `${i}.`).join('') : '';
}
