// A tab's embedded charts, drawn as simple inline SVG: columns (side by side,
// or stacked when the chart says so), horizontal bars and lines. Each figure is named by its
// title and describes its data in text for screen readers.
import type { ChartView } from '../types';

const SVG = 'http://www.w3.org/2000/svg';
const COLORS = ['#4285f4', '#ea4335', '#fbbc04', '#34a853', '#ff6d01', '#46bdc6'];
const [WIDTH, HEIGHT] = [560, 260];
const PLOT = { left: 44, right: 12, top: 12, bottom: 28 };
const TYPE_NAME: Record<string, string> = { COLUMN: '縦棒グラフ', BAR: '横棒グラフ', LINE: '折れ線グラフ' };
/** Room for the category names left of horizontal bars. */
const BAR_LABELS = 170;

let figures = 0;

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) element.setAttribute(name, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Whole-number steps for the value axis (counts have no fractions): 1, 2 or 5 times a power of ten, about four of them. */
function axisSteps(max: number): number[] {
  const rough = Math.max(1, max / 4);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  return Array.from({ length: Math.max(1, Math.ceil(max / step)) + 1 }, (_, i) => i * step);
}

/** Horizontal bars, one row per category, the first series only (a breakdown has one). */
function plotBars(chart: ChartView): SVGSVGElement {
  const n = chart.categories.length;
  const height = Math.max(HEIGHT, n * 18 + PLOT.top + PLOT.bottom);
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${height}`, width: WIDTH, height, 'aria-hidden': 'true' });
  const values = chart.series[0]?.values ?? [];
  const ticks = axisSteps(Math.max(0, ...values.map((v) => v ?? 0)));
  const top = ticks[ticks.length - 1]!;
  const [x0, w] = [BAR_LABELS, WIDTH - BAR_LABELS - PLOT.right];
  const band = (height - PLOT.top - PLOT.bottom) / Math.max(1, n);
  const x = (value: number): number => x0 + (value / top) * w;
  for (const value of ticks) {
    root.append(svg('line', { x1: x(value), x2: x(value), y1: PLOT.top, y2: height - PLOT.bottom, stroke: '#e0e0e0' }));
    root.append(svg('text', { x: x(value), y: height - PLOT.bottom + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368' }, String(value)));
  }
  chart.categories.forEach((label, i) => {
    const y = PLOT.top + band * i;
    root.append(svg('text', { x: x0 - 6, y: y + band * 0.7, 'text-anchor': 'end', 'font-size': 11, fill: '#5f6368' }, label));
    const value = values[i] ?? 0;
    if (value > 0) root.append(svg('rect', { x: x0, y: y + band * 0.15, width: x(value) - x0, height: band * 0.7, fill: COLORS[0]! }));
  });
  root.append(svg('line', { x1: x0, x2: x0, y1: PLOT.top, y2: height - PLOT.bottom, stroke: '#5f6368' }));
  return root;
}

function plot(chart: ChartView): SVGSVGElement {
  if (chart.type === 'BAR') return plotBars(chart);
  const root = svg('svg', { viewBox: `0 0 ${WIDTH} ${HEIGHT}`, width: WIDTH, height: HEIGHT, 'aria-hidden': 'true' });
  const n = chart.categories.length;
  const stacked = chart.type === 'COLUMN' && chart.stacked;
  const totals = chart.categories.map((_, i) => chart.series.reduce((sum, s) => sum + (s.values[i] ?? 0), 0));
  const ticks = axisSteps(Math.max(0, ...(stacked ? totals : chart.series.flatMap((s) => s.values.map((v) => v ?? 0)))));
  const top = ticks[ticks.length - 1]!;
  const [x0, y0] = [PLOT.left, HEIGHT - PLOT.bottom];
  const [w, h] = [WIDTH - PLOT.left - PLOT.right, HEIGHT - PLOT.top - PLOT.bottom];
  const y = (value: number): number => y0 - (value / top) * h;
  const band = n ? w / n : w;
  for (const value of ticks) {
    root.append(svg('line', { x1: x0, x2: x0 + w, y1: y(value), y2: y(value), stroke: '#e0e0e0' }));
    root.append(svg('text', { x: x0 - 6, y: y(value) + 4, 'text-anchor': 'end', 'font-size': 11, fill: '#5f6368' }, String(value)));
  }
  chart.categories.forEach((label, i) => {
    root.append(svg('text', { x: x0 + band * (i + 0.5), y: y0 + 16, 'text-anchor': 'middle', 'font-size': 11, fill: '#5f6368' }, label));
  });
  if (chart.type === 'LINE') {
    chart.series.forEach((series, s) => {
      const color = COLORS[s % COLORS.length]!;
      let points: string[] = [];
      const flush = (): void => {
        if (points.length > 1) root.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: color, 'stroke-width': 2 }));
        points = [];
      };
      series.values.forEach((value, i) => {
        if (value === null) return flush();
        const [cx, cy] = [x0 + band * (i + 0.5), y(value)];
        points.push(`${cx},${cy}`);
        root.append(svg('circle', { cx, cy, r: 3, fill: color }));
      });
      flush();
    });
  } else {
    const gap = band * 0.2;
    chart.categories.forEach((_, i) => {
      let base = 0;
      chart.series.forEach((series, s) => {
        const value = series.values[i] ?? 0;
        if (value <= 0) return;
        const barWidth = stacked ? band - gap : (band - gap) / chart.series.length;
        const x = x0 + band * i + gap / 2 + (stacked ? 0 : barWidth * s);
        root.append(svg('rect', { x, y: y(base + value), width: barWidth, height: y(base) - y(base + value), fill: COLORS[s % COLORS.length]! }));
        if (stacked) base += value;
      });
    });
  }
  root.append(svg('line', { x1: x0, x2: x0 + w, y1: y0, y2: y0, stroke: '#5f6368' }));
  return root;
}

/** The data in words: 「4月：高齢 3、障害 1 …」 for each category; a value shown as <k or blank is 「なし」. */
function description(chart: ChartView): string {
  const type = TYPE_NAME[chart.type] ?? `グラフ（${chart.type}）`;
  const rows = chart.categories.map((label, i) =>
    `${label}：${chart.series.map((s) => `${s.name} ${s.values[i] ?? 'なし'}`).join('、')}`);
  return `${type}${chart.stacked ? '（積み上げ）' : ''}。${rows.join('。')}。`;
}

function legend(chart: ChartView): HTMLElement {
  const list = document.createElement('ul');
  list.className = 'legend';
  list.setAttribute('aria-hidden', 'true');
  chart.series.forEach((series, s) => {
    const item = document.createElement('li');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.backgroundColor = COLORS[s % COLORS.length]!;
    item.append(swatch, series.name);
    list.append(item);
  });
  return list;
}

function figure(chart: ChartView): HTMLElement {
  const id = `chart-${++figures}`;
  const box = document.createElement('figure');
  box.className = 'chart';
  box.setAttribute('aria-labelledby', `${id}-title`);
  box.setAttribute('aria-describedby', `${id}-data`);
  const caption = document.createElement('figcaption');
  caption.id = `${id}-title`;
  caption.textContent = chart.title || TYPE_NAME[chart.type] || 'グラフ';
  const place = document.createElement('span');
  place.className = 'place';
  place.textContent = `（シートの ${chart.position} に配置）`;
  caption.append(place);
  const data = document.createElement('p');
  data.id = `${id}-data`;
  data.className = 'visually-hidden';
  data.textContent = description(chart);
  const drawable = chart.type === 'COLUMN' || chart.type === 'BAR' || chart.type === 'LINE';
  box.append(caption, ...(drawable ? [plot(chart), legend(chart)] : []), data);
  return box;
}

/** Shows the charts of the tab on screen; the section hides when it has none. */
export function renderCharts(section: HTMLElement, charts: readonly ChartView[]): void {
  const signature = JSON.stringify(charts);
  if (section.dataset.signature === signature) return;
  section.dataset.signature = signature;
  section.hidden = charts.length === 0;
  section.replaceChildren(...charts.map(figure));
}
