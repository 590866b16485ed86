// A typed date shown back the one way: YYYY-MM-DD with its 和暦 beside it.
import { parseDate, toWareki } from '../../src/domain/normalize';

export interface ShownDate {
  readonly iso: string;
  readonly wareki: string;
}

/** The date a text holds under SPEC §5, or null when blank or unreadable (left as typed). */
export function describeDate(text: string): ShownDate | null {
  if (text.trim() === '') return null;
  const iso = parseDate(text);
  return iso ? { iso, wareki: toWareki(iso) } : null;
}
