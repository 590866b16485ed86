// One save at a time, and one requestId per attempt: a retry of an attempt
// that failed on the way (same form content) reuses its id, so the server
// saves it once even if the first call did arrive.
import { newRequestId } from './requestId';

export interface Attempt {
  readonly id: string;
  /** What was sent, as text, to recognise a retry of the same content. */
  readonly key: string;
}

export class SaveAttempts {
  private running: Attempt | null = null;
  private failed: Attempt | null = null;

  constructor(private readonly newId: () => string = () => newRequestId()) {}

  get busy(): boolean {
    return this.running !== null;
  }

  /** A new attempt, the failed one again for the same content, or null while one runs. */
  begin(key: string): Attempt | null {
    if (this.running) return null;
    const attempt = this.failed?.key === key ? this.failed : { id: this.newId(), key };
    this.failed = null;
    this.running = attempt;
    return attempt;
  }

  /** The server answered (saved or refused): the next save is a new attempt. */
  answered(): void {
    this.running = null;
    this.failed = null;
  }

  /** The call failed before an answer came back: a save of the same content retries it. */
  failedOnTheWay(): void {
    this.failed = this.running;
    this.running = null;
  }
}

/** The text that identifies what a save sends. */
export function attemptKey(value: unknown): string {
  return JSON.stringify(value);
}
