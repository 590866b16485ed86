// The tabs meant for paper — 次第_… and 集計_N年度 — as the add-on writes them
// in the built bundle: body text of at least 10.5 pt, text at least 4.5:1
// against its background, and nothing said by colour alone (what a coloured
// row means is also written in it, or it is a bold header).
import type { Runtime } from '../../dev/runtime';
import { findSheet, type SheetModel } from '../../dev/runtime/model';
import type { AgendaCreated } from '../../src/app/agenda/types';
import { demoWorkbook, TODAY } from '../app/helpers';

/** Sheets' default when a cell has no size of its own. */
const DEFAULT_POINTS = 10;
/** The add-on never sets a font colour: text is Sheets' black. */
const TEXT = '#000000';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** WCAG 2.x contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

interface TextCell { readonly row: number; readonly text: string; readonly points: number; readonly background: string; readonly bold: boolean }

function textCells(sheet: SheetModel): TextCell[] {
  return sheet.cells.flatMap((cells, r) => (cells ?? []).flatMap((cell) => {
    const text = cell?.value === undefined || cell.value === null ? '' : String(cell.value);
    return text === '' ? [] : [{ row: r + 1, text, points: cell!.fontSize ?? DEFAULT_POINTS, background: cell!.background ?? '#ffffff', bold: cell!.bold === true }];
  }));
}

function expectPrintable(sheet: SheetModel): TextCell[] {
  const cells = textCells(sheet);
  expect(cells.length).toBeGreaterThan(10);
  expect(cells.filter((c) => c.points < 10.5)).toEqual([]);
  expect(cells.filter((c) => contrast(TEXT, c.background) < 4.5)).toEqual([]);
  return cells;
}

let runtime: Runtime;
beforeAll(() => {
  runtime = demoWorkbook(60);
});

describe('the 次第 tab prints legibly', () => {
  it('for a 支援会議 (取扱注意): 10.5 pt or more, 4.5:1 or more, and its red marks say 取扱注意 in words', () => {
    const created = runtime.call<AgendaCreated>('createAgenda', { today: TODAY, meetingType: '支援会議', date: '2026-12-08' });
    const sheet = findSheet(runtime.model, created.sheet)!;
    const cells = expectPrintable(sheet);
    const coloured = cells.filter((c) => c.background !== '#ffffff');
    const rowsOf = (background: string) => [...new Set(coloured.filter((c) => c.background === background).map((c) => c.row))];
    // Header and session rows are shaded for reading; a header is also bold and each session row names its part.
    for (const background of new Set(coloured.map((c) => c.background))) {
      for (const row of rowsOf(background)) {
        const text = cells.filter((c) => c.row === row).map((c) => c.text).join(' ');
        const said = /取扱注意|回収/.test(text) || cells.filter((c) => c.row === row).every((c) => c.bold) || /開会|閉会|休憩/.test(text);
        expect({ row, text, said }).toEqual({ row, text, said: true });
      }
    }
    expect(sheet.tabColor).not.toBeNull();
    expect(cells.filter((c) => c.text.startsWith('取扱注意'))).not.toEqual([]);
  });
});

describe('the 集計 tab prints legibly', () => {
  it('10.5 pt or more and 4.5:1 or more in every cell, shaded cells being bold headers', () => {
    runtime.call('rebuildCounts', { today: TODAY, fiscalYear: 2025 });
    const sheet = findSheet(runtime.model, '集計_2025年度')!;
    const cells = expectPrintable(sheet);
    expect(cells.filter((c) => c.background !== '#ffffff' && !c.bold)).toEqual([]);
  });
});
