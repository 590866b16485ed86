// Embedded charts: the Charts enum, the builder Sheet.newChart() gives and the
// chart it builds. Charts are recorded on the sheet model, never drawn here.
import { SERVICE, type Emulated } from './bridge';
import type { ChartModel, RangeRef } from './model';
import { Range } from './range';
import type { Sheet } from './sheet';

const CHART_TYPES = [
  'AREA', 'BAR', 'BUBBLE', 'CANDLESTICK', 'COLUMN', 'COMBO', 'GAUGE', 'GEO', 'HISTOGRAM', 'LINE', 'ORG', 'PIE',
  'RADAR', 'SCATTER', 'SPARKLINE', 'STEPPED_AREA', 'TABLE', 'TIMELINE', 'TREEMAP', 'WATERFALL',
] as const;
const CHART_TYPE = Object.fromEntries(CHART_TYPES.map((t) => [t, t])) as Record<(typeof CHART_TYPES)[number], string>;

export class Charts implements Emulated {
  readonly [SERVICE] = 'Charts';

  get ChartType(): typeof CHART_TYPE {
    return CHART_TYPE;
  }
}

const signatureError = (method: string): Error =>
  new Error(`The parameters don't match the method signature for SpreadsheetApp.EmbeddedChartBuilder.${method}.`);

/** A chart built and not yet inserted, or one on a sheet. */
export class EmbeddedChart implements Emulated {
  readonly [SERVICE] = 'EmbeddedChart';

  constructor(readonly sheet: Sheet, readonly data: ChartModel) {}

  /** Null until the chart is inserted, as in Apps Script. */
  getChartId(): number | null {
    return this.sheet.model.charts.includes(this.data) ? this.data.id : null;
  }

  getRanges(): Range[] {
    return this.data.ranges.map((ref) => this.sheet.spreadsheet.rangeFor(ref));
  }
}

export class EmbeddedChartBuilder implements Emulated {
  readonly [SERVICE] = 'EmbeddedChartBuilder';
  #type: string | undefined;
  readonly #ranges: RangeRef[] = [];
  #position = { row: 1, column: 1, offsetX: 0, offsetY: 0 };
  readonly #options: Record<string, unknown> = {};
  #numHeaders = -1;

  constructor(private readonly sheet: Sheet) {}

  setChartType(type: string): EmbeddedChartBuilder {
    if (!(CHART_TYPES as readonly string[]).includes(String(type))) throw signatureError('setChartType');
    this.#type = String(type);
    return this;
  }

  addRange(range: Range): EmbeddedChartBuilder {
    if (!(range instanceof Range)) throw signatureError('addRange');
    this.#ranges.push({ sheetId: range.sheet.model.id, ...range.rect });
    return this;
  }

  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): EmbeddedChartBuilder {
    if (![anchorRowPos, anchorColPos, offsetX, offsetY].every(Number.isInteger) || anchorRowPos < 1 || anchorColPos < 1) {
      throw signatureError('setPosition');
    }
    this.#position = { row: anchorRowPos, column: anchorColPos, offsetX, offsetY };
    return this;
  }

  setOption(option: string, value: unknown): EmbeddedChartBuilder {
    this.#options[String(option)] = JSON.parse(JSON.stringify(value ?? null)) as unknown;
    return this;
  }

  setNumHeaders(headers: number): EmbeddedChartBuilder {
    if (!Number.isInteger(headers)) throw signatureError('setNumHeaders');
    this.#numHeaders = headers;
    return this;
  }

  build(): EmbeddedChart {
    if (this.#type === undefined) throw new Error('Set a chart type with setChartType before building the chart.');
    return new EmbeddedChart(this.sheet, {
      id: 0, type: this.#type, ranges: [...this.#ranges], position: { ...this.#position },
      options: { ...this.#options }, numHeaders: this.#numHeaders,
    });
  }
}
