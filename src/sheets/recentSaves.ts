// Saves remembered by their request ID, so a double click or a retried call
// writes once: the second request gets the first one's answer. The memo is one
// document property, which holds at most PROPERTY_MAX_BYTES with its key
// (propertyLimits.ts), so it holds only successful saves, each trimmed
// of its warnings when long, and forgets the oldest beyond MAX_BYTES. A retry
// comes within seconds, long before its entry is forgotten.
import { utf8Bytes } from './propertyLimits';

const KEY = 'tsunagi.recentSaves';
export const MAX_BYTES = 6000;
const MAX_ENTRY_BYTES = 600;

/** A save's answer; `saved: false` is a refusal, and no `saved` at all means it went through. */
interface Result {
  readonly saved?: boolean;
  readonly warnings?: readonly unknown[];
}

interface Remembered<T> {
  readonly requestId: string;
  readonly result: T;
}

function readAll<T>(properties: PropertyStore): Remembered<T>[] {
  try {
    const parsed: unknown = JSON.parse(properties.getProperty(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Remembered<T>[]) : [];
  } catch {
    return [];
  }
}

/** The newest entries whose JSON fits in MAX_BYTES; an entry too long loses its warnings. */
function bounded<T extends object>(entries: readonly Remembered<T>[]): Remembered<T>[] {
  const kept: Remembered<T>[] = [];
  let bytes = 2;
  for (const entry of [...entries].reverse()) {
    const short = utf8Bytes(JSON.stringify(entry)) <= MAX_ENTRY_BYTES ? entry : { ...entry, result: { ...entry.result, warnings: [] } };
    const size = utf8Bytes(JSON.stringify(short)) + 1;
    if (size > MAX_BYTES / 2) continue; // an answer this long is not remembered, rather than crowd out the others
    if (bytes + size > MAX_BYTES) break;
    kept.unshift(short);
    bytes += size;
  }
  return kept;
}

/** What a save reads and writes of the document properties: Apps Script's Properties, or a Buffered one. */
export interface PropertyStore {
  getProperty(key: string): string | null;
  setProperty(key: string, value: string): unknown;
}

/**
 * The document properties as one getProperties read them, changes kept until
 * one setProperties: each property read or written is a service call, and a
 * save touches three (its memo, 変更履歴's row count, the last 記録ID).
 */
class BufferedProperties implements PropertyStore {
  readonly changed: Record<string, string> = {};

  constructor(private readonly stored: Readonly<Record<string, string>>) {}

  getProperty(key: string): string | null {
    return this.changed[key] ?? this.stored[key] ?? null;
  }

  setProperty(key: string, value: string): this {
    this.changed[key] = value;
    return this;
  }
}

/**
 * Runs `save` once per request ID, handing it the document properties, which
 * are read once and written once after it; call it under the document lock.
 */
export function saveOnce<T extends object>(requestId: string, save: (properties: PropertyStore) => T): T {
  const document = PropertiesService.getDocumentProperties();
  const properties = new BufferedProperties(document.getProperties());
  const remembered = readAll<T>(properties);
  const earlier = remembered.find((r) => r.requestId === requestId);
  if (earlier) return earlier.result;
  const result = save(properties);
  // A refusal wrote nothing: asking again gives the same refusal, so only saves are remembered.
  if ((result as Result).saved === false) return result;
  properties.setProperty(KEY, JSON.stringify(bounded([...remembered, { requestId, result }])));
  try {
    document.setProperties(properties.changed);
  } catch {
    // The rows are written; losing the memo only loses the guard against a retry, never the save.
  }
  return result;
}
