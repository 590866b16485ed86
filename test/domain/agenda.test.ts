// The agenda engine (SPEC §8) on plain records: selection, the consent gate,
// kinds, order, times from 設定, what items show, participants, the header
// and the confidentiality line. Expected values are worked out by hand.
import { buildAgenda, findMeetingType, participantsOf } from '../../src/domain/agenda/build';
import { agendaPrintHtml } from '../../src/domain/agenda/printView';
import { agendaJson, layoutAgenda, NEUTRAL_LINE } from '../../src/domain/agenda/render';
import type { AgendaRequest, CaseRow } from '../../src/domain/agenda/types';
import { CASE_FIELDS } from '../../src/domain/fields';
import { DEFAULT_SETTINGS, readSettings, settingsToTable, type Settings } from '../../src/domain/settings';

const DATE = '2026-12-08';

let nextRow = 2;
/** A 共通シート record as normalised text; every field blank unless given. */
function kase(fields: Record<string, string>): CaseRow {
  const text = Object.fromEntries(CASE_FIELDS.map((f) => [f.key, '']));
  return {
    row: nextRow++,
    text: {
      ...text, receivedOn: '2026-04-01', referrerAgency: '地域包括支援センター', personName: '試験 太郎', personKana: 'シケン タロウ',
      birthDate: '1950-01-01', ageBand: '70代', sex: '男性', lifeAreas: '介護', summary: '相談', consent: 'あり',
      nextMeetingType: '支援会議', nextMeetingOn: DATE, ...fields,
    },
  };
}

const request = (meetingType: string, extra: Partial<AgendaRequest> = {}): AgendaRequest => ({ meetingType, date: DATE, includeDue: false, ...extra });

/** A mixed set for 支援会議 on 2026-12-08: three new, two monitoring, one closing, and cases it must not take. */
function mixedCases(): CaseRow[] {
  return [
    kase({ caseId: '2025-0003', status: '支援中', receivedOn: '2025-05-01' }),
    kase({ caseId: '2026-0010', status: '受付', receivedOn: '2026-10-01' }),
    kase({ caseId: '2026-0002', status: 'アセスメント中', receivedOn: '2026-04-10' }),
    kase({ caseId: '2025-0010', status: '終結検討', receivedOn: '2025-06-01' }),
    kase({ caseId: '2025-0001', status: '支援中', receivedOn: '2025-05-01' }),
    kase({ caseId: '2026-0001', status: 'プラン作成中', receivedOn: '2026-04-10' }),
    kase({ caseId: '2025-0020', status: '終結', receivedOn: '2025-04-20', closedOn: '2026-11-30', closingNote: '目標達成' }),
    kase({ caseId: '2026-0020', status: '支援中', nextMeetingOn: '2027-01-12' }),
    kase({ caseId: '2026-0021', status: '支援中', nextMeetingType: '重層的支援会議' }),
    kase({ caseId: '2025-0030', status: '支援中', receivedOn: '2025-09-01', nextMeetingOn: '', nextMonitoringOn: '2026-12-01' }),
    kase({ caseId: '2025-0031', status: '支援中', receivedOn: '2025-09-02', nextMeetingOn: '', nextMonitoringOn: '2026-12-20' }),
  ];
}

