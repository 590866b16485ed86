// The search above the 支援記録 case picker: asks the server (searchCases) for
// one page of cases by ケースID, 年代, つなぎ元機関 and 状態, so the page never
// holds the whole sheet. Cases are named by ケースID, 年代 and 機関, never by name.
import type { CaseChoice, CaseSearchResult } from '../../src/app/sidebarTypes';
import { AGE_BANDS, CASE_STATUSES } from '../../src/domain/fields';
import type { Settings } from '../../src/domain/settings';
import { chosenText } from '../shared/chosenText';
import { button, h } from '../shared/dom';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

const OPEN_LABEL = '対応中（終結・つなぎもどし・中断を除く）';

function labelled(id: string, label: string, control: HTMLInputElement | HTMLSelectElement): HTMLElement {
  return h('div', { class: 'field' }, h('label', { for: id }, label), control, control instanceof HTMLSelectElement ? chosenText(control) : null);
}

function selectOf(id: string, options: readonly (readonly [value: string, label: string])[]): HTMLSelectElement {
  return h('select', { id }, ...options.map(([value, label]) => h('option', { value }, label)));
}

/** 「123件中 51〜100件」 */
export function pageSummary(result: CaseSearchResult): string {
  if (result.total === 0) return '条件に合うケースがありません。';
  const first = result.page * result.pageSize + 1;
  const last = first + result.cases.length - 1;
  return `${result.total}件中 ${first}〜${last}件（新しいケースID順）`;
}

/** Where a finder sits: its ids' prefix, and whether it offers only cases with 本人同意 あり (the plan's). */
export interface FinderPlace {
  readonly idPrefix: string;
  readonly consentOnly: boolean;
}

export class CaseFinder {
  readonly element: HTMLElement;
  private readonly idInput: HTMLInputElement;
  private readonly ageBand: HTMLSelectElement;
  private readonly agency: HTMLSelectElement;
  private readonly status: HTMLSelectElement;
  private readonly summary: HTMLElement;
  private readonly previous: HTMLButtonElement;
  private readonly next: HTMLButtonElement;
  private readonly statusLine = new StatusLine();
  private last: CaseSearchResult | null = null;

  constructor(settings: Settings, private readonly onPage: (cases: readonly CaseChoice[]) => void,
    private readonly place: FinderPlace = { idPrefix: 'activity-find', consentOnly: false }) {
    const id = (part: string): string => `${place.idPrefix}${part}`;
    this.idInput = h('input', { type: 'search', id: id('-id'), autocomplete: 'off', inputmode: 'numeric' });
    this.summary = h('p', { class: 'hint', id: id('-summary'), 'aria-live': 'polite' });
    this.previous = button('前へ', () => { void this.turn(-1); }, { id: id('-previous'), hidden: true });
    this.next = button('次へ', () => { void this.turn(1); }, { id: id('-next'), hidden: true });
    this.ageBand = selectOf(id('-age'), [['', 'すべて'], ...AGE_BANDS.map((a) => [a, a] as const)]);
    this.agency = selectOf(id('-agency'), [['', 'すべて'], ...settings.agencies.map((a) => [a.name, a.name] as const)]);
    this.status = selectOf(id('-status'), [['open', OPEN_LABEL], ['all', 'すべて'], ...CASE_STATUSES.map((s) => [s, s] as const)]);
    this.idInput.addEventListener('keydown', (event) => {
      if (event.key === 'Enter') { event.preventDefault(); void this.search(); }
    });
    for (const select of [this.ageBand, this.agency, this.status]) select.addEventListener('change', () => { void this.search(); });
    this.element = h('fieldset', { class: 'finder' },
      h('legend', {}, place.consentOnly ? 'ケースを探す（本人同意「あり」のケース）' : 'ケースを探す'),
      labelled(this.idInput.id, 'ケースID（一部でも可）', this.idInput),
      labelled(this.ageBand.id, '年代で絞り込む', this.ageBand),
      labelled(this.agency.id, 'つなぎ元機関で絞り込む', this.agency),
      labelled(this.status.id, '状態で絞り込む', this.status),
      h('div', { class: 'footer' }, button('探す', () => { void this.search(); }, { id: place.idPrefix }), this.previous, this.next),
      this.summary,
      this.statusLine.element);
  }

  /** Whether a search has been shown yet. */
  get searched(): boolean {
    return this.last !== null;
  }

  /**
   * Searches for one ケースID (the case open in the case form); true when it is
   * among the cases found. When it is not (a closed case, say), the list goes
   * back to the first page of open cases instead of staying empty.
   */
  async lookUp(caseId: string): Promise<boolean> {
    this.idInput.value = caseId;
    await this.search();
    if (this.last?.cases.some((c) => c.caseId === caseId)) return true;
    this.idInput.value = '';
    await this.search();
    return false;
  }

  /** Runs the search on the current conditions from `page` (the first by default). */
  async search(page = 0): Promise<void> {
    const args = {
      page,
      status: this.status.value as 'open',
      ...(this.idInput.value.trim() ? { caseId: this.idInput.value.trim() } : {}),
      ...(this.ageBand.value ? { ageBand: this.ageBand.value as (typeof AGE_BANDS)[number] } : {}),
      ...(this.agency.value ? { referrerAgency: this.agency.value } : {}),
      ...(this.place.consentOnly ? { consent: 'あり' as const } : {}),
    };
    const result = await this.statusLine.run('ケースを探しています…', 'ケースの検索', () => callServer('searchCases', args));
    if (!result) return;
    this.last = result.value;
    this.summary.textContent = pageSummary(result.value);
    const pages = Math.ceil(result.value.total / result.value.pageSize);
    this.previous.hidden = result.value.page === 0;
    this.next.hidden = result.value.page >= pages - 1;
    this.onPage(result.value.cases);
  }

  /** Runs the last search again, e.g. after a case was saved. */
  async refresh(): Promise<void> {
    if (this.last) await this.search(this.last.page);
  }

  private async turn(step: number): Promise<void> {
    await this.search(Math.max(0, (this.last?.page ?? 0) + step));
  }
}
