/**
 * The initial input weights w₁ of many seeds as a stacked histogram, as an SVG string: units that start active
 * (solid) and units that start off (hatched: pre-activation ≤ 0 on every input), the scheme's interval U(−L, L) as
 * a band, and w = 0 marked. Pure (data, size, labels) → string: drawn at build time and redrawn by the InitLab.
 * Active and off differ in pattern as well as colour, and both are named in the title and the legend. (The off
 * bars carry no fill class: a CSS fill would override their pattern.)
 */
import { scaleLinear } from 'd3-scale';
import type { InitWeightsHistogram } from '../core/analysis/init-weights';
import { attrs, bottomAxisFrame, esc, r2, tickText } from './svg';

export interface InitWeightsLabels {
  title: string;
  desc: string;
  xAxis: string;
  yAxis: string;
  active: string;
  off: string;
  /** Name of the band, e.g. "U(−L, L)". */
  band: string;
}

export interface InitWeightsSize {
  width: number;
  height: number;
  idPrefix: string;
}

const MARGIN = { top: 26, right: 12, bottom: 32, left: 38 };

/** Diagonal hatching over the "off" colour. */
function offPattern(id: string): string {
  return (
    `<defs><pattern id="${id}-off" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" class="iw-fill-off"/><line x1="0" y1="0" x2="0" y2="5" stroke="currentColor" stroke-opacity="0.55" stroke-width="2"/></pattern></defs>`
  );
}

export function initWeightsSvg(data: InitWeightsHistogram, size: InitWeightsSize, labels: InitWeightsLabels): string {
  const { edges } = data;
  const id = size.idPrefix;
  const lo = edges[0]!;
  const hi = edges[edges.length - 1]!;
  const x = scaleLinear()
    .domain([lo, hi])
    .range([MARGIN.left, size.width - MARGIN.right]);
  const totals = data.active.map((a, k) => a + data.off[k]!);
  const y = scaleLinear()
    .domain([0, Math.max(1, ...totals)])
    .nice(4)
    .range([size.height - MARGIN.bottom, MARGIN.top]);
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];

  let out = `<svg${attrs({ class: 'init-weights', viewBox: `0 0 ${size.width} ${size.height}`, width: size.width, height: size.height, role: 'img', 'aria-labelledby': `${id}-title ${id}-desc`, 'data-plot': 'init-weights', 'data-off-units': data.offUnits, 'data-units': data.units })}>`;
  out += `<title id="${id}-title">${esc(labels.title)}</title><desc id="${id}-desc">${esc(labels.desc)}</desc>`;
  out += offPattern(id);

  // The scheme's interval (nothing for zero kernels, whose weights are all exactly 0).
  if (data.limit > 0) {
    const a = x(Math.max(lo, -data.limit));
    const b = x(Math.min(hi, data.limit));
    out += `<rect class="iw-band" data-band="${r2(data.limit)}" x="${r2(a)}" y="${y1}" width="${r2(b - a)}" height="${r2(y0 - y1)}"/>`;
    out += `<text x="${r2(b)}" y="${y1 - 4}" font-size="9" text-anchor="end" fill="currentColor">${esc(labels.band)}</text>`;
  }

  const yTicks = y.ticks(4).filter((t) => Number.isInteger(t));
  const xTicks: number[] = [];
  for (let t = Math.ceil(lo); t <= Math.floor(hi); t++) xTicks.push(t);
  out += `<g class="iw-axes" fill="currentColor" font-size="10">`;
  out += bottomAxisFrame(
    x0,
    x1,
    y0,
    { ys: yTicks.map((t) => r2(y(t))), opacity: 0.1 },
    xTicks.map((t) => r2(x(t))),
  );
  for (const t of yTicks) out += `<text x="${x0 - 4}" y="${r2(y(t))}" dy="0.32em" text-anchor="end">${t}</text>`;
  for (const t of xTicks)
    out += `<text x="${r2(x(t))}" y="${y0 + 14}" text-anchor="middle">${esc(tickText(t).replace('-', '−'))}</text>`;
  out += `<text x="${x1}" y="${size.height - 3}" text-anchor="end">${esc(labels.xAxis)}</text>`;
  out += `<text x="${x0}" y="${y1 - 14}" text-anchor="start">${esc(labels.yAxis)}</text>`;
  out += `</g>`;

  out += `<g class="iw-bars">`;
  totals.forEach((total, k) => {
    if (total === 0) return;
    const left = x(edges[k]!) + 0.5;
    const width = Math.max(1, x(edges[k + 1]!) - x(edges[k]!) - 1);
    const active = data.active[k]!;
    const off = data.off[k]!;
    const name =
      `${tickText(edges[k]!)} … ${tickText(edges[k + 1]!)}: ${labels.active} ${active}, ${labels.off} ${off}`.replace(
        /-/g,
        '−',
      );
    out += `<g data-bin="${k}" data-active="${active}" data-off="${off}"><title>${esc(name)}</title>`;
    if (active > 0)
      out += `<rect class="iw-fill-active" x="${r2(left)}" y="${r2(y(active))}" width="${r2(width)}" height="${r2(y0 - y(active))}" stroke="currentColor" stroke-opacity="0.55" stroke-width="0.75"/>`;
    if (off > 0)
      out += `<rect class="iw-bar-off" x="${r2(left)}" y="${r2(y(total))}" width="${r2(width)}" height="${r2(y(active) - y(total))}" fill="url(#${id}-off)" stroke="currentColor" stroke-opacity="0.55" stroke-width="0.75"/>`;
    out += `</g>`;
  });
  out += `</g>`;

  const zero = r2(x(0));
  out += `<line class="iw-zero" x1="${zero}" x2="${zero}" y1="${y0}" y2="${y1}" stroke="currentColor" stroke-width="1.25" stroke-dasharray="4 3"/>`;
  return out + `</svg>`;
}

/** Legend swatches (decorative; the legend's text names them). */
export function initWeightsSwatch(kind: 'active' | 'off', idPrefix: string): string {
  const fill = kind === 'off' ? ` fill="url(#${idPrefix}-off)"` : '';
  return `<svg class="iw-swatch" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">${kind === 'off' ? offPattern(idPrefix) : ''}<rect class="${kind === 'off' ? 'iw-bar-off' : 'iw-fill-active'}" x="0.5" y="0.5" width="21" height="13"${fill} stroke="currentColor" stroke-opacity="0.55"/></svg>`;
}
