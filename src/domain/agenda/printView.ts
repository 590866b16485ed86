// The agenda as a page to print on A4: the paper's print view (../paper),
// with 取扱注意 at the top right for a meeting held without consent.
import { paperHtml } from '../paper/printHtml';
import { AGENDA_COLUMNS, HANDLE_WITH_CARE, type AgendaLayout } from './render';

export function agendaPrintHtml(layout: AgendaLayout): string {
  return paperHtml({
    title: layout.title, columns: AGENDA_COLUMNS, rows: layout.rows, headerRows: layout.headerRows, orientation: 'portrait',
    ...(layout.confidential ? { mark: HANDLE_WITH_CARE, bodyClass: 'confidential' } : {}),
  });
}
