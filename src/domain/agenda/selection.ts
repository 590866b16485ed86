// Which cases go on an agenda (SPEC §8): selection, the consent gate, the
// kind of item and the order; every case that asked for the meeting and is
// left out is reported with why.
import { isClosedStatus } from '../fields';
import { isIsoDate } from '../normalize';
import type { MeetingType, Settings } from '../settings';
import { dateOf } from '../validate/fieldRules';
import { ITEM_KINDS, type AgendaRequest, type CaseRow, type Exclusion, type ItemKind } from './types';

export interface SelectedCase extends CaseRow {
  readonly kind: ItemKind;
  readonly selectedBy: 'scheduled' | 'monitoringDue';
}

export interface Selection {
  readonly selected: readonly SelectedCase[];
  readonly excluded: readonly Exclusion[];
}

const KIND_OF_STATUS: Readonly<Record<string, ItemKind>> = {
  受付: '新規検討',
  アセスメント中: '新規検討',
  プラン作成中: '新規検討',
  支援中: 'モニタリング',
  終結検討: '終結評価',
};

export function kindOfStatus(status: string): ItemKind | null {
  return KIND_OF_STATUS[status] ?? null;
}

/** The meeting a case without consent can go to instead: the first type in 設定 that needs none. */
function meetingWithoutConsent(settings: Settings): string {
  return settings.meetingTypes.find((m) => !m.consentRequired)?.name ?? '支援会議';
}

const say = {
  closed: (status: string) => `状態が「${status}」のため載せません。次回会議予定日が残っていれば消してください。`,
  noConsent: (consent: string, meeting: string, instead: string) =>
    `本人同意が「${consent || '空欄'}」のため、本人同意が必要な「${meeting}」には載せません。同意を得るか、「${instead}」で検討してください。`,
  noCaseId: () => 'ケースIDがないため載せられません。メニューの「標準化」を実行するとケースIDが付きます。',
  unknownStatus: (status: string) =>
    `状態が${status ? `「${status}」` : '空欄'}のため、新規検討・モニタリング・終結評価のどれにするか決められません。状態を直してください。`,
  invalidDate: (value: string) => `次回会議予定日「${value}」が日付として読めないため、この日の会議か分かりません。2026/12/8 の形に直してください。`,
};

/** The order of SPEC §8: by kind, then 受付日 (unreadable last), then ケースID. */
function compareSelected(a: SelectedCase, b: SelectedCase): number {
  const kind = ITEM_KINDS.indexOf(a.kind) - ITEM_KINDS.indexOf(b.kind);
  if (kind !== 0) return kind;
  const [ra, rb] = [dateOf(a.text, 'receivedOn') ?? '9999', dateOf(b.text, 'receivedOn') ?? '9999'];
  if (ra !== rb) return ra < rb ? -1 : 1;
  const [ia, ib] = [a.text.caseId ?? '', b.text.caseId ?? ''];
  return ia < ib ? -1 : ia > ib ? 1 : a.row - b.row;
}

export function selectCases(cases: readonly CaseRow[], meeting: MeetingType, settings: Settings, request: AgendaRequest): Selection {
  const selected: SelectedCase[] = [];
  const excluded: Exclusion[] = [];
  for (const c of cases) {
    const t = c.text;
    if (t.nextMeetingType !== meeting.name) continue;
    const status = t.status ?? '';
    const caseId = t.caseId ?? '';
    const exclude = (code: Exclusion['code'], message: string): void => { excluded.push({ caseId, row: c.row, code, message }); };
    const on = t.nextMeetingOn ?? '';
    if (on !== '' && !isIsoDate(on)) {
      if (!isClosedStatus(status)) exclude('invalid_date', say.invalidDate(on));
      continue;
    }
    const monitoring = dateOf(t, 'nextMonitoringOn');
    const scheduled = on === request.date;
    const due = request.includeDue && on === '' && monitoring !== null && monitoring <= request.date;
    if (!scheduled && !due) continue;
    if (isClosedStatus(status)) {
      if (scheduled) exclude('case_closed', say.closed(status));
      continue;
    }
    if (meeting.consentRequired && t.consent !== 'あり') {
      exclude('consent_required_for_meeting', say.noConsent(t.consent ?? '', meeting.name, meetingWithoutConsent(settings)));
      continue;
    }
    if (!caseId) {
      exclude('case_id_missing', say.noCaseId());
      continue;
    }
    const kind = kindOfStatus(status);
    if (!kind) {
      exclude('status_unknown', say.unknownStatus(status));
      continue;
    }
    selected.push({ ...c, kind, selectedBy: scheduled ? 'scheduled' : 'monitoringDue' });
  }
  return { selected: selected.sort(compareSelected), excluded: excluded.sort((a, b) => a.row - b.row) };
}
