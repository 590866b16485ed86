// The preview's saves of the .xlsx run behind the replies: one at a time,
// every change asked for while one runs saved once after it (of the state as
// it then is), a failure kept to be retried, and idle() (what close() and
// saved() wait for) resolving only when the file holds the last state.
import { backgroundSaves } from '../../dev/preview/server';

/** A save the test finishes by hand: what state each save wrote, and how many ran at once. */
function fileSaves() {
  let state = 0;
  const written: number[] = [];
  const pending: (() => void)[] = [];
  let running = 0;
  let most = 0;
  const saves = backgroundSaves(() => new Promise<void>((done, fail) => {
    running++;
    most = Math.max(most, running);
    const snapshot = state; // copied before any await, as saveWorkbook copies the model
    pending.push(() => { running--; if (snapshot < 0) fail(new Error('disk full')); else { written.push(snapshot); done(); } });
  }));
  const turn = (): Promise<void> => new Promise((r) => setImmediate(r));
  const finishOne = async (): Promise<void> => {
    await turn();
    pending.shift()?.();
    await turn();
  };
  return { saves, written, finishOne, turn, change: (to: number) => { state = to; }, get most() { return most; }, get pending() { return pending.length; } };
}

describe('the preview saves behind the replies', () => {
  it('saves one at a time, and the changes made during a save once after it: the last state wins', async () => {
    const file = fileSaves();
    file.change(1);
    file.saves.request();
    await file.turn(); // the save starts after the reply has gone out
    for (const state of [2, 3, 4]) {
      file.change(state);
      file.saves.request();
    }
    let idle = false;
    void file.saves.idle().then(() => { idle = true; });
    await file.finishOne();
    expect(idle).toBe(false);
    await file.finishOne();
    expect(idle).toBe(true);
    expect(file.written).toEqual([1, 4]);
    expect(file.most).toBe(1);
    expect(file.pending).toBe(0);
  });

  it('keeps a failed save to be reported, and forgets it once a save goes through', async () => {
    const file = fileSaves();
    file.change(-1);
    file.saves.request();
    await file.finishOne();
    expect(file.saves.failure()).toEqual(new Error('disk full'));
    file.change(5);
    file.saves.request();
    await file.finishOne();
    expect(file.saves.failure()).toBeNull();
    expect(file.written).toEqual([5]);
  });
});
