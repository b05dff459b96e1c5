/**
 * The Fit Lab's main plot as an SVG string: training points, target, prediction, and each hidden neuron's
 * component vᵢ·φ(wᵢx+bᵢ) with its centre (−bᵢ/wᵢ) marked, plus the output bias c. In the "sum" view the
 * components are stacked on top of c, band by band, until they reach the prediction.
 *
 * Pure: (data, size, labels) → string. No DOM, so Astro renders it at build time and the island at run time.
 * Paths carry `data-role` (and `data-neuron`), and the root carries its scales' domains and ranges, so tests can
 * read the drawn curves back in data units.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import { area } from 'd3-shape';
import type { Interval } from '../core/analysis/learning-bands';
import type { Dataset } from '../core/train/types';
import {
  attrs,
  DEAD_COLOUR,
  DEAD_DASH,
  esc,
  gridPath,
  neuronStyle,
  polylinePath,
  r1,
  r2,
  tickPath,
  tickText,
} from './svg';

export type ComponentState = 'alive' | 'saturated' | 'dead' | 'negative';
export type FitView = 'components' | 'sum';

export interface FitComponent {
  /** vᵢ·φ(wᵢx+bᵢ) at each x of the grid. */
  y: readonly number[];
  /** Where the neuron is centred or kinked, −bᵢ/wᵢ (null when wᵢ = 0). */
  centre: number | null;
  state: ComponentState;
  /** Left out of the sum (the reader muted it): drawn faintly, and the sum view stacks nothing for it. */
  muted?: boolean;
}

export interface FitPlotData {
  /** Dense x grid on which target, prediction and components are given. */
  grid: readonly number[];
  points: Dataset;
  /** Held-out points (never trained on), drawn as hollow rings; absent or empty: none. */
  test?: Dataset;
  target: readonly number[];
  /** Network output on the grid; null before there is a network to draw. */
  prediction: readonly number[] | null;
  components: readonly FitComponent[];
  bias: number | null;
  view: FitView;
  /** What `data-neuron` says for the first component (labs that number neurons for readers pass 1). */
  firstNeuron?: number;
  /**
   * Per component, the input intervals where it can still learn (|φ′| above a threshold), drawn as thin bands under
   * the plot in the components view; absent: no bands.
   */
  bands?: readonly (readonly Interval[])[] | null;
}

export interface FitPlotLabels {
  title: string;
  desc: string;
  target: string;
  prediction: string;
  bias: string;
  /** Short on-plot tag of neuron i (0-based), e.g. "1". */
  neuronTag: (i: number) => string;
  dead: string;
  /** Legend entry of the held-out points; needed when some are drawn. */
  heldOut?: string;
  /** Legend entry of the learning bands, and each band's title (neuron i, 0-based); needed when bands are drawn. */
  band?: string;
  bandTitle?: (i: number) => string;
}

export interface PlotSize {
  width: number;
  height: number;
  /** Small multiples: no legend, fewer ticks. */
  compact?: boolean;
  /** Unique per plot on the page (clip-path ids must not collide). */
  idPrefix: string;
}

export interface FitLayout {
  x: ScaleLinear<number, number>;
  y: ScaleLinear<number, number>;
  margin: { top: number; right: number; bottom: number; left: number };
  /** Height of the learning bands' strip between the x axis and its tick labels (0 without bands). */
  bandsHeight: number;
}

/** One learning band's row: its thickness and the step between rows, in px. */
const BAND_ROW = 4;
const BAND_STEP = 6;
/** Space between the x axis and the first row. */
const BAND_GAP = 5;

/** Whether the plot draws learning bands (components view, full size, some given). */
const drawsBands = (data: FitPlotData, size: PlotSize): boolean =>
  !size.compact && data.view === 'components' && !!data.bands && data.bands.length > 0;

const finite = (v: number) => Number.isFinite(v);

