// The agenda endpoints in the built bundle, on the demo workbook: preview
// (no writes), the 次第 tab and its 会議記録 row (replaced, never doubled),
// refusals that write nothing, the print view, recording what a meeting
// decided, privacy, and service calls that do not grow with the sheet.
import { generateDemo } from '../../dev/demo/generate';
import type { Runtime } from '../../dev/runtime';
import { ensureCell, findSheet } from '../../dev/runtime/model';
import type { AgendaCreated, AgendaPreview, MeetingForOutcomes, MeetingList, OutcomeResult } from '../../src/app/agenda/types';
import { cellText, isDateCell } from '../../src/domain/cell';
import { CASE_FIELDS, MEETING_FIELDS } from '../../src/domain/fields';
import { parseDate, toWareki } from '../../src/domain/normalize';
import { clockOn, demoWorkbook, newSpreadsheet, tabNames, tabText, TODAY } from './helpers';

/** In the demo made for TODAY (2026-11-22): the next 支援会議 (2nd Tuesday) and 重層的支援会議 (4th Thursday). */
const SUPPORT = { meetingType: '支援会議', date: '2026-12-08' };
const PLAN = { meetingType: '重層的支援会議', date: '2026-11-26' };
const AFTER = '2026-12-09';

const caseColumn = (header: string): number => CASE_FIELDS.findIndex((f) => f.header === header);
const meetingColumn = (header: string): number => MEETING_FIELDS.findIndex((f) => f.header === header);

const meetingRows = (runtime: Runtime, m: { meetingType: string; date: string }): string[][] =>
  tabText(runtime, '会議記録').filter((r) => r[meetingColumn('会議種別')] === m.meetingType && r[meetingColumn('開催日')] === m.date);

const create = (runtime: Runtime, args: Record<string, unknown>) => runtime.call<AgendaCreated>('createAgenda', { today: TODAY, ...args });

describe('previewAgenda', () => {
  it('tells what the agenda will hold and leave out, and writes nothing', () => {
    const runtime = demoWorkbook(60);
    const writes = runtime.writes.length;
    const preview = runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, ...PLAN });
    expect(runtime.writes).toHaveLength(writes);
    expect(preview.sheet).toBe('次第_2026-11-26_重層的支援会議');
    expect(preview.meeting).toMatchObject({ ...{ type: PLAN.meetingType, date: PLAN.date }, start: '14:00', consentRequired: true, dateText: '2026年11月26日（木）・令和8年11月26日' });
    expect(preview.items.length).toBeGreaterThan(2);
    // The planted case: 重層的支援会議 with 同意 確認中 (dev/demo/README.md, mistake 9).
    expect(preview.excluded).toEqual([expect.objectContaining({ row: 53, code: 'consent_required_for_meeting' })]);
    expect(preview.sheetExists).toBe(false);
    expect(preview.meetingRecord).toMatchObject({ meetingType: PLAN.meetingType, date: PLAN.date, status: '予定' });
    expect(JSON.stringify(preview)).not.toMatch(/personName|personKana|birthDate/);
  });
});

describe('previewAgenda of a meeting whose tab was made earlier', () => {
  it('tells which cases joined or left since the tab was written, and offers to rebuild it', () => {
    const runtime = demoWorkbook(60);
    const created = create(runtime, SUPPORT);
    const fresh = runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, ...SUPPORT });
    expect([fresh.sheetExists, fresh.drift]).toEqual([true, null]);
    const cases = findSheet(runtime.model, '共通シート')!;
    const text = tabText(runtime, '共通シート');
    const leaving = created.items[0]!.caseId;
    const leavingRow = text.findIndex((r) => r[caseColumn('ケースID')] === leaving);
    const joining = text.findIndex((r) => r[caseColumn('次回会議種別')] === SUPPORT.meetingType && r[caseColumn('状態')] !== '終結'
      && r[caseColumn('ケースID')] !== '' && r[caseColumn('次回会議予定日')] !== SUPPORT.date);
    expect(joining).toBeGreaterThan(0);
    ensureCell(cases, leavingRow + 1, caseColumn('次回会議予定日') + 1).value = new Date('2027-01-12T00:00:00+09:00');
    ensureCell(cases, joining + 1, caseColumn('次回会議予定日') + 1).value = new Date(`${SUPPORT.date}T00:00:00+09:00`);
    const reads = runtime.writes.length;
    const stale = runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, ...SUPPORT });
    expect(runtime.writes).toHaveLength(reads);
    expect(stale.drift).toEqual({ added: [text[joining]![caseColumn('ケースID')]], removed: [leaving], kindChanged: [], otherText: true });
    expect(create(runtime, SUPPORT).replaced).toBe(true);
    expect(runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, ...SUPPORT }).drift).toBeNull();
  });
});

