// The «集計» view: rebuild the summary tab 集計_N年度 for a chosen fiscal
// year, save it as CSV (a download made here from the server's text, and the
// same text to copy, since the sidebar's sandbox may block the download), see
// the rows left out, and switch the daily rebuild.
import type { CountsState, DailyCountsState } from '../../src/app/counts/types';
import { fiscalYearTitle } from '../../src/domain/counts/fiscalYear';
import type { SkippedRow } from '../../src/domain/counts/metrics';
import { chosenText } from '../shared/chosenText';
import { button, fill, h } from '../shared/dom';
import { download } from '../shared/download';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export class CountsView {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly dailyStatus = new StatusLine();
  private readonly year = h('select', { id: 'counts-year' });
  private readonly rebuildButton = button('集計タブを更新', () => { void this.rebuild(); }, { class: 'primary', id: 'counts-rebuild' });
  private readonly csvButton = button('CSV を保存', () => { void this.saveCsv(); }, { id: 'counts-csv' });
  private readonly skipped = h('div', { class: 'notes' });
  /** The CSV as text to copy: the sidebar's sandboxed frame may block a download. */
  private readonly csvText = h('textarea', { id: 'counts-csv-text', readonly: true, rows: 6 });
  private readonly csvCopy = h('details', { hidden: true, id: 'counts-csv-copy' },
    h('summary', {}, '保存できなかったとき（CSV の内容をコピー）'),
    h('label', { class: 'hint', for: 'counts-csv-text' }, '下の枠をクリックしてすべて選択（Ctrl+A）・コピーし、メモ帳に貼り付けて「.csv」の名前で保存すると Excel で開けます。'),
    this.csvText);
  private readonly dailyText = h('p', { id: 'counts-daily-state' });
  private readonly dailyButton = button('', () => { void this.toggleDaily(); }, { id: 'counts-daily' });
  private state: CountsState | null = null;
  private daily: DailyCountsState | null = null;
  private busy = false;
  private loading: Promise<void> | null = null;

  constructor() {
    this.element = h('div', { class: 'view' },
      h('p', { class: 'mode' }, '新規相談・会議・アウトリーチなどの月別の件数を、タブ「集計_〇〇年度」に作ります。件数だけで、氏名などは載りません。'),
      h('div', { class: 'field' }, h('label', { class: 'head', for: 'counts-year' }, '年度'), this.year, chosenText(this.year)),
      h('div', { class: 'actions' }, this.rebuildButton, this.csvButton),
      this.status.element,
      this.csvCopy,
      h('section', { 'aria-label': '集計から除いた行', id: 'counts-skipped' }, this.skipped),
      h('section', { 'aria-labelledby': 'counts-daily-title', class: 'daily' },
        h('h2', { id: 'counts-daily-title', class: 'section-title' }, '毎日の自動更新'),
        this.dailyText, h('div', { class: 'actions' }, this.dailyButton), this.dailyStatus.element));
    this.setBusy(true);
  }

  /** Loads the years and the daily state the first time the view is shown (again after a failure). */
  open(): Promise<void> {
    this.loading ??= this.load().then((loaded) => {
      if (!loaded) this.loading = null;
    });
    return this.loading;
  }

  private async load(): Promise<boolean> {
    const result = await this.status.run('読み込んでいます…', '読み込み', () => callServer('getCountsState', {}));
    if (!result) return false;
    this.state = result.value;
    const built = new Set(this.state.builtYears);
    fill(this.year, ...this.state.fiscalYears.map((year) => h('option', { value: year, selected: year === this.state?.currentFiscalYear },
      `${fiscalYearTitle(year)}${built.has(year) ? '（タブあり）' : ''}`)));
    this.showDaily(this.state.daily);
    this.setBusy(false);
    return true;
  }

  private selectedYear(): number {
    return Number(this.year.value);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    for (const control of [this.rebuildButton, this.csvButton, this.dailyButton]) control.disabled = busy;
  }

  private async rebuild(): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    const result = await this.status.run('集計しています…', '集計タブの更新', () => callServer('rebuildCounts', { fiscalYear: this.selectedYear() }));
    this.setBusy(false);
    if (!result) return;
    const { sheet, fiscalYear, skipped } = result.value;
    const option = [...this.year.options].find((o) => Number(o.value) === fiscalYear);
    if (option) option.textContent = `${fiscalYearTitle(fiscalYear)}（タブあり）`;
    this.status.success(`タブ「${sheet}」を作り直しました（${fiscalYearTitle(fiscalYear)}）。`);
    this.showSkipped(skipped);
  }

  private async saveCsv(): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    const result = await this.status.run('CSV を作っています…', 'CSV の保存', () => callServer('countsCsv', { fiscalYear: this.selectedYear() }));
    this.setBusy(false);
    if (!result) return;
    this.csvText.value = result.value.text.replace(/^\uFEFF/, '');
    this.csvCopy.hidden = false;
    download(result.value.fileName, result.value.text);
    this.status.success(`「${result.value.fileName}」を保存しました。Excel でそのまま開けます。保存されていなければ、下の「CSV の内容をコピー」を使ってください。`);
  }

  private showSkipped(skipped: readonly SkippedRow[]): void {
    fill(this.skipped, skipped.length === 0
      ? h('p', {}, '集計から除いた行はありません。')
      : h('details', { open: true },
        h('summary', {}, `集計から除いた行（${skipped.length}件）`),
        h('p', { class: 'hint' }, '日付などを直して「集計タブを更新」を押すと数えられます。'),
        h('ul', {}, ...skipped.map((s) => h('li', {}, `${s.sheet} ${s.row}行目：${s.reason}`)))));
  }

  private showDaily(daily: DailyCountsState): void {
    this.daily = daily;
    const when = `毎朝${daily.hour}時台に今年度の集計タブを作り直します（4月は前年度も）。`;
    fill(this.dailyText, daily.installed
      ? `設定済み${daily.mine ? '' : `（${daily.by || 'ほかの利用者'} が設定）`}：${when}`
      : `未設定：設定すると、${when}`);
    this.dailyButton.textContent = daily.mine ? '自動更新を解除' : '自動更新を設定';
    this.dailyButton.hidden = daily.installed && !daily.mine;
  }

  private async toggleDaily(): Promise<void> {
    if (this.busy || !this.daily) return;
    this.setBusy(true);
    const remove = this.daily.mine;
    const result = await this.dailyStatus.run(remove ? '解除しています…' : '設定しています…', remove ? '自動更新の解除' : '自動更新の設定',
      () => callServer(remove ? 'removeDailyCounts' : 'installDailyCounts', {}));
    this.setBusy(false);
    if (!result) return;
    this.showDaily(result.value);
    this.dailyStatus.success(remove ? '毎日の自動更新を解除しました。' : '毎日の自動更新を設定しました。');
  }
}
