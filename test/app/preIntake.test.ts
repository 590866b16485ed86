// Outreach before intake in the built bundle: saving an アウトリーチ under a
// 対象 with no ケースID, the rules that refuse other shapes, an older 支援記録
// tab without the 対象 column, and linking the records once the person is a case.
import { findSheet } from '../../dev/runtime/model';
import type { CaseSearchResult, LinkPreIntakeResult, PreIntakeSubject, SaveResult } from '../../src/app/sidebarTypes';
import { demoWorkbook, tabText } from './helpers';

const SUBJECT = '西地区の80代男性(仮称Z)';
const visit = { caseId: '', subject: SUBJECT, activityOn: '2026-11-18', activityType: 'アウトリーチ', staff: '相談員A', visitors: '2', content: '民生委員と訪問' };

const saveActivity = (runtime: ReturnType<typeof demoWorkbook>, record: Record<string, string>, requestId: string) =>
  runtime.call<SaveResult>('saveActivity', { record, requestId });

describe('an アウトリーチ to someone not yet a case', () => {
  it('is saved under its 対象 with no ケースID; other shapes are refused with the reason', () => {
    const runtime = demoWorkbook(40);
    const saved = saveActivity(runtime, visit, 'pre-intake-0001');
    expect(saved).toMatchObject({ saved: true });
    const row = tabText(runtime, '支援記録').at(-1)!;
    expect(row.slice(1, 5)).toEqual(['', SUBJECT, '2026-11-18', 'アウトリーチ']);

    const participation = saveActivity(runtime, { ...visit, activityType: '参加支援', visitors: '' }, 'pre-intake-0002');
    expect(!participation.saved && participation.errors.map((e) => [e.field, e.code])).toEqual([['subject', 'subject_outreach_only']]);
    const nobody = saveActivity(runtime, { ...visit, subject: '' }, 'pre-intake-0003');
    expect(!nobody.saved && nobody.errors.map((e) => [e.field, e.code])).toEqual([['subject', 'required']]);
    const noType = saveActivity(runtime, { ...visit, activityType: '' }, 'pre-intake-0004');
    expect(!noType.saved && noType.errors.map((e) => [e.field, e.code])).toEqual([['activityType', 'required']]);
  });

  it('adds the 対象 column to a 支援記録 tab made before it existed, keeping every cell', () => {
    const runtime = demoWorkbook(20);
    const sheet = findSheet(runtime.model, '支援記録')!;
    const subjectColumn = tabText(runtime, '支援記録')[0]!.indexOf('対象');
    // Remove the column as an older workbook would lack it.
    for (const row of sheet.cells) row?.splice(subjectColumn, 1);
    const before = tabText(runtime, '支援記録');
    expect(before[0]).not.toContain('対象');
    expect(saveActivity(runtime, visit, 'pre-intake-0005')).toMatchObject({ saved: true });
    const after = tabText(runtime, '支援記録');
    expect(after[0]).toEqual([...before[0]!, '対象']);
    for (let r = 1; r < before.length; r++) expect(after[r]!.slice(0, before[0]!.length)).toEqual(before[r]);
    expect(after.at(-1)!.at(-1)).toBe(SUBJECT);
  });
});

describe('a 対象 that names a person (issue 25, SPEC §6 target_names_person)', () => {
  it('is saved with a warning, and offered for linking marked as naming a person', () => {
    const runtime = demoWorkbook(40);
    const cases = tabText(runtime, '共通シート');
    const name = cases[1]![cases[0]!.indexOf('本人氏名')]!.replace(/\s/g, '');
    const saved = saveActivity(runtime, { ...visit, subject: name }, 'pre-intake-0021');
    expect(saved).toMatchObject({ saved: true });
    expect(JSON.stringify(saved)).toContain('target_names_person');
    saveActivity(runtime, { ...visit, subject: SUBJECT }, 'pre-intake-0022');
    const subjects = runtime.call<PreIntakeSubject[]>('getPreIntakeSubjects', {});
    expect(subjects.map((s) => [s.subject, s.namesPerson])).toEqual(expect.arrayContaining([[name, true], [SUBJECT, false]]));
  });
});