describe('createAgenda', () => {
  it('writes the tab laid out for an A4 page, and the meeting as 予定 in 会議記録', () => {
    const runtime = demoWorkbook(60);
    const created = create(runtime, SUPPORT);
    expect(created).toMatchObject({ sheet: '次第_2026-12-08_支援会議', meetingRecord: 'updated', replaced: false, meetingId: expect.stringMatching(/^M2026-\d{3}$/) });
    const sheet = findSheet(runtime.model, created.sheet)!;
    expect(tabNames(runtime).at(-1)).toBe(created.sheet);
    expect(runtime.selection().sheet).toBe(created.sheet);
    expect(sheet.frozenRows).toBe(4);
    expect(sheet.hiddenGridlines).toBe(true);
    expect(sheet.columnWidths.slice(0, 5).reduce((a, b) => a! + b!, 0)).toBe(680);
    expect(sheet.merges).toContainEqual({ row: 1, column: 1, numRows: 1, numColumns: 5 });
    expect(sheet.protections).toEqual([expect.objectContaining({ type: 'SHEET', warningOnly: true })]);
    const text = tabText(runtime, created.sheet);
    expect(text[0]![0]).toBe('支援会議\u3000次第');
    expect(text[2]![0]).toBe('取扱注意\u3000本資料は社会福祉法第106条の6に基づく支援会議の資料です。会議終了後に回収します。');
    expect(text[3]).toEqual(['時間', '議題', '本人・世帯', '課題・関係機関', '概要・検討すること']);
    expect(text.at(-1)![0]).toContain('会議終了後に回収します。');
    // Every cell of the table, from the column heads to the last line, is ruled on all four sides.
    const open = text.slice(3).flatMap((row, r) => row.map((_, c) => ({ at: `${r + 4}行${c + 1}列`, edges: sheet.cells[r + 3]?.[c]?.borders ?? {} })))
      .filter(({ edges }) => !(edges.top && edges.left && edges.bottom && edges.right)).map(({ at }) => at);
    expect(open).toEqual([]);
    const rows = meetingRows(runtime, SUPPORT);
    expect(rows).toHaveLength(1);
    expect(rows[0]![meetingColumn('状態')]).toBe('予定');
    expect(rows[0]![meetingColumn('検討ケースID')]).toBe(created.items.map((i) => i.caseId).join('、'));
    expect(runtime.writes.filter((w) => !w.locked)).toEqual([]);
    expect(tabText(runtime, '変更履歴').filter((r) => r[2] === `会議次第を作成（${created.meetingId}）` && r[3] === created.sheet)).toHaveLength(1);
  });

  it('replaces the tab where it stood when made again, and keeps one 会議記録 row', () => {
    const runtime = demoWorkbook(60);
    const first = create(runtime, SUPPORT);
    runtime.call('selectCell', { sheet: '共通シート', row: 2, column: 'ケースID' });
    const tabs = tabNames(runtime);
    const meetings = tabText(runtime, '会議記録').length;
    const again = create(runtime, { ...SUPPORT, start: '15:00', place: '保健福祉センター 研修室' });
    expect(again).toMatchObject({ replaced: true, meetingRecord: 'updated', meetingId: first.meetingId });
    expect(tabNames(runtime)).toEqual(tabs);
    expect(tabText(runtime, '会議記録')).toHaveLength(meetings);
    const [row] = meetingRows(runtime, SUPPORT);
    expect([row![meetingColumn('開始時刻')], row![meetingColumn('場所')]]).toEqual(['15:00', '保健福祉センター 研修室']);
    expect(tabText(runtime, again.sheet)[1]![0]).toContain('15:00〜');
    // Made a third time without a time or place: those recorded are kept.
    expect(create(runtime, SUPPORT).meeting).toMatchObject({ start: '15:00', place: '保健福祉センター 研修室' });
  });

  it('adds a row with the next 会議ID for a meeting not yet in 会議記録', () => {
    const runtime = demoWorkbook(60);
    const ids = tabText(runtime, '会議記録').map((r) => r[0]!).filter((id) => id.startsWith('M2026-')).map((id) => Number(id.slice(6)));
    const rows = tabText(runtime, '会議記録').length;
    const created = create(runtime, { meetingType: '支援会議', date: '2027-02-09', includeDue: true });
    expect(created.meetingId).toBe(`M2026-${String(Math.max(...ids) + 1).padStart(3, '0')}`);
    expect(created.meetingRecord).toBe('added');
    expect(tabText(runtime, '会議記録')).toHaveLength(rows + 1);
    expect(findSheet(runtime.model, '会議記録')!.cells[rows]![meetingColumn('開催日')]!.value).toEqual(new Date('2027-02-09T00:00:00+09:00'));
  });

  it('makes 会議記録 when a workbook has none', () => {
    const runtime = demoWorkbook(60);
    runtime.model.sheets = runtime.model.sheets.filter((s) => s.name !== '会議記録');
    const created = create(runtime, SUPPORT);
    expect(created.meetingRecord).toBe('added');
    expect(tabText(runtime, '会議記録')[1]!.slice(0, 6)).toEqual(['M2026-001', '支援会議', '2026-12-08', '14:00', '', '予定']);
  });

  it('refuses a date that is not a date, a type not in 設定, or a meeting already held, and writes nothing', () => {
    const runtime = demoWorkbook(60);
    const writes = runtime.writes.length;
    expect(() => create(runtime, { meetingType: '支援会議', date: '2026-02-30' })).toThrow('開催日は 2026-12-08 の形で、実在する日付を指定してください。');
    expect(() => create(runtime, { meetingType: '支援会議', date: '令和8年12月8日' })).toThrow('開催日は 2026-12-08 の形で');
    expect(() => create(runtime, { meetingType: 'まるごと会議', date: '2026-12-08' }))
      .toThrow('会議種別「まるごと会議」は設定タブの「会議種別」にありません。設定にある会議種別：支援会議、重層的支援会議、重層的相談支援連絡会議');
    expect(() => create(runtime, { ...SUPPORT, start: '2pm' })).toThrow('開始時刻は 14:00 の形（24時間制）で指定してください。');
    const held = tabText(runtime, '会議記録').find((r) => r[meetingColumn('状態')] === '開催済')!;
    expect(() => create(runtime, { meetingType: held[1], date: held[2] })).toThrow('「開催済」になっているため、次第を作り直しません。');
    expect(runtime.writes).toHaveLength(writes);
    expect(() => newSpreadsheet().call('createAgenda', SUPPORT)).toThrow('このブックには「共通シート」タブがありません。');
  });

  it('follows a town that renamed 重層的支援会議 to まるごと会議 with 15-minute monitoring', () => {
    const runtime = demoWorkbook(60);
    const settings = findSheet(runtime.model, '設定')!;
    const header = tabText(runtime, '設定')[0]!;
    const row = tabText(runtime, '設定').findIndex((r) => r[header.indexOf('会議種別')] === '重層的支援会議') + 1;
    ensureCell(settings, row, header.indexOf('会議種別') + 1).value = 'まるごと会議';
    ensureCell(settings, row, header.indexOf('モニタリング（分）') + 1).value = 15;
    const cases = findSheet(runtime.model, '共通シート')!;
    for (const r of cases.cells) {
      const cell = r?.[caseColumn('次回会議種別')];
      if (cell?.value === '重層的支援会議') cell.value = 'まるごと会議';
    }
    const created = create(runtime, { meetingType: 'まるごと会議', date: PLAN.date });
    expect(created.sheet).toBe('次第_2026-11-26_まるごと会議');
    expect(created.items.filter((i) => i.kind === 'モニタリング').map((i) => i.minutes)).toEqual(expect.arrayContaining([15]));
    expect(new Set(created.items.filter((i) => i.kind === 'モニタリング').map((i) => i.minutes))).toEqual(new Set([15]));
    expect(created.excluded.map((e) => e.code)).toEqual(['consent_required_for_meeting']);
    expect(tabText(runtime, created.sheet).flat().join()).not.toContain('取扱注意');
  });
});

