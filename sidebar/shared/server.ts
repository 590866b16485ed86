// Typed calls from the page to the server functions of src/main.ts through
// google.script.run, as promises.
import type * as Server from '../../src/main';

type Endpoint = keyof typeof Server;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: unknown) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } } | undefined;

export function callServer<E extends Endpoint>(
  name: E, ...args: Parameters<(typeof Server)[E]>
): Promise<ReturnType<(typeof Server)[E]>> {
  return new Promise((resolve, reject) => {
    if (typeof google === 'undefined' || !google?.script?.run) {
      reject(new Error('このページはスプレッドシートのサイドバーの中でだけ動きます。メニュー「多機関協働」から開いてください。'));
      return;
    }
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<(typeof Server)[E]>))
      .withFailureHandler(reject);
    const endpoint = run[name];
    if (typeof endpoint !== 'function') {
      reject(new Error(`サーバーの機能「${name}」が見つかりません。アドオンを最新の版に更新してください。`));
      return;
    }
    (endpoint as (...a: unknown[]) => void).apply(run, args);
  });
}
