// How fast cases move (SPEC §9 `durations`): whole days from 受付日 to
// 同意取得日, プラン作成日 and 終結日, for the events that fall in the year,
// as their number and median.

export type DurationKey = 'receivedToConsent' | 'receivedToPlan' | 'receivedToClosed';

export interface DurationDef {
  readonly key: DurationKey;
  /** The case field whose date ends the span. */
  readonly field: 'consentOn' | 'planOn' | 'closedOn';
  /** 「受付→同意」 on the tab. */
  readonly label: string;
  /** What the cases counted did in the year, for the sentence: 「本人同意を得た」. */
  readonly event: string;
  /** 「同意まで」. */
  readonly until: string;
}

export const DURATIONS: readonly DurationDef[] = [
  { key: 'receivedToConsent', field: 'consentOn', label: '受付→同意', event: '本人同意を得た', until: '同意まで' },
  { key: 'receivedToPlan', field: 'planOn', label: '受付→プラン作成', event: 'プランを作成した', until: 'プラン作成まで' },
  { key: 'receivedToClosed', field: 'closedOn', label: '受付→終結', event: '終結・つなぎもどし・中断した', until: '終結まで' },
];

export interface Duration {
  readonly n: number;
  /** Median whole days; null when n = 0. */
  readonly median: number | null;
}

export type Durations = Record<DurationKey, Duration>;

/**
 * The median of whole days. With an even number of spans it is the mean of the
 * two middle ones, rounded half up, so it stays a whole number of days.
 */
export function medianDays(days: readonly number[]): Duration {
  const sorted = [...days].sort((a, b) => a - b);
  const n = sorted.length;
  if (n === 0) return { n, median: null };
  const middle = Math.floor(n / 2);
  const median = n % 2 === 1 ? sorted[middle]! : Math.round((sorted[middle - 1]! + sorted[middle]!) / 2);
  return { n, median };
}