describe('linking the earlier records once the person is a case', () => {
  it('lists the unlinked 対象, writes the ケースID into their rows (対象 stays), logs each row, and does it once', () => {
    const runtime = demoWorkbook(40);
    saveActivity(runtime, visit, 'pre-intake-0011');
    saveActivity(runtime, { ...visit, activityOn: '2026-11-20', visitors: '1' }, 'pre-intake-0012');
    const subjects = runtime.call<PreIntakeSubject[]>('getPreIntakeSubjects', {});
    expect(subjects).toContainEqual({ subject: SUBJECT, records: 2, firstOn: '2026-11-18', lastOn: '2026-11-20', namesPerson: false });

    const caseId = runtime.call<CaseSearchResult>('searchCases', {}).cases[0]!.caseId;
    const rowsBefore = tabText(runtime, '支援記録');
    const mine = rowsBefore.flatMap((r, i) => (r[2] === SUBJECT ? [i + 1] : []));
    const args = { subject: SUBJECT, caseId, requestId: 'link-000000001' };
    const linked = runtime.call<LinkPreIntakeResult>('linkPreIntakeRecords', args);
    expect(linked).toEqual({ caseId, subject: SUBJECT, rows: mine, recordIds: mine.map((row) => rowsBefore[row - 1]![0]) });
    const after = tabText(runtime, '支援記録');
    for (const row of mine) expect(after[row - 1]!.slice(1, 3)).toEqual([caseId, SUBJECT]);
    // Nothing else in the tab changed.
    after.forEach((r, i) => { if (!mine.includes(i + 1)) expect(r).toEqual(rowsBefore[i]); });
    expect(runtime.call<PreIntakeSubject[]>('getPreIntakeSubjects', {}).map((s) => s.subject)).not.toContain(SUBJECT);
    const log = tabText(runtime, '変更履歴').filter((r) => r[2] === 'まだケースでなかった方の支援記録をケースにつなぐ');
    expect(log.map((r) => [r[4], r[7]])).toEqual(mine.map(() => [caseId, caseId]));
    // The same request again changes nothing more.
    expect(runtime.call<LinkPreIntakeResult>('linkPreIntakeRecords', args)).toEqual(linked);
    expect(tabText(runtime, '変更履歴').filter((r) => r[2] === 'まだケースでなかった方の支援記録をケースにつなぐ')).toHaveLength(mine.length);
  });

  it('links every row of the 対象 the person was offered, also one whose 対象 was typed in full-width letters', () => {
    const runtime = demoWorkbook(300);
    saveActivity(runtime, visit, 'pre-intake-0031');
    saveActivity(runtime, { ...visit, activityOn: '2026-11-20' }, 'pre-intake-0032');
    const caseId = runtime.call<CaseSearchResult>('searchCases', {}).cases[0]!.caseId;
    const offered = () => runtime.call<PreIntakeSubject[]>('getPreIntakeSubjects', {}).find((s) => s.subject === SUBJECT)!;
    const mine = () => tabText(runtime, '支援記録').flatMap((r, i) => (r[2]!.normalize('NFKC') === SUBJECT ? [i + 1] : []));

    // Found by Sheets' search: only the 対象's rows are read, not its column.
    const { records: twoRecords } = offered();
    runtime.resetCalls();
    const linked = runtime.call<LinkPreIntakeResult>('linkPreIntakeRecords', { subject: SUBJECT, caseId, records: twoRecords, requestId: 'link-000000031' });
    expect(linked.rows).toEqual(mine());
    const searchedCells = runtime.cellsRead;

    // One row typed 「（仮称Ｙ）」 normalises to the same 対象 but does not show it: the link reads the columns and misses no row.
    const other = '西地区の80代男性(仮称Y)';
    saveActivity(runtime, { ...visit, subject: other }, 'pre-intake-0033');
    saveActivity(runtime, { ...visit, subject: other, activityOn: '2026-11-21' }, 'pre-intake-0034');
    const sheet = findSheet(runtime.model, '支援記録')!;
    const rows = tabText(runtime, '支援記録');
    const last = rows.length;
    expect(rows[last - 1]![2]).toBe(other);
    sheet.cells[last - 1]![2]!.value = '西地区の80代男性（仮称Ｙ）';
    const records = runtime.call<PreIntakeSubject[]>('getPreIntakeSubjects', {}).find((s) => s.subject === other)!.records;
    expect(records).toBe(2);
    runtime.resetCalls();
    const both = runtime.call<LinkPreIntakeResult>('linkPreIntakeRecords', { subject: other, caseId, records, requestId: 'link-000000032' });
    expect(both.rows).toEqual([last - 1, last]);
    // The search read fewer cells than this link, which read 支援記録's ケースID and 対象 columns.
    expect(runtime.cellsRead - searchedCells).toBeGreaterThan(2 * (last - 1) - 10);
  });

  it('refuses a case that is not in 共通シート, or a 対象 with nothing left to link', () => {
    const runtime = demoWorkbook(20);
    saveActivity(runtime, visit, 'pre-intake-0021');
    expect(() => runtime.call('linkPreIntakeRecords', { subject: SUBJECT, caseId: '1999-0001', requestId: 'link-000000002' }))
      .toThrow('ケースID「1999-0001」は共通シートにありません');
    const caseId = runtime.call<CaseSearchResult>('searchCases', {}).cases[0]!.caseId;
    expect(() => runtime.call('linkPreIntakeRecords', { subject: 'だれでもない', caseId, requestId: 'link-000000003' }))
      .toThrow('ケースIDのない支援記録はありません');
  });
});
