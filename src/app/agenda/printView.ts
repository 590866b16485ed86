// 「印刷用に開く」: the agenda as an A4 page in a dialog beside the sheet, with
// the page numbers, repeated header and 取扱注意 a sheet cannot print.
import { agendaPrintHtml } from '../../domain/agenda/printView';
import { layoutAgenda } from '../../domain/agenda/render';
import { agendaArgs, parseArgs } from '../contracts';
import { prepareAgenda } from './prepare';

const DIALOG = { width: 860, height: 640 } as const;

export function showAgendaPrintView(rawArgs?: unknown): { readonly title: string } {
  const args = parseArgs(agendaArgs, rawArgs);
  const { agenda } = prepareAgenda(args);
  const page = HtmlService.createHtmlOutput(agendaPrintHtml(layoutAgenda(agenda))).setWidth(DIALOG.width).setHeight(DIALOG.height);
  const title = `印刷用：${agenda.sheet}`;
  SpreadsheetApp.getUi().showModelessDialog(page, title);
  return { title };
}
