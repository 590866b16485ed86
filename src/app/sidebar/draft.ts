// The case form's draft, kept per person while typing and offered back when
// the sidebar opens again (src/sheets/caseDraft.ts says where it lives).
import { cellText, type Cell } from '../../domain/cell';
import { clearCaseDraft, keepCaseDraft } from '../../sheets/caseDraft';
import { caseDraftArgs, parseArgs } from '../contracts';

const asText = (record: Readonly<Record<string, Cell>>): Record<string, string> =>
  Object.fromEntries(Object.entries(record).map(([key, cell]) => [key, cellText(cell)]));

/** Keeps the person's draft; `kept: false` when it is too long to keep. */
export function saveCaseDraft(rawArgs?: unknown): { kept: boolean } {
  const args = parseArgs(caseDraftArgs, rawArgs);
  const kept = keepCaseDraft({
    keptAt: new Date().toISOString(),
    record: asText(args.record),
    ...(args.editing ? { editing: args.editing } : {}),
    ...(args.loaded ? { loaded: asText(args.loaded) } : {}),
  });
  return { kept };
}

export function discardCaseDraft(): void {
  clearCaseDraft();
}
