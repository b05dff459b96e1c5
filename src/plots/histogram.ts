/**
 * A histogram of final MSE on a logarithmic x-axis, as an SVG string. Pure (data, size, labels) → string, so the
 * page renders it at build time and the seeds island redraws it as results arrive.
 *
 * Bars carry `data-bin` (and, when interactive, role="button" + tabindex) so the island can attach one delegated
 * click/keyboard handler. Each outcome (good fit, plateau, straight line) has its own fill *and* pattern, and the
 * regions are named in text above the plot, so colour is never the only cue.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { attrs, bottomAxisFrame, esc, r2, tickText } from './svg';

export type BinOutcome = 'good' | 'plateau' | 'line';

export interface HistogramMarker {
  value: number;
  label: string;
  kind: 'threshold' | 'bound' | 'median';
}

export interface HistogramData {
  /** Bin edges (ascending, > 0); counts has one entry fewer. */
  edges: readonly number[];
  counts: readonly number[];
  /** Outcome of each bin (bins never straddle a threshold: thresholds are edges). */
  outcomes: readonly BinOutcome[];
  markers: readonly HistogramMarker[];
  /** Shared y-scale maximum for small multiples; defaults to the largest count. */
  yMax?: number;
  /** Bin shown as selected (aria-pressed), or null. */
  selected?: number | null;
  interactive?: boolean;
}

export interface HistogramLabels {
  title: string;
  desc: string;
  xAxis: string;
  yAxis: string;
  outcome: Record<BinOutcome, string>;
  /** Accessible name of a bar, e.g. "MSE 0.001 to 0.002: 37 runs". */
  bar: (lo: string, hi: string, count: number) => string;
}

export interface HistogramSize {
  width: number;
  height: number;
  idPrefix: string;
}

const MARGIN = { top: 22, right: 14, bottom: 34, left: 36 };
const OUTCOME_ORDER: readonly BinOutcome[] = ['good', 'plateau', 'line'];

export function formatEdge(v: number): string {
  return tickText(v).replace('-', '−');
}

/** Pixel layout of the bars, exported for tests (and for anything that needs to hit-test a bar). */
export function histogramLayout(data: HistogramData, size: HistogramSize) {
  const { edges, counts } = data;
  if (edges.length !== counts.length + 1 || edges.length < 2)
    throw new RangeError('edges must be one longer than counts');
  const x = scaleLog()
    .domain([edges[0]!, edges[edges.length - 1]!])
    .range([MARGIN.left, size.width - MARGIN.right]);
  const top = Math.max(1, data.yMax ?? 0, ...counts);
  const y = scaleLinear()
    .domain([0, top])
    .nice(4)
    .range([size.height - MARGIN.bottom, MARGIN.top]);
  const bars = counts.map((count, i) => {
    const x0 = x(edges[i]!);
    const x1 = x(edges[i + 1]!);
    return {
      index: i,
      lo: edges[i]!,
      hi: edges[i + 1]!,
      count,
      x: x0 + 0.5,
      width: Math.max(1, x1 - x0 - 1),
      y: y(count),
      height: y(0) - y(count),
    };
  });
  return { x, y, bars };
}

function patternDefs(id: string): string {
  // Plateau: diagonal hatching; straight line: horizontal stripes; good fit: solid.
  return (
    `<defs>` +
    `<pattern id="${id}-plateau" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="5" height="5" class="sh-fill-plateau"/><line x1="0" y1="0" x2="0" y2="5" stroke="currentColor" stroke-opacity="0.45" stroke-width="2"/></pattern>` +
    `<pattern id="${id}-line" width="6" height="4" patternUnits="userSpaceOnUse">` +
    `<rect width="6" height="4" class="sh-fill-line"/><line x1="0" y1="1" x2="6" y2="1" stroke="currentColor" stroke-opacity="0.4" stroke-width="1.2"/></pattern>` +
    `</defs>`
  );
}

