// A method needs the scope the Apps Script reference lists for it (SPEC §13):
// without it in appsscript.json, the call throws Apps Script's permission error.
import { createModel, loadBundle } from '../../dev/runtime';

const SCOPE = 'https://www.googleapis.com/auth/';
const ALL = ['spreadsheets.currentonly', 'script.container.ui', 'userinfo.email', 'script.scriptapp'].map((s) => SCOPE + s);
const code = `
  function email() { return Session.getActiveUser().getEmail(); }
  function triggers() { return ScriptApp.getProjectTriggers().length; }
  function alertUser() { return SpreadsheetApp.getUi().alert('x'); }
  function menu() { SpreadsheetApp.getUi().createMenu('m').addItem('a', 'email').addToUi(); }
  function cell() { return SpreadsheetApp.getActive().getSheets()[0].getRange('A1').getValue(); }
  function zone() { return Session.getScriptTimeZone(); }
`;
const withScopes = (scopes: readonly string[] | 'inferred') => loadBundle(code, createModel('t', { sheetNames: ['A'] }), { oauthScopes: scopes, user: 'a@town.example.jp' });
const without = (scope: string) => withScopes(ALL.filter((s) => s !== SCOPE + scope));

describe('OAuth scopes', () => {
  it('let every method run when appsscript.json grants them', () => {
    const runtime = withScopes(ALL);
    expect([runtime.call('email'), runtime.call('triggers'), runtime.call('alertUser'), runtime.call('cell')]).toEqual(['a@town.example.jp', 0, 'OK', '']);
  });

  it('refuse Session.getActiveUser without userinfo.email, with Apps Script’s message, and count the call', () => {
    const runtime = without('userinfo.email');
    expect(() => runtime.call('email')).toThrow(`You do not have permission to call Session.getActiveUser. Required permissions: ${SCOPE}userinfo.email`);
    expect(runtime.callsByMethod()).toEqual({ 'Session.getActiveUser': 1 });
    expect(runtime.call('zone')).toBe('Asia/Tokyo'); // needs no scope
  });

  it('refuse triggers without script.scriptapp and dialogs without script.container.ui, but not menus', () => {
    expect(() => without('script.scriptapp').call('triggers')).toThrow('ScriptApp.getProjectTriggers. Required permissions');
    const noUi = without('script.container.ui');
    expect(() => noUi.call('alertUser')).toThrow('SpreadsheetApp.getUi');
    expect(() => without('spreadsheets.currentonly').call('cell')).toThrow('SpreadsheetApp.getActive');
  });

  it('are all allowed when the manifest lets Apps Script infer them, and read from dist/appsscript.json by default', () => {
    expect(withScopes('inferred').call('email')).toBe('a@town.example.jp');
    expect(loadBundle(code, createModel('t', { sheetNames: ['A'] }), { user: 'b@town.example.jp' }).call('email')).toBe('b@town.example.jp');
  });
});
