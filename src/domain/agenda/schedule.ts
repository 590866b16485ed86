// The times of an agenda (SPEC §8): 開会 at the start time for its minutes,
// then each item for its kind's minutes, then 閉会, all from the meeting
// type's row in 設定.
import type { MeetingType } from '../settings';
import type { ItemKind, Slot } from './types';

/** Minutes after midnight of HH:MM. */
export function minutesOf(time: string): number {
  const m = /^(\d{2}):(\d{2})$/.exec(time);
  if (!m) throw new RangeError(`not an HH:MM time: ${time}`);
  return Number(m[1]) * 60 + Number(m[2]);
}

/** HH:MM; a meeting running past midnight reads 24:10 rather than wrapping to 00:10. */
export function timeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function minutesForKind(kind: ItemKind, meeting: MeetingType): number {
  switch (kind) {
    case '新規検討': return meeting.minutes.newCase;
    case 'モニタリング': return meeting.minutes.monitoring;
    case '終結評価': return meeting.minutes.closing;
  }
}

export interface Schedule {
  readonly opening: Slot;
  readonly items: readonly Slot[];
  readonly closing: Slot;
}

export function schedule(kinds: readonly ItemKind[], meeting: MeetingType, start: string): Schedule {
  let at = minutesOf(start);
  const slot = (minutes: number): Slot => {
    const from = at;
    at += minutes;
    return { start: timeOf(from), end: timeOf(at), minutes };
  };
  const opening = slot(meeting.minutes.opening);
  const items = kinds.map((kind) => slot(minutesForKind(kind, meeting)));
  return { opening, items, closing: slot(meeting.minutes.closingRemarks) };
}
