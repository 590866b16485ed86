// The words of the 会議次第 view.
import type { MeetingSummary, PreviewItem } from '../../src/app/agenda/types';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';
import { driftLines, itemLabel, meetingDate, meetingLabel, meetingTypeLabel, startTime, upcomingLabel } from '../../sidebar/agenda/agendaText';

describe('agenda view text', () => {
  it('names meeting types with their consent rule', () => {
    expect(DEFAULT_SETTINGS.meetingTypes.map(meetingTypeLabel)).toEqual(['支援会議', '重層的支援会議（本人同意が必要）', '重層的相談支援連絡会議']);
  });

  it('reads a meeting date typed any way staff type dates, with its 和暦 and an off-day warning', () => {
    expect(meetingDate('R8.12.8')).toEqual({ iso: '2026-12-08', wareki: '令和8年12月8日', offDay: null });
    expect(meetingDate('２０２６／１１／３')).toEqual({ iso: '2026-11-03', wareki: '令和8年11月3日', offDay: '2026年11月3日（火）は祝日（文化の日）です。開催日に間違いがないか確かめてください。' });
    expect(meetingDate('2026/12/12')?.offDay).toContain('土曜日');
    expect(meetingDate('12月8日')).toBeNull();
    expect(meetingDate('')).toBeNull();
  });

  it('reads a start time, padded; blank means the meeting type\'s own', () => {
    expect(startTime('9:30')).toBe('09:30');
    expect(startTime('１４：００')).toBe('14:00');
    expect(startTime('')).toBe('');
    expect(startTime('24:00')).toBeNull();
    expect(startTime('2pm')).toBeNull();
  });

  it('labels meetings, waiting dates and items without any name', () => {
    const meeting = { dateText: '2026年12月8日（火）・令和8年12月8日', meetingType: '支援会議', status: '予定', caseIds: ['2026-0001', '2026-0002'] } as unknown as MeetingSummary;
    expect(meetingLabel(meeting)).toBe('2026年12月8日（火）・令和8年12月8日 支援会議（予定・2件）');
    expect(upcomingLabel({ meetingType: '支援会議', date: '2026-12-08', dateText: '2026年12月8日（火）・令和8年12月8日', cases: 7 })).toBe('12/8（火）7件');
    const item: PreviewItem = { order: 1, caseId: '2026-0001', kind: '新規検討', start: '14:05', end: '14:25', minutes: 20, ageBand: '40代', sex: '女性', referrerAgency: '税務課', selectedBy: 'scheduled' };
    expect(itemLabel(item)).toBe('14:05〜14:25 新規検討 2026-0001（40代・女性・税務課）');
    expect(itemLabel({ ...item, ageBand: '', sex: '', referrerAgency: '' })).toBe('14:05〜14:25 新規検討 2026-0001');
  });

  it('says what changed since the 次第 tab was written, by ケースID only', () => {
    expect(driftLines({ added: ['2026-0003'], removed: ['2026-0002'], kindChanged: [{ caseId: '2026-0001', was: '新規検討', now: 'モニタリング' }], otherText: true }))
      .toEqual(['新しく載るケース：2026-0003', '外れるケース：2026-0002', '議題が変わるケース：2026-0001（新規検討 → モニタリング）']);
    expect(driftLines({ added: [], removed: [], kindChanged: [], otherText: true })).toEqual(['時間・場所・概要などの記載が変わっています。']);
  });
});
