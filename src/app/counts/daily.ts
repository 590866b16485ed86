// 毎日の自動更新: one time-driven trigger that rebuilds the current fiscal
// year's tab every morning (and in April the previous year's too, while
// March's records are still coming in). Apps Script keeps triggers per user,
// so the installer is also recorded in the document's properties: a second
// person is told who set it instead of adding a second trigger.
import { activeUserEmail } from '../../sheets/activeUser';
import { openBook } from '../../sheets/book';
import { logChanges } from '../../sheets/changeLog';
import { withDocumentLock } from '../../sheets/lock';
import { dailyCountsArgs, dailyRunArgs, parseArgs } from '../contracts';
import { dayAndYear } from './compute';
import { rebuildSummary } from './rebuild';
import type { DailyCountsState } from './types';

const HANDLER = 'rebuildCountsDaily';
/** Early morning, Asia/Tokyo: done before staff open the sheet. */
export const DAILY_HOUR = 5;
const RECORD_KEY = 'tsunagi.dailyCounts';
/** A record whose trigger has not run for this long is taken as gone (its owner's account was removed …). */
const STALE_MS = 3 * 86_400_000;
const OPERATION = '毎日の自動更新';

interface DailyRecord {
  readonly by: string;
  /** Epoch milliseconds. */
  readonly since: number;
  readonly lastRun: number;
}

function readRecord(properties: GoogleAppsScript.Properties.Properties): DailyRecord | null {
  try {
    const parsed = JSON.parse(properties.getProperty(RECORD_KEY) ?? 'null') as Partial<DailyRecord> | null;
    if (!parsed || typeof parsed.by !== 'string') return null;
    return { by: parsed.by, since: Number(parsed.since) || 0, lastRun: Number(parsed.lastRun) || 0 };
  } catch {
    return null;
  }
}

/** Who is asking, '' when Apps Script cannot tell. */
const me = activeUserEmail;

const NO_TRIGGER_PERMISSION = '毎日の自動更新に必要な権限（トリガーの管理）がありません。アドオンをいったん閉じて開き直し、表示される権限の確認で許可してください。';

/** This user's daily triggers; without the script.scriptapp scope, a Japanese message instead of Apps Script's. */
function ownTriggers(): GoogleAppsScript.Script.Trigger[] {
  try {
    return ScriptApp.getProjectTriggers().filter((t) => t.getHandlerFunction() === HANDLER);
  } catch {
    throw new Error(NO_TRIGGER_PERMISSION);
  }
}

function stateOf(record: DailyRecord | null, own: number, user: string): DailyCountsState {
  if (own > 0) return { installed: true, mine: true, by: user, hour: DAILY_HOUR };
  // Without an email (Apps Script cannot always tell who someone is), a record is taken as someone else's.
  const someoneElse = record !== null && (record.by === '' || record.by !== user);
  const elsewhere = someoneElse && Date.now() - Math.max(record.since, record.lastRun) < STALE_MS;
  return { installed: elsewhere, mine: false, by: elsewhere ? record.by : '', hour: DAILY_HOUR };
}

const someone = (by: string): string => (by ? `${by} さん` : 'ほかの利用者');

/** What the 集計 view shows; when this user's triggers cannot be read, the document's record alone tells. */
export function dailyCountsState(): DailyCountsState {
  let own: number;
  try {
    own = ownTriggers().length;
  } catch {
    own = 0;
  }
  return stateOf(readRecord(PropertiesService.getDocumentProperties()), own, me());
}

function log(after: string): void {
  logChanges(openBook(), [{ operation: OPERATION, sheet: '', caseId: '', field: '', before: '', after }]);
}

/** Sets the daily rebuild; setting it again changes nothing (never two triggers). */
export function installDailyCounts(rawArgs?: unknown): DailyCountsState {
  parseArgs(dailyCountsArgs, rawArgs);
  return withDocumentLock(() => {
    const properties = PropertiesService.getDocumentProperties();
    const user = me();
    const own = ownTriggers();
    // Left over from an earlier failure: keep one.
    for (const extra of own.slice(1)) ScriptApp.deleteTrigger(extra);
    const state = stateOf(readRecord(properties), own.length, user);
    if (state.mine) return state;
    if (state.installed) {
      throw new Error(`毎日の自動更新は、すでに${someone(state.by)}が設定しています（毎朝${DAILY_HOUR}時台）。二重に動かないよう、設定は1つだけです。`);
    }
    ScriptApp.newTrigger(HANDLER).timeBased().everyDays(1).atHour(DAILY_HOUR).create();
    properties.setProperty(RECORD_KEY, JSON.stringify({ by: user, since: Date.now(), lastRun: 0 } satisfies DailyRecord));
    log(`設定しました（毎朝${DAILY_HOUR}時台に月次集計を更新）`);
    return { installed: true, mine: true, by: user, hour: DAILY_HOUR };
  });
}

/** Removes this user's daily rebuild; another person's can only be removed by its owner. */
export function removeDailyCounts(rawArgs?: unknown): DailyCountsState {
  parseArgs(dailyCountsArgs, rawArgs);
  return withDocumentLock(() => {
    const properties = PropertiesService.getDocumentProperties();
    const user = me();
    const record = readRecord(properties);
    const own = ownTriggers();
    const state = stateOf(record, own.length, user);
    if (!state.mine && state.installed) {
      throw new Error(`毎日の自動更新は${someone(state.by)}が設定したため、${someone(state.by)}だけが解除できます。`);
    }
    for (const trigger of own) ScriptApp.deleteTrigger(trigger);
    if (record) properties.deleteProperty(RECORD_KEY);
    if (own.length > 0) log('解除しました');
    return { installed: false, mine: false, by: '', hour: DAILY_HOUR };
  });
}

/** The trigger's handler: rebuilds this fiscal year, and in April the year just ended. */
export function rebuildCountsDaily(event?: unknown): void {
  const { today, fiscalYear } = dayAndYear(parseArgs(dailyRunArgs, event));
  const years = today.slice(5, 7) === '04' ? [fiscalYear - 1, fiscalYear] : [fiscalYear];
  for (const year of years) rebuildSummary(today, year, `月次集計を更新（${OPERATION}）`);
  withDocumentLock(() => {
    const properties = PropertiesService.getDocumentProperties();
    const record = readRecord(properties);
    if (record) properties.setProperty(RECORD_KEY, JSON.stringify({ ...record, lastRun: Date.now() }));
  });
}
