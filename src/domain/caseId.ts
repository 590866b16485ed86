// IDs the add-on assigns: fiscal year of the record's date, then one more
// than the largest sequence already used in that year.
// ケースID `2024-0001` (SPEC §3), `2024-10000` once a year passes 9999, so a
// case never goes without an ID; 記録ID `R2024-00001` for 支援記録; 会議ID
// `M2024-001` for 会議記録, by the fiscal year of 開催日.
import { fiscalYearOf } from './normalize';

interface IdFormat {
  readonly prefix: string;
  readonly digits: number;
  /** Whether the sequence may take one more digit once it passes the last `digits`-digit number. */
  readonly grows?: boolean;
}

export const CASE_ID_FORMAT: IdFormat = { prefix: '', digits: 4, grows: true };
export const RECORD_ID_FORMAT: IdFormat = { prefix: 'R', digits: 5 };
export const MEETING_ID_FORMAT: IdFormat = { prefix: 'M', digits: 3 };

export class IdAllocator {
  private readonly largest = new Map<number, number>();
  private readonly pattern: RegExp;

  constructor(private readonly format: IdFormat, existingIds: Iterable<string>) {
    const longer = format.grows ? `|[1-9]\\d{${format.digits}}` : '';
    this.pattern = new RegExp(`^${format.prefix}(\\d{4})-(\\d{${format.digits}}${longer})$`);
    for (const id of existingIds) {
      const m = this.pattern.exec(id);
      if (!m) continue;
      const year = Number(m[1]);
      this.largest.set(year, Math.max(this.largest.get(year) ?? 0, Number(m[2])));
    }
  }

  /** The next free ID for a record dated `on` (ISO), or null once a year's numbers run out. */
  next(on: string): string | null {
    const year = fiscalYearOf(on);
    const sequence = (this.largest.get(year) ?? 0) + 1;
    if (String(sequence).length > this.format.digits + (this.format.grows ? 1 : 0)) return null;
    this.largest.set(year, sequence);
    return `${this.format.prefix}${year}-${String(sequence).padStart(this.format.digits, '0')}`;
  }
}
