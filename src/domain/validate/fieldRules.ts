// Rules that look at one field alone, driven by its definition in fields.ts:
// required, invalid_date, unknown_value and the form of IDs, times and counts.
import type { FieldDef } from '../fields';
import { isIsoDate, splitList } from '../normalize';
import type { RecordText } from '../record';
import { sourceValues, type Settings } from '../settings';
import { closestValue } from '../suggest';
import { finding, say, type Finding } from './problem';

/** `YYYY-NNNN`, and `YYYY-NNNNN` once a year passes 9999 (SPEC §3). */
export const CASE_ID_PATTERN = /^\d{4}-(?:\d{4}|[1-9]\d{4})$/;
/** HH:MM on a 24-hour clock (開始時刻). */
export const TIME_PATTERN = /^([01]\d|2[0-3]):[0-5]\d$/;

function allowedValues(field: FieldDef, settings: Settings): { values: readonly string[]; where: string } | null {
  if (!field.source) return null;
  if (field.source.kind === 'fixed') return { values: field.source.values, where: '選択肢' };
  const values = sourceValues(field.source, settings);
  // An empty 設定 list (圏域 by default) accepts any value until the town fills it.
  return values.length ? { values, where: `設定タブの一覧` } : null;
}

function checkValueAgainstList(field: FieldDef, value: string, settings: Settings): Finding[] {
  const allowed = allowedValues(field, settings);
  if (!allowed) return [];
  const items = field.type === 'list' ? splitList(value) : [value];
  return items
    .filter((item) => !allowed.values.includes(item))
    .map((item) => finding(field.key, 'unknown_value',
      say.unknownValue(field.header, item, closestValue(item, allowed.values), allowed.where)));
}

function checkForm(field: FieldDef, value: string): Finding[] {
  switch (field.type) {
    case 'date':
      return isIsoDate(value) ? [] : [finding(field.key, 'invalid_date', say.invalidDate(field.header, value))];
    case 'time':
      return TIME_PATTERN.test(value) ? [] : [finding(field.key, 'invalid_format', say.invalidTime(value))];
    case 'integer':
      return /^[1-9]\d*$/.test(value) ? [] : [finding(field.key, 'invalid_format', say.invalidCount(field.header, value))];
    case 'id':
      return field.key === 'caseId' && !CASE_ID_PATTERN.test(value)
        ? [finding(field.key, 'invalid_format', say.invalidCaseId(value))]
        : [];
    default:
      return [];
  }
}

/** Field-alone findings for every field of a record. */
export function checkFields(fields: readonly FieldDef[], record: RecordText, settings: Settings): Finding[] {
  const findings: Finding[] = [];
  for (const field of fields) {
    if (field.system) continue;
    const value = record[field.key] ?? '';
    if (value === '') {
      if (field.required) findings.push(finding(field.key, 'required', say.required(field.header)));
      continue;
    }
    findings.push(...checkForm(field, value), ...checkValueAgainstList(field, value, settings));
  }
  return findings;
}

/** A readable ISO date of a field, or null when it is blank or not a date. */
export function dateOf(record: RecordText, key: string): string | null {
  const value = record[key] ?? '';
  return isIsoDate(value) ? value : null;
}
