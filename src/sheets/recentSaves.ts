// Saves remembered by their request ID, so a double click or a retried call
// writes once: the second request gets the first one's answer.
const KEY = 'tsunagi.recentSaves';
const KEEP = 50;

interface Remembered<T> {
  readonly requestId: string;
  readonly result: T;
}

function readAll<T>(properties: GoogleAppsScript.Properties.Properties): Remembered<T>[] {
  try {
    const parsed: unknown = JSON.parse(properties.getProperty(KEY) ?? '[]');
    return Array.isArray(parsed) ? (parsed as Remembered<T>[]) : [];
  } catch {
    return [];
  }
}

/** Runs `save` once per request ID; call it under the document lock. */
export function saveOnce<T>(requestId: string, save: () => T): T {
  const properties = PropertiesService.getDocumentProperties();
  const remembered = readAll<T>(properties);
  const earlier = remembered.find((r) => r.requestId === requestId);
  if (earlier) return earlier.result;
  const result = save();
  properties.setProperty(KEY, JSON.stringify([...remembered, { requestId, result }].slice(-KEEP)));
  return result;
}
