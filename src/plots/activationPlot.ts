/**
 * Builds the picture of one or more activation curves as plain data: SVG path strings, ticks, shaded bands,
 * dots and labels. No DOM: the same scene is rendered to static SVG at build time and redrawn live by the island.
 */
import { scaleLinear } from 'd3-scale';
import { polylinePath } from './svg';

export interface PlotCurve {
  key: string;
  label: string;
  f: (x: number) => number;
  fPrime: (x: number) => number;
  /** Where f′ jumps: f′ is drawn in pieces between them, with a filled dot at the value we define there. */
  kinks: readonly number[];
  /** The curve itself jumps at the kinks (e.g. when f′ is plotted as the curve): draw it in pieces too. */
  jumpsAtKinks?: boolean;
  /** Index into the line styles (colour + dash pattern + marker), so colour is never the only cue. */
  style: number;
}

export interface ActivationPlotInput {
  curves: readonly PlotCurve[];
  /** The x-axis runs from −xMax to xMax. */
  xMax: number;
  showDerivative: boolean;
  /** Shade where |f′| < threshold (only meaningful for a single curve). */
  shadeVanishing: boolean;
  width: number;
  height: number;
  /** Thumbnails: no tick labels, tighter margins. */
  compact?: boolean;
  /** Name each curve at its right end (compare view). */
  labelCurves?: boolean;
  samples?: number;
}

export interface Tick {
  value: number;
  position: number;
  label: string;
}

export interface ScenePath {
  key: string;
  kind: 'f' | 'fPrime';
  style: number;
  d: string;
}

export interface ActivationPlotScene {
  width: number;
  height: number;
  plot: { left: number; top: number; right: number; bottom: number };
  xTicks: Tick[];
  yTicks: Tick[];
  /** Pixel position of the axes through the origin, or null when 0 is outside the domain. */
  zeroX: number | null;
  zeroY: number | null;
  shaded: Array<{ x0: number; x1: number }>;
  paths: ScenePath[];
  /** Filled: the value defined at a jump; open: the limit beside it. `kind` says which curve jumps there. */
  dots: Array<{ key: string; kind: 'f' | 'fPrime'; cx: number; cy: number; open: boolean; style: number }>;
  labels: Array<{ key: string; text: string; x: number; y: number; style: number }>;
  /** Markers placed along each f curve (a shape per style), so curves differ without colour. */
  markers: Array<{ key: string; cx: number; cy: number; style: number }>;
  xDomain: [number, number];
  yDomain: [number, number];
  xToPx(x: number): number;
  yToPx(y: number): number;
  pxToX(px: number): number;
}

export const VANISHING_SLOPE = 0.1;
/** Dash patterns by style index; the CSS gives each index its colour. */
export const DASHES = ['', '7 4', '2 3', '10 3 2 3', '4 4', '12 5'] as const;
export const MARKERS = ['circle', 'square', 'triangle', 'diamond', 'cross', 'plus'] as const;
export type MarkerShape = (typeof MARKERS)[number];

export function markerOf(style: number): MarkerShape {
  return MARKERS[style % MARKERS.length]!;
}
export function dashOf(style: number): string {
  return DASHES[style % DASHES.length]!;
}

const fmtTick = (v: number) => {
  const text = Math.abs(v) < 1e-12 ? '0' : String(Number(v.toPrecision(4)));
  return text.replace('-', '−');
};

/** Sample xs: an even grid plus every kink, and points just either side of it so corners stay sharp. */
function sampleXs(xMax: number, samples: number, kinks: readonly number[]): number[] {
  const xs: number[] = [];
  for (let i = 0; i <= samples; i++) xs.push(-xMax + (2 * xMax * i) / samples);
  for (const k of kinks) if (k > -xMax && k < xMax) xs.push(k);
  // Dedupe (a kink may already be a grid point), or a piece would start at the kink's own value.
  return [...new Set(xs)].sort((a, b) => a - b);
}

/** Intervals of x where |f′| < threshold, from the sampled grid (boundaries at midpoints between samples). */
export function vanishingIntervals(
  fPrime: (x: number) => number,
  xs: readonly number[],
  threshold = VANISHING_SLOPE,
): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let start: number | null = null;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const inside = Math.abs(fPrime(x)) < threshold;
    if (inside && start === null) start = i === 0 ? x : (xs[i - 1]! + x) / 2;
    if (!inside && start !== null) {
      out.push([start, (xs[i - 1]! + x) / 2]);
      start = null;
    }
  }
  if (start !== null) out.push([start, xs[xs.length - 1]!]);
  return out.filter(([a, b]) => b > a);
}

/** Spread label y positions so no two are closer than `gap` pixels, keeping them inside [lo, hi]. */
function spreadLabels(ys: number[], gap: number, lo: number, hi: number): number[] {
  const order = ys.map((y, i) => ({ y, i })).sort((a, b) => a.y - b.y);
  for (let k = 1; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, order[k - 1]!.y + gap);
  const overflow = (order[order.length - 1]?.y ?? hi) - hi;
  if (overflow > 0) for (const o of order) o.y -= overflow;
  for (let k = 0; k < order.length; k++) order[k]!.y = Math.max(order[k]!.y, lo + k * gap);
  const out = [...ys];
  for (const o of order) out[o.i] = o.y;
  return out;
}

