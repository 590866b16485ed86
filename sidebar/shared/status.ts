// Progress, results and failures of server calls, where the user is looking:
// each view has its own status line (polite) and alert line (assertive), and
// the page shows a busy bar while any call runs.
import { fill, h, type Child } from './dom';
import { failureText, isRefusal } from './failure';

let running = 0;

function setBusy(delta: number): void {
  running += delta;
  const busy = running > 0;
  document.body.setAttribute('aria-busy', String(busy));
  document.getElementById('busy')?.toggleAttribute('hidden', !busy);
}

export class StatusLine {
  readonly element: HTMLElement;
  private readonly info = h('div', { role: 'status', 'aria-live': 'polite', class: 'status' });
  private readonly alert = h('div', { role: 'alert', class: 'alert' });

  constructor() {
    this.element = h('div', { class: 'status-line' }, this.info, this.alert);
  }

  show(...children: Child[]): void {
    fill(this.alert);
    fill(this.info, ...children);
    this.info.className = 'status';
  }

  success(...children: Child[]): void {
    this.show(...children);
    this.info.className = 'status success';
  }

  progress(text: string): void {
    this.show(text);
    this.info.className = 'status progress';
  }

  error(...children: Child[]): void {
    fill(this.info);
    fill(this.alert, ...children);
  }

  clear(): void {
    fill(this.info);
    fill(this.alert);
  }

  /**
   * Runs a server call with progress shown, and a Japanese 「…できませんでした：…」
   * when it fails; the promise then resolves to null (the failure is shown).
   * `afterFailure` (how to retry) is added only when the call did not reach an
   * answer: after the server's own refusal, pressing again cannot help.
   */
  async run<T>(progressText: string, action: string, call: () => Promise<T>, afterFailure = ''): Promise<{ value: T } | null> {
    this.progress(progressText);
    setBusy(1);
    try {
      const value = await call();
      this.clear();
      return { value };
    } catch (error) {
      const retry = afterFailure && !isRefusal(error) ? afterFailure : '';
      this.error(failureText(action, error), retry ? h('br') : null, retry);
      return null;
    } finally {
      setBusy(-1);
    }
  }
}