/** Running sums c, c+comp₁, c+comp₁+comp₂, … (the "sum" view's layer boundaries); a muted component adds 0. */
export function stackLayers(bias: number, components: readonly FitComponent[], n: number): number[][] {
  const layers: number[][] = [Array.from({ length: n }, () => bias)];
  for (const c of components) {
    const prev = layers[layers.length - 1]!;
    layers.push(c.muted ? [...prev] : prev.map((v, j) => v + (c.y[j] ?? NaN)));
  }
  return layers;
}

function extent(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!finite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return [lo, hi];
}

export function fitLayout(data: FitPlotData, size: PlotSize): FitLayout {
  const bandsHeight = drawsBands(data, size) ? (data.bands?.length ?? 0) * BAND_STEP + BAND_GAP : 0;
  const margin = size.compact
    ? { top: 6, right: 6, bottom: 18, left: 28 }
    : { top: 12, right: 14, bottom: 28 + bandsHeight, left: 38 };
  const [tLo, tHi] = extent([...data.target, ...data.points.y, ...(data.test?.y ?? [])]);
  const span = Math.max(tHi - tLo, 0.5);
  // Curves may reach beyond the target (components, a bad fit); show them, but never more than 1.5 spans out,
  // so one runaway curve cannot flatten the rest.
  const others: number[] = [...(data.prediction ?? [])];
  if (data.bias !== null) others.push(data.bias);
  const layers =
    data.view === 'sum' && data.bias !== null
      ? stackLayers(data.bias, data.components, data.grid.length)
      : data.components.map((c) => [...c.y]);
  for (const l of layers) others.push(...l);
  const [oLo, oHi] = extent(others);
  const lo = Math.max(Math.min(tLo, oLo), tLo - 1.5 * span);
  const hi = Math.min(Math.max(tHi, oHi), tHi + 1.5 * span);
  const pad = (hi - lo) * 0.06;
  const x = scaleLinear()
    .domain([data.grid[0] ?? 0, data.grid[data.grid.length - 1] ?? 1])
    .range([margin.left, size.width - margin.right]);
  // nice(): the domain snaps to round values, so it (and the axes drawn from it) changes rarely while training.
  const y = scaleLinear()
    .domain([lo - pad, hi + pad])
    .range([size.height - margin.bottom, margin.top])
    .nice(size.compact ? 3 : 5);
  return { x, y, margin, bandsHeight };
}

/** Ticks at multiples of π/2 on the x range [0, 2π] (shared by the plots of that range). */
export const PI_TICKS: ReadonlyArray<readonly [number, string]> = [
  [0, '0'],
  [Math.PI / 2, 'π/2'],
  [Math.PI, 'π'],
  [(3 * Math.PI) / 2, '3π/2'],
  [2 * Math.PI, '2π'],
];

function axes(layout: FitLayout, size: PlotSize): string {
  const { x, y } = layout;
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  const yTicks = y.ticks(size.compact ? 3 : 5).map((t) => [t, r2(y(t))] as const);
  const below = y0 + layout.bandsHeight;
  const xTicks = PI_TICKS.map(([v, label]) => [r2(x(v)), label] as const);
  let out = `<g class="fl-axes" fill="currentColor" font-size="${size.compact ? 9 : 11}">`;
  out += gridPath(
    x0,
    x1,
    yTicks.map(([, p]) => p),
    0.12,
    'fl-grid',
  );
  out += tickPath(
    below,
    xTicks.map(([p]) => p),
  );
  out += `<path d="M${x0} ${y1}V${y0}H${x1}" fill="none" stroke="currentColor" stroke-opacity="0.5"/>`;
  for (const [t, py] of yTicks)
    out += `<text x="${x0 - 4}" y="${py}" dy="0.32em" text-anchor="end">${esc(tickText(t))}</text>`;
  const labelY = below + (size.compact ? 13 : 16);
  for (const [px, label] of xTicks) out += `<text x="${px}" y="${labelY}" text-anchor="middle">${label}</text>`;
  return out + '</g>';
}

