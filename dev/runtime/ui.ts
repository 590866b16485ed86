// Ui: menus, alerts, the sidebar and dialogs, recorded instead of shown.
import { SERVICE, type Emulated } from './bridge';
import type { HtmlOutput } from './html';
import type { MenuEntry, MenuRecord, PromptAnswer, QuestionRecord, RuntimeState } from './state';

const BUTTON = { OK: 'OK', CANCEL: 'CANCEL', YES: 'YES', NO: 'NO', CLOSE: 'CLOSE' } as const;
const BUTTON_SET = { OK: 'OK', OK_CANCEL: 'OK_CANCEL', YES_NO: 'YES_NO', YES_NO_CANCEL: 'YES_NO_CANCEL' } as const;

type Entry = Exclude<MenuEntry, { kind: 'submenu' }> | { readonly kind: 'submenu'; readonly menu: Menu };

export class Menu implements Emulated {
  readonly [SERVICE] = 'Menu';
  private readonly entries: Entry[] = [];

  constructor(private readonly state: RuntimeState, private readonly caption: string, private readonly addon: boolean) {}

  addItem(caption: string, functionName: string): Menu {
    this.entries.push({ kind: 'item', caption: String(caption), functionName: String(functionName) });
    return this;
  }

  addSeparator(): Menu {
    this.entries.push({ kind: 'separator' });
    return this;
  }

  addSubMenu(menu: Menu): Menu {
    this.entries.push({ kind: 'submenu', menu });
    return this;
  }

  /** Records the menu as it stands; adding it again replaces the earlier one, as reopening the document does. */
  addToUi(): void {
    const record = this.snapshot();
    const menus = this.state.menus;
    const at = menus.findIndex((m) => m.addon === record.addon && m.caption === record.caption);
    if (at >= 0) menus.splice(at, 1, record);
    else menus.push(record);
  }

  private readonly snapshot = (): MenuRecord => ({
    caption: this.caption,
    addon: this.addon,
    items: this.entries.map((e) => (e.kind === 'submenu' ? { kind: 'submenu', menu: e.menu.snapshot() } : e)),
  });
}

export class PromptResponse implements Emulated {
  readonly [SERVICE] = 'PromptResponse';

  constructor(private readonly text: string, private readonly button: string) {}

  getResponseText(): string {
    return this.text;
  }

  getSelectedButton(): string {
    return this.button;
  }
}

/** The text that ties a person's answer to its question: `title\nprompt`. */
export const questionKey = (q: { readonly title: string; readonly prompt: string }): string => `${q.title}\n${q.prompt}`;

/** Stops the call at a question a person must answer first; the caller runs it again with the answer. */
export class QuestionPending extends Error {
  constructor(readonly question: QuestionRecord) {
    super(`「${question.title}」への回答を待っています。`);
  }
}

export class Ui implements Emulated {
  readonly [SERVICE] = 'Ui';

  constructor(private readonly state: RuntimeState) {}

  /**
   * When questions wait for a person: the answer given for this very
   * question, or the call stops here (and at any dialog after, so that a
   * script's catch cannot carry on without the answer).
   */
  private answerFromPerson(question: QuestionRecord): PromptAnswer | undefined {
    if (this.state.pendingQuestion) throw new QuestionPending(this.state.pendingQuestion);
    if (!this.state.askingPerson) return undefined;
    const next = this.state.promptAnswers[0];
    if (next?.question === questionKey(question)) return this.state.promptAnswers.shift();
    this.state.pendingQuestion = question;
    throw new QuestionPending(question);
  }

  get Button(): typeof BUTTON {
    return BUTTON;
  }

  get ButtonSet(): typeof BUTTON_SET {
    return BUTTON_SET;
  }

  createMenu(caption: string): Menu {
    return new Menu(this.state, String(caption), false);
  }

  createAddonMenu(): Menu {
    return new Menu(this.state, '', true);
  }

  /**
   * alert(prompt), alert(prompt, buttons) or alert(title, prompt, buttons).
   * Records the text and answers as a person agreeing would: OK, or YES.
   * When questions wait for a person, an alert with a choice (OK_CANCEL,
   * YES_NO…) is asked instead and answered with the button they chose.
   */
  alert(...args: unknown[]): string {
    const [title, prompt, buttons] = args.length >= 3 ? args : [undefined, args[0], args[1]];
    const set = buttons === undefined ? BUTTON_SET.OK : String(buttons);
    const yesNo = set === BUTTON_SET.YES_NO || set === BUTTON_SET.YES_NO_CANCEL;
    if (this.state.pendingQuestion) throw new QuestionPending(this.state.pendingQuestion);
    if (set !== BUTTON_SET.OK) {
      const asked = this.answerFromPerson({ kind: 'alert', title: title === undefined ? '' : String(title), prompt: String(prompt), buttons: set });
      if (asked) return asked.button ?? (yesNo ? BUTTON.YES : BUTTON.OK);
    }
    this.state.alerts.push(title === undefined || title === '' ? String(prompt) : `${String(title)}\n${String(prompt)}`);
    return yesNo ? BUTTON.YES : BUTTON.OK;
  }

  /**
   * prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons).
   * Answers with the next queued answer, else as a person accepting the
   * default would: an empty text with OK (YES for a yes/no prompt). When
   * questions wait for a person, only their answer to this prompt is taken.
   */
  prompt(...args: unknown[]): PromptResponse {
    const [title, prompt, buttons] = args.length >= 3 ? args : [undefined, args[0], args[1]];
    const yesNo = buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL;
    const set = buttons === undefined ? BUTTON_SET.OK : String(buttons);
    const answer = this.answerFromPerson({ kind: 'prompt', title: title === undefined ? '' : String(title), prompt: String(prompt), buttons: set })
      ?? this.state.promptAnswers.shift();
    const text = answer?.text ?? '';
    const button = answer?.button ?? (yesNo ? BUTTON.YES : BUTTON.OK);
    this.state.prompts.push({ title: title === undefined ? '' : String(title), prompt: String(prompt), text, button });
    return new PromptResponse(text, button);
  }

  showSidebar(userInterface: HtmlOutput): void {
    this.state.sidebars.push({ title: userInterface.title, width: userInterface.width, content: userInterface.content });
  }

  showModelessDialog(userInterface: HtmlOutput, title: string): void {
    const { width, height, content } = userInterface;
    this.state.dialogs.push({ title: String(title), width, height, content });
  }
}