describe('privacy', () => {
  it('no 本人氏名, カナ or 生年月日 of any demo case reaches an agenda tab, its print view or its JSON', () => {
    const runtime = demoWorkbook(60);
    const demo = generateDemo({ cases: 60, seed: 1, today: TODAY });
    const secrets = demo.cases.flatMap((row) => {
      const name = cellText(row[caseColumn('本人氏名')] ?? '');
      const kana = cellText(row[caseColumn('本人氏名カナ')] ?? '');
      const birth = row[caseColumn('生年月日')] ?? '';
      const iso = parseDate(birth);
      return [name, name.replace(/\s/g, ''), name.split(/\s/)[0]!, kana, kana.replace(/\s/g, ''), kana.split(/\s/)[0]!,
        ...(isDateCell(birth) ? [] : [cellText(birth)]), ...(iso ? [iso, toWareki(iso), iso.replace(/-/g, '/')] : [])];
    }).filter((s) => s.length >= 2);
    expect(secrets.length).toBeGreaterThan(300);
    for (const meeting of [SUPPORT, PLAN, { meetingType: '重層的支援会議', date: '2026-12-24' }]) {
      const args = { ...meeting, includeDue: true };
      const created = create(runtime, args);
      runtime.call('showAgendaPrintView', { today: TODAY, ...args });
      const preview = runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, ...args });
      const shown = [JSON.stringify(created), JSON.stringify(preview), runtime.dialogs.at(-1)!.content, tabText(runtime, created.sheet).flat().join('\n')].join('\n');
      expect(created.items.length).toBeGreaterThan(0);
      for (const secret of secrets) expect(shown).not.toContain(secret);
    }
  });
});

