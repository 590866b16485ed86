// The OAuth scopes each emulated method needs (SPEC §13), as the Apps Script
// reference lists them under "Authorization". A method whose scopes are all
// missing from appsscript.json throws Apps Script's permission error, so a
// scope the manifest forgot fails here as it would in the town's Sheet.
import { readFileSync } from 'node:fs';

const SCOPE = {
  spreadsheets: ['https://www.googleapis.com/auth/spreadsheets.currentonly', 'https://www.googleapis.com/auth/spreadsheets'],
  ui: ['https://www.googleapis.com/auth/script.container.ui'],
  email: ['https://www.googleapis.com/auth/userinfo.email'],
  triggers: ['https://www.googleapis.com/auth/script.scriptapp'],
} as const;

// Whole kinds of object: every method of theirs needs the scope.
const BY_KIND: Record<string, readonly string[]> = {
  SpreadsheetApp: SCOPE.spreadsheets, Spreadsheet: SCOPE.spreadsheets, Sheet: SCOPE.spreadsheets, Range: SCOPE.spreadsheets, TextFinder: SCOPE.spreadsheets,
  Protection: SCOPE.spreadsheets, DataValidation: SCOPE.spreadsheets, DataValidationBuilder: SCOPE.spreadsheets,
  EmbeddedChart: SCOPE.spreadsheets, EmbeddedChartBuilder: SCOPE.spreadsheets,
  ScriptApp: SCOPE.triggers, TriggerBuilder: SCOPE.triggers, ClockTriggerBuilder: SCOPE.triggers, Trigger: SCOPE.triggers,
};

// Single methods, checked before their kind: a dialog needs the UI scope (a menu
// does not: onOpen builds it with no authorisation), the user's identity the email scope.
const BY_METHOD: Record<string, readonly string[]> = {
  'SpreadsheetApp.getUi': SCOPE.ui,
  'Ui.alert': SCOPE.ui, 'Ui.prompt': SCOPE.ui, 'Ui.showSidebar': SCOPE.ui, 'Ui.showModelessDialog': SCOPE.ui,
  'Session.getActiveUser': SCOPE.email, 'Session.getEffectiveUser': SCOPE.email,
};

/** The scopes of a manifest; a manifest without `oauthScopes` lets Apps Script infer them all. */
export function manifestScopes(path: string): readonly string[] | 'inferred' {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    throw new Error(`${path} is missing: run npm run build first.`);
  }
  const scopes = (JSON.parse(text) as { oauthScopes?: unknown }).oauthScopes;
  return Array.isArray(scopes) ? scopes.map(String) : 'inferred';
}

/** Throws Apps Script's permission error when `Kind.method` needs a scope the project lacks. */
export function requireScope(granted: readonly string[] | 'inferred', kind: string, method: string): void {
  if (granted === 'inferred') return;
  const call = `${kind}.${method}`;
  const needed = BY_METHOD[call] ?? BY_KIND[kind];
  if (!needed || needed.some((scope) => granted.includes(scope))) return;
  throw new Error(`You do not have permission to call ${call}. Required permissions: ${needed[0]}`);
}