function interpolate(grid: readonly number[], ys: readonly number[], at: number): number {
  let j = 1;
  while (j < grid.length - 1 && grid[j]! < at) j++;
  const xa = grid[j - 1]!;
  const xb = grid[j]!;
  const t = xb === xa ? 0 : (at - xa) / (xb - xa);
  return ys[j - 1]! + t * (ys[j]! - ys[j - 1]!);
}

function fitPlotParts(
  data: FitPlotData,
  size: PlotSize,
  labels: FitPlotLabels,
): { whole: string; back: string; front: string } {
  const layout = fitLayout(data, size);
  const { x, y } = layout;
  const [yLo, yHi] = y.domain() as [number, number];
  // Keep far-off values finite in pixels; the clip path hides them anyway.
  const py = (v: number) => Math.max(-2000, Math.min(size.height + 2000, y(v)));
  const gridPx = data.grid.map((v) => x(v));
  const path = (ys: readonly number[]) =>
    polylinePath(
      gridPx,
      ys.map((v) => (finite(v) ? py(v) : NaN)),
    );
  const clip = `${size.idPrefix}-clip`;
  const [cx0, cx1] = x.range() as [number, number];
  const [cy0, cy1] = y.range() as [number, number];

  let background = '';
  // Training points under everything, then the target as a wide pale band.
  // One path of zero-length round-capped segments draws every point as a dot: one element instead of 100
  // per plot keeps the DOM small (a page with five labs had ~1,500 circles, a third of its elements); 0.1 px is
  // finer than a dot's edge.
  let dots = '';
  data.points.x.forEach((px, j) => {
    const vy = data.points.y[j]!;
    if (finite(vy)) dots += `M${r1(x(px))} ${r1(py(vy))}h0`;
  });
  background += `<path class="fl-points" d="${dots}" fill="none" stroke="currentColor" stroke-opacity="0.45" stroke-width="${size.compact ? 2.4 : 3.6}" stroke-linecap="round"/>`;
  background += heldOutRings(data, x, py);
  background += `<path data-role="target" class="fl-target" d="${path(data.target)}" fill="none" stroke="currentColor" stroke-opacity="0.3" stroke-width="${size.compact ? 4 : 7}" stroke-linecap="round"/>`;

  let body = '';
  if (data.bias !== null && finite(data.bias)) {
    const by = r2(py(data.bias));
    body += `<line data-role="bias" class="fl-bias" x1="${cx0}" x2="${cx1}" y1="${by}" y2="${by}" stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="2 2"/>`;
  }

  const n = data.grid.length;
  const layers = data.view === 'sum' && data.bias !== null ? stackLayers(data.bias, data.components, n) : null;
  const id = (i: number) => i + (data.firstNeuron ?? 0);
  data.components.forEach((c, i) => {
    const style = neuronStyle(i);
    const dead = c.state === 'dead';
    const muted = c.muted === true;
    const colour = dead ? DEAD_COLOUR : style.colour;
    const dash = dead ? DEAD_DASH : style.dash;
    const ys = layers ? layers[i + 1]! : c.y;
    if (layers) {
      const below = layers[i]!;
      const band =
        area<number>()
          .defined((_, j) => finite(ys[j] ?? NaN) && finite(below[j] ?? NaN))
          .x((v) => x(v))
          .y0((_, j) => py(below[j]!))
          .y1((_, j) => py(ys[j]!))
          .digits(1)(data.grid as number[]) ?? '';
      if (!muted) body += `<path class="fl-band" d="${band}" fill="${colour}" fill-opacity="0.2" stroke="none"/>`;
    }
    body += `<path${attrs({
      'data-role': layers ? 'layer' : 'component',
      'data-neuron': id(i),
      'data-state': c.state,
      'data-muted': muted ? 'true' : undefined,
      class: `fl-component fl-n${i}${dead ? ' fl-dead' : ''}${muted ? ' fl-muted' : ''}`,
      d: path(ys),
      fill: 'none',
      stroke: colour,
      'stroke-width': size.compact ? 1.5 : 2,
      'stroke-dasharray': dash,
    })}/>`;
    // The centre/kink marker: a per-neuron shape at (−b/w, curve value there), with the neuron's number.
    if (c.centre !== null && c.centre >= (data.grid[0] ?? 0) && c.centre <= (data.grid[n - 1] ?? 0)) {
      const mx = r2(x(c.centre));
      const vy = interpolate(data.grid, ys, c.centre);
      if (finite(vy) && vy >= yLo && vy <= yHi) {
        const my = r2(y(vy));
        const where = `data-role="centre" data-neuron="${id(i)}" transform="translate(${mx},${my})"`;
        const marker = (extra: string) =>
          `<path${extra} d="${style.marker(size.compact ? 30 : 60)}" fill="${colour}" stroke="#fff" stroke-width="1"/>`;
        const fade = muted ? ' fl-muted' : '';
        // Small multiples have no tag beside the marker: the marker alone, without a group around it.
        if (size.compact) body += marker(` ${where} class="fl-halo${fade}"`);
        else
          body +=
            `<g ${where}${muted ? ' class="fl-muted"' : ''}>${marker(' class="fl-halo"')}` +
            `<text x="7" y="-6" font-size="11" font-weight="700" fill="${colour}">${esc(labels.neuronTag(i))}</text></g>`;
      }
    }
    if (dead && !size.compact) {
      const ly = interpolate(data.grid, ys, data.grid[n - 1] ?? 0);
      if (finite(ly) && ly >= yLo && ly <= yHi)
        body += `<text class="fl-dead-label" x="${cx1 - 2}" y="${r2(y(ly)) - 4}" text-anchor="end" font-size="11" fill="currentColor">${esc(labels.neuronTag(i))} · ${esc(labels.dead)}</text>`;
    }
  });

  const bands = drawsBands(data, size) ? learningBands(data, layout, labels) : '';

  if (data.prediction) {
    body += `<path data-role="prediction" class="fl-prediction" d="${path(data.prediction)}" fill="none" stroke="#d6336c" stroke-width="${size.compact ? 2 : 2.75}"/>`;
  }

  let legend = '';
  if (!size.compact) {
    const items: Array<[string, string]> = [
      [
        `<line x1="0" x2="22" y1="0" y2="0" stroke="currentColor" stroke-opacity="0.3" stroke-width="7" stroke-linecap="round"/>`,
        labels.target,
      ],
      [
        `<line class="fl-prediction" x1="0" x2="22" y1="0" y2="0" stroke="#d6336c" stroke-width="2.75"/>`,
        labels.prediction,
      ],
      [
        `<line x1="0" x2="22" y1="0" y2="0" stroke="currentColor" stroke-opacity="0.7" stroke-dasharray="2 2"/>`,
        labels.bias,
      ],
    ];
    if (data.test && data.test.x.length > 0 && labels.heldOut)
      items.push([
        `<circle cx="11" cy="0" r="3.5" fill="none" stroke="currentColor" stroke-width="1.5"/>`,
        labels.heldOut,
      ]);
    // Narrow plots (phones) keep the legend small; each band still has its title.
    if (bands && labels.band && size.width >= 480)
      items.push([
        `<rect x="0" y="${-BAND_ROW / 2}" width="22" height="${BAND_ROW}" fill="currentColor" fill-opacity="0.6"/>`,
        labels.band,
      ]);
    // Top centre: the seed target, cos(x)+1, is lowest in the middle, so this corner of the plot stays clear.
    legend = `<g class="fl-legend" font-size="11" fill="currentColor" transform="translate(${r2((cx0 + cx1) / 2 - 60)},${cy1 + 2})">`;
    const widest = Math.max(...items.map(([, text]) => textWidth(text)));
    legend += `<rect class="fl-legend-bg" x="-4" y="-2" width="${Math.max(128, 36 + widest)}" height="${items.length * 15 + 5}" rx="4" fill="#fff" fill-opacity="0.85"/>`;
    items.forEach(([swatch, text], k) => {
      legend += `<g transform="translate(0,${k * 15 + 6})">${swatch}<text x="28" dy="0.32em">${esc(text)}</text></g>`;
    });
    legend += `</g>`;
  }

  const rootAttrs = attrs({
    'data-x-domain': (x.domain() as number[]).join(','),
    'data-y-domain': (y.domain() as number[]).join(','),
    'data-x-range': (x.range() as number[]).join(','),
    'data-y-range': (y.range() as number[]).join(','),
    'data-view': data.view,
  });
  const open = (cls: string, extra: string) =>
    `<svg xmlns="http://www.w3.org/2000/svg" class="${cls}" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"${rootAttrs}${extra}>`;
  const labelled = attrs({ role: 'img', 'aria-labelledby': `${size.idPrefix}-title ${size.idPrefix}-desc` });
  const titleDesc = `<title id="${size.idPrefix}-title">${esc(labels.title)}</title><desc id="${size.idPrefix}-desc">${esc(labels.desc)}</desc>`;
  const clipDef = (id: string) =>
    `<defs><clipPath id="${id}"><rect x="${cx0}" y="${cy1}" width="${r2(cx1 - cx0)}" height="${r2(cy0 - cy1)}"/></clipPath></defs>`;
  const whole =
    open('fl-plot', labelled) +
    titleDesc +
    clipDef(clip) +
    axes(layout, size) +
    `<g clip-path="url(#${clip})">${background}${body}</g>` +
    bands +
    legend +
    `</svg>`;
  // Live drawing uses two stacked layers: the back one (axes, points, target) rarely changes, so each frame
  // only re-parses and repaints the curves.
  // The back layer's description is an element outside the SVG (id `<idPrefix>-summary`, kept by the caller),
  // so the numbers it reads out can change without redrawing this layer.
  const backLabel = attrs({ role: 'img', 'aria-labelledby': `${size.idPrefix}-title ${size.idPrefix}-summary` });
  const back =
    open('fl-plot fl-back', backLabel) +
    `<title id="${size.idPrefix}-title">${esc(labels.title)}</title>` +
    clipDef(clip) +
    axes(layout, size) +
    `<g clip-path="url(#${clip})">${background}</g></svg>`;
  const front =
    open('fl-plot fl-front', ' aria-hidden="true"') +
    clipDef(`${clip}-front`) +
    `<g clip-path="url(#${clip}-front)">${body}</g>` +
    bands +
    legend +
    `</svg>`;
  return { whole, back, front };
}