describe('selection, kinds, order and times', () => {
  it('puts 新規検討, then モニタリング, then 終結評価, each by 受付日 then ケースID, with times from 設定', () => {
    const agenda = buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: mixedCases() });
    expect(agenda.items.map((i) => [i.order, i.caseId, i.kind, i.start, i.end, i.minutes])).toEqual([
      [1, '2026-0001', '新規検討', '14:05', '14:25', 20],
      [2, '2026-0002', '新規検討', '14:25', '14:45', 20],
      [3, '2026-0010', '新規検討', '14:45', '15:05', 20],
      [4, '2025-0001', 'モニタリング', '15:05', '15:15', 10],
      [5, '2025-0003', 'モニタリング', '15:15', '15:25', 10],
      [6, '2025-0010', '終結評価', '15:25', '15:35', 10],
    ]);
    expect(agenda.opening).toEqual({ start: '14:00', end: '14:05', minutes: 5 });
    expect(agenda.closing).toEqual({ start: '15:35', end: '15:40', minutes: 5 });
    expect(agenda.meeting).toMatchObject({ type: '支援会議', date: DATE, start: '14:00', end: '15:40', consentRequired: false });
    expect(agenda.sheet).toBe('次第_2026-12-08_支援会議');
    expect(agenda.items.map((i) => i.decide)).toEqual([
      '支援方針・役割分担', '支援方針・役割分担', '支援方針・役割分担', '進捗確認・プラン見直し', '進捗確認・プラン見直し', '終結・つなぎもどしの判断',
    ]);
  });

  it('reports a closed case that still names the meeting, and leaves other dates and types alone', () => {
    const agenda = buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: mixedCases() });
    expect(agenda.excluded.map((e) => [e.caseId, e.code])).toEqual([['2025-0020', 'case_closed']]);
    const all = agenda.items.map((i) => i.caseId);
    expect(all).not.toContain('2026-0020');
    expect(all).not.toContain('2026-0021');
    expect(all).not.toContain('2025-0030');
  });

  it('with "include due", also takes cases of the type with no date whose monitoring has come by the meeting', () => {
    const agenda = buildAgenda({ request: request('支援会議', { includeDue: true }), settings: DEFAULT_SETTINGS, cases: mixedCases() });
    expect(agenda.items.slice(3).map((i) => [i.caseId, i.kind, i.start, i.selectedBy])).toEqual([
      ['2025-0001', 'モニタリング', '15:05', 'scheduled'],
      ['2025-0003', 'モニタリング', '15:15', 'scheduled'],
      ['2025-0030', 'モニタリング', '15:25', 'monitoringDue'],
      ['2025-0010', '終結評価', '15:35', 'scheduled'],
    ]);
    expect(agenda.meeting.end).toBe('15:50');
    expect(agenda.items.map((i) => i.caseId)).not.toContain('2025-0031');
  });

  it('starts at the time asked for, and says when a meeting would run past midnight', () => {
    const agenda = buildAgenda({ request: request('支援会議', { start: '23:30' }), settings: DEFAULT_SETTINGS, cases: mixedCases() });
    expect(agenda.items[0]!.start).toBe('23:35');
    expect(agenda.meeting.end).toBe('25:10');
    expect(agenda.notes.join()).toContain('終了予定が25:10になり、日付をまたぎます。');
  });

  it('reports cases it cannot place: no ケースID, an unknown 状態, an unreadable 次回会議予定日', () => {
    const agenda = buildAgenda({
      request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: [
        kase({ caseId: '', status: '受付' }),
        kase({ caseId: '2026-0100', status: '' }),
        kase({ caseId: '2026-0101', status: '受付', nextMeetingOn: '令和8年12月32日' }),
      ],
    });
    expect(agenda.items).toEqual([]);
    expect(agenda.excluded.map((e) => e.code)).toEqual(['case_id_missing', 'status_unknown', 'invalid_date']);
    expect(agenda.excluded[2]!.message).toContain('「令和8年12月32日」が日付として読めない');
    expect(agenda.notes.join()).toContain('載せるケースがありません');
  });
});

describe('the consent gate', () => {
  const cases = (): CaseRow[] => [
    kase({ caseId: '2026-0001', status: '受付', consent: 'あり', nextMeetingType: '重層的支援会議' }),
    kase({ caseId: '2026-0002', status: '受付', consent: '確認中', nextMeetingType: '重層的支援会議' }),
    kase({ caseId: '2026-0003', status: '支援中', consent: 'なし', nextMeetingType: '重層的支援会議' }),
    kase({ caseId: '2026-0004', status: '受付', consent: 'なし' }),
    kase({ caseId: '2026-0005', status: '受付', consent: '' }),
  ];

  it('leaves out of 重層的支援会議 every case whose 本人同意 is not あり, and says to take it to 支援会議', () => {
    const agenda = buildAgenda({ request: request('重層的支援会議'), settings: DEFAULT_SETTINGS, cases: cases() });
    expect(agenda.items.map((i) => i.caseId)).toEqual(['2026-0001']);
    expect(agenda.excluded).toEqual([
      { caseId: '2026-0002', row: expect.any(Number), code: 'consent_required_for_meeting', message: '本人同意が「確認中」のため、本人同意が必要な「重層的支援会議」には載せません。同意を得るか、「支援会議」で検討してください。' },
      { caseId: '2026-0003', row: expect.any(Number), code: 'consent_required_for_meeting', message: expect.stringContaining('本人同意が「なし」のため') },
    ]);
  });

  it('does not ask for consent at 支援会議 (法106条の6)', () => {
    const agenda = buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: cases() });
    expect(agenda.items.map((i) => [i.caseId, i.consent])).toEqual([['2026-0004', 'なし'], ['2026-0005', '']]);
    expect(agenda.excluded).toEqual([]);
  });
});

