import { dateCell } from '../../../src/domain/cell';
import { joinList, splitList } from '../../../src/domain/normalize';

describe('splitList', () => {
  it.each([
    ['、', '介護、障害', ['介護', '障害']],
    [',', '介護,障害', ['介護', '障害']],
    ['full-width comma', '介護，障害', ['介護', '障害']],
    ['half-width 、', 'ｶｲｺﾞ､ｼｮｳｶﾞｲ', ['カイゴ', 'ショウガイ']],
    [';', '介護;障害', ['介護', '障害']],
    ['full-width ;', '介護；障害', ['介護', '障害']],
    ['/', '介護/障害', ['介護', '障害']],
    ['full-width /', '介護／障害', ['介護', '障害']],
    ['LF', '介護\n障害', ['介護', '障害']],
    ['CRLF', '介護\r\n障害', ['介護', '障害']],
    ['CR', '介護\r障害', ['介護', '障害']],
    ['mixed separators', '病気・医療、介護,障害；住まい／その他\nDV・虐待', ['病気・医療', '介護', '障害', '住まい', 'その他', 'DV・虐待']],
  ])('splits on %s', (_label, input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });

  it.each([
    ['trims items', ' 介護 、　障害　', ['介護', '障害']],
    ['drops empty items', '、介護、、 、障害、', ['介護', '障害']],
    ['de-duplicates keeping the first', '障害、介護、障害、介護', ['障害', '介護']],
    ['de-duplicates after normalising', '８０５０、8050', ['8050']],
    ['normalises items', 'ＤＶ・虐待、ﾋｷｺﾓﾘ', ['DV・虐待', 'ヒキコモリ']],
    ['collapses spaces inside items', '地域  包括', ['地域 包括']],
    ['keeps a single item', '介護', ['介護']],
    ['gives nothing for an empty cell', '', []],
    ['gives nothing for blanks and separators', ' 、 , \n ', []],
  ])('%s', (_label, input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });

  it.each([
    ['a number', 8050, ['8050']],
    ['a date cell', dateCell('2024-04-01'), ['2024-04-01']],
  ])('reads %s as its text', (_label, input, expected) => {
    expect(splitList(input)).toEqual(expected);
  });
});

describe('joinList', () => {
  it.each([
    [['介護', '障害', '住まい'], '介護、障害、住まい'],
    [['介護'], '介護'],
    [[], ''],
  ])('%j → %j', (items, expected) => {
    expect(joinList(items)).toBe(expected);
  });
});
