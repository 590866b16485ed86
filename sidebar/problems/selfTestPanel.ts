// 「診断」 beside 入力チェック: runs 自己診断 (SPEC §13) in one server call and
// lists each check's verdict; the same list downloads as CSV for the
// maintainers. The report tab 自己診断 is written too, as from the menu.
import type { SelfTestResult } from '../../src/app/selfTest/run';
import { toCsv } from '../../src/domain/counts/csv';
import { button, fill, h } from '../shared/dom';
import { download } from '../shared/download';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export class SelfTestPanel {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly runButton = button('診断', () => { void this.run(); }, { id: 'selftest-run' });
  private readonly csvButton = button('結果を CSV で保存', () => { this.saveCsv(); }, { id: 'selftest-csv', hidden: true });
  private readonly list = h('ul', { id: 'selftest-results', class: 'notes' });
  private result: SelfTestResult | null = null;

  constructor() {
    this.element = h('section', { 'aria-labelledby': 'selftest-title' },
      h('h2', { id: 'selftest-title', class: 'section-title' }, '自己診断'),
      h('p', { class: 'hint' }, 'このスプレッドシートでアドオンが正しく動くかを確かめます（ケースのデータは変えません）。'),
      h('div', { class: 'actions' }, this.runButton, this.csvButton),
      this.status.element,
      this.list);
  }

  private async run(): Promise<void> {
    this.runButton.disabled = true;
    const answer = await this.status.run('診断しています…', '自己診断', () => callServer('runSelfTest'));
    this.runButton.disabled = false;
    if (!answer) return;
    this.result = answer.value;
    const failed = answer.value.checks.filter((c) => c.verdict !== 'OK').length;
    fill(this.list, ...answer.value.checks.map((c) => h('li', {}, `${c.item}：${c.verdict}（${c.detail}）`)));
    this.csvButton.hidden = false;
    this.status.success(failed === 0 ? 'すべての項目が OK でした。' : `${failed}項目を確かめてください。結果はタブ「${answer.value.sheet}」にもあります。`);
  }

  private saveCsv(): void {
    if (!this.result) return;
    download('自己診断.csv', toCsv([['項目', '結果', '詳細'], ...this.result.checks.map((c) => [c.item, c.verdict, c.detail])]));
  }
}
