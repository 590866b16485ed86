// What the emulated services record for tests, the CLI and the preview:
// things that in Sheets would only be seen on screen.
import type { Model } from './model';
import { PendingWrites } from './pending';

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
  /** When a person answered in the preview: the question (`title\nprompt`) the answer is for. */
  readonly question?: string;
}

/** A prompt, or an alert with a choice of buttons, put to the person (see Runtime.askPerson). */
export interface QuestionRecord {
  readonly kind: 'prompt' | 'alert';
  readonly title: string;
  readonly prompt: string;
  /** A ButtonSet name: OK, OK_CANCEL, YES_NO, YES_NO_CANCEL. */
  readonly buttons: string;
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
  /** The execution (runtime) holding it, when several share this state. */
  holder?: symbol;
  /** The writes each execution on the shared document has not flushed yet (see pending.ts). */
  pending?: PendingWrites;
}

/** A document lock several runtimes ("executions" on one document) can share: see RuntimeOptions.lock. */
export function newLockState(): LockState {
  return { held: false, acquisitions: 0 };
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
  /** Whether questions wait for a person (the preview) instead of being answered with the default. */
  askingPerson = false;
  /** The question the running call stopped at, waiting for a person's answer. */
  pendingQuestion: QuestionRecord | null = null;
  /** This runtime as one execution, for a lock shared with other runtimes. */
  readonly execution = Symbol('execution');
  /** Who started the running call: a person (menu, sidebar) or a time-driven trigger, which has no UI and no selection. */
  context: 'user' | 'trigger' = 'user';

  readonly lock: LockState;
  /** Set when the document is shared with other executions (a lock state was given): their view of this one's writes. */
  readonly pending: PendingWrites | undefined;

  constructor(
    readonly model: Model,
    readonly user: string,
    /** Where HtmlService.createHtmlOutputFromFile looks for `<name>.html`. */
    readonly htmlDir: string,
    sharedLock: LockState | undefined,
    /** False: getDocumentLock() gives null, as Apps Script does outside the document's context. */
    readonly documentLock = true,
  ) {
    this.lock = sharedLock ?? newLockState();
    this.pending = sharedLock ? (sharedLock.pending ??= new PendingWrites(model)) : undefined;
  }

  /** Whether this execution holds the document lock. */
  get holdsLock(): boolean {
    return this.lock.held && (this.lock.holder === undefined || this.lock.holder === this.execution);
  }

  /** Apps Script releases a script's locks when its execution ends. */
  releaseLock(): void {
    if (!this.holdsLock) return;
    this.lock.held = false;
    this.lock.holder = undefined;
  }
}
