// RangeList: several ranges of one sheet changed in one call, the way to
// colour or annotate scattered cells without writing the cells between them.
import { LABEL, SERVICE, type Emulated } from './bridge';
import { CELLS, type CellCount } from './calls';
import type { Range } from './range';

export class RangeList implements Emulated {
  readonly [SERVICE] = 'RangeList';

  constructor(readonly ranges: readonly Range[]) {}

  [LABEL](): string {
    return this.ranges.map((r) => r[LABEL]()).join(',');
  }

  [CELLS](method: string): CellCount {
    return this.ranges.reduce((sum, r) => {
      const { read, written } = r[CELLS](method);
      return { read: sum.read + read, written: sum.written + written };
    }, { read: 0, written: 0 });
  }

  getRanges(): Range[] {
    return [...this.ranges];
  }

  setBackground(color: string | null): RangeList {
    this.ranges.forEach((r) => r.setBackground(color));
    return this;
  }

  setNote(note: string | null): RangeList {
    this.ranges.forEach((r) => r.setNote(note));
    return this;
  }

  clearNote(): RangeList {
    this.ranges.forEach((r) => r.clearNote());
    return this;
  }
}
