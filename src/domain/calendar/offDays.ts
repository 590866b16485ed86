// Whether a meeting day is a day the town hall is normally closed: a
// Saturday, a Sunday or a national holiday. Told, never refused: some towns
// do meet on a Saturday.
import { longDate } from './days';
import { holidayName } from './holidays';
import { weekdayOf } from '../normalize';

/** 「2026年11月3日（火）は祝日（文化の日）です。…」, or null on a working day. */
export function offDayNote(iso: string): string | null {
  const holiday = holidayName(iso);
  const weekday = weekdayOf(iso);
  const what = holiday ? `祝日（${holiday}）` : weekday === 0 ? '日曜日' : weekday === 6 ? '土曜日' : null;
  return what ? `${longDate(iso)}は${what}です。開催日に間違いがないか確かめてください。` : null;
}