describe('the workbook as the name list (issue 25)', () => {
  it('masks a case of another meeting, named in an agenda case\'s summary and in a date typed as text, on the tab and in the preview', () => {
    const runtime = demoWorkbook(60);
    const cases = findSheet(runtime.model, '共通シート')!;
    const text = tabText(runtime, '共通シート');
    const on = (r: string[]): boolean => r[caseColumn('次回会議種別')] === SUPPORT.meetingType && r[caseColumn('次回会議予定日')] === SUPPORT.date && ['受付', 'アセスメント中', 'プラン作成中', '支援中', '終結検討'].includes(r[caseColumn('状態')]!);
    const [first, second] = text.map((r, i) => (on(r) ? i : -1)).filter((i) => i > 0);
    const other = text.findIndex((r, i) => i > 0 && r[caseColumn('次回会議種別')] !== SUPPORT.meetingType && r[caseColumn('本人氏名')]!.includes(' '));
    const [family, given] = text[other]![caseColumn('本人氏名')]!.split(' ') as [string, string];
    const birth = parseDate(text[other]![caseColumn('生年月日')]!)!;
    const [y, m, d] = birth.split('-').map(Number) as [number, number, number];
    const set = (row: number, header: string, value: string): void => { ensureCell(cases, row + 1, caseColumn(header) + 1).value = value; };
    set(first!, '相談の概要', `近所の${family}${given}さん（${y}年${m}月${d}日生）が見守っている。`);
    set(second!, '次回会議予定日', `${family}さんの退院後`);
    const created = create(runtime, SUPPORT);
    const preview = runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, ...SUPPORT });
    expect(preview.excluded).toContainEqual(expect.objectContaining({ code: 'invalid_date', message: expect.stringContaining('「○○さんの退院後」') }));
    const shown = [JSON.stringify(created), JSON.stringify(preview), tabText(runtime, created.sheet).flat().join('\n')].join('\n');
    expect(shown).toContain('近所の○○さん(○○生)'); // 共通シート keeps （ as ( (SPEC §5)
    for (const secret of [family, given, `${y}年${m}月${d}日`]) expect(shown).not.toContain(secret);
  });
});

describe('showAgendaPrintView', () => {
  it('opens the agenda as an A4 page in a dialog beside the sheet, and writes nothing', () => {
    const runtime = demoWorkbook(60);
    const writes = runtime.writes.length;
    expect(runtime.call('showAgendaPrintView', { today: TODAY, ...SUPPORT })).toEqual({ title: '印刷用：次第_2026-12-08_支援会議' });
    expect(runtime.writes).toHaveLength(writes);
    const [dialog] = runtime.dialogs;
    expect(dialog).toMatchObject({ title: '印刷用：次第_2026-12-08_支援会議', width: 860, height: 640 });
    expect(dialog!.content).toContain('size: A4 portrait');
    expect(dialog!.content).toContain('@top-right { content: "取扱注意"');
  });
});