export function buildActivationPlot(input: ActivationPlotInput): ActivationPlotScene {
  const { curves, xMax, showDerivative, width, height } = input;
  const compact = input.compact ?? false;
  const samples = input.samples ?? (compact ? 120 : 400);
  const labelRoom = input.labelCurves ? Math.min(110, width * 0.28) : 0;
  const margin = compact
    ? { left: 4, right: 4, top: 6, bottom: 6 }
    : { left: 38, right: 12 + labelRoom, top: 12, bottom: 28 };
  const plot = { left: margin.left, top: margin.top, right: width - margin.right, bottom: height - margin.bottom };

  const allKinks = [...new Set(curves.flatMap((c) => c.kinks))];
  const xs = sampleXs(xMax, samples, allKinks);
  const values = curves.map((c) => ({
    curve: c,
    f: xs.map((x) => c.f(x)),
    fp: showDerivative ? xs.map((x) => c.fPrime(x)) : [],
  }));

  let yMin = 0;
  let yMax = 1;
  for (const v of values) {
    for (const y of [...v.f, ...v.fp]) {
      if (!Number.isFinite(y)) continue;
      yMin = Math.min(yMin, y);
      yMax = Math.max(yMax, y);
    }
  }
  const pad = (yMax - yMin) * 0.06;
  const x = scaleLinear().domain([-xMax, xMax]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([yMin - pad, yMax + pad])
    .range([plot.bottom, plot.top])
    .nice(compact ? 2 : 6);

  const ticks = (scale: typeof x, count: number, horizontal: boolean): Tick[] =>
    compact
      ? []
      : scale
          .ticks(count)
          .map((value) => ({ value, position: scale(value), label: horizontal ? fmtTick(value) : fmtTick(value) }));

  const pathOf = (ys: number[], from: number, to: number) =>
    polylinePath(
      xs.slice(from, to).map((v) => x(v)),
      ys.slice(from, to).map((v) => (Number.isFinite(v) ? y(v) : NaN)),
    );

  const paths: ScenePath[] = [];
  const dots: ActivationPlotScene['dots'] = [];
  const markers: ActivationPlotScene['markers'] = [];
  /** A path drawn in pieces between the curve's kinks, so a jump shows as a gap rather than a false vertical line. */
  const piecewise = (ys: number[], curve: PlotCurve, valueAt: (x: number) => number, kind: 'f' | 'fPrime') => {
    let from = 0;
    const pieces: string[] = [];
    for (const k of curve.kinks.filter((k) => k > -xMax && k < xMax)) {
      const at = xs.indexOf(k);
      pieces.push(pathOf(ys, from, at + 1));
      const defined = valueAt(k);
      dots.push({ key: curve.key, kind, cx: x(k), cy: y(defined), open: false, style: curve.style });
      for (const limit of [valueAt(k - 1e-9), valueAt(k + 1e-9)])
        if (limit !== defined)
          dots.push({ key: curve.key, kind, cx: x(k), cy: y(limit), open: true, style: curve.style });
      from = at + 1;
    }
    pieces.push(pathOf(ys, from, xs.length));
    return pieces.filter(Boolean).join('');
  };

  for (const { curve, f, fp } of values) {
    const fPath = curve.jumpsAtKinks ? piecewise(f, curve, curve.f, 'f') : pathOf(f, 0, xs.length);
    paths.push({ key: curve.key, kind: 'f', style: curve.style, d: fPath });
    // Four markers per curve, staggered by style so overlapping curves don't hide each other's markers.
    if (!compact && curves.length > 1)
      for (let m = 0; m < 4; m++) {
        const i = Math.round(((m + 0.5 + (curve.style % 3) / 3) / 4.5) * (xs.length - 1));
        const xv = xs[i]!;
        const yv = f[i]!;
        if (Number.isFinite(yv)) markers.push({ key: curve.key, cx: x(xv), cy: y(yv), style: curve.style });
      }
    if (!showDerivative) continue;
    paths.push({ key: curve.key, kind: 'fPrime', style: curve.style, d: piecewise(fp, curve, curve.fPrime, 'fPrime') });
  }

  const shaded =
    input.shadeVanishing && curves.length === 1 && curves[0]
      ? vanishingIntervals(curves[0].fPrime, xs).map(([a, b]) => ({ x0: x(a), x1: x(b) }))
      : [];

  let labels: ActivationPlotScene['labels'] = [];
  if (input.labelCurves) {
    const ys = spreadLabels(
      values.map((v) => y(v.f[v.f.length - 1] ?? 0)),
      14,
      plot.top + 6,
      plot.bottom - 4,
    );
    labels = values.map((v, i) => ({
      key: v.curve.key,
      text: v.curve.label,
      x: plot.right + 6,
      y: ys[i]!,
      style: v.curve.style,
    }));
  }

  const [y0, y1] = y.domain() as [number, number];
  return {
    width,
    height,
    plot,
    xTicks: ticks(x, width < 420 ? 5 : 9, true),
    yTicks: ticks(y, height < 260 ? 4 : 6, false),
    zeroX: -xMax <= 0 && 0 <= xMax ? x(0) : null,
    zeroY: y0 <= 0 && 0 <= y1 ? y(0) : null,
    shaded,
    paths,
    dots,
    labels,
    markers,
    xDomain: [-xMax, xMax],
    yDomain: [y0, y1],
    xToPx: (v) => x(v),
    yToPx: (v) => y(v),
    pxToX: (px) => x.invert(px),
  };
}
