/**
 * Gradient norm per layer over epochs, on a log scale: one line per hidden layer, each labelled at its right end
 * by its layer number (and drawn with its own dash pattern), so colour is never the only way to tell them apart.
 * Pure (data, size, labels) → SVG string, for build-time figures and the deep demo's island alike.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { attrs, esc, neuronStyle, r2 } from './svg';
import { logEpochAxes } from './axes';

export interface LayerGradientData {
  /** series[l] = [epoch, ‖∂L/∂W_l‖] for hidden layer l (input side first), in epoch order. */
  series: ReadonlyArray<ReadonlyArray<readonly [number, number]>>;
  epochs: number;
  /** Common log-scale domain, so side-by-side panels compare at a glance (computed from the data if absent). */
  domain?: readonly [number, number];
}

export interface LayerGradientLabels {
  title: string;
  desc: string;
  epoch: string;
  gradient: string;
}

export interface LayerPlotSize {
  width: number;
  height: number;
  /** Unique per plot on the page (title/desc ids). */
  idPrefix: string;
}

const MARGIN = { top: 14, right: 26, bottom: 28, left: 44 };
const usable = (v: number) => Number.isFinite(v) && v > 0;

/** Log domain covering every finite positive value, widened to whole decades (at least two). */
export function gradientDomain(values: Iterable<number>): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (!usable(v)) continue;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  if (lo === Infinity) return [1e-4, 1];
  // Powers of ten written as 1eK, so they are exact decimals (10 ** -4 is not 0.0001 in floating point).
  const power = (k: number) => Number(`1e${k}`);
  const b = Math.ceil(Math.log10(hi));
  const a = Math.min(Math.floor(Math.log10(lo)), b - 2); // at least two decades, widened downwards
  return [power(Math.max(a, -12)), power(b)];
}

function path(
  points: ReadonlyArray<readonly [number, number]>,
  x: (v: number) => number,
  y: (v: number) => number,
): string {
  let d = '';
  let pen = false;
  for (const [e, g] of points) {
    if (!usable(g)) {
      pen = false;
      continue;
    }
    d += `${pen ? 'L' : 'M'}${r2(x(e))},${r2(y(g))}`;
    pen = true;
  }
  return d;
}

export function layerGradientSvg(data: LayerGradientData, size: LayerPlotSize, labels: LayerGradientLabels): string {
  const domain = data.domain ?? gradientDomain(data.series.flatMap((s) => s.map((p) => p[1])));
  const x = scaleLinear()
    .domain([0, Math.max(1, data.epochs)])
    .range([MARGIN.left, size.width - MARGIN.right]);
  const y = scaleLog()
    .domain(domain)
    .range([size.height - MARGIN.bottom, MARGIN.top])
    .clamp(true);

  let out = logEpochAxes(x, y, {
    decades: 5,
    epochTicks: 4,
    epochLabel: labels.epoch,
    valueLabel: labels.gradient,
    epochLabelBelow: 25,
    valueLabelBelowTop: -4,
  });

  // Labels at the lines' ends, nudged apart vertically so neighbouring layers stay readable.
  const ends: Array<{ layer: number; y: number; x: number }> = [];
  data.series.forEach((points, l) => {
    const style = neuronStyle(l);
    const d = path(points, x, y);
    if (!d) return;
    out += `<path data-role="layer-gradient" data-layer="${l + 1}" d="${d}" fill="none" stroke="${style.colour}" stroke-width="1.6" stroke-dasharray="${style.dash}" stroke-linejoin="round"/>`;
    const last = [...points].reverse().find((p) => usable(p[1]));
    if (last) ends.push({ layer: l + 1, y: y(last[1]), x: x(last[0]) });
  });
  ends.sort((a, b) => a.y - b.y);
  for (let k = 1; k < ends.length; k++) ends[k]!.y = Math.max(ends[k]!.y, ends[k - 1]!.y + 9);
  for (const e of ends) {
    out += `<text data-role="layer-label" x="${r2(e.x + 4)}" y="${r2(e.y)}" dy="0.32em" font-size="10" font-weight="600" fill="currentColor">${e.layer}</text>`;
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="fl-plot deep-plot" viewBox="0 0 ${size.width} ${size.height}"` +
    attrs({ role: 'img', 'aria-labelledby': `${size.idPrefix}-title ${size.idPrefix}-desc` }) +
    `><title id="${size.idPrefix}-title">${esc(labels.title)}</title><desc id="${size.idPrefix}-desc">${esc(labels.desc)}</desc>` +
    out +
    `</svg>`
  );
}