/** Rough width in px of legend text at 11 px (CJK characters are about twice as wide as Latin ones). */
function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uff00-\uffef]/.test(ch) ? 11 : 6;
  return w;
}

/** Held-out points as hollow rings (one path), so they read apart from the solid training dots without colour. */
function heldOutRings(data: FitPlotData, x: ScaleLinear<number, number>, py: (v: number) => number): string {
  const test = data.test;
  if (!test || test.x.length === 0) return '';
  const r = 3.5;
  let d = '';
  test.x.forEach((vx, j) => {
    const vy = test.y[j]!;
    if (finite(vx) && finite(vy))
      d += `M${r2(x(vx) - r)} ${r2(py(vy))}a${r} ${r} 0 1 0 ${2 * r} 0a${r} ${r} 0 1 0 ${-2 * r} 0`;
  });
  return `<path data-role="held-out" data-count="${test.x.length}" d="${d}" fill="none" stroke="currentColor" stroke-width="1.5"/>`;
}

/**
 * The learning bands: one thin row per component between the x axis and its tick labels, filled where the
 * component can still learn; a faint track shows the whole data range, so an empty row reads as "nowhere".
 */
function learningBands(data: FitPlotData, layout: FitLayout, labels: FitPlotLabels): string {
  const { x } = layout;
  const [y0] = layout.y.range() as [number, number];
  const xs = data.points.x.filter(finite);
  const [lo, hi] = extent(xs);
  let out = '<g class="fl-bands">';
  (data.bands ?? []).forEach((intervals, i) => {
    const c = data.components[i];
    const style = neuronStyle(i);
    const colour = c?.state === 'dead' ? DEAD_COLOUR : style.colour;
    const top = r2(y0 + BAND_GAP + i * BAND_STEP);
    const mid = r2(top + BAND_ROW / 2);
    const muted = c?.muted === true;
    out += `<g${attrs({ 'data-role': 'learning-band', 'data-neuron': i + (data.firstNeuron ?? 0), 'data-intervals': intervals.length, class: muted ? 'fl-muted' : undefined })}>`;
    if (labels.bandTitle) out += `<title>${esc(labels.bandTitle(i))}</title>`;
    if (lo <= hi)
      out += `<line x1="${r2(x(lo))}" x2="${r2(x(hi))}" y1="${mid}" y2="${mid}" stroke="currentColor" stroke-opacity="0.2" stroke-width="1"/>`;
    for (const [a, b] of intervals) {
      // A single input still shows: at least 2 px wide, centred on it.
      const span = x(b) - x(a);
      const w = Math.max(2, span);
      out += `<rect x="${r2(x(a) - (w - span) / 2)}" y="${top}" width="${r2(w)}" height="${BAND_ROW}" fill="${colour}"/>`;
    }
    // The neuron's marker shape at the row's start, so rows are told apart without colour.
    out += `<path d="${style.marker(14)}" transform="translate(${r2(x.range()[0]! - 8)},${mid})" fill="${colour}"/>`;
    out += '</g>';
  });
  return out + '</g>';
}

