// List cells (課題領域, 関係機関 …): typed with many separators, stored with 、 (SPEC §3, §5).
import { cellText, type Cell } from '../cell';
import { normalizeText } from './text';

/**
 * Separators after normalizeText, which has already narrowed ，；／ and ､ to
 * , ; / and 、 and turned \r into \n.
 */
const SEPARATOR = /[、,;/\n]/;

export function splitList(value: Cell): string[] {
  const items = normalizeText(cellText(value)).split(SEPARATOR).map(normalizeText);
  return [...new Set(items.filter((item) => item !== ''))];
}

export function joinList(items: readonly string[]): string {
  return items.join('、');
}
