// Ui: menus, alerts, the sidebar and dialogs, recorded instead of shown.
import { SERVICE, type Emulated } from './bridge';
import type { HtmlOutput } from './html';
import type { MenuEntry, MenuRecord, RuntimeState } from './state';

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

export class Ui implements Emulated {
  readonly [SERVICE] = 'Ui';

  constructor(private readonly state: RuntimeState) {}

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
   */
  alert(...args: unknown[]): string {
    const [title, prompt, buttons] = args.length >= 3 ? args : [undefined, args[0], args[1]];
    this.state.alerts.push(title === undefined || title === '' ? String(prompt) : `${String(title)}\n${String(prompt)}`);
    return buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL ? BUTTON.YES : BUTTON.OK;
  }

  /**
   * prompt(prompt), prompt(prompt, buttons) or prompt(title, prompt, buttons).
   * Answers with the next queued answer, else as a person accepting the
   * default would: an empty text with OK (YES for a yes/no prompt).
   */
  prompt(...args: unknown[]): PromptResponse {
    const [title, prompt, buttons] = args.length >= 3 ? args : [undefined, args[0], args[1]];
    const yesNo = buttons === BUTTON_SET.YES_NO || buttons === BUTTON_SET.YES_NO_CANCEL;
    const answer = this.state.promptAnswers.shift();
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
