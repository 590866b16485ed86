// 少数秘匿 on the 集計 tab (SPEC §9): what a manager may see of a count.
// Every count on the tab goes through suppressGroup, grouped as it adds up,
// so one place decides what is hidden.
export type ShownCell = string | number;

/** The number a manager may see: 1 … k-1 become 「<k」. */
export function shownCount(value: number, threshold: number): ShownCell {
  return threshold > 1 && value >= 1 && value < threshold ? `<${threshold}` : value;
}

/** Whether a shown cell hides its count. */
export const isHidden = (cell: ShownCell): boolean => typeof cell === 'string' && cell.startsWith('<');

export interface CountGroup {
  /** Counts shown side by side. */
  readonly parts: readonly number[];
  /** Their total when the parts add up to it (each case under one value); null when they do not. */
  readonly total: number | null;
}

/** A group of counts as the tab shows it. */
export function suppressGroup(group: CountGroup, threshold: number): { parts: ShownCell[]; total: ShownCell | null } {
  return {
    parts: group.parts.map((v) => shownCount(v, threshold)),
    total: group.total === null ? null : shownCount(group.total, threshold),
  };
}
