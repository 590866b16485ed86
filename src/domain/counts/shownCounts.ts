// 少数秘匿 on the 集計 tab (SPEC §9): what a manager may see of a count. Every
// count on the tab is marked by the one suppression of tabFigures.ts, so a
// hidden count cannot be worked out from anything else the tab shows.
import { SECONDARY_MARK } from './suppression';

export type ShownCell = string | number;

/** Whether a shown cell hides its count. */
export const isHidden = (cell: ShownCell): boolean => typeof cell === 'string' && (cell.startsWith('<') || cell === SECONDARY_MARK);
