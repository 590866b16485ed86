// What a cell holds once it has left the spreadsheet: the core never sees a
// JavaScript Date, because a Date is an instant and a cell holds a calendar day.

/** A calendar date, optionally with a wall-clock time, free of any time zone. */
export interface DateCell {
  readonly kind: 'date';
  /** `YYYY-MM-DD`, or `YYYY-MM-DDTHH:MM:SS` when the cell has a time of day. */
  readonly iso: string;
}

export type Cell = string | number | boolean | DateCell;

export function dateCell(iso: string): DateCell {
  return { kind: 'date', iso };
}

export function isDateCell(value: unknown): value is DateCell {
  return typeof value === 'object' && value !== null && (value as DateCell).kind === 'date';
}

export function isBlankCell(value: Cell): boolean {
  return typeof value === 'string' && value.trim() === '';
}

/** The text a person sees for a cell, used wherever a value is compared or shown. */
export function cellText(value: Cell): string {
  if (isDateCell(value)) return value.iso.replace('T', ' ');
  return String(value);
}
