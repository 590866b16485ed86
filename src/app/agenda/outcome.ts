// 「結果を保存」 after a meeting: 会議記録 goes to 開催済 (or 中止) and each
// case gets what the meeting decided, all in one save under the document
// lock. 共通シート is written with one setValues per case over the columns
// the outcomes touch; every changed value is logged to 変更履歴.
// Nothing is written when any outcome would leave a case breaking a rule, or
// would change a field a colleague changed since the form was loaded.
import { changedOutcome, outcomeConflicts } from '../../domain/agenda/outcome';
import type { Cell } from '../../domain/cell';
import { judgeOutcome, type OutcomeValues } from '../../domain/caseOutcome';
import { MEETING_FIELDS, TAB } from '../../domain/fields';
import { isIsoDate, joinList, splitList, todayInTokyo } from '../../domain/normalize';
import { readMeetingRecord } from '../../domain/schema';
import type { Settings } from '../../domain/settings';
import { sheetRow } from '../../domain/table';
import { finding, OTHER_ROWS_NAMED, say, type Finding } from '../../domain/validate/problem';
import { openBook, readBookSettings } from '../../sheets/book';
import { currentUser, logChanges, type ChangeEntry } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { saveOnce } from '../../sheets/recentSaves';
import { writeRows } from '../../sheets/tables';
import { writeCaseUpdates, type CaseUpdate } from '../caseUpdates';
import { meetingOutcomeArgs, parseArgs } from '../contracts';
import { decideStep, reviewStep } from '../../domain/plan/lifecycle';
import { judgePlanStep, writePlanStep, type Step } from '../plan/steps';
import type { RecordTable } from '../recordTable';
import { readCaseRows, type CaseTable } from '../sidebar/caseTable';
import { readMeetingTable } from './meetingTable';
import type { OutcomeResult } from './types';

type Args = ReturnType<typeof parseArgs<typeof meetingOutcomeArgs>>;
type CaseFinding = Finding & { readonly caseId: string };

const operation = (meetingId: string): string => `会議の結果を記録（${meetingId}）`;

/** Judges every outcome; the updates to write, or the errors that stop the save. */
function judgeAll(args: Args, listed: readonly string[], cases: CaseTable, settings: Settings, today: string) {
  const errors: CaseFinding[] = [];
  const warnings: CaseFinding[] = [];
  const updates: CaseUpdate[] = [];
  const seen = new Set<string>();
  for (const outcome of args.outcomes) {
    const { caseId, plan: _plan, loaded, ...sent } = outcome;
    const refuse = (code: Parameters<typeof finding>[1], message: string): void => { errors.push({ ...finding('caseId', code, message), caseId }); };
    if (seen.has(caseId)) { refuse('duplicate_case_id', `ケースID「${caseId}」の結果が2回送られました。1回にまとめてください。`); continue; }
    seen.add(caseId);
    if (!listed.includes(caseId)) { refuse('unknown_case', `ケースID「${caseId}」はこの会議の検討ケースにありません。`); continue; }
    const index = cases.indexOfCase(caseId);
    if (index < 0) { refuse('unknown_case', say.unknownCase(caseId)); continue; }
    const rows = cases.indexesOf('caseId', caseId).map(sheetRow);
    if (rows.length > 1) { refuse('duplicate_case_id', say.duplicateCaseId(caseId, rows.slice(0, OTHER_ROWS_NAMED + 1), rows.length - OTHER_ROWS_NAMED - 1)); continue; }
    // With the form's loaded values, only what the coordinator changed is judged and written.
    const values: OutcomeValues = loaded ? changedOutcome(loaded, sent, settings) : sent;
    const conflicts = loaded ? outcomeConflicts(loaded, values, cases.textOf(index), settings) : [];
    if (conflicts.length) { errors.push(...conflicts.map((f) => ({ ...f, caseId }))); continue; }
    const verdict = judgeOutcome(cases.rawOf(index), values, settings, today);
    errors.push(...verdict.errors.map((f) => ({ ...f, caseId })));
    warnings.push(...verdict.warnings.map((f) => ({ ...f, caseId })));
    if (verdict.changes.length) updates.push({ index, caseId, changes: verdict.changes });
  }
  return { errors, warnings, updates };
}

/** The meeting's row with its new 状態, 出席機関 and 決定事項; errors when a value is not allowed. */
function meetingUpdate(table: RecordTable, index: number, args: Args, settings: Settings) {
  const cells: Record<string, Cell> = { ...table.rawOf(index), meetingStatus: args.meetingStatus };
  if (args.attendingAgencies) cells.attendingAgencies = joinList(args.attendingAgencies);
  if (args.decisions !== undefined) cells.decisions = args.decisions;
  const read = readMeetingRecord(settings);
  const earlier = new Set(read(table.rawOf(index)).findings.map((f) => `${f.field}|${f.code}`));
  const { record, findings } = read(cells);
  const errors = findings.filter((f) => f.severity === 'error' && !earlier.has(`${f.field}|${f.code}`));
  const row = [...table.rows[index]!];
  const changes: { header: string; before: string; after: string }[] = [];
  if (record) {
    for (const field of MEETING_FIELDS) {
      const [before, after] = [table.textOf(index)[field.key] ?? '', record.text[field.key] ?? ''];
      if (before === after) continue;
      row[table.columnOf.get(field.key)!] = record.cells[field.key] ?? '';
      changes.push({ header: field.header, before, after });
    }
  }
  return { row, changes, errors };
}

