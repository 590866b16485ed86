// The half-typed case form of one person, kept in that person's
// UserProperties (never in the spreadsheet, never visible to colleagues) so a
// closed sidebar loses nothing. It may hold personal data, so it is deleted as
// soon as the case is saved or the person discards it.
const KEY = 'tsunagi.caseDraft';
/** PropertiesService allows 9 KB per value. */
export const MAX_DRAFT_BYTES = 9 * 1024;

export interface CaseDraft {
  /** When it was kept, as the sidebar showed the time (ISO). */
  readonly keptAt: string;
  /** The ケースID being edited; absent for a new case. */
  readonly editing?: string;
  readonly record: Readonly<Record<string, string>>;
  /** With `editing`: the form as it was loaded, so a restored edit still saves only the changes. */
  readonly loaded?: Readonly<Record<string, string>>;
}

function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

const properties = (): GoogleAppsScript.Properties.Properties => PropertiesService.getUserProperties();

/** Keeps the draft; false when it is too large for one property (nothing is kept then). */
export function keepCaseDraft(draft: CaseDraft): boolean {
  const json = JSON.stringify(draft);
  if (utf8Bytes(KEY) + utf8Bytes(json) > MAX_DRAFT_BYTES) return false;
  properties().setProperty(KEY, json);
  return true;
}

export function readCaseDraft(): CaseDraft | null {
  const json = properties().getProperty(KEY);
  if (!json) return null;
  try {
    const draft = JSON.parse(json) as CaseDraft;
    return typeof draft === 'object' && draft !== null && typeof draft.record === 'object' ? draft : null;
  } catch {
    return null;
  }
}

export function clearCaseDraft(): void {
  properties().deleteProperty(KEY);
}
