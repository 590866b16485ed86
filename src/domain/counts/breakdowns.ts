// The year's new cases by 課題領域, 世帯の状態, 年代, 性別 and 圏域 (SPEC §9
// `breakdowns`). Only values of the allowed lists are named: anything else a
// cell holds is counted as 設定外の値, so free text typed into a list column
// (a name, a remark) can never reach the 集計 tab.
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
export const NOT_LISTED = '設定外の値';

/** The values a breakdown names, in the order of their list; null when any value is accepted (圏域 not yet listed). */
function allowedValues(key: BreakdownKey, settings: Settings): readonly string[] | null {
  switch (key) {
    case 'lifeAreas': return settings.lifeAreas;
    case 'tags': return settings.tags;
    case 'ageBand': return AGE_BANDS;
    case 'sex': return SEXES;
    case 'area': return settings.areas.length ? settings.areas : null;
  }
}

/** Counts the cases (normalised records, received in the year) under every value of every breakdown. */
export function countBreakdowns(cases: readonly RecordText[], settings: Settings): Breakdowns {
  const result = {} as Breakdowns;
  for (const { key } of BREAKDOWNS) {
    const allowed = allowedValues(key, settings);
    // Every listed value has a line, 0 included, so a manager sees what did not occur.
    const counts: Record<string, number> = Object.fromEntries((allowed ?? []).map((v) => [v, 0]));
    const extra = new Map<string, number>();
    for (const text of cases) {
      const values = [...new Set(splitList(text[key] ?? ''))];
      if (values.length === 0) extra.set(NOT_ENTERED, (extra.get(NOT_ENTERED) ?? 0) + 1);
      for (const value of values) {
        const name = allowed === null || allowed.includes(value) ? value : NOT_LISTED;
        if (name in counts) counts[name]! += 1;
        else extra.set(name, (extra.get(name) ?? 0) + 1);
      }
    }
    // Values seen outside a list (圏域 as typed), then 設定外の値 and 未入力 last.
    const last = [NOT_LISTED, NOT_ENTERED];
    const order = [...extra.keys()].sort((a, b) => last.indexOf(a) - last.indexOf(b) || (last.includes(a) ? 0 : a.localeCompare(b, 'ja')));
    for (const name of order) counts[name] = extra.get(name)!;
    result[key] = counts;
  }
  return result;
}
