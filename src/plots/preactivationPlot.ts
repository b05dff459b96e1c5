/**
 * The distribution of pre-activations z per layer at one epoch: a strip of histogram bars per hidden layer
 * (layer 1 at the top) over one fixed z-range, with the layer's number at the left and its share of dead or
 * saturated units written at the right. Pure (data, size, labels) → SVG string.
 */
import { scaleLinear } from 'd3-scale';
import { attrs, esc, r2, tickPath } from './svg';
import type { LayerPlotSize } from './layerGradientPlot';

export interface PreactivationRow {
  /** Bin counts over `range` (end bins include what lies beyond). */
  hist: readonly number[];
  /** Written at the row's right end, e.g. "dead 75 %" (empty: nothing). */
  note: string;
}

export interface PreactivationData {
  rows: readonly PreactivationRow[];
  range: readonly [number, number];
}

export interface PreactivationLabels {
  title: string;
  desc: string;
  axis: string;
  /** A row's label, e.g. "1" or "L1". */
  layer: (l: number) => string;
}

const MARGIN = { top: 6, right: 92, bottom: 28, left: 26 };
export const PREACT_ROW_HEIGHT = 22;

/** The height a plot of `rows` layers needs (so the page reserves it before drawing). */
export function preactivationHeight(rows: number): number {
  return MARGIN.top + rows * PREACT_ROW_HEIGHT + MARGIN.bottom;
}

export function preactivationSvg(data: PreactivationData, size: LayerPlotSize, labels: PreactivationLabels): string {
  const height = preactivationHeight(data.rows.length);
  const [lo, hi] = data.range;
  const x = scaleLinear()
    .domain([lo, hi])
    .range([MARGIN.left, size.width - MARGIN.right]);
  const [x0, x1] = x.range() as [number, number];
  const bottom = height - MARGIN.bottom;

  const ticks = x.ticks(5);
  let out = `<g class="fl-axes" fill="currentColor" font-size="10">`;
  out += tickPath(
    bottom,
    ticks.map((t) => r2(x(t))),
  );
  for (const t of ticks)
    out += `<text x="${r2(x(t))}" y="${bottom + 14}" text-anchor="middle">${esc(String(t).replace('-', '−'))}</text>`;
  out += `<path d="M${x0} ${bottom}H${x1}" stroke="currentColor" stroke-opacity="0.5"/>`;
  if (lo < 0 && hi > 0)
    out += `<line data-role="zero" x1="${r2(x(0))}" x2="${r2(x(0))}" y1="${MARGIN.top}" y2="${bottom}" stroke="currentColor" stroke-opacity="0.35" stroke-dasharray="2 3"/>`;
  out += `<text x="${x1}" y="${bottom + 25}" text-anchor="end">${esc(labels.axis)}</text>`;
  out += `</g>`;

  data.rows.forEach((row, l) => {
    const top = MARGIN.top + l * PREACT_ROW_HEIGHT;
    const base = top + PREACT_ROW_HEIGHT - 3;
    const max = Math.max(1, ...row.hist);
    const binWidth = (x1 - x0) / Math.max(1, row.hist.length);
    out += `<g data-role="preact-row" data-layer="${l + 1}">`;
    out += `<line x1="${x0}" x2="${x1}" y1="${base}" y2="${base}" stroke="currentColor" stroke-opacity="0.2"/>`;
    out += `<text x="${x0 - 6}" y="${base - 5}" text-anchor="end" font-size="10" font-weight="600" fill="currentColor">${esc(labels.layer(l + 1))}</text>`;
    let bars = '';
    row.hist.forEach((count, k) => {
      if (count <= 0) return;
      const h = Math.max(1, ((PREACT_ROW_HEIGHT - 5) * count) / max);
      bars += `M${r2(x0 + k * binWidth + 0.5)},${base}h${r2(binWidth - 1)}v${r2(-h)}h${r2(-(binWidth - 1))}Z`;
    });
    if (bars) out += `<path d="${bars}" fill="#0072B2" fill-opacity="0.75" class="deep-bars"/>`;
    if (row.note)
      out += `<text data-role="row-note" x="${x1 + 6}" y="${base - 5}" font-size="10" fill="currentColor">${esc(row.note)}</text>`;
    out += `</g>`;
  });

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="fl-plot deep-plot" viewBox="0 0 ${size.width} ${height}"` +
    attrs({ role: 'img', 'aria-labelledby': `${size.idPrefix}-title ${size.idPrefix}-desc` }) +
    `><title id="${size.idPrefix}-title">${esc(labels.title)}</title><desc id="${size.idPrefix}-desc">${esc(labels.desc)}</desc>` +
    out +
    `</svg>`
  );
}