export function histogramSvg(data: HistogramData, size: HistogramSize, labels: HistogramLabels): string {
  const { x, y, bars } = histogramLayout(data, size);
  const id = size.idPrefix;
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  let out = `<svg${attrs({
    class: 'seed-histogram',
    viewBox: `0 0 ${size.width} ${size.height}`,
    width: size.width,
    height: size.height,
    role: data.interactive ? 'group' : 'img',
    'aria-labelledby': `${id}-title ${id}-desc`,
    'data-plot': 'seed-histogram',
  })}>`;
  out += `<title id="${id}-title">${esc(labels.title)}</title><desc id="${id}-desc">${esc(labels.desc)}</desc>`;
  out += patternDefs(id);

  // Outcome regions: a faint band behind the bars (named in the figure's legend and in each bar's label).
  for (const outcome of OUTCOME_ORDER) {
    const inRegion = bars.filter((b) => data.outcomes[b.index] === outcome);
    if (!inRegion.length) continue;
    const left = Math.min(...inRegion.map((b) => b.x));
    const right = Math.max(...inRegion.map((b) => b.x + b.width));
    out += `<rect class="sh-region sh-region-${outcome}" x="${r2(left)}" y="${y1}" width="${r2(right - left)}" height="${r2(y0 - y1)}"/>`;
  }

  const yTicks = y.ticks(4).filter((t) => Number.isInteger(t));
  const [d0, d1] = x.domain() as [number, number];
  const decades: number[] = [];
  for (let e = Math.ceil(Math.log10(d0) - 1e-9); e <= Math.floor(Math.log10(d1) + 1e-9); e++) decades.push(10 ** e);
  out += `<g class="sh-axes" fill="currentColor" font-size="10">`;
  out += bottomAxisFrame(
    x0,
    x1,
    y0,
    { ys: yTicks.map((t) => r2(y(t))), opacity: 0.1 },
    decades.map((v) => r2(x(v))),
  );
  for (const t of yTicks) out += `<text x="${x0 - 4}" y="${r2(y(t))}" dy="0.32em" text-anchor="end">${t}</text>`;
  for (const v of decades)
    out += `<text x="${r2(x(v))}" y="${y0 + 14}" text-anchor="middle">${esc(formatEdge(v))}</text>`;
  out += `<text x="${x1}" y="${size.height - 4}" text-anchor="end">${esc(labels.xAxis)}</text>`;
  out += `<text x="${x0}" y="${y1 - 4}" text-anchor="start">${esc(labels.yAxis)}</text>`;
  out += `</g>`;

  out += `<g class="sh-bars">`;
  for (const b of bars) {
    const outcome = data.outcomes[b.index] ?? 'plateau';
    const fill = outcome === 'good' ? undefined : `url(#${id}-${outcome})`;
    const name = `${labels.bar(formatEdge(b.lo), formatEdge(b.hi), b.count)} (${labels.outcome[outcome]})`;
    const selected = data.selected === b.index;
    const interactive = data.interactive && b.count > 0;
    // Interactive bars span the full plot height, so small bars are easy to hit; the visible part is the inner rect.
    out += `<g${attrs({
      'data-bin': b.index,
      'data-count': b.count,
      class: `sh-bar sh-bar-${outcome}${selected ? ' sh-bar-selected' : ''}`,
      role: interactive ? 'button' : undefined,
      tabindex: interactive ? 0 : undefined,
      'aria-pressed': interactive ? String(selected) : undefined,
      'aria-label': interactive ? name : undefined,
    })}>`;
    if (interactive)
      out += `<rect class="sh-hit" x="${r2(b.x)}" y="${y1}" width="${r2(b.width)}" height="${r2(y0 - y1)}" fill="transparent"/>`;
    if (b.count > 0)
      out += `<rect class="sh-fill-${outcome}" x="${r2(b.x)}" y="${r2(b.y)}" width="${r2(b.width)}" height="${r2(b.height)}"${fill ? ` fill="${fill}"` : ''} stroke="currentColor" stroke-opacity="0.55" stroke-width="0.75"><title>${esc(name)}</title></rect>`;
    out += `</g>`;
  }
  out += `</g>`;

  for (const m of data.markers) {
    if (!(m.value >= d0 && m.value <= d1)) continue;
    const p = r2(x(m.value));
    const dash = m.kind === 'threshold' ? '4 3' : m.kind === 'bound' ? '1 3' : '';
    out += `<g class="sh-marker sh-marker-${m.kind}" data-marker="${m.kind}">`;
    out += `<line x1="${p}" x2="${p}" y1="${y0}" y2="${m.kind === 'bound' ? y1 : y1 - 2}" stroke="currentColor" stroke-width="1.25"${dash ? ` stroke-dasharray="${dash}"` : ''}/>`;
    // Thresholds are named above the plot; the bound, which sits just left of the line threshold, inside it.
    const label =
      m.kind === 'bound'
        ? `<text x="${r2(x(m.value) - 3)}" y="${y1 + 9}" font-size="9" text-anchor="end" fill="currentColor">${esc(m.label)}</text>`
        : `<text x="${p}" y="${y1 - 3}" font-size="9" text-anchor="middle" fill="currentColor">${esc(m.label)}</text>`;
    out += `${label}</g>`;
  }
  return out + `</svg>`;
}

/** A small swatch of an outcome's fill and pattern, for the legend next to the histograms (decorative). */
export function outcomeSwatchSvg(outcome: BinOutcome, idPrefix: string): string {
  const fill = outcome === 'good' ? '' : ` fill="url(#${idPrefix}-${outcome})"`;
  return (
    `<svg class="seed-swatch" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true">${patternDefs(idPrefix)}` +
    `<rect class="sh-fill-${outcome}" x="0.5" y="0.5" width="21" height="13"${fill} stroke="currentColor" stroke-opacity="0.55"/></svg>`
  );
}