/**
 * The plan steps a meeting's outcomes ask for: only a held meeting that needs
 * consent (重層的支援会議) decides or reviews plans, on the meeting's date and
 * under its 会議ID.
 */
function planStepsOf(args: Args, meeting: Readonly<Record<string, string>>, settings: Settings) {
  const asked = args.outcomes.filter((o) => o.plan);
  const type = settings.meetingTypes.find((m) => m.name === meeting.meetingType);
  const refuse = (message: string) => ({ steps: [], errors: asked.map((o) => ({ ...finding('caseId', 'consent_required_for_plan', message), caseId: o.caseId })) });
  if (asked.length && !type?.consentRequired) return refuse(`プランの決定・評価は、本人同意が必要な会議（重層的支援会議など）で行います。「${meeting.meetingType}」では記録できません。`);
  if (asked.length && args.meetingStatus !== '開催済') return refuse('中止した会議では、プランの決定・評価は記録できません。');
  const on = meeting.heldOn ?? '';
  const steps = asked.map((o) => {
    const plan = o.plan!;
    const step: Step = plan.action === 'decide'
      ? (plans, s, t) => decideStep(plans, { ...plan, decidedOn: on, meetingId: args.meetingId }, s, t)
      : (plans, s, t) => reviewStep(plans, { ...plan, reviewedOn: on }, s, t);
    return { caseId: o.caseId, step };
  });
  return { steps, errors: [] };
}

export function recordMeetingOutcome(rawArgs?: unknown): OutcomeResult {
  const args = parseArgs(meetingOutcomeArgs, rawArgs);
  const today = todayInTokyo();
  return withDocumentLock(() => saveOnce(args.requestId, (properties): OutcomeResult => {
    const book = openBook();
    const { settings } = readBookSettings(book);
    const meetings = readMeetingTable(book, settings, args.meetingId);
    const index = meetings ? meetings.indexOf('meetingId', args.meetingId) : -1;
    if (!meetings || index < 0) throw new Error(`会議ID「${args.meetingId}」が${TAB.meetings}に見つかりません。ほかの方が変更した可能性があります。一覧を読み込み直してください。`);
    const heldOn = meetings.textOf(index).heldOn ?? '';
    if (args.meetingStatus === '開催済' && isIsoDate(heldOn) && heldOn > today) {
      throw new Error(`開催日（${heldOn}）がまだ来ていないため、「開催済」にできません。会議のあとで記録してください。`);
    }
    const listed = splitList(meetings.textOf(index).caseIds ?? '');
    const cases = readCaseRows(book, settings, listed);
    const judged = judgeAll(args, listed, cases, settings, today);
    const meeting = meetingUpdate(meetings, index, args, settings);
    const errors = [...meeting.errors.map((f) => ({ ...f, caseId: '' })), ...judged.errors];
    if (errors.length) return { saved: false, errors };
    const planSteps = planStepsOf(args, meetings.textOf(index), settings);
    const planErrors = [...planSteps.errors, ...planSteps.steps.flatMap((p) => {
      const verdict = judgePlanStep(book, settings, cases, p.caseId, p.step, today);
      return verdict.ok ? [] : verdict.errors.map((f) => ({ ...f, caseId: p.caseId }));
    })];
    if (planErrors.length) return { saved: false, errors: planErrors };

    const op = operation(args.meetingId);
    const entries: ChangeEntry[] = [];
    const updates = [...judged.updates];
    for (const p of planSteps.steps) {
      // Judged again on the tabs as the previous case's step left them.
      const verdict = judgePlanStep(book, settings, cases, p.caseId, p.step, today);
      if (!verdict.ok) throw new Error(verdict.errors.map((e) => e.message).join(' '));
      entries.push(...writePlanStep(book, verdict, op));
      const at = updates.findIndex((u) => u.caseId === p.caseId);
      const byMeeting = at >= 0 ? updates[at]!.changes : [];
      // What the meeting typed for the case wins over what the plan step would set.
      const changes = [...verdict.caseChanges.filter((c) => !byMeeting.some((m) => m.key === c.key)), ...byMeeting];
      if (at >= 0) updates[at] = { ...updates[at]!, changes };
      else if (changes.length) updates.push({ index: verdict.caseIndex, caseId: p.caseId, changes });
    }
    const user = currentUser();
    writeCaseUpdates(book, cases, updates, user);
    writeRows(meetings.sheet, sheetRow(index), [meeting.row], book.timeZone, meetings.size);
    entries.unshift(
      ...meeting.changes.map((c) => ({ operation: op, sheet: TAB.meetings, caseId: '', field: c.header, before: c.before, after: c.after })),
      ...judged.updates.flatMap((u) => u.changes.map((c) => ({ operation: op, sheet: TAB.cases, caseId: u.caseId, field: c.header, before: c.before, after: c.after }))),
    );
    logChanges(book, entries, { properties, user });
    return {
      saved: true, meetingId: args.meetingId, meetingStatus: args.meetingStatus,
      updatedCases: updates.map((u) => u.caseId), warnings: judged.warnings,
    };
  }));
}

