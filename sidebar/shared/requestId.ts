// The id sent with each save attempt, so the server saves a retried attempt once.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const LENGTH = 22;

function randomBytes(count: number): Uint8Array {
  const bytes = new Uint8Array(count);
  if (typeof crypto !== 'undefined' && typeof crypto.getRandomValues === 'function') return crypto.getRandomValues(bytes);
  for (let i = 0; i < count; i++) bytes[i] = Math.floor(Math.random() * 256);
  return bytes;
}

/** 22 characters of [A-Za-z0-9_-] (132 random bits), as the server's requestId pattern asks. */
export function newRequestId(random: (count: number) => Uint8Array = randomBytes): string {
  // 64 symbols: the low 6 bits of a byte pick one without bias.
  return Array.from(random(LENGTH), (byte) => ALPHABET.charAt(byte & 63)).join('');
}
