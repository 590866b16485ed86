// SPEC §10 audit of what the add-on may touch: the manifest asks for exactly
// the allowed scopes, and the bundle that is pushed (dist/Code.js) names no
// Apps Script service outside them and makes no network request.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

const ROOT = join(__dirname, '../..');
const CODE = readFileSync(join(ROOT, 'dist/Code.js'), 'utf8');
const SCOPE = 'https://www.googleapis.com/auth/';
// userinfo.email only so that 変更履歴 and 更新者 can name who changed a case.
const ALLOWED_SCOPES = [`${SCOPE}spreadsheets.currentonly`, `${SCOPE}script.container.ui`, `${SCOPE}userinfo.email`];
const TRIGGER_SCOPE = `${SCOPE}script.scriptapp`;

/** Apps Script's global services and advanced services, by the name a script uses. */
const SERVICES = [
  'SpreadsheetApp', 'DriveApp', 'GmailApp', 'MailApp', 'UrlFetchApp', 'DocumentApp', 'SlidesApp', 'FormApp', 'CalendarApp',
  'ContactsApp', 'GroupsApp', 'SitesApp', 'PropertiesService', 'CacheService', 'LockService', 'ScriptApp', 'HtmlService',
  'Session', 'Utilities', 'Logger', 'Charts', 'XmlService', 'ContentService', 'Jdbc', 'Maps', 'LanguageApp', 'ConferenceDataService',
  'CardService', 'DataStudioApp', 'Browser', 'BigQuery', 'AdminDirectory', 'AdminReports', 'People', 'Drive', 'Gmail', 'Calendar',
  'Sheets', 'Docs', 'Slides', 'YouTube', 'Tasks', 'Analytics', 'AnalyticsAdmin',
];
/** What the three (four) scopes cover, or needs no scope at all. */
const ALLOWED_SERVICES = new Set(['SpreadsheetApp', 'LockService', 'PropertiesService', 'HtmlService', 'Session', 'Utilities', 'Logger', 'Charts', 'ScriptApp']);
const NETWORK = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource', 'importScripts'];

function identifiers(code: string): Map<string, number> {
  const source = ts.createSourceFile('Code.js', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);
  const seen = new Map<string, number>();
  const visit = (node: ts.Node): void => {
    // A property name (`x.fetch`, `{ Drive: 1 }`) is not a reference to a global.
    const isPropertyName = (ts.isPropertyAccessExpression(node.parent) && node.parent.name === node)
      || (ts.isPropertyAssignment(node.parent) && node.parent.name === node);
    if (ts.isIdentifier(node) && !isPropertyName) seen.set(node.text, (seen.get(node.text) ?? 0) + 1);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return seen;
}

const manifest = JSON.parse(readFileSync(join(ROOT, 'appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
const used = identifiers(CODE);

describe('permissions', () => {
  it('the manifest asks for exactly the scopes SPEC §10 allows, the trigger scope at most in addition', () => {
    const scopes = manifest.oauthScopes ?? [];
    expect(new Set(scopes).size).toBe(scopes.length);
    expect(scopes.filter((s) => !ALLOWED_SCOPES.includes(s) && s !== TRIGGER_SCOPE)).toEqual([]);
    expect(scopes).toEqual(expect.arrayContaining(ALLOWED_SCOPES));
    const built = JSON.parse(readFileSync(join(ROOT, 'dist/appsscript.json'), 'utf8')) as { oauthScopes?: string[] };
    expect(built.oauthScopes).toEqual(scopes);
  });

  it('the bundle names only the services those scopes allow', () => {
    const services = SERVICES.filter((name) => used.has(name));
    expect(services.filter((name) => !ALLOWED_SERVICES.has(name))).toEqual([]);
    expect(services).toEqual(expect.arrayContaining(['SpreadsheetApp', 'LockService']));
  });

  it('uses ScriptApp only with the script.scriptapp scope, which the daily trigger needs', () => {
    const scopes = manifest.oauthScopes ?? [];
    expect(used.has('ScriptApp')).toBe(scopes.includes(TRIGGER_SCOPE));
  });

  it('makes no network request', () => {
    expect(NETWORK.filter((name) => used.has(name))).toEqual([]);
    expect(CODE).not.toMatch(/\bfetch\s*\(|XMLHttpRequest|UrlFetchApp/);
  });
});
