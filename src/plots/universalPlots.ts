/**
 * Plots of the universal-approximation demo, as pure (data, size, labels) → SVG strings:
 * - the drawing area: the drawn curve through its control points on a fixed y range, the focused point ringed;
 * - centre marks: a layer of the same size as a Fit Lab plot (fitPlot.ts) that marks each component's centre
 *   −b/w on the x-axis (an arrow at the edge when it lies beyond), filled when the component is in the partial
 *   sum, hollow when not;
 * - the "how many units?" chart: best MSE against hidden size, per activation, with the MSE = 0.01 line.
 * Roots carry their scales' domains and ranges (data attributes), so tests can map pixels back to data.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import { fitLayout, PI_TICKS, type FitPlotData, type PlotSize } from './fitPlot';
import { attrs, bottomAxisFrame, esc, gridPath, r2, tickPath, tickText } from './svg';

function svgOpen(
  cls: string,
  size: Pick<PlotSize, 'width' | 'height'>,
  extra: Record<string, string | number | undefined>,
): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"${attrs(extra)}>`;
}

function titled(size: PlotSize, title: string, desc: string): { attrs: Record<string, string>; head: string } {
  return {
    attrs: { role: 'img', 'aria-labelledby': `${size.idPrefix}-title ${size.idPrefix}-desc` },
    head: `<title id="${size.idPrefix}-title">${esc(title)}</title><desc id="${size.idPrefix}-desc">${esc(desc)}</desc>`,
  };
}

export interface DrawingData {
  xs: readonly number[];
  values: readonly number[];
  yDomain: readonly [number, number];
  /** The control point the keyboard is on (ringed), or null. */
  focused: number | null;
}

export interface DrawingLabels {
  title: string;
  desc: string;
}

export const DRAWING_MARGIN = { top: 10, right: 14, bottom: 24, left: 34 };

export function drawingScales(data: Pick<DrawingData, 'xs' | 'yDomain'>, size: Pick<PlotSize, 'width' | 'height'>) {
  const m = DRAWING_MARGIN;
  const x = scaleLinear()
    .domain([data.xs[0] ?? 0, data.xs[data.xs.length - 1] ?? 1])
    .range([m.left, size.width - m.right]);
  const y = scaleLinear()
    .domain([...data.yDomain])
    .range([size.height - m.bottom, m.top]);
  return { x, y };
}

export function drawingSvg(data: DrawingData, size: PlotSize, labels: DrawingLabels): string {
  const { x, y } = drawingScales(data, size);
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const yTicks = y.ticks(4);
  const at = (ts: number[]) => ts.map((t) => r2(y(t)));
  let out = `<g class="fl-axes" fill="currentColor" font-size="10">`;
  // The zero line a little darker than the other gridlines.
  out += gridPath(x0, x1, at(yTicks.filter((t) => t !== 0)), 0.12);
  out += gridPath(x0, x1, at(yTicks.filter((t) => t === 0)), 0.35);
  out += tickPath(
    y0,
    PI_TICKS.map(([v]) => r2(x(v))),
  );
  out += `<path d="M${x0} ${y0}V${y1}" stroke="currentColor" stroke-opacity="0.5"/>`;
  for (const t of yTicks)
    out += `<text x="${x0 - 4}" y="${r2(y(t))}" dy="0.32em" text-anchor="end">${esc(tickText(t))}</text>`;
  for (const [v, label] of PI_TICKS) out += `<text x="${r2(x(v))}" y="${y0 + 15}" text-anchor="middle">${label}</text>`;
  out += `</g>`;
  const d =
    line<number>()
      .x((v) => x(v))
      .y((_, k) => y(data.values[k] ?? 0))
      .digits(2)(data.xs as number[]) ?? '';
  out += `<path data-role="drawn" d="${d}" fill="none" stroke="currentColor" stroke-width="2.5" stroke-linejoin="round"/>`;
  data.xs.forEach((xv, k) => {
    const focused = data.focused === k;
    out += `<circle${attrs({ 'data-role': 'control', 'data-k': k, 'data-focused': focused ? 'true' : undefined, cx: r2(x(xv)), cy: r2(y(data.values[k] ?? 0)), r: focused ? 6 : 3, fill: focused ? 'none' : 'currentColor', stroke: 'currentColor', 'stroke-width': focused ? 2.5 : 0 })}/>`;
    if (focused)
      out += `<line data-role="focus-guide" x1="${r2(x(xv))}" x2="${r2(x(xv))}" y1="${y0}" y2="${y1}" stroke="currentColor" stroke-opacity="0.4" stroke-dasharray="3 3"/>`;
  });
  const t = titled(size, labels.title, labels.desc);
  const scalesAttrs = {
    'data-x-domain': (x.domain() as number[]).join(','),
    'data-y-domain': (y.domain() as number[]).join(','),
    'data-x-range': (x.range() as number[]).join(','),
    'data-y-range': (y.range() as number[]).join(','),
  };
  return svgOpen('fl-plot ul-drawing', size, { ...t.attrs, ...scalesAttrs }) + t.head + out + `</svg>`;
}

export interface CentreMark {
  x: number;
  /** In the partial sum shown (filled) or not (hollow). */
  included: boolean;
  /** 1-based neuron number, for tests and the text alternative. */
  neuron: number;
}