describe('a town that renamed its meetings', () => {
  /** 設定 as the town typed it: まるごと会議 needs consent and runs 15-minute monitoring from 13:30. */
  function townSettings(): Settings {
    const table = settingsToTable(DEFAULT_SETTINGS);
    const column = (name: string): number => table.header.indexOf(name);
    const rows = table.rows.map((r) => [...r]);
    const meetingColumns = ['会議種別', '本人同意', '根拠', '開始時刻', '新規検討（分）', 'モニタリング（分）', '終結評価（分）', '開会（分）', '閉会（分）'];
    const town = [
      ['まるごと会議', '必要', '', '13:30', '25', '15', '10', '10', '5'],
      ['ないしょ会議', '不要', '社会福祉法第106条の6', '10:00', '', '', '', '', ''],
    ];
    rows.forEach((row, r) => meetingColumns.forEach((name, i) => { row[column(name)] = town[r]?.[i] ?? ''; }));
    const read = readSettings({ header: table.header, rows });
    expect(read.notes).toEqual([]);
    return read.settings;
  }

  it('follows 設定: its consent rule, its start time and its minutes', () => {
    const settings = townSettings();
    const cases = [
      kase({ caseId: '2026-0001', status: '支援中', nextMeetingType: 'まるごと会議' }),
      kase({ caseId: '2026-0002', status: '受付', nextMeetingType: 'まるごと会議' }),
      kase({ caseId: '2026-0003', status: '受付', consent: 'なし', nextMeetingType: 'まるごと会議' }),
    ];
    const agenda = buildAgenda({ request: request('まるごと会議'), settings, cases });
    expect(agenda.opening).toEqual({ start: '13:30', end: '13:40', minutes: 10 });
    expect(agenda.items.map((i) => [i.caseId, i.kind, i.start, i.minutes])).toEqual([
      ['2026-0002', '新規検討', '13:40', 25],
      ['2026-0001', 'モニタリング', '14:05', 15],
    ]);
    expect(agenda.closing).toEqual({ start: '14:20', end: '14:25', minutes: 5 });
    expect(agenda.excluded).toEqual([expect.objectContaining({ caseId: '2026-0003', code: 'consent_required_for_meeting', message: expect.stringContaining('「ないしょ会議」で検討してください') })]);
    expect(agenda.sheet).toBe('次第_2026-12-08_まるごと会議');
  });

  it('refuses a meeting type 設定 does not list, naming the ones it does', () => {
    const settings = townSettings();
    expect(() => buildAgenda({ request: request('支援会議'), settings, cases: [] }))
      .toThrow('会議種別「支援会議」は設定タブの「会議種別」にありません。設定にある会議種別：まるごと会議、ないしょ会議');
    expect(() => findMeetingType(settings, 'まるごと')).toThrow('「まるごと会議」のことでしたら、そのように指定してください。');
  });

  it('prints the confidentiality line for its meeting held without consent, whatever it is called', () => {
    const settings = townSettings();
    const layout = layoutAgenda(buildAgenda({ request: request('ないしょ会議'), settings, cases: [] }));
    expect(layout.confidential).toBe(true);
    const line = '本資料は社会福祉法第106条の6に基づくないしょ会議の資料です。会議終了後に回収します。';
    expect(layout.rows.filter((r) => r.cells.join('').includes(line)).map((r) => r.role)).toEqual(['notice', 'footer']);
  });

  it('takes a meeting whose 本人同意 in 設定 is blank or unknown as needing consent', () => {
    const table = settingsToTable(DEFAULT_SETTINGS);
    const rows = [...table.rows.map((r) => [...r]), table.header.map(() => '')];
    for (const [row, consent] of [[3, ''], [2, '要']] as const) {
      rows[row]![table.header.indexOf('会議種別')] = ['', '', 'まるごと会議', 'みまもり会議'][row]!;
      rows[row]![table.header.indexOf('本人同意')] = consent;
    }
    const settings = readSettings({ header: table.header, rows }).settings;
    for (const meeting of ['まるごと会議', 'みまもり会議']) {
      const agenda = buildAgenda({ request: request(meeting), settings, cases: [kase({ caseId: '2026-0001', status: '受付', consent: 'なし', nextMeetingType: meeting })] });
      expect(agenda.items).toEqual([]);
      expect(agenda.excluded.map((e) => e.code)).toEqual(['consent_required_for_meeting']);
    }
  });
});

