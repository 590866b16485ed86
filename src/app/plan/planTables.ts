// 支援プラン and 役割分担 as the plan endpoints use them: each read once (a
// step about one case reads only the ケースID column and that case's rows),
// and a step's rows written one setValues per row and one append per tab,
// whatever the number of cases.
import { cellText, type Cell } from '../../domain/cell';
import { TAB, type FieldDef } from '../../domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../../domain/plan/fields';
import { tasksOf, type CasePlans, type PlanEdit, type ReadRow } from '../../domain/plan/lifecycle';
import type { CasePlanSources, PlanSource } from '../../domain/plan/agendaPlan';
import type { RecordText } from '../../domain/record';
import { planKey } from '../../domain/plan/rules';
import type { Settings } from '../../domain/settings';
import { createTab, STANDARD_TABS, type Book } from '../../sheets/book';
import type { ChangeEntry } from '../../sheets/changeLog';
import { appendRows, writeEachRow } from '../../sheets/tables';
import { readRecordTable, type RecordTable } from '../recordTable';
import { readCaseRows, type CaseTable } from '../sidebar/caseTable';

export interface PlanTables {
  readonly plans: RecordTable | null;
  readonly tasks: RecordTable | null;
}

const HINT = '1行目の見出しをそろえるか、メニューの「シートを準備」を実行してから、もう一度お試しください。';

function readOne(book: Book, settings: Settings, name: string, fields: readonly FieldDef[], caseIds?: readonly string[]): RecordTable | null {
  const sheet = book.sheets.get(name);
  const only = caseIds && { columns: ['caseId'], rowsWhere: { key: 'caseId', values: caseIds } };
  return sheet ? readRecordTable(sheet, book.timeZone, settings, { fields, kind: 'other', missingColumnsHint: HINT }, only) : null;
}

function createOne(book: Book, settings: Settings, name: string, fields: readonly FieldDef[]): RecordTable {
  const sheet = createTab(book, name, STANDARD_TABS.find((t) => t.name === name)!.initial());
  return readRecordTable(sheet, book.timeZone, settings, { fields, kind: 'other', missingColumnsHint: HINT });
}

/**
 * Both tabs as read; with `create`, a missing tab is made (steps that write),
 * but only after both are read, so that a tab refused (too large, a column
 * missing) leaves the workbook as it was. With `caseIds`, only the ケースID
 * column and those cases' rows are read (a step about one case).
 */
export function readPlanTables(book: Book, settings: Settings, create = false, caseIds?: readonly string[]): PlanTables {
  const plans = readOne(book, settings, TAB.plans, PLAN_FIELDS, caseIds);
  const tasks = readOne(book, settings, TAB.tasks, TASK_FIELDS, caseIds);
  if (!create) return { plans, tasks };
  return { plans: plans ?? createOne(book, settings, TAB.plans, PLAN_FIELDS), tasks: tasks ?? createOne(book, settings, TAB.tasks, TASK_FIELDS) };
}

function rowsOf(table: RecordTable | null, caseId: string): ReadRow[] {
  if (!table) return [];
  return table.indexesOf('caseId', caseId).map((index) => ({ index, raw: table.rawOf(index), text: table.textOf(index) }));
}

/** A case's record and its plan rows; throws in Japanese when the case is not in 共通シート. */
export function casePlansOf(cases: CaseTable, tables: PlanTables, caseId: string): CasePlans & { readonly caseIndex: number } {
  const caseIndex = cases.indexOfCase(caseId);
  if (caseIndex < 0) throw new Error(`ケースID「${caseId}」が共通シートに見つかりません。ケースIDを確かめてください。`);
  return { caseId, caseIndex, caseText: cases.textOf(caseIndex), plans: rowsOf(tables.plans, caseId), tasks: rowsOf(tables.tasks, caseId) };
}

/**
 * casePlansOf for an operation that only reads one case (the plan print, the
 * ケース票, the プラン view): of 共通シート, 支援プラン and 役割分担 it reads the
 * ケースID column and that case's rows, so its cells follow the case, not the workbook.
 */
export function readCasePlans(book: Book, settings: Settings, caseId: string): CasePlans & { readonly caseIndex: number } {
  return casePlansOf(readCaseRows(book, settings, [caseId]), readPlanTables(book, settings, false, [caseId]), caseId);
}

/**
 * readCasePlans for a paper that leaves the team (the person's copy, the ケース票):
 * refused before anything is written while 本人同意 is not あり, `refusal` saying
 * what cannot be made and what to do.
 */
export function readConsentedCasePlans(book: Book, settings: Settings, caseId: string, refusal: string): CasePlans & { readonly caseIndex: number } {
  const plans = readCasePlans(book, settings, caseId);
  const { consent } = plans.caseText;
  if (consent !== 'あり') throw new Error(`ケース「${plans.caseId}」は本人同意が「${consent || '未入力'}」のため、${refusal}`);
  return plans;
}