/** A transparent layer over a Fit Lab plot of the same data and size: the centres as ticks on its x-axis. */
export function centreMarksSvg(plot: FitPlotData, size: PlotSize, marks: readonly CentreMark[]): string {
  const { x, y } = fitLayout(plot, size);
  const [lo, hi] = x.domain() as [number, number];
  const [base] = y.range() as [number, number];
  let out = '';
  const [left, right] = x.range() as [number, number];
  for (const m of marks) {
    if (!Number.isFinite(m.x)) continue;
    const outside = m.x < lo ? 'left' : m.x > hi ? 'right' : undefined;
    const px = r2(x(Math.min(hi, Math.max(lo, m.x))));
    // An upward triangle sitting on the axis; a centre beyond the plotted range is an arrow at that edge.
    // Filled = counted in the sum, hollow = not yet (shape, not colour, tells them apart).
    const d =
      outside === 'left'
        ? `M${r2(left)},${r2(base - 5)}L${r2(left + 8)},${r2(base - 10)}L${r2(left + 8)},${r2(base)}Z`
        : outside === 'right'
          ? `M${r2(right)},${r2(base - 5)}L${r2(right - 8)},${r2(base - 10)}L${r2(right - 8)},${r2(base)}Z`
          : `M${px},${r2(base - 9)}L${r2(px - 5)},${r2(base)}L${r2(px + 5)},${r2(base)}Z`;
    out += `<path${attrs({ 'data-role': 'centre-mark', 'data-neuron': m.neuron, 'data-included': m.included ? 'true' : 'false', 'data-outside': outside, d, fill: m.included ? '#d6336c' : 'none', stroke: '#d6336c', 'stroke-width': 1.5, class: 'fl-prediction' })}/>`;
  }
  return svgOpen('fl-plot ul-marks', size, { 'aria-hidden': 'true' }) + out + `</svg>`;
}

export interface UnitsChartSeries {
  /** Activation id (data attribute) and its display name. */
  id: string;
  name: string;
  /** [hidden, best MSE] per size tried. */
  points: ReadonlyArray<readonly [number, number]>;
}

export interface UnitsChartLabels {
  title: string;
  desc: string;
  units: string;
  mse: string;
  threshold: string;
}

const SERIES_STYLE = [
  { colour: '#0072B2', dash: '', marker: (px: number, py: number) => `<circle cx="${px}" cy="${py}" r="4"/>` },
  {
    colour: '#D55E00',
    dash: '6 3',
    marker: (px: number, py: number) => `<rect x="${r2(px - 3.5)}" y="${r2(py - 3.5)}" width="7" height="7"/>`,
  },
];

/** Best MSE (log) against hidden size (log₂), one line per activation, and the MSE = 0.01 line. */
export function unitsChartSvg(
  series: readonly UnitsChartSeries[],
  sizes: readonly number[],
  threshold: number,
  size: PlotSize,
  labels: UnitsChartLabels,
): string {
  const m = { top: 10, right: 14, bottom: 34, left: 46 };
  const lo = 1e-5;
  const hi = 1;
  const x = scaleLog()
    .base(2)
    .domain([sizes[0] ?? 1, sizes[sizes.length - 1] ?? 32])
    .range([m.left, size.width - m.right]);
  const y = scaleLog()
    .domain([lo, hi])
    .range([size.height - m.bottom, m.top]);
  const clamp = (v: number) => Math.max(lo, Math.min(hi, Number.isFinite(v) ? v : hi));
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const decades = [1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1];
  let out = `<g class="fl-axes" fill="currentColor" font-size="10">`;
  out += bottomAxisFrame(
    x0,
    x1,
    y0,
    { ys: decades.map((t) => r2(y(t))), opacity: 0.12 },
    sizes.map((s) => r2(x(s))),
  );
  for (const t of decades)
    out += `<text x="${x0 - 4}" y="${r2(y(t))}" dy="0.32em" text-anchor="end">${esc(tickText(t))}</text>`;
  for (const s of sizes) out += `<text x="${r2(x(s))}" y="${y0 + 14}" text-anchor="middle">${s}</text>`;
  out += `<text x="${r2((x0 + x1) / 2)}" y="${y0 + 28}" text-anchor="middle">${esc(labels.units)}</text>`;
  out += `<text x="${x0 + 4}" y="${y1 + 8}">${esc(labels.mse)}</text></g>`;
  const ty = r2(y(threshold));
  out += `<line data-role="threshold" x1="${x0}" x2="${x1}" y1="${ty}" y2="${ty}" stroke="currentColor" stroke-dasharray="2 3"/>`;
  out += `<text x="${x1 - 2}" y="${ty - 4}" text-anchor="end" font-size="10" fill="currentColor">${esc(labels.threshold)}</text>`;
  series.forEach((s, k) => {
    const style = SERIES_STYLE[k % SERIES_STYLE.length]!;
    const d =
      line<readonly [number, number]>()
        .x((p) => x(p[0]))
        .y((p) => y(clamp(p[1])))
        .digits(2)(s.points as Array<readonly [number, number]>) ?? '';
    out += `<g data-role="series" data-activation="${esc(s.id)}" fill="${style.colour}" stroke="${style.colour}">`;
    out += `<path d="${d}" fill="none" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>`;
    for (const p of s.points) out += style.marker(r2(x(p[0])), r2(y(clamp(p[1]))));
    out += `</g>`;
    // Legend: marker + dash + name, so the two lines differ without colour.
    // Bottom left: small networks have large errors, so that corner of the chart stays clear.
    const ly = y0 - 8 - (series.length - 1 - k) * 15;
    out += `<g transform="translate(${x0 + 8},${ly})" fill="${style.colour}" stroke="${style.colour}"><line x1="0" x2="22" y1="0" y2="0" stroke-width="2"${style.dash ? ` stroke-dasharray="${style.dash}"` : ''}/>${style.marker(11, 0)}<text x="28" dy="0.32em" stroke="none" fill="currentColor" font-size="11">${esc(s.name)}</text></g>`;
  });
  const t = titled(size, labels.title, labels.desc);
  return svgOpen('fl-plot ul-units', size, t.attrs) + t.head + out + `</svg>`;
}