describe('the menu', () => {
  it('has 「会議次第を作成…」 before サイドバーを開く, and it opens the sidebar on the 会議次第 view', () => {
    const runtime = newSpreadsheet();
    runtime.call('onOpen');
    const items = runtime.menus[0]!.items.flatMap((i) => (i.kind === 'item' ? [i.caption] : []));
    expect(items.slice(-3, -1)).toEqual(['会議次第を作成…', 'サイドバーを開く']);
    runtime.call('menuAgenda');
    expect(runtime.sidebars[0]!.title).toBe('つなぎ');
    expect(runtime.sidebars[0]!.content).toContain('<body data-view="agenda">');
    runtime.call('menuOpenSidebar');
    expect(runtime.sidebars[1]!.content).toContain('<body>');
  });
});

describe('after the meeting', () => {
  function meetingAfterAgenda(): { runtime: Runtime; meeting: MeetingForOutcomes } {
    const runtime = demoWorkbook(60);
    const { meetingId } = create(runtime, SUPPORT);
    const meeting = runtime.call<MeetingForOutcomes>('getMeetingForOutcomes', { today: AFTER, meetingId });
    return { runtime, meeting };
  }

  /** Saved on a day after the meeting, unless the runtime's clock was set otherwise. */
  const record = (runtime: Runtime, args: Record<string, unknown>, on = AFTER) => {
    runtime.setNow(clockOn(on));
    return runtime.call<OutcomeResult>('recordMeetingOutcome', args);
  };

  it('gives 会議のあと each case\'s 案 and 決定 plan at a consent meeting only, without names', () => {
    const runtime = demoWorkbook(60);
    const [plan, support] = [PLAN, SUPPORT].map((m) => runtime.call<MeetingForOutcomes>('getMeetingForOutcomes', { today: AFTER, meetingId: create(runtime, m).meetingId }));
    const versions = (caseId: string, status: string) => tabText(runtime, '支援プラン').filter((r) => r[0] === caseId && r[2] === status).map((r) => Number(r[1]));
    const shown = plan!.cases.map((c) => [c.caseId, c.plans.draft?.version, c.plans.current?.version]);
    expect(shown).toEqual(plan!.cases.map((c) => [c.caseId, versions(c.caseId, '案')[0], versions(c.caseId, '決定')[0]]));
    expect(shown.some(([, draft, current]) => draft ?? current)).toBe(true);
    expect(support!.cases.every((c) => c.plans.draft === null && c.plans.current === null)).toBe(true);
    const names = tabText(runtime, '共通シート').slice(1).map((r) => r[caseColumn('本人氏名')]!).filter(Boolean);
    const text = JSON.stringify(plan);
    expect(names.filter((name) => text.includes(name))).toEqual([]);
  });

  it('lists 予定 meetings and the dates cases wait for, without names', () => {
    const runtime = demoWorkbook(60);
    const list = runtime.call<MeetingList>('listMeetings', { today: TODAY });
    expect(list.meetings.filter((m) => m.status === '予定').map((m) => [m.meetingType, m.date])).toEqual([
      [PLAN.meetingType, PLAN.date], [SUPPORT.meetingType, SUPPORT.date], ['重層的支援会議', '2026-12-24'],
    ]);
    expect(list.meetings.slice(3).every((m) => m.status !== '予定' && m.date <= TODAY)).toBe(true);
    expect(list.upcoming.map((u) => [u.meetingType, u.date])).toEqual(expect.arrayContaining([[SUPPORT.meetingType, SUPPORT.date]]));
  });

  it('counts on each waiting date only the cases the agenda will take: not those the consent gate leaves out', () => {
    const runtime = demoWorkbook(60);
    const list = runtime.call<MeetingList>('listMeetings', { today: TODAY });
    const gated = list.upcoming.filter((u) => u.meetingType === '重層的支援会議');
    expect(gated.length).toBeGreaterThan(0);
    for (const u of list.upcoming) {
      const preview = runtime.call<AgendaPreview>('previewAgenda', { today: TODAY, meetingType: u.meetingType, date: u.date, includeDue: false });
      expect([u.meetingType, u.date, u.cases]).toEqual([u.meetingType, u.date, preview.items.length]);
    }
    const planned = list.upcoming.find((u) => u.meetingType === PLAN.meetingType && u.date === PLAN.date)!;
    const waiting = tabText(runtime, '共通シート').findIndex((row) => row[caseColumn('次回会議種別')] === PLAN.meetingType
      && row[caseColumn('本人同意')] === 'あり' && row[caseColumn('次回会議予定日')] === PLAN.date && row[caseColumn('状態')] !== '終結');
    expect(waiting).toBeGreaterThan(0);
    ensureCell(findSheet(runtime.model, '共通シート')!, waiting + 1, caseColumn('本人同意') + 1).value = '確認中';
    const after = runtime.call<MeetingList>('listMeetings', { today: TODAY }).upcoming.find((u) => u.meetingType === PLAN.meetingType && u.date === PLAN.date);
    expect(after?.cases ?? 0).toBe(planned.cases - 1);
  });

  it('gives the meeting\'s cases by ケースID, 年代 and kind', () => {
    const { meeting } = meetingAfterAgenda();
    expect(meeting.meeting).toMatchObject({ ...{ meetingType: SUPPORT.meetingType, date: SUPPORT.date }, status: '予定', hasSheet: true });
    expect(meeting.cases.length).toBe(meeting.meeting.caseIds.length);
    expect(meeting.cases[0]).toEqual(expect.objectContaining({ found: true, caseId: meeting.meeting.caseIds[0], nextMeetingOn: SUPPORT.date }));
    expect(Object.keys(meeting.cases[0]!)).not.toContain('personName');
    expect(meeting.expectedAgencies).not.toContain('事務局');
  });

  it('marks the meeting 開催済 and writes each case\'s outcome in one save, logged', () => {
    const { runtime, meeting } = meetingAfterAgenda();
    const [a, b] = meeting.cases;
    runtime.resetCalls();
    const result = record(runtime, {
      meetingId: meeting.meeting.meetingId, meetingStatus: '開催済', attendingAgencies: ['地域包括支援センター', '社会福祉協議会'],
      decisions: '役割分担を確認した。', requestId: 'outcome-0001',
      outcomes: [
        { caseId: a!.caseId, status: '支援中', nextMeetingType: '支援会議', nextMeetingOn: '2027-01-12', nextMonitoringOn: '2027/1/5' },
        { caseId: b!.caseId, status: 'つなぎもどし', nextMeetingType: '', nextMeetingOn: '', closedOn: '2026-12-08', closingNote: 'つなぎ元で支援を続けるため。' },
      ],
    });
    expect(result).toEqual({ saved: true, meetingId: meeting.meeting.meetingId, meetingStatus: '開催済', updatedCases: [a!.caseId, b!.caseId], warnings: [] });
    expect(runtime.callsByMethod()['Range.setValues']).toBe(4); // 共通シート (each case's row), 会議記録, 変更履歴
    const cases = tabText(runtime, '共通シート');
    const rowOf = (id: string) => cases.find((r) => r[0] === id)!;
    const pick = (id: string, ...headers: string[]) => headers.map((h) => rowOf(id)[caseColumn(h)]);
    expect(pick(a!.caseId, '状態', '次回会議種別', '次回会議予定日', '次回モニタリング日')).toEqual(['支援中', '支援会議', '2027-01-12', '2027-01-05']);
    expect(pick(b!.caseId, '状態', '次回会議種別', '次回会議予定日', '終結日', '終結理由')).toEqual(['つなぎもどし', '', '', '2026-12-08', 'つなぎ元で支援を続けるため。']);
    expect(pick(a!.caseId, '更新者')).toEqual(['local@example.invalid']);
    const [row] = meetingRows(runtime, SUPPORT);
    expect([row![meetingColumn('状態')], row![meetingColumn('出席機関')], row![meetingColumn('決定事項')]])
      .toEqual(['開催済', '地域包括支援センター、社会福祉協議会', '役割分担を確認した。']);
    const log = tabText(runtime, '変更履歴').filter((r) => r[2] === `会議の結果を記録（${meeting.meeting.meetingId}）`);
    expect(log.map((r) => r.slice(3))).toEqual(expect.arrayContaining([
      ['会議記録', '', '状態', '予定', '開催済'],
      ['共通シート', a!.caseId, '次回会議予定日', '2026-12-08', '2027-01-12'],
      ['共通シート', b!.caseId, '状態', b!.status, 'つなぎもどし'],
    ]));
    expect(runtime.writes.filter((w) => !w.locked)).toEqual([]);
    // The same request again (a double click) records once.
    expect(record(runtime, { meetingId: meeting.meeting.meetingId, meetingStatus: '開催済', requestId: 'outcome-0001', outcomes: [] })).toEqual(result);
    expect(tabText(runtime, '変更履歴').filter((r) => r[2] === `会議の結果を記録（${meeting.meeting.meetingId}）`)).toHaveLength(log.length);
  });

  it('refuses an outcome that would make a case invalid, and writes nothing at all', () => {
    const { runtime, meeting } = meetingAfterAgenda();
    const writes = runtime.writes.length;
    const [a, b] = meeting.cases;
    const result = record(runtime, {
      meetingId: meeting.meeting.meetingId, meetingStatus: '開催済', requestId: 'outcome-0002',
      outcomes: [
        { caseId: a!.caseId, status: '支援中' },
        { caseId: b!.caseId, status: '終結', closedOn: '2026-12-08' },
        { caseId: '1999-0001', status: '支援中' },
      ],
    });
    expect(result).toEqual({
      saved: false,
      errors: [
        expect.objectContaining({ caseId: b!.caseId, field: 'closingNote', code: 'closing_required', message: '状態が「終結」のときは終結理由が必要です。入力してください。' }),
        expect.objectContaining({ caseId: '1999-0001', code: 'unknown_case', message: 'ケースID「1999-0001」はこの会議の検討ケースにありません。' }),
      ],
    });
    expect(runtime.writes.slice(writes).filter((w) => !w.call.startsWith('Properties.'))).toEqual([]);
    expect(meetingRows(runtime, SUPPORT)[0]![meetingColumn('状態')]).toBe('予定');
  });

  it('will not mark a meeting 開催済 before its day, but takes 中止', () => {
    const runtime = demoWorkbook(60);
    const { meetingId } = create(runtime, SUPPORT);
    expect(() => record(runtime, { meetingId, meetingStatus: '開催済', requestId: 'outcome-0003', outcomes: [] }, TODAY))
      .toThrow('開催日（2026-12-08）がまだ来ていないため、「開催済」にできません。');
    expect(record(runtime, { meetingId, meetingStatus: '中止', decisions: '台風のため中止。', requestId: 'outcome-0004', outcomes: [] }, TODAY))
      .toMatchObject({ saved: true, meetingStatus: '中止', updatedCases: [] });
    expect(() => record(runtime, { meetingId: 'M1999-001', meetingStatus: '中止', requestId: 'outcome-0005', outcomes: [] })).toThrow('会議ID「M1999-001」が会議記録に見つかりません。');
  });
});

