import { DEFAULT_SETTINGS, readSettings, settingsToTable } from '../../src/domain/settings';

describe('設定', () => {
  it('reads back the defaults it writes', () => {
    const table = settingsToTable(DEFAULT_SETTINGS);
    expect(readSettings(table).settings).toEqual(DEFAULT_SETTINGS);
  });
});