describe('participants', () => {
  it('are 事務局 and every つなぎ元機関, 主担当機関 and 関係機関 once, in 設定 order', () => {
    expect(participantsOf([
      { referrerAgency: '社会福祉協議会', mainAgency: '地域包括支援センター', relatedAgencies: '税務課、社会福祉協議会' },
      { referrerAgency: '地域包括支援センター', mainAgency: '', relatedAgencies: '住宅課、NPOふくし' },
      { referrerAgency: '税務課', mainAgency: '地域包括支援センター', relatedAgencies: '' },
    ], DEFAULT_SETTINGS)).toEqual(['事務局', '地域包括支援センター', '社会福祉協議会', '税務課', '住宅課', 'NPOふくし']);
  });

  it('print only the values 設定 lists: 民生委員 鈴木一郎 in 関係機関 shows as 「（設定外の値）」, in every list field', () => {
    const agenda = buildAgenda({
      request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: [kase({
        caseId: '2026-0001', status: '受付', nextMeetingType: '支援会議', referrerAgency: '地域包括支援センター',
        relatedAgencies: '民生委員 鈴木一郎、税務課', mainAgency: '鈴木医院', lifeAreas: '介護、鈴木さんの借金', tags: '8050、近所の田中さん',
      })],
    });
    expect(agenda.participants).toEqual(['事務局', '地域包括支援センター', '税務課', '（設定外の値）']);
    const item = agenda.items[0]!;
    expect([item.lifeAreas, item.tags, item.mainAgency]).toEqual(['介護、（設定外の値）', '8050、（設定外の値）', '（設定外の値）']);
    expect(JSON.stringify([agenda, layoutAgenda(agenda)])).not.toMatch(/鈴木|田中/);
  });

  it('come from the cases on the agenda only', () => {
    const agenda = buildAgenda({
      request: request('重層的支援会議'), settings: DEFAULT_SETTINGS, cases: [
        kase({ caseId: '2026-0001', status: '受付', nextMeetingType: '重層的支援会議', referrerAgency: '税務課', relatedAgencies: '住宅課' }),
        kase({ caseId: '2026-0002', status: '受付', consent: 'なし', nextMeetingType: '重層的支援会議', referrerAgency: '学校教育課' }),
      ],
    });
    expect(agenda.participants).toEqual(['事務局', '税務課', '住宅課']);
  });
});

