// What a meeting decided, applied to a case: the changes to write, or the
// rules the outcome would break (and only those it would bring in).
import { checkOutcome } from '../../src/domain/agenda/outcome';
import { judgeOutcome } from '../../src/domain/caseOutcome';
import { dateCell, type Cell } from '../../src/domain/cell';
import { CASE_FIELDS } from '../../src/domain/fields';
import { DEFAULT_SETTINGS } from '../../src/domain/settings';

const TODAY = '2026-12-09';

/** A case row as the sheet gives it: dates as date cells. */
function row(fields: Record<string, Cell> = {}): Record<string, Cell> {
  return {
    ...Object.fromEntries(CASE_FIELDS.map((f) => [f.key, ''])),
    caseId: '2026-0001', receivedOn: dateCell('2026-04-01'), referrerAgency: '地域包括支援センター', referrerField: '高齢',
    personName: '試験 太郎', lifeAreas: '介護', summary: '相談', reason: '複合課題', consent: 'あり', consentOn: dateCell('2026-04-02'),
    status: '受付', nextMeetingType: '支援会議', nextMeetingOn: dateCell('2026-12-08'),
    ...fields,
  };
}

describe('judgeOutcome', () => {
  it('gives the fields that change, normalised, with their headers', () => {
    const verdict = judgeOutcome(row(), {
      status: '支援中', nextMeetingType: '重層的支援会議', nextMeetingOn: '令和9年1月28日', nextMonitoringOn: '2027/1/5', closedOn: '', closingNote: '',
    }, DEFAULT_SETTINGS, TODAY);
    expect(verdict.errors).toEqual([]);
    expect(verdict.changes.map((c) => [c.header, c.before, c.after])).toEqual([
      ['状態', '受付', '支援中'],
      ['次回会議種別', '支援会議', '重層的支援会議'],
      ['次回会議予定日', '2026-12-08', '2027-01-28'],
      ['次回モニタリング日', '', '2027-01-05'],
    ]);
    expect(verdict.changes.find((c) => c.key === 'nextMeetingOn')!.cell).toEqual(dateCell('2027-01-28'));
  });

  it('refuses 終結 without 終結日 and 終結理由, and takes it with them', () => {
    const refused = judgeOutcome(row(), { status: '終結' }, DEFAULT_SETTINGS, TODAY);
    expect(refused.changes).toEqual([]);
    expect(refused.errors.map((e) => [e.field, e.code])).toEqual([['closedOn', 'closing_required'], ['closingNote', 'closing_required']]);
    const taken = judgeOutcome(row(), { status: '終結', closedOn: '2026-12-08', closingNote: '目標を達成したため。' }, DEFAULT_SETTINGS, TODAY);
    expect(taken.errors).toEqual([]);
    expect(taken.changes.map((c) => c.key)).toEqual(['status', 'closedOn', 'closingNote']);
  });

  it('refuses a next meeting that needs consent the person has not given, and half a next meeting', () => {
    const noConsent = judgeOutcome(row({ consent: 'なし', consentOn: '' }), { nextMeetingType: '重層的支援会議', nextMeetingOn: '2027-01-28' }, DEFAULT_SETTINGS, TODAY);
    expect(noConsent.errors.map((e) => e.code)).toEqual(['consent_required_for_meeting']);
    const half = judgeOutcome(row(), { nextMeetingType: '支援会議', nextMeetingOn: '' }, DEFAULT_SETTINGS, TODAY);
    expect(half.errors.map((e) => [e.field, e.code])).toEqual([['nextMeetingOn', 'meeting_incomplete']]);
    const typo = judgeOutcome(row(), { nextMeetingOn: '2027-02-30' }, DEFAULT_SETTINGS, TODAY);
    expect(typo.errors.map((e) => [e.field, e.code])).toEqual([['nextMeetingOn', 'invalid_date']]);
  });

  it('is not stopped by a mistake the case already had, and does not count it as its own', () => {
    const verdict = judgeOutcome(row({ referrerAgency: '包括支援センター' }), { status: '支援中' }, DEFAULT_SETTINGS, TODAY);
    expect(verdict.errors).toEqual([]);
    expect(verdict.changes.map((c) => c.key)).toEqual(['status']);
  });

  it('leaves out what it is not given, and warns of a monitoring date already past', () => {
    const verdict = judgeOutcome(row(), { nextMonitoringOn: '2026-12-01' }, DEFAULT_SETTINGS, TODAY);
    expect(verdict.changes.map((c) => c.key)).toEqual(['nextMonitoringOn']);
    expect(verdict.warnings.map((w) => w.code)).toEqual(['monitoring_overdue']);
  });
});

describe('checkOutcome', () => {
  it('says what the rules say about the outcome fields alone, as the sidebar shows them while typing', () => {
    const values = { status: 'つなぎもどし', nextMeetingType: '重層的支援会議', nextMeetingOn: '', nextMonitoringOn: '', closedOn: '2026-12-20', closingNote: '' };
    expect(checkOutcome(values, '確認中', DEFAULT_SETTINGS, TODAY).map((f) => [f.field, f.code])).toEqual([
      ['nextMeetingType', 'consent_required_for_meeting'],
      ['nextMeetingOn', 'meeting_incomplete'],
      ['closedOn', 'future_date'],
      ['closingNote', 'closing_required'],
    ]);
  });
});
