// What the sidebar's プラン view reads: the cases to pick from (ケースID, 年代,
// 機関 — never a name) and one case's plan history with its tasks.
import { isClosedStatus, TAB } from '../../domain/fields';
import { PLAN_FIELDS, TASK_FIELDS } from '../../domain/plan/fields';
import { tasksOf, versionOf } from '../../domain/plan/lifecycle';
import { todayInTokyo } from '../../domain/normalize';
import { openBook, readBookSettings, type Book } from '../../sheets/book';
import { headerTexts } from '../../sheets/tables';
import { parseArgs } from '../contracts';
import { readCaseTable } from '../sidebar/caseTable';
import { casePlansArgs, planCasesArgs } from './contracts';
import { readCasePlans } from './planTables';

export interface PlanCaseChoice {
  readonly caseId: string;
  readonly ageBand: string;
  /** 主担当機関, else つなぎ元機関. */
  readonly agency: string;
  readonly consent: string;
  readonly status: string;
}

export interface PlanCases {
  readonly today: string;
  readonly cases: readonly PlanCaseChoice[];
  /** The case of the row selected in 共通シート, 支援プラン or 役割分担, if any. */
  readonly selectedCaseId: string | null;
}

export interface PlanVersionView {
  readonly row: number;
  readonly version: number;
  /** Every 支援プラン field as text. */
  readonly plan: Readonly<Record<string, string>>;
  /** Its 役割分担 rows as text, in order. */
  readonly tasks: readonly Readonly<Record<string, string>>[];
}

export interface CasePlansView {
  readonly caseId: string;
  readonly ageBand: string;
  readonly agency: string;
  readonly consent: string;
  readonly status: string;
  /** Why no plan can be drafted now, or null. */
  readonly refusal: string | null;
  /** Newest version first. */
  readonly versions: readonly PlanVersionView[];
}

const SELECTABLE: readonly string[] = [TAB.cases, TAB.plans, TAB.tasks];

/** The ケースID on the row selected in 共通シート, 支援プラン or 役割分担, read from that row alone; null elsewhere. */
export function selectedCaseId(book: Book): string | null {
  const range = book.spreadsheet.getActiveRange();
  if (!range || !SELECTABLE.includes(range.getSheet().getName()) || range.getRow() < 2) return null;
  const sheet = range.getSheet();
  const column = headerTexts(sheet).indexOf('ケースID');
  const value = column >= 0 ? String(sheet.getSheetValues(range.getRow(), column + 1, 1, 1)[0]![0]).trim() : '';
  return value || null;
}

export function getPlanCases(rawArgs?: unknown): PlanCases {
  const args = parseArgs(planCasesArgs, rawArgs);
  const book = openBook();
  const { settings } = readBookSettings(book);
  const table = readCaseTable(book, settings);
  const cases = table.filled.map((i) => table.textOf(i)).filter((t) => t.caseId).map((t) => ({
    caseId: t.caseId!, ageBand: t.ageBand ?? '', agency: t.mainAgency || t.referrerAgency || '', consent: t.consent ?? '', status: t.status ?? '',
  }));
  const selected = selectedCaseId(book);
  return { today: args.today ?? todayInTokyo(), cases, selectedCaseId: cases.some((c) => c.caseId === selected) ? selected : null };
}

export function getCasePlans(rawArgs?: unknown): CasePlansView {
  const args = parseArgs(casePlansArgs, rawArgs);
  const book = openBook();
  const { settings } = readBookSettings(book);
  const plans = readCasePlans(book, settings, args.caseId);
  const t = plans.caseText;
  const refusal = t.consent !== 'あり'
    ? `本人同意が「${t.consent || '未入力'}」のため、プランは作れません。同意を得て共通シートの本人同意を「あり」にしてから作成してください。`
    : isClosedStatus(t.status ?? '') ? `このケースは${t.status}のため、プランは作れません。` : null;
  const asText = (fields: typeof PLAN_FIELDS, text: Readonly<Record<string, string>>) => Object.fromEntries(fields.map((f) => [f.key, text[f.key] ?? '']));
  const versions = plans.plans.map((p) => ({
    row: p.index + 2,
    version: versionOf(p),
    plan: asText(PLAN_FIELDS, p.text),
    tasks: tasksOf(plans, versionOf(p)).map((task) => asText(TASK_FIELDS, task.text)),
  })).sort((a, b) => b.version - a.version);
  return { caseId: plans.caseId, ageBand: t.ageBand ?? '', agency: t.mainAgency || t.referrerAgency || '', consent: t.consent ?? '', status: t.status ?? '', refusal, versions };
}
