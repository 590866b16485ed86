// 本人氏名カナ is stored in full-width katakana (SPEC §3, §5).
import { normalizeText } from './text';

/** ぁ–ゖ and ゝゞ; their katakana sit exactly 0x60 code points higher. */
const HIRAGANA = /[\u3041-\u3096\u309D\u309E]/g;
const KATAKANA_OFFSET = 0x60;

export function normalizeKana(s: string): string {
  return normalizeText(s).replace(HIRAGANA, (c) => String.fromCharCode(c.charCodeAt(0) + KATAKANA_OFFSET));
}
