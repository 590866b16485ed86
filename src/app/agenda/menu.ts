// 「会議次第を作成…」: the sidebar, opened on its 会議次第 view.
import { openSidebar, reportingErrors } from '../menu';

export function menuAgenda(): void {
  reportingErrors('会議次第を作成', () => openSidebar('agenda'));
}
