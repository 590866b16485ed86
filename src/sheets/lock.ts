// Writes that assign IDs or rebuild tabs run one at a time across everyone
// editing the document (SPEC §10).
const WAIT_MS = 30_000;

/**
 * Under the document lock; where Apps Script gives none (it is null outside
 * the document's context, as a trigger may be), under the script lock, which
 * every execution of the add-on shares.
 */
export function withDocumentLock<T>(work: () => T): T {
  const lock = LockService.getDocumentLock() ?? LockService.getScriptLock();
  if (!lock) throw new Error('このスプレッドシートのロックを取得できません。スプレッドシートから開き直して、もう一度お試しください。');
  if (!lock.tryLock(WAIT_MS)) {
    throw new Error('ほかの方が更新中です。少し待ってから、もう一度お試しください。');
  }
  try {
    return work();
  } finally {
    // Apps Script may still hold the last writes; the next holder of the lock must read them (releaseLock's documentation).
    SpreadsheetApp.flush();
    lock.releaseLock();
  }
}
