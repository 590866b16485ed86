// One save at a time; a retry of a failed attempt sends the same requestId.
import { attemptKey, SaveAttempts } from '../../sidebar/shared/saveAttempts';
import { newRequestId } from '../../sidebar/shared/requestId';

const SERVER_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;

describe('newRequestId', () => {
  it('matches the server pattern and differs each time', () => {
    const ids = Array.from({ length: 500 }, () => newRequestId());
    for (const id of ids) expect(id).toMatch(SERVER_PATTERN);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('maps bytes onto the 64 allowed symbols', () => {
    expect(newRequestId((n) => new Uint8Array(n).fill(255))).toBe('_'.repeat(22));
    expect(newRequestId((n) => new Uint8Array(n))).toBe('A'.repeat(22));
  });
});

describe('SaveAttempts', () => {
  let counter = 0;
  const attempts = () => new SaveAttempts(() => `request-${++counter}`);
  const key = attemptKey({ record: { personName: '山田' } });

  it('refuses a second save while one runs (a double click)', () => {
    const a = attempts();
    expect(a.begin(key)).not.toBeNull();
    expect(a.busy).toBe(true);
    expect(a.begin(key)).toBeNull();
    a.answered();
    expect(a.busy).toBe(false);
  });

  it('gives a new id to each answered attempt', () => {
    const a = attempts();
    const first = a.begin(key)!;
    a.answered();
    expect(a.begin(key)!.id).not.toBe(first.id);
  });

  it('reuses the id when the same content is sent again after a failure on the way', () => {
    const a = attempts();
    const first = a.begin(key)!;
    a.failedOnTheWay();
    const retry = a.begin(key)!;
    expect(retry.id).toBe(first.id);
    a.failedOnTheWay();
    expect(a.begin(key)!.id).toBe(first.id);
  });

  it('uses a new id once the content changed after a failure', () => {
    const a = attempts();
    const first = a.begin(key)!;
    a.failedOnTheWay();
    const other = a.begin(attemptKey({ record: { personName: '山田 花' } }))!;
    expect(other.id).not.toBe(first.id);
    a.failedOnTheWay();
    expect(a.begin(key)!.id).not.toBe(first.id);
  });
});
