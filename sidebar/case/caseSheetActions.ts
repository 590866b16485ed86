// The case's ケース票 (SPEC §12) from the case form: a preview here, the A4
// print view, and the tab ケース票_<ケースID>. The server refuses a case
// without consent and says to take it to 支援会議; the refusal shows here.
import type { PaperPreview } from '../../src/app/paper';
import { button, fill, h } from '../shared/dom';
import { renderPaper } from '../shared/paperPreview';
import { callServer } from '../shared/server';
import { StatusLine } from '../shared/status';

export class CaseSheetActions {
  readonly element: HTMLElement;
  private readonly status = new StatusLine();
  private readonly preview = h('div', { id: 'case-sheet-preview', class: 'paper-preview' });

  /** `caseId` answers the case being edited, '' for a new one. */
  constructor(private readonly caseId: () => string) {
    this.element = h('section', { class: 'case-sheet', 'aria-labelledby': 'case-sheet-title' },
      h('h3', { id: 'case-sheet-title' }, 'ケース票（関係機関に渡す紙）'),
      h('p', { class: 'hint' }, '本人同意が「あり」のケースだけ作れます。保存した内容で作ります。'),
      h('div', { class: 'actions' },
        button('ケース票のプレビュー', () => { void this.show(); }, { id: 'case-sheet-show' }),
        button('ケース票を印刷用に開く', () => { void this.openPrint(); }, { id: 'case-sheet-open' }),
        button('ケース票のタブを作成', () => { void this.makeTab(); }, { id: 'case-sheet-tab' })),
      this.status.element, this.preview);
  }

  /** Shown only for a saved case; a new case starts with no preview. */
  showFor(caseId: string): void {
    this.element.hidden = caseId === '';
    fill(this.preview);
    this.status.clear();
  }

  private async show(): Promise<void> {
    const caseId = this.caseId();
    const result = await this.status.run('プレビューを作っています…', 'ケース票のプレビュー', () => callServer('previewCaseSheet', { caseId }));
    if (result) renderPaper(this.preview, result.value as PaperPreview);
  }

  private async openPrint(): Promise<void> {
    const caseId = this.caseId();
    const result = await this.status.run('印刷用のページを開いています…', 'ケース票を印刷用に開く', () => callServer('showCaseSheetPrintView', { caseId }));
    if (result) this.status.success(`「${result.value.title}」を開きました。A4縦で印刷できます。`);
  }

  private async makeTab(): Promise<void> {
    const caseId = this.caseId();
    const result = await this.status.run('タブを作っています…', 'ケース票の作成', () => callServer('createCaseSheet', { caseId }));
    if (result) this.status.success(`ケース${caseId}のケース票「${result.value.sheet}」を作成しました。本人の氏名が載っています。用が済んだらタブを削除してください。`);
  }
}
