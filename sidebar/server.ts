// Typed calls from the page to the server functions of src/main.ts through
// google.script.run, as promises.
import type * as Server from '../src/main';

type Endpoint = keyof typeof Server;

interface ScriptRun {
  withSuccessHandler(handler: (value: unknown) => void): ScriptRun;
  withFailureHandler(handler: (error: Error) => void): ScriptRun;
  [name: string]: unknown;
}

declare const google: { script: { run: ScriptRun } };

export function callServer<E extends Endpoint>(
  name: E, ...args: Parameters<(typeof Server)[E]>
): Promise<ReturnType<(typeof Server)[E]>> {
  return new Promise((resolve, reject) => {
    const run = google.script.run
      .withSuccessHandler((value) => resolve(value as ReturnType<(typeof Server)[E]>))
      .withFailureHandler(reject);
    (run[name] as (...a: unknown[]) => void)(...args);
  });
}
