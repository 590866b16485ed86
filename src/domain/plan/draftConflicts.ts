// A 案 saved from a form loaded a while ago must not silently replace what a
// colleague saved meanwhile (the last save winning without a word). Saving a
// 案 writes all its fields and replaces its whole task list, so any change to
// them since the form loaded them refuses the save, naming each change.
import { changedMeanwhile, changedSinceLoaded } from '../edits';
import { normalizeRecord } from '../record';
import type { Settings } from '../settings';
import type { Finding } from '../validate/problem';
import { PLAN_FIELDS, TASK_FIELDS } from './fields';
import { DRAFT_KEYS, draftPlan, TASK_KEYS, tasksOf, versionOf, type CasePlans, type DraftValues, type TaskValues } from './lifecycle';

/** The case's 案 as the form loaded it: its version (null: there was none), its fields and its tasks in order. */
export interface LoadedDraft {
  readonly version: number | null;
  readonly plan: DraftValues;
  readonly tasks: readonly TaskValues[];
}

const DRAFT_FIELDS = PLAN_FIELDS.filter((f) => (DRAFT_KEYS as readonly string[]).includes(f.key));
const TASK_TEXT_FIELDS = TASK_FIELDS.filter((f) => (TASK_KEYS as readonly string[]).includes(f.key));

/**
 * What changed in the case's 案 since the form loaded it (as normalised text):
 * a 案 made or decided meanwhile, each field, and the tasks (their number, then
 * each task's fields). Empty when the 案 is as it was loaded.
 */
export function draftChangesMeanwhile(loaded: LoadedDraft, plans: CasePlans, settings: Settings): Finding[] {
  const draft = draftPlan(plans);
  const now = draft ? versionOf(draft) : null;
  if (now !== loaded.version) {
    const was = loaded.version === null ? '案はありませんでした' : `第${loaded.version}版の案でした`;
    const status = plans.plans.find((p) => versionOf(p) === loaded.version)?.text.planStatus;
    const is = now !== null ? `いまは第${now}版の案があります` : `いまは案がありません（第${loaded.version}版は${status ? `「${status}」になっています` : '削除されています'}）`;
    return [changedMeanwhile('version', `読み込んだときは${was}が、${is}`)];
  }
  if (!draft) return [];
  const findings: Finding[] = [];
  const loadedPlan = normalizeRecord(DRAFT_FIELDS, loaded.plan, settings).text;
  for (const field of DRAFT_FIELDS) {
    const [was, is] = [loadedPlan[field.key] ?? '', draft.text[field.key] ?? ''];
    if (was !== is) findings.push(changedMeanwhile(field.key, changedSinceLoaded(field.header, was, is)));
  }
  const tasksNow = tasksOf(plans, now!);
  if (tasksNow.length !== loaded.tasks.length) {
    findings.push(changedMeanwhile('tasks', `役割分担：読み込んだとき${loaded.tasks.length}件 → いま${tasksNow.length}件`));
    return findings;
  }
  loaded.tasks.forEach((task, i) => {
    const was = normalizeRecord(TASK_TEXT_FIELDS, task, settings).text;
    for (const field of TASK_TEXT_FIELDS) {
      const is = tasksNow[i]!.text[field.key] ?? '';
      if ((was[field.key] ?? '') !== is) findings.push(changedMeanwhile('tasks', changedSinceLoaded(`役割分担の${i + 1}行目の${field.header}`, was[field.key] ?? '', is)));
    }
  });
  return findings;
}
