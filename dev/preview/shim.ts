// google.script.run and google.script.host for the sidebar page in the local
// preview: each call goes to POST /api/run, which calls the same global
// function of dist/Code.js that Apps Script would. Injected before the
// sidebar's own script.
import { encodeArguments } from '../runtime/scriptRun';
import { withPreviewToken } from './token';
import type { FrameMessage, RunResponse } from './types';

type SuccessHandler = (value: unknown, userObject: unknown) => void;
type FailureHandler = (error: Error, userObject: unknown) => void;

interface Handlers {
  readonly success?: SuccessHandler;
  readonly failure?: FailureHandler;
  readonly userObject?: unknown;
}

function tellPage(message: FrameMessage): void {
  window.parent.postMessage(message, window.location.origin);
}

async function post(functionName: string, args: unknown[]): Promise<unknown> {
  const response = await fetch(withPreviewToken('/api/run', window.location.search), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ functionName, args }),
  });
  const result = (await response.json()) as RunResponse;
  if (!result.ok) throw new Error(result.error);
  if (result.dialogOpened) tellPage({ type: 'tsunagi:dialog', title: result.dialogTitle ?? '' });
  return result.value;
}

/** Refuses what google.script.run refuses (a Date, a function…) at once, as Apps Script's page does. */
function call(functionName: string, args: unknown[], handlers: Handlers): void {
  post(functionName, encodeArguments(args)).then(
    (value) => {
      try {
        handlers.success?.(value, handlers.userObject);
      } finally {
        tellPage({ type: 'tsunagi:changed' });
      }
    },
    (error: unknown) => {
      const failure = error instanceof Error ? error : new Error(String(error));
      if (handlers.failure) handlers.failure(failure, handlers.userObject);
      else console.error(failure); // Apps Script, too, only logs a failure nobody handles
    },
  );
}

/** A runner: with* give a new runner with that handler set; any other name calls the server function of that name. */
function runner(handlers: Handlers): unknown {
  const own: Record<string, unknown> = {
    withSuccessHandler: (success: SuccessHandler) => runner({ ...handlers, success }),
    withFailureHandler: (failure: FailureHandler) => runner({ ...handlers, failure }),
    withUserObject: (userObject: unknown) => runner({ ...handlers, userObject }),
  };
  return new Proxy(own, {
    get(target, name) {
      // Not a thenable: `await google.script.run` must not call a server function named "then".
      if (typeof name !== 'string' || name === 'then') return undefined;
      return Object.hasOwn(target, name) ? target[name] : (...args: unknown[]) => call(name, args, handlers);
    },
  });
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({}),
    host: { close: () => tellPage({ type: 'tsunagi:close' }) },
  },
};