describe('the header, the rows and the JSON', () => {
  const cases = (): CaseRow[] => [kase({
    caseId: '2026-0001', status: '受付', personName: '山田 花子', personKana: 'ヤマダ ハナコ', birthDate: '1980-06-15',
    household: '本人、母(70代)の2人世帯。山田花子さんが介護', summary: '山田さんから<img src=x onerror=alert(1)>の相談。ハナコさんは夜勤。',
    tags: '8050', mainAgency: '社会福祉協議会',
  })];

  it('writes the meeting, its date in 西暦 and 和暦, time and place, and the 支援会議 confidentiality line', () => {
    const layout = layoutAgenda(buildAgenda({ request: request('支援会議', { place: '役場 第1会議室' }), settings: DEFAULT_SETTINGS, cases: cases() }));
    expect(layout.title).toBe('支援会議\u3000次第');
    expect(layout.rows[1]!.cells[0]).toBe('日時：2026年12月8日（火）・令和8年12月8日\u300014:00〜14:30\n場所：役場 第1会議室\n根拠：社会福祉法第106条の6');
    const line = '取扱注意\u3000本資料は社会福祉法第106条の6に基づく支援会議の資料です。会議終了後に回収します。';
    expect(layout.rows[2]).toEqual({ role: 'notice', cells: [line] });
    expect(layout.rows.at(-1)).toEqual({ role: 'footer', cells: [line] });
    expect(layout.rows.map((r) => r.role)).toEqual(['title', 'info', 'notice', 'header', 'session', 'item', 'session', 'participants', 'footer']);
    expect(layout.headerRows).toBe(4);
  });

  it('shows what an item needs and nothing that names the person', () => {
    const agenda = buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: cases() });
    const item = layoutAgenda(agenda).rows.find((r) => r.role === 'item')!;
    expect(item.cells).toEqual([
      '14:05〜14:25\n（20分）',
      '1. 新規検討\n2026-0001',
      '70代・男性\n世帯：本人、母(70代)の2人世帯。○○さんが介護',
      '課題：介護\n世帯の状態：8050\nつなぎ元：地域包括支援センター\n主担当：社会福祉協議会\n本人同意：あり',
      '概要：○○さんから<img src=x onerror=alert(1)>の相談。○○さんは夜勤。\n検討すること：支援方針・役割分担',
    ]);
    const everything = JSON.stringify([agenda, layoutAgenda(agenda), agendaPrintHtml(layoutAgenda(agenda))]);
    for (const secret of ['山田', '花子', 'ヤマダ', 'ハナコ', '1980-06-15', '昭和55年']) expect(everything).not.toContain(secret);
  });

  it('shows initials from the kana only when 設定 says イニシャル', () => {
    const plain = buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: cases() });
    expect(plain.items[0]!.initials).toBe('');
    const withInitials = buildAgenda({ request: request('支援会議'), settings: { ...DEFAULT_SETTINGS, agendaNameDisplay: 'イニシャル' }, cases: cases() });
    expect(withInitials.items[0]!.initials).toBe('Y.H.');
    expect(layoutAgenda(withInitials).rows.find((r) => r.role === 'item')!.cells[2]).toBe('70代・男性\nY.H.\n世帯：本人、母(70代)の2人世帯。○○さんが介護');
  });

  it('gives SPEC §11 JSON', () => {
    const json = agendaJson(buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: cases() }));
    expect(json).toEqual({
      sheet: '次第_2026-12-08_支援会議',
      meeting: { type: '支援会議', date: DATE, start: '14:00', end: '14:30', place: '' },
      items: [{ order: 1, caseId: '2026-0001', kind: '新規検討', start: '14:05', minutes: 20, plan: null }],
      excluded: [],
      participants: ['事務局', '地域包括支援センター', '社会福祉協議会'],
    });
  });

  it('for a meeting without consent and without a 根拠 (重層的相談支援連絡会議): a neutral 取扱注意 line, no law claimed', () => {
    const layout = layoutAgenda(buildAgenda({ request: request('重層的相談支援連絡会議'), settings: DEFAULT_SETTINGS, cases: [] }));
    expect(layout.rows[2]).toEqual({ role: 'notice', cells: [`取扱注意\u3000${NEUTRAL_LINE}`] });
    expect(layout.rows.at(-1)).toEqual({ role: 'footer', cells: [`取扱注意\u3000${NEUTRAL_LINE}`] });
    expect(NEUTRAL_LINE).toContain('回収します');
    expect(JSON.stringify(layout)).not.toMatch(/社会福祉法|第106条/);
  });

  it('for a meeting with consent: no 取扱注意, a note on consent instead', () => {
    const layout = layoutAgenda(buildAgenda({ request: request('重層的支援会議'), settings: DEFAULT_SETTINGS, cases: [] }));
    expect(layout.confidential).toBe(false);
    expect(JSON.stringify(layout)).not.toContain('取扱注意');
    expect(layout.rows[2]!.cells[0]).toBe('本人の同意を得たケースを検討します。資料の取扱いに注意してください。');
    expect(layout.rows.find((r) => r.role === 'empty')!.cells).toEqual(['', '', '検討するケースはありません。']);
  });
});