/**
 * The component (0-based) drawn nearest to the pixel (px, py) of a plot of this size — its curve (its stacked layer
 * in the sum view) or its learning band — if one is within `reach` px; otherwise null. Muted components count too.
 */
export function componentNear(data: FitPlotData, size: PlotSize, px: number, py: number, reach = 10): number | null {
  const layout = fitLayout(data, size);
  const { x, y } = layout;
  const [y0] = y.range() as [number, number];
  if (drawsBands(data, size) && py > y0) {
    const row = Math.floor((py - y0 - BAND_GAP + (BAND_STEP - BAND_ROW) / 2) / BAND_STEP);
    return row >= 0 && row < (data.bands?.length ?? 0) ? row : null;
  }
  const n = data.grid.length;
  if (n < 2) return null;
  const at = x.invert(px);
  if (at < data.grid[0]! || at > data.grid[n - 1]!) return null;
  const layers = data.view === 'sum' && data.bias !== null ? stackLayers(data.bias, data.components, n) : null;
  let best: number | null = null;
  let bestDistance = reach;
  data.components.forEach((c, i) => {
    const v = interpolate(data.grid, layers ? layers[i + 1]! : c.y, at);
    if (!finite(v)) return;
    const d = Math.abs(y(v) - py);
    if (d <= bestDistance) [best, bestDistance] = [i, d];
  });
  return best;
}

/** The plot as one SVG (static figures, exports). */
export function fitPlotSvg(data: FitPlotData, size: PlotSize, labels: FitPlotLabels): string {
  return fitPlotParts(data, size, labels).whole;
}

/**
 * The plot as two stacked SVGs of the same size: `back` (axes, points, target) and `front` (the curves). The
 * caller shows `labels.desc` in an element with id `<idPrefix>-summary` (the back layer's description).
 */
export function fitPlotLayers(
  data: FitPlotData,
  size: PlotSize,
  labels: FitPlotLabels,
): { back: string; front: string } {
  const { back, front } = fitPlotParts(data, size, labels);
  return { back, front };
}
