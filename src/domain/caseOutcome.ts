// What a meeting or a plan step decided for a case, applied to its 共通シート
// record: the next meeting, the next monitoring, the 状態 (with 終結日・終結理由
// when it closes). An outcome that would make the case break a rule it did not
// break before is refused, so no step ever leaves an invalid case. Neither
// meeting nor plan code owns it: both call it.
import type { Cell } from './cell';
import { CASE_FIELDS } from './fields';
import type { RawRecord } from './record';
import { readCaseRecord } from './schema';
import type { Settings } from './settings';
import type { Finding } from './validate/problem';

export const OUTCOME_KEYS = ['status', 'nextMeetingType', 'nextMeetingOn', 'nextMonitoringOn', 'closedOn', 'closingNote'] as const;
export type OutcomeKey = (typeof OUTCOME_KEYS)[number];
/** What a meeting or a plan step may change on a case: the outcome form's fields, and プラン作成日 that deciding a plan fills. */
export const FOLLOW_KEYS = [...OUTCOME_KEYS, 'planOn'] as const;
export type FollowKey = (typeof FOLLOW_KEYS)[number];

/** A field left out stays as it is; '' empties it. */
export type OutcomeValues = Partial<Record<FollowKey, string>>;

export const isOutcomeField = (f: Finding): boolean => (FOLLOW_KEYS as readonly string[]).includes(f.field);
const keyOf = (f: Finding): string => `${f.field}|${f.code}`;

export interface OutcomeChange {
  readonly key: FollowKey;
  readonly header: string;
  readonly before: string;
  readonly after: string;
  /** The normalised cell to write. */
  readonly cell: Cell;
}

export interface OutcomeVerdict {
  /** The fields whose value changes; empty when refused. */
  readonly changes: readonly OutcomeChange[];
  /** Errors the outcome would bring in: when any, nothing is written for the case. */
  readonly errors: readonly Finding[];
  /** Warnings on the outcome's fields after it (a monitoring date already past …). */
  readonly warnings: readonly Finding[];
}

/** Judges an outcome against the case's record as read from the sheet. */
export function judgeOutcome(raw: RawRecord, outcome: OutcomeValues, settings: Settings, today: string): OutcomeVerdict {
  const read = readCaseRecord(settings, today);
  const before = read(raw);
  const after = read({ ...raw, ...outcome });
  const warnings = after.findings.filter((f) => f.severity === 'warning' && isOutcomeField(f));
  // A row whose cells cannot be read at all (text over the size limit) takes no outcome.
  if (!before.record || !after.record) return { changes: [], errors: after.findings.filter((f) => f.severity === 'error'), warnings };
  const earlier = new Set(before.findings.filter((f) => f.severity === 'error').map(keyOf));
  const errors = after.findings.filter((f) => f.severity === 'error' && !earlier.has(keyOf(f)));
  if (errors.length) return { changes: [], errors, warnings };
  const { text: was } = before.record;
  const { text: now, cells } = after.record;
  const changes = FOLLOW_KEYS.filter((key) => key in outcome && (was[key] ?? '') !== (now[key] ?? '')).map((key) => ({
    key,
    header: CASE_FIELDS.find((f) => f.key === key)!.header,
    before: was[key] ?? '',
    after: now[key] ?? '',
    cell: cells[key] ?? '',
  }));
  return { changes, errors, warnings };
}