describe('service calls', () => {
  let large: Runtime | undefined;
  const workbook = (cases: number): Runtime => (cases === 10_000 ? (large ??= demoWorkbook(10_000)) : demoWorkbook(cases));

  it('are the same with 100 and 10,000 cases for every agenda endpoint', () => {
    const measure = (cases: number) => {
      const runtime = workbook(cases);
      const calls = (name: string, args: Record<string, unknown>): number => {
        runtime.resetCalls();
        runtime.call(name, args);
        return runtime.calls;
      };
      const list = calls('listMeetings', { today: TODAY });
      const preview = calls('previewAgenda', { today: TODAY, ...SUPPORT });
      const created = calls('createAgenda', { today: TODAY, ...SUPPORT });
      const replaced = calls('createAgenda', { today: TODAY, ...SUPPORT });
      const print = calls('showAgendaPrintView', { today: TODAY, ...SUPPORT });
      const meetingId = meetingRows(runtime, SUPPORT)[0]![0]!;
      const forOutcomes = runtime.call<MeetingForOutcomes>('getMeetingForOutcomes', { today: AFTER, meetingId });
      const load = calls('getMeetingForOutcomes', { today: AFTER, meetingId });
      const [a, b] = forOutcomes.cases;
      runtime.setNow(clockOn(AFTER));
      const outcome = calls('recordMeetingOutcome', {
        meetingId, meetingStatus: '開催済', requestId: `calls-${cases}`,
        outcomes: [{ caseId: a!.caseId, status: '支援中', nextMonitoringOn: '2027-01-05' }, { caseId: b!.caseId, nextMeetingType: '', nextMeetingOn: '' }],
      });
      return { list, preview, created, replaced, print, load, outcome };
    };
    const small = measure(100);
    expect(small.preview).toBeGreaterThan(0);
    expect(measure(10_000)).toEqual(small);
  }, 180_000);
});
