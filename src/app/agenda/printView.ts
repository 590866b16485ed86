// 「印刷用に開く」: the agenda as an A4 page in a dialog beside the sheet, with
// the page numbers, repeated header and 取扱注意 a sheet cannot print.
import { agendaPrintHtml } from '../../domain/agenda/printView';
import { layoutAgenda } from '../../domain/agenda/render';
import { agendaArgs, parseArgs } from '../contracts';
import { showPaperDialog } from '../paper';
import { prepareAgenda } from './prepare';

export function showAgendaPrintView(rawArgs?: unknown): { readonly title: string } {
  const args = parseArgs(agendaArgs, rawArgs);
  const { agenda } = prepareAgenda(args);
  return showPaperDialog(agendaPrintHtml(layoutAgenda(agenda)), `印刷用：${agenda.sheet}`);
}
