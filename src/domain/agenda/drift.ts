// Whether a 次第 tab written earlier still says what the agenda would say now
// (SPEC §8): after a meeting outcome or an edit on 共通シート, cases may have
// joined or left the meeting, or changed kind, and a printed agenda must not
// go round with the old list. The tab is compared with the layout the agenda
// would be written as, cell by cell; the cases are named by ケースID only.
import type { AgendaLayout } from './render';
import { AGENDA_COLUMNS } from './render';
import { ITEM_KINDS, type ItemKind } from './types';

export interface AgendaDrift {
  /** On the agenda now, not on the tab. */
  readonly added: readonly string[];
  /** On the tab, no longer on the agenda. */
  readonly removed: readonly string[];
  readonly kindChanged: readonly { readonly caseId: string; readonly was: string; readonly now: ItemKind }[];
  /** Anything else differs (times, place, 概要, participants…). */
  readonly otherText: boolean;
}

/** 議題 of an item row: 「3. モニタリング」 then the ケースID on the next line. */
const ITEM_TOPIC = new RegExp(`^\\d+\\. (${ITEM_KINDS.join('|')})\\n([^\\n]+)`);

function itemsOf(rows: readonly (readonly string[])[]): Map<string, string> {
  const items = new Map<string, string>();
  for (const row of rows) {
    const match = ITEM_TOPIC.exec(row[1] ?? '');
    if (match) items.set(match[2]!.trim(), match[1]!);
  }
  return items;
}

const rowKey = (cells: readonly string[]): string =>
  JSON.stringify(AGENDA_COLUMNS.map((_, c) => (cells[c] ?? '').trim()));

/** How the tab's text differs from the layout, or null when it says the same. */
export function agendaDrift(tab: readonly (readonly string[])[], layout: AgendaLayout): AgendaDrift | null {
  const was = itemsOf(tab);
  const now = itemsOf(layout.rows.map((r) => r.cells));
  const added = [...now.keys()].filter((id) => !was.has(id));
  const removed = [...was.keys()].filter((id) => !now.has(id));
  const kindChanged = [...now].filter(([id, kind]) => was.has(id) && was.get(id) !== kind)
    .map(([caseId, kind]) => ({ caseId, was: was.get(caseId)!, now: kind as ItemKind }));
  const tabRows = tab.map(rowKey).filter((key) => key !== rowKey([]));
  const layoutRows = layout.rows.map((r) => rowKey(r.cells));
  const otherText = tabRows.length !== layoutRows.length || tabRows.some((key, i) => key !== layoutRows[i]);
  if (!added.length && !removed.length && !kindChanged.length && !otherText) return null;
  return { added, removed, kindChanged, otherText };
}
