// PropertiesService's limits, one place for the add-on (what it sizes before
// keeping something) and the local runtime (what it refuses). The quotas page
// (https://developers.google.com/apps-script/guides/services/quotas) gives
// "Properties value size: 9 KB / val" and "Properties total storage:
// 500 KB / property store"; measured, the key counts too and a value of a
// little over 8 KB is already refused, so the stricter reading is taken
// (SPEC §13): key + value at most 8,000 UTF-8 bytes.
export const PROPERTY_MAX_BYTES = 8000;
export const PROPERTY_STORE_MAX_BYTES = 500_000;

/** UTF-8 bytes, as Apps Script measures a property. */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    bytes += code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Whether one property can hold `value` under `key`. */
export const fitsOneProperty = (key: string, value: string): boolean => utf8Bytes(key) + utf8Bytes(value) <= PROPERTY_MAX_BYTES;