type Cells = Readonly<Record<string, Cell>>;

/**
 * Writes rows by index (null blanks a row's standard cells) over the standard
 * columns, one setValues per row (the rows between are not read, so never
 * written); then appends new rows in one write.
 */
function writeRowChanges(book: Book, table: RecordTable, fields: readonly FieldDef[], updates: ReadonlyMap<number, Cells | null>, appended: readonly Cells[]): void {
  const columns = fields.map((f) => table.columnOf.get(f.key)!);
  const rows = new Map([...updates].map(([index, cells]) => {
    const row = [...table.rows[index] ?? []];
    fields.forEach((f, i) => { row[columns[i]!] = cells ? cells[f.key] ?? '' : ''; });
    return [index, row] as const;
  }));
  writeEachRow(table.sheet, book.timeZone, rows, Math.min(...columns), Math.max(...columns), table.size);
  const width = Math.max(table.header.length, ...columns.map((c) => c + 1));
  appendRows(table.sheet, appended.map((cells) => {
    const row: Cell[] = Array.from({ length: width }, () => '');
    fields.forEach((f, i) => { row[columns[i]!] = cells[f.key] ?? ''; });
    return row;
  }), book.timeZone, { known: table.size });
}

const taskLine = (t: Cells): string => `${cellText(t.owner ?? '')}：${cellText(t.content ?? '')}（${cellText(t.progress ?? '') || '未着手'}）`;

/** Writes a step's plan and task rows; answers the 変更履歴 entries for them. */
export function writePlanEdit(book: Book, tables: Required<{ [K in keyof PlanTables]: RecordTable }>, plans: CasePlans, edit: PlanEdit, operation: string): ChangeEntry[] {
  const log: ChangeEntry[] = [];
  const planUpdates = new Map<number, Cells>();
  const planAppends: Cells[] = [];
  for (const { index, cells } of edit.planRows) {
    const before = index === null ? {} : tables.plans.textOf(index);
    const version = cellText(cells.version ?? '');
    for (const f of PLAN_FIELDS) {
      const after = f.type === 'date' && typeof cells[f.key] === 'object' ? cellText(cells[f.key]!).slice(0, 10) : cellText(cells[f.key] ?? '');
      if ((before[f.key] ?? '') !== after) log.push({ operation, sheet: TAB.plans, caseId: plans.caseId, field: `${version}版 ${f.header}`, before: before[f.key] ?? '', after });
    }
    if (index === null) planAppends.push(cells);
    else planUpdates.set(index, cells);
  }
  writeRowChanges(book, tables.plans, PLAN_FIELDS, planUpdates, planAppends);

  const taskUpdates = new Map<number, Cells | null>();
  const taskAppends: Cells[] = [];
  for (const set of edit.taskSets) {
    const existing = tasksOf(plans, set.version);
    existing.forEach((t, i) => taskUpdates.set(t.index, set.rows[i] ?? null));
    taskAppends.push(...set.rows.slice(existing.length));
    const [before, after] = [existing.map((t) => taskLine(t.raw)).join('／'), set.rows.map(taskLine).join('／')];
    if (before !== after) log.push({ operation, sheet: TAB.tasks, caseId: plans.caseId, field: `${set.version}版 役割分担`, before, after });
  }
  writeRowChanges(book, tables.tasks, TASK_FIELDS, taskUpdates, taskAppends);
  return log;
}

/** The plan in force and the 案 of each case asked for, for agenda items. */
export function planSourcesOf(tables: PlanTables, caseIds: ReadonlySet<string>): Map<string, CasePlanSources> {
  const sources = new Map<string, { current?: PlanSource; draft?: PlanSource }>();
  const tasks = new Map<string, RecordText[]>();
  if (tables.tasks) {
    for (const i of tables.tasks.filled) {
      const t = tables.tasks.textOf(i);
      if (!caseIds.has(t.caseId ?? '')) continue;
      const key = planKey(t.caseId!, t.version ?? '');
      tasks.set(key, [...(tasks.get(key) ?? []), t]);
    }
  }
  for (const i of tables.plans?.filled ?? []) {
    const plan = tables.plans!.textOf(i);
    const caseId = plan.caseId ?? '';
    const slot = plan.planStatus === '決定' ? 'current' : plan.planStatus === '案' ? 'draft' : null;
    if (!caseIds.has(caseId) || !slot) continue;
    const entry = sources.get(caseId) ?? {};
    entry[slot] ??= { plan, tasks: tasks.get(planKey(caseId, plan.version ?? '')) ?? [] };
    sources.set(caseId, entry);
  }
  return sources;
}
