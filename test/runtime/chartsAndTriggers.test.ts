// Embedded charts, time-driven triggers and prompts, as 月次集計 uses them:
// counted calls, Apps Script's errors, and charts and triggers kept through
// an .xlsx save and load (in _appsscript; the file itself gets no chart).
import ExcelJS from 'exceljs';
import { roundTrip, runtimeWith } from './helpers';

const code = `
  function chart() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    sheet.getRange(1, 1, 3, 2).setValues([['月', '件数'], ['4月', 3], ['5月', 5]]);
    var built = sheet.newChart().setChartType(Charts.ChartType.COLUMN)
      .addRange(sheet.getRange('A1:B3')).setNumHeaders(1).setPosition(5, 2, 10, 0)
      .setOption('title', '件数').setOption('isStacked', true).build();
    var before = built.getChartId();
    sheet.insertChart(built);
    return [before, sheet.getCharts().map(function (c) { return c.getChartId(); })];
  }
  function removeAll() {
    var sheet = SpreadsheetApp.getActive().getSheetByName('A');
    sheet.getCharts().forEach(function (c) { sheet.removeChart(c); });
    return sheet.getCharts().length;
  }
  function noType() { SpreadsheetApp.getActive().getSheetByName('A').newChart().build(); }
  function install() {
    return ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(5).create().getHandlerFunction();
  }
  function mine() {
    return ScriptApp.getProjectTriggers().map(function (t) { return [t.getHandlerFunction(), t.getEventType()]; });
  }
  function removeTriggers() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
  function badHour() { ScriptApp.newTrigger('daily').timeBased().everyDays(1).atHour(24).create(); }
  function ask() {
    var ui = SpreadsheetApp.getUi();
    var a = ui.prompt('年度', '年度を入力してください。', ui.ButtonSet.OK_CANCEL);
    var b = ui.prompt('続けますか？', ui.ButtonSet.YES_NO);
    return [a.getResponseText(), a.getSelectedButton() === ui.Button.OK, b.getSelectedButton()];
  }
`;

describe('embedded charts', () => {
  it('builds, inserts and removes charts, each call counted and logged as a write', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('chart')).toEqual([null, [1]]);
    const [chart] = runtime.model.sheets[0]!.charts;
    expect(chart).toEqual({
      id: 1, type: 'COLUMN', ranges: [{ sheetId: 0, row: 1, column: 1, numRows: 3, numColumns: 2 }],
      position: { row: 5, column: 2, offsetX: 10, offsetY: 0 }, options: { title: '件数', isStacked: true }, numHeaders: 1,
    });
    expect(runtime.callsByMethod()).toMatchObject({ 'Sheet.newChart': 1, 'EmbeddedChartBuilder.setOption': 2, 'Sheet.insertChart': 1 });
    expect(runtime.writes.map((w) => w.call)).toContain('Sheet.insertChart');
    expect(runtime.call('removeAll')).toBe(0);
    expect(runtime.writes.at(-1)?.call).toBe('Sheet.removeChart');
    expect(() => runtime.call('noType')).toThrow('Set a chart type with setChartType');
  });

  it('keeps charts through .xlsx save and load, in _appsscript only', async () => {
    const runtime = runtimeWith(code);
    runtime.call('chart');
    const { model, path } = await roundTrip(runtime.model, code);
    expect(model.sheets[0]!.charts).toEqual(runtime.model.sheets[0]!.charts);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(path);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['A', '_appsscript']);
  });
});

describe('triggers', () => {
  it("are the user's own: made, listed, deleted, and refused with Apps Script's message when wrong", () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('install')).toBe('daily');
    runtime.call('install');
    expect(runtime.call('mine')).toEqual([['daily', 'CLOCK'], ['daily', 'CLOCK']]);
    expect(runtime.model.triggers.map((t) => [t.user, t.everyDays, t.atHour])).toEqual([
      ['local@example.invalid', 1, 5], ['local@example.invalid', 1, 5],
    ]);
    // Another user of the same project sees none of them, and cannot delete them.
    const other = runtimeWith(code, ['A'], { user: 'other@town.example' });
    other.model.triggers = runtime.model.triggers;
    expect(other.call('mine')).toEqual([]);
    other.call('removeTriggers');
    expect(runtime.model.triggers).toHaveLength(2);
    expect(runtime.writes.map((w) => w.call)).toEqual(['ClockTriggerBuilder.create', 'ClockTriggerBuilder.create']);
    runtime.call('removeTriggers');
    expect(runtime.model.triggers).toEqual([]);
    expect(() => runtime.call('badHour')).toThrow('The hour must be between 0 and 23.');
  });

  it('are kept through .xlsx save and load', async () => {
    const runtime = runtimeWith(code);
    runtime.call('install');
    const { model, runtime: loaded } = await roundTrip(runtime.model, code);
    expect(model.triggers).toEqual(runtime.model.triggers);
    expect(loaded.call('mine')).toEqual([['daily', 'CLOCK']]);
  });
});

describe('ui.prompt', () => {
  it('answers as a person accepting the default, or with the answers a test queued', () => {
    const runtime = runtimeWith(code);
    expect(runtime.call('ask')).toEqual(['', true, 'YES']);
    runtime.answerPrompt({ text: '2024' });
    runtime.answerPrompt({ text: '', button: 'NO' });
    expect(runtime.call('ask')).toEqual(['2024', true, 'NO']);
    expect(runtime.prompts.map((p) => [p.title, p.prompt, p.text, p.button])).toEqual([
      ['年度', '年度を入力してください。', '', 'OK'], ['', '続けますか？', '', 'YES'],
      ['年度', '年度を入力してください。', '2024', 'OK'], ['', '続けますか？', '', 'NO'],
    ]);
  });
});
