// 少数秘匿 on the 集計 tab (SPEC §9): what a manager may see of a count.
// Every count on the tab goes through suppressGroup (or, for the main table,
// suppressCounts of suppression.ts), grouped as it adds up, so a hidden count
// cannot be worked out from the total.
import { rowSumEquations, SECONDARY_MARK, shownMarkedCount, suppressCounts } from './suppression';
export type ShownCell = string | number;

/** The number a manager may see: 1 … k-1 become 「<k」. */
export function shownCount(value: number, threshold: number): ShownCell {
  return threshold > 1 && value >= 1 && value < threshold ? `<${threshold}` : value;
}

/** Whether a shown cell hides its count. */
export const isHidden = (cell: ShownCell): boolean => typeof cell === 'string' && (cell.startsWith('<') || cell === SECONDARY_MARK);

export interface CountGroup {
  /** Counts shown side by side. */
  readonly parts: readonly number[];
  /** Their total when the parts add up to it (each case under one value); null when they do not. */
  readonly total: number | null;
}

/** A group of counts as the tab shows it. */
export function suppressGroup(group: CountGroup, threshold: number): { parts: ShownCell[]; total: ShownCell | null } {
  const values = [[...group.parts, group.total ?? 0]];
  const parts = group.parts.map((_, i) => i);
  const equations = group.total === null ? [] : rowSumEquations([0], parts, group.parts.length);
  const marks = suppressCounts({ values, equations }, threshold)[0]!;
  return {
    parts: group.parts.map((v, i) => shownMarkedCount(v, marks[i]!, threshold)),
    total: group.total === null ? null : shownMarkedCount(group.total, marks[group.parts.length]!, threshold),
  };
}
