// Japan's national holidays, checked against the lists the Cabinet Office
// publishes (worked out here by hand from the law for each year below).
import { addDays, dateWithWareki, longDate, weekdayName } from '../../src/domain/calendar/days';
import { holidayName, holidaysOf } from '../../src/domain/calendar/holidays';
import { offDayNote } from '../../src/domain/calendar/offDays';

const list = (year: number): [string, string][] => [...holidaysOf(year)];

describe('holidaysOf', () => {
  it('2024: 21 days, five of them 振替休日', () => {
    expect(list(2024)).toEqual([
      ['2024-01-01', '元日'], ['2024-01-08', '成人の日'], ['2024-02-11', '建国記念の日'], ['2024-02-12', '振替休日'],
      ['2024-02-23', '天皇誕生日'], ['2024-03-20', '春分の日'], ['2024-04-29', '昭和の日'], ['2024-05-03', '憲法記念日'],
      ['2024-05-04', 'みどりの日'], ['2024-05-05', 'こどもの日'], ['2024-05-06', '振替休日'], ['2024-07-15', '海の日'],
      ['2024-08-11', '山の日'], ['2024-08-12', '振替休日'], ['2024-09-16', '敬老の日'], ['2024-09-22', '秋分の日'],
      ['2024-09-23', '振替休日'], ['2024-10-14', 'スポーツの日'], ['2024-11-03', '文化の日'], ['2024-11-04', '振替休日'],
      ['2024-11-23', '勤労感謝の日'],
    ]);
  });

  it('2025: みどりの日 on a Sunday moves past こどもの日 to 5/6', () => {
    expect(list(2025)).toEqual([
      ['2025-01-01', '元日'], ['2025-01-13', '成人の日'], ['2025-02-11', '建国記念の日'], ['2025-02-23', '天皇誕生日'],
      ['2025-02-24', '振替休日'], ['2025-03-20', '春分の日'], ['2025-04-29', '昭和の日'], ['2025-05-03', '憲法記念日'],
      ['2025-05-04', 'みどりの日'], ['2025-05-05', 'こどもの日'], ['2025-05-06', '振替休日'], ['2025-07-21', '海の日'],
      ['2025-08-11', '山の日'], ['2025-09-15', '敬老の日'], ['2025-09-23', '秋分の日'], ['2025-10-13', 'スポーツの日'],
      ['2025-11-03', '文化の日'], ['2025-11-23', '勤労感謝の日'], ['2025-11-24', '振替休日'],
    ]);
  });

  it('2026: a 国民の休日 between 敬老の日 and 秋分の日', () => {
    expect(list(2026)).toEqual([
      ['2026-01-01', '元日'], ['2026-01-12', '成人の日'], ['2026-02-11', '建国記念の日'], ['2026-02-23', '天皇誕生日'],
      ['2026-03-20', '春分の日'], ['2026-04-29', '昭和の日'], ['2026-05-03', '憲法記念日'], ['2026-05-04', 'みどりの日'],
      ['2026-05-05', 'こどもの日'], ['2026-05-06', '振替休日'], ['2026-07-20', '海の日'], ['2026-08-11', '山の日'],
      ['2026-09-21', '敬老の日'], ['2026-09-22', '国民の休日'], ['2026-09-23', '秋分の日'], ['2026-10-12', 'スポーツの日'],
      ['2026-11-03', '文化の日'], ['2026-11-23', '勤労感謝の日'],
    ]);
  });

  it('knows the one-off days of 2019 and the Olympic moves of 2020 and 2021', () => {
    const y2019 = holidaysOf(2019);
    expect(['2019-04-30', '2019-05-01', '2019-05-02', '2019-10-22'].map((d) => y2019.get(d)))
      .toEqual(['国民の休日', '天皇の即位の日', '国民の休日', '即位礼正殿の儀の行われる日']);
    expect(y2019.has('2019-12-23')).toBe(false); // no 天皇誕生日 in 2019
    expect(y2019.get('2019-10-14')).toBe('体育の日');
    expect([...holidaysOf(2020)].filter(([d]) => d >= '2020-07-01' && d <= '2020-10-31'))
      .toEqual([['2020-07-23', '海の日'], ['2020-07-24', 'スポーツの日'], ['2020-08-10', '山の日'], ['2020-09-21', '敬老の日'], ['2020-09-22', '秋分の日']]);
    expect([...holidaysOf(2021)].filter(([d]) => d >= '2021-07-01' && d <= '2021-10-31'))
      .toEqual([['2021-07-22', '海の日'], ['2021-07-23', 'スポーツの日'], ['2021-08-08', '山の日'], ['2021-08-09', '振替休日'],
        ['2021-09-20', '敬老の日'], ['2021-09-23', '秋分の日']]);
  });

  it('follows the law of each year: みどりの日 on 4/29 and 5/4 a 国民の休日 before 2007, fixed days before Happy Monday', () => {
    expect(holidayName('2006-04-29')).toBe('みどりの日');
    expect(holidayName('2006-05-04')).toBe('国民の休日');
    expect(holidayName('2007-04-29')).toBe('昭和の日');
    expect(holidayName('2002-07-20')).toBe('海の日');
    expect(holidayName('2002-09-15')).toBe('敬老の日');
    expect(holidayName('2003-07-21')).toBe('海の日');
    expect(holidayName('2015-08-11')).toBeNull(); // 山の日 from 2016
    expect(holidayName('2016-08-11')).toBe('山の日');
    expect(holidayName('2018-12-24')).toBe('振替休日'); // 天皇誕生日 on a Sunday
    expect(holidayName('2009-09-22')).toBe('国民の休日');
    expect(holidayName('2032-09-21')).toBe('国民の休日');
    expect(holidayName('2099-03-20')).toBe('春分の日');
  });

  it('knows nothing outside 2000–2099', () => {
    expect(holidaysOf(1999).size).toBe(0);
    expect(holidaysOf(2100).size).toBe(0);
    expect(holidayName('2100-01-01')).toBeNull();
  });

  it('has 15 to 22 days in every year it knows, and never puts a 振替休日 or 国民の休日 on a Sunday', () => {
    for (let year = 2000; year <= 2099; year++) {
      const days = holidaysOf(year);
      expect(days.size).toBeGreaterThanOrEqual(15);
      expect(days.size).toBeLessThanOrEqual(22);
      for (const [iso, name] of days) {
        if (name === '振替休日' || name === '国民の休日') expect(weekdayName(iso)).not.toBe('日');
      }
    }
  });
});

describe('calendar days', () => {
  it('moves by days across months and years, and writes a day the Japanese way', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(longDate('2026-12-08')).toBe('2026年12月8日（火）');
    expect(dateWithWareki('2019-05-01')).toBe('2019年5月1日（水）・令和元年5月1日');
  });
});

describe('offDayNote', () => {
  it('tells a Saturday, a Sunday and a holiday; says nothing on a working day', () => {
    expect(offDayNote('2026-12-12')).toBe('2026年12月12日（土）は土曜日です。開催日に間違いがないか確かめてください。');
    expect(offDayNote('2026-12-13')).toContain('は日曜日です。');
    expect(offDayNote('2026-11-03')).toBe('2026年11月3日（火）は祝日（文化の日）です。開催日に間違いがないか確かめてください。');
    expect(offDayNote('2026-09-22')).toContain('祝日（国民の休日）');
    expect(offDayNote('2026-12-08')).toBeNull();
  });
});
