// What an agenda will hold, shown before it is written: the meeting, the
// cases on it in order with their times, the cases left out with why, the
// participants, and what writing it will do. Text only, never HTML.
import type { AgendaPreview } from '../../src/app/agenda/types';
import { fill, h } from '../shared/dom';
import { driftLines, itemLabel } from './agendaText';

export function renderPreview(target: HTMLElement, preview: AgendaPreview): void {
  const { meeting, items, excluded } = preview;
  const record = preview.meetingRecord;
  fill(target,
    h('h3', { class: 'agenda-title' }, `${meeting.type}\u3000${meeting.dateText}`),
    h('p', {}, `${meeting.start}〜${meeting.end}${meeting.place ? `\u3000場所：${meeting.place}` : ''}`),
    ...preview.notes.map((note) => h('p', { class: 'issue warning' }, `注意：${note}`)),
    preview.drift
      ? h('div', { class: 'issue warning', id: 'agenda-drift' },
        h('p', {}, `タブ「${preview.sheet}」は今の共通シートと合っていません。印刷・配布の前に「次第を作り直す」を押してください。`),
        h('ul', {}, ...driftLines(preview.drift).map((line) => h('li', {}, line))))
      : null,
    h('h4', {}, `載せるケース（${items.length}件）`),
    items.length
      ? h('ol', { class: 'agenda-items', id: 'agenda-items' }, ...items.map((item) => h('li', {},
        itemLabel(item), item.selectedBy === 'monitoringDue' ? h('span', { class: 'badge warning' }, 'モニタリング時期') : null)))
      : h('p', { class: 'mode' }, 'ありません。'),
    h('h4', {}, `載せないケース（${excluded.length}件）`),
    excluded.length
      ? h('ul', { class: 'problems', id: 'agenda-excluded' }, ...excluded.map((e) => h('li', { class: 'warning' },
        h('span', { class: 'place' }, e.caseId || `共通シート ${e.row}行目`), h('p', { class: 'message' }, e.message))))
      : h('p', { class: 'mode' }, 'ありません。'),
    h('h4', {}, '出席予定'),
    h('p', {}, preview.participants.join('、')),
    h('p', { class: 'hint' },
      !preview.sheetExists ? `タブ「${preview.sheet}」を作成します。`
        : preview.drift ? `作り直すと、タブ「${preview.sheet}」が上の内容に置き換わります。`
          : `タブ「${preview.sheet}」はすでにあり、今の共通シートと同じ内容です。作成すると置き換わります。`,
      record ? `会議記録の ${record.meetingId}（${record.status}）を更新します。` : '会議記録に「予定」として1行追加します。'),
  );
}
