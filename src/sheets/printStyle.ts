// Tabs meant to be printed (次第, 集計): body text at 11 pt, since printed
// material for staff and meetings must be at least 10.5 pt (JIS X 8341-3 /
// WCAG 1.4.4 on paper) and Sheets' default is 10 pt. Text stays black; the
// backgrounds the tabs use are light, so contrast stays far above 4.5:1.
import { approvalPadding, type LayoutRow } from '../domain/paper/layout';

export const PRINT_FONT_SIZE = 11;

/** Rules the 決裁欄 (two rows at the foot, titles then stamp boxes), when the paper has one: one call for its borders, one for centring. */
export function ruleApprovals(sheet: GoogleAppsScript.Spreadsheet.Sheet, rows: readonly LayoutRow[], width: number): void {
  const at = rows.findIndex((r) => r.role === 'approval');
  if (at < 0) return;
  const pad = approvalPadding(rows[at]!);
  const boxes = sheet.getRange(at + 1, pad + 1, 2, width - pad);
  boxes.setBorder(true, true, true, true, true, true);
  boxes.setHorizontalAlignment('center');
}
