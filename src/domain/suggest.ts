// Finds the allowed value a mistyped one most likely meant, for the
// unknown_value message (「包括支援センター」→「地域包括支援センター」).

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    previous = current;
  }
  return previous[b.length]!;
}

/** The closest allowed value, or null when none is close enough to be a fair guess. */
export function closestValue(value: string, allowed: readonly string[]): string | null {
  const typed = value.replace(/\s/g, '');
  if (!typed) return null;
  let best: { value: string; score: number } | null = null;
  for (const candidate of allowed) {
    const plain = candidate.replace(/\s/g, '');
    // A value typed as part of the name (or the name as part of it) is the
    // usual slip: 「包括」 for 「地域包括支援センター」, 「男」 for 「男性」.
    const contained = plain.includes(typed) || typed.includes(plain);
    const limit = Math.max(1, Math.floor(Math.max(typed.length, plain.length) / 3));
    // The distance is at least the difference in length: skip the costly
    // comparison when that alone is too far (a long paste in a list column).
    if (!contained && Math.abs(typed.length - plain.length) > limit) continue;
    const score = contained ? Math.abs(plain.length - typed.length) / 100 : editDistance(typed, plain);
    if (!contained && score > limit) continue;
    if (!best || score < best.score) best = { value: candidate, score };
  }
  return best?.value ?? null;
}
