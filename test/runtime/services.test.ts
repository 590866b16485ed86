// Ui, properties, session, HTML and logging, as the add-on uses them.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runtimeWith } from './helpers';

const code = `
  function onOpen() {
    var ui = SpreadsheetApp.getUi();
    ui.createAddonMenu()
      .addItem('入力チェック', 'menuValidate')
      .addSeparator()
      .addSubMenu(ui.createMenu('次第').addItem('次第を作る', 'menuAgenda'))
      .addToUi();
  }
  function ask() {
    var ui = SpreadsheetApp.getUi();
    ui.alert('お知らせ');
    var answer = ui.alert('確認', '置き換えますか？', ui.ButtonSet.YES_NO);
    return answer === ui.Button.YES;
  }
  function showSidebar() {
    var html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle('共通シート');
    SpreadsheetApp.getUi().showSidebar(html);
    SpreadsheetApp.getActive().toast('保存しました', 'tsunagi', 3);
  }
  function missingHtml() { HtmlService.createHtmlOutputFromFile('nothing'); }
  function properties() {
    var doc = PropertiesService.getDocumentProperties();
    doc.setProperty('a', 1).setProperty('b', 'x').deleteProperty('b');
    PropertiesService.getUserProperties().setProperty('view', 'compact');
    return [doc.getProperty('a'), doc.getProperty('b'), doc.getProperties(), PropertiesService.getUserProperties().getProperty('view')];
  }
  function who() {
    return [Session.getActiveUser().getEmail(), Session.getEffectiveUser().getEmail(), Session.getScriptTimeZone(),
            SpreadsheetApp.getActive().getSpreadsheetTimeZone()];
  }
  function logs() { Logger.log('件数: %s', 3); console.log('done', { n: 1 }); }
  function select() {
    var ss = SpreadsheetApp.getActive();
    ss.getSheetByName('B').getRange('C3:D4').activate();
    return [ss.getActiveSheet().getName(), ss.getActiveRange().getA1Notation()];
  }
`;

describe('Ui', () => {
  it('records the add-on menu with its items in order', () => {
    const runtime = runtimeWith(code);
    runtime.call('onOpen');
    runtime.call('onOpen');
    expect(runtime.menus).toEqual([
      {
        caption: '',
        addon: true,
        items: [
          { kind: 'item', caption: '入力チェック', functionName: 'menuValidate' },
          { kind: 'separator' },
          { kind: 'submenu', menu: { caption: '次第', addon: false, items: [{ kind: 'item', caption: '次第を作る', functionName: 'menuAgenda' }] } },
        ],
      },
    ]);
  });

  it('records alerts and answers yes', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('ask')).toBe(true);
    expect(runtime.alerts).toEqual(['お知らせ', '確認\n置き換えますか？']);
  });

  it('shows the sidebar from dist/<name>.html and records toasts', () => {
    const htmlDir = mkdtempSync(join(tmpdir(), 'tsunagi-html-'));
    writeFileSync(join(htmlDir, 'sidebar.html'), '<p>サイドバー</p>');
    const runtime = runtimeWith(code, ['A'], { htmlDir });
    runtime.call('showSidebar');
    expect(runtime.sidebars).toEqual([{ title: '共通シート', width: undefined, content: '<p>サイドバー</p>' }]);
    expect(runtime.toasts).toEqual([{ message: '保存しました', title: 'tsunagi', seconds: 3 }]);
    expect(() => runtime.call('missingHtml')).toThrow('No HTML file named nothing was found.');
  });
});

describe('property limits', () => {
  const quota = `
    function put(key, value) { PropertiesService.getDocumentProperties().setProperty(key, value); }
    function putMany(values) { PropertiesService.getDocumentProperties().setProperties(values); }
    function count() { return Object.keys(PropertiesService.getDocumentProperties().getProperties()).length; }
  `;

  it('refuse a value over the per-value limit (key included, in UTF-8 bytes) and store nothing', () => {
    const runtime = runtimeWith(quota);
    runtime.call('put', 'k', 'x'.repeat(7999));
    expect(() => runtime.call('put', 'k2', 'あ'.repeat(2700))).toThrow('Argument too large: value');
    expect(runtime.call('count')).toBe(1);
  });

  it('refuse a store over 500 KB in all, changing nothing', () => {
    const runtime = runtimeWith(quota);
    for (let i = 0; i < 62; i++) runtime.call('put', `k${i}`, 'x'.repeat(7990));
    expect(() => runtime.call('putMany', { a: 'x'.repeat(7990), b: 'x'.repeat(7990) })).toThrow('exceeded the property storage quota');
    expect(runtime.call('count')).toBe(62);
  });
});

describe('properties, session and logs', () => {
  it('keeps document and user properties as strings', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('properties')).toEqual(['1', null, { a: '1' }, 'compact']);
    expect(runtime.model.documentProperties).toEqual(new Map([['a', '1']]));
    expect(runtime.model.userProperties.get('local@example.invalid')).toEqual(new Map([['view', 'compact']]));
  });

  it('reports the configured user and the Tokyo time zone', () => {
    expect(runtimeWith(code, ['A'], { user: 'staff@town.example' }).call('who')).toEqual([
      'staff@town.example', 'staff@town.example', 'Asia/Tokyo', 'Asia/Tokyo',
    ]);
  });

  it('captures Logger and console output instead of printing it', () => {
    const runtime = runtimeWith(code);
    runtime.call('logs');
    expect(runtime.logs).toEqual(['件数: 3', "done { n: 1 }"]);
  });

  it('tracks the active sheet and range', () => {
    const runtime = runtimeWith(code, ['A', 'B']);
    expect(runtime.selection()).toEqual({ sheet: 'A', range: 'A1' });
    expect(runtime.call('select')).toEqual(['B', 'C3:D4']);
    runtime.select('A', 'B2');
    expect(runtime.selection()).toEqual({ sheet: 'A', range: 'B2' });
  });
});
