// What the emulated services record for tests, the CLI and the preview:
// things that in Sheets would only be seen on screen.
import type { Model } from './model';

export type MenuEntry =
  | { readonly kind: 'item'; readonly caption: string; readonly functionName: string }
  | { readonly kind: 'separator' }
  | { readonly kind: 'submenu'; readonly menu: MenuRecord };

export interface MenuRecord {
  /** '' for the add-on menu (Sheets shows it under Extensions with the add-on's name). */
  readonly caption: string;
  readonly addon: boolean;
  readonly items: readonly MenuEntry[];
}

export interface ToastRecord {
  readonly message: string;
  readonly title: string;
  readonly seconds: number;
}

export interface SidebarRecord {
  readonly title: string;
  readonly width: number | undefined;
  readonly content: string;
}

/** A ui.prompt shown, and how it was answered. */
export interface PromptRecord {
  readonly title: string;
  readonly prompt: string;
  readonly text: string;
  readonly button: string;
}

/** An answer a test queues for the next ui.prompt; the button defaults to OK (YES for a yes/no prompt). */
export interface PromptAnswer {
  readonly text: string;
  readonly button?: 'OK' | 'CANCEL' | 'YES' | 'NO' | 'CLOSE';
}

/** A dialog shown beside the sheet (showModelessDialog). */
export interface DialogRecord {
  readonly title: string;
  readonly width: number | undefined;
  readonly height: number | undefined;
  readonly content: string;
}

export interface LockState {
  held: boolean;
  /** How many times waitLock/tryLock took the lock. */
  acquisitions: number;
}

export class RuntimeState {
  readonly alerts: string[] = [];
  readonly menus: MenuRecord[] = [];
  readonly toasts: ToastRecord[] = [];
  readonly sidebars: SidebarRecord[] = [];
  readonly dialogs: DialogRecord[] = [];
  readonly logs: string[] = [];
  readonly prompts: PromptRecord[] = [];
  /** Answers for the next prompts, first first; when none is queued a person accepts the default: '' and OK. */
  readonly promptAnswers: PromptAnswer[] = [];
  readonly lock: LockState = { held: false, acquisitions: 0 };

  constructor(
    readonly model: Model,
    readonly user: string,
    /** Where HtmlService.createHtmlOutputFromFile looks for `<name>.html`. */
    readonly htmlDir: string,
  ) {}
}
