// Text cleanup of SPEC §5. NFKC is applied only where it narrows what staff type
// (full-width ASCII, half-width katakana): applied to the whole value it would
// also rewrite ①, ㈱, ㍻ and compatibility kanji in people's names.

/**
 * Full-width ASCII (U+FF01–U+FF5E), or a run of half-width katakana (U+FF61–U+FF9F)
 * together with the full-width kana just before it, so that a voiced mark typed
 * in half-width (カﾞ) still joins its kana.
 */
const NARROWABLE = /[\uFF01-\uFF5E]|[\u3041-\u3096\u30A1-\u30FA]?[\uFF61-\uFF9F]+/g;

/** Two or more of space, tab and ideographic space. */
const SPACE_RUN = /[ \t\u3000]{2,}/g;

function narrow(run: string): string {
  // A voiced mark with no kana to join stays visible as ゛/゜ rather than
  // becoming an invisible combining character.
  return run.normalize('NFKC').replace(/\u3099/g, '\u309B').replace(/\u309A/g, '\u309C');
}

function cleanLine(line: string): string {
  return line.replace(SPACE_RUN, (run) => run.charAt(0)).trim();
}

/**
 * Whether cleanup could change the text: something to narrow, a line break, a
 * run of spaces, or white space at either end. Most cells have none of these
 * and are returned as they are, without building new strings.
 */
const NEEDS_CLEANUP = /[\uFF01-\uFF5E\uFF61-\uFF9F\r\n]|[ \t\u3000]{2}|^\s|\s$/;

export function normalizeText(s: string): string {
  return NEEDS_CLEANUP.test(s) ? cleanText(s) : s;
}

/** The full cleanup; exported so a property test can hold normalizeText's shortcut to it. */
export function cleanText(s: string): string {
  return s
    .replace(NARROWABLE, narrow)
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map(cleanLine)
    .join('\n')
    .replace(/^\n+|\n+$/g, '');
}