describe('notes before writing', () => {
  it('tells a weekend or holiday date and a date already past', () => {
    const agenda = buildAgenda({ request: { meetingType: '支援会議', date: '2026-11-03', includeDue: false }, settings: DEFAULT_SETTINGS, cases: [], today: '2026-11-22' });
    expect(agenda.notes).toEqual([
      '2026年11月3日（火）は祝日（文化の日）です。開催日に間違いがないか確かめてください。',
      '開催日の2026年11月3日（火）は、今日より前の日付です。',
      expect.stringContaining('載せるケースがありません'),
    ]);
  });
});

describe('masking everything an agenda returns (issue 25)', () => {
  /** Every text of the agenda a reader sees: the built values, the tab's cells and the JSON. */
  const shown = (agenda: ReturnType<typeof buildAgenda>): string =>
    JSON.stringify([agenda, layoutAgenda(agenda).rows, agendaJson(agenda)]);

  it('masks field values quoted in excluded[].message, in the agenda and its JSON', () => {
    const agenda = buildAgenda({
      request: request('重層的支援会議'),
      settings: DEFAULT_SETTINGS,
      cases: [
        kase({ caseId: '2026-0030', personName: '今井 道子', personKana: 'イマイ ミチコ', nextMeetingType: '重層的支援会議', nextMeetingOn: '今井道子さんの退院後' }),
        kase({ caseId: '2026-0031', personName: '小川 浩', personKana: 'オガワ ヒロシ', nextMeetingType: '重層的支援会議', status: '小川浩さん入院中' }),
      ],
    });
    expect(agenda.excluded.map((e) => e.message)).toEqual([
      '次回会議予定日「○○さんの退院後」が日付として読めないため、この日の会議か分かりません。2026/12/8 の形に直してください。',
      '状態が「○○さん入院中」のため、新規検討・モニタリング・終結評価のどれにするか決められません。状態を直してください。',
    ]);
    expect(shown(agenda)).not.toMatch(/今井|道子|小川|浩さん/);
  });

  it('masks every case of the workbook: a wife who is a case herself, named with her birth date in her husband\'s 相談の概要', () => {
    const husband = kase({ caseId: '2026-0040', status: '支援中', personName: '山田 一郎', personKana: 'ヤマダ イチロウ', summary: '妻の佐藤花子（昭和27年5月6日生）と二人暮らし。はなこさんの介護。' });
    const wife = kase({ caseId: '2026-0041', personName: '佐藤 花子', personKana: 'サトウ ハナコ', birthDate: '1952-05-06', nextMeetingType: '', nextMeetingOn: '' });
    const people = [husband, wife].map((c) => ({ name: c.text.personName!, kana: c.text.personKana!, birthDate: c.text.birthDate! }));
    const agenda = buildAgenda({ request: request('支援会議'), settings: DEFAULT_SETTINGS, cases: [husband], people });
    expect(agenda.items[0]!.summary).toBe('妻の○○（○○生）と二人暮らし。○○さんの介護。');
    expect(shown(agenda)).not.toMatch(/佐藤|花子|はなこ|昭和27/);
  });

  it('keeps the words of 設定 whole and masks a one-character 姓 only as a name', () => {
    const agenda = buildAgenda({
      request: request('支援会議'),
      settings: DEFAULT_SETTINGS,
      cases: [kase({ caseId: '2026-0050', status: '支援中', personName: '森 実', personKana: 'モリ ミノル', summary: 'ひきこもりの長男と実家に。森さんは森林組合を退職。', tags: 'ひきこもり' })],
    });
    expect(agenda.items[0]!.summary).toBe('ひきこもりの長男と実家に。○○さんは森林組合を退職。');
    expect(agenda.items[0]!.tags).toBe('ひきこもり');
  });
});
