// ケースID: fiscal year of 受付日, then one more than the largest sequence
// already used in that year, four digits (SPEC §3).
import { fiscalYearOf } from './normalize';

const CASE_ID = /^(\d{4})-(\d{4})$/;

export class CaseIdAllocator {
  private readonly largest = new Map<number, number>();

  constructor(existingIds: Iterable<string>) {
    for (const id of existingIds) {
      const m = CASE_ID.exec(id);
      if (!m) continue;
      const year = Number(m[1]);
      this.largest.set(year, Math.max(this.largest.get(year) ?? 0, Number(m[2])));
    }
  }

  /** The next free ID for a case received on `receivedOn` (ISO), or null past 9999 in a year. */
  next(receivedOn: string): string | null {
    const year = fiscalYearOf(receivedOn);
    const sequence = (this.largest.get(year) ?? 0) + 1;
    if (sequence > 9999) return null;
    this.largest.set(year, sequence);
    return `${year}-${String(sequence).padStart(4, '0')}`;
  }
}
