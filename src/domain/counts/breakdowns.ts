// The year's new cases by 課題領域, 世帯の状態, 年代, 性別 and 圏域 (SPEC §9
// `breakdowns`). Only values of the lists are named: anything else a cell
// holds is counted under その他, so free text typed into a list column (a
// name, an address) can never reach the 集計 tab, its CSV or the JSON keys.
// 圏域 names only what 設定 lists: while the town has listed none, every
// 圏域 typed counts under その他 (and a blank one under 未入力).
import { AGE_BANDS, SEXES } from '../fields';
import { splitList } from '../normalize';
import type { RecordText } from '../record';
import type { Settings } from '../settings';

export type BreakdownKey = 'lifeAreas' | 'tags' | 'ageBand' | 'sex' | 'area';
export type Breakdowns = Record<BreakdownKey, Record<string, number>>;

export interface BreakdownDef {
  readonly key: BreakdownKey;
  /** The column's header, which heads its table on the tab. */
  readonly label: string;
  /** A case with several values counts under each, so the table does not add up to 新規相談. */
  readonly multiple: boolean;
}

export const BREAKDOWNS: readonly BreakdownDef[] = [
  { key: 'lifeAreas', label: '課題領域', multiple: true },
  { key: 'tags', label: '世帯の状態', multiple: true },
  { key: 'ageBand', label: '年代', multiple: false },
  { key: 'sex', label: '性別', multiple: false },
  { key: 'area', label: '圏域', multiple: false },
];

export const NOT_ENTERED = '未入力';
/** Where a value the list does not hold is counted (with a list's own その他, if it has one). */
export const NOT_LISTED = 'その他';

/** The values a breakdown names, in the order of their list. */
function allowedValues(key: BreakdownKey, settings: Settings): readonly string[] {
  switch (key) {
    case 'lifeAreas': return settings.lifeAreas;
    case 'tags': return settings.tags;
    case 'ageBand': return AGE_BANDS;
    case 'sex': return SEXES;
    case 'area': return settings.areas;
  }
}

/** Counts the cases (normalised records, received in the year) under every value of every breakdown. */
export function countBreakdowns(cases: readonly RecordText[], settings: Settings): Breakdowns {
  const result = {} as Breakdowns;
  for (const { key } of BREAKDOWNS) {
    const allowed = allowedValues(key, settings);
    // Every listed value has a line, 0 included, so a manager sees what did not occur.
    const counts = new Map<string, number>(allowed.map((v) => [v, 0]));
    const add = (name: string): void => { counts.set(name, (counts.get(name) ?? 0) + 1); };
    for (const text of cases) {
      // A case counts once under その他, however many unlisted values it has.
      const values = [...new Set(splitList(text[key] ?? '').map((value) => (allowed.includes(value) ? value : NOT_LISTED)))];
      if (values.length === 0) add(NOT_ENTERED);
      values.forEach(add);
    }
    // その他 (unless the list has its own) and 未入力 after the listed values, when they occur.
    const order = [...allowed, ...[NOT_LISTED, NOT_ENTERED].filter((name) => !allowed.includes(name) && counts.has(name))];
    result[key] = Object.fromEntries(order.map((name) => [name, counts.get(name)!]));
  }
  return result;
}
