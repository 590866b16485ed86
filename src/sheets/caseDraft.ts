// The half-typed case form of one person, kept in that person's
// UserProperties (never in the spreadsheet, never visible to colleagues) so a
// closed sidebar loses nothing. It may hold personal data, so it is deleted as
// soon as the case is saved or the person discards it.
import { fitsOneProperty } from './propertyLimits';

const KEY = 'tsunagi.caseDraft';

export interface CaseDraft {
  /** When it was kept, as the sidebar showed the time (ISO). */
  readonly keptAt: string;
  /** The ケースID being edited; absent for a new case. */
  readonly editing?: string;
  readonly record: Readonly<Record<string, string>>;
  /** With `editing`: the form as it was loaded, so a restored edit still saves only the changes. */
  readonly loaded?: Readonly<Record<string, string>>;
}

const properties = (): GoogleAppsScript.Properties.Properties => PropertiesService.getUserProperties();

/**
 * Keeps the draft; false when one property cannot hold it, or the person's
 * store is full. Then no draft is kept at all: an older one would come back
 * in place of what the person typed since, and holds personal data.
 */
export function keepCaseDraft(draft: CaseDraft): boolean {
  const json = JSON.stringify(draft);
  if (fitsOneProperty(KEY, json)) {
    try {
      properties().setProperty(KEY, json);
      return true;
    } catch {
      // The store's 500 KB are used up by other properties: refused like a draft too long.
    }
  }
  clearCaseDraft();
  return false;
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
