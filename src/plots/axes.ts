/**
 * The axes every "something per epoch on a log scale" plot shares (the Fit Lab's loss, the deep demo's gradient
 * norms): a gridline and label at each power of ten (thinned to at most `decades`), epoch ticks along the bottom,
 * and the two axis titles.
 */
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { esc, r2, tickText } from './svg';

export interface LogEpochAxesOptions {
  /** At most this many labelled powers of ten. */
  decades: number;
  epochTicks: number;
  epochLabel: string;
  valueLabel: string;
  /** Baselines of the two titles, relative to the bottom and the top of the plot area. */
  epochLabelBelow: number;
  valueLabelBelowTop: number;
}

export function logEpochAxes(
  x: ScaleLinear<number, number>,
  y: ScaleLogarithmic<number, number>,
  o: LogEpochAxesOptions,
): string {
  const [x0, x1] = x.range() as [number, number];
  const [y0, y1] = y.range() as [number, number];
  let out = `<g class="fl-axes" fill="currentColor" font-size="10">`;
  const powers = y.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const step = Math.max(1, Math.ceil(powers.length / o.decades));
  powers.forEach((t, k) => {
    if (k % step !== 0) return;
    const p = r2(y(t));
    out += `<line x1="${x0}" x2="${x1}" y1="${p}" y2="${p}" stroke="currentColor" stroke-opacity="0.12"/>`;
    out += `<text x="${x0 - 4}" y="${p}" dy="0.32em" text-anchor="end">${esc(tickText(t))}</text>`;
  });
  for (const t of x.ticks(o.epochTicks)) {
    const p = r2(x(t));
    out += `<line x1="${p}" x2="${p}" y1="${y0}" y2="${y0 + 4}" stroke="currentColor"/>`;
    out += `<text x="${p}" y="${y0 + 14}" text-anchor="middle">${t}</text>`;
  }
  out += `<line x1="${x0}" x2="${x1}" y1="${y0}" y2="${y0}" stroke="currentColor" stroke-opacity="0.5"/>`;
  out += `<text x="${x1}" y="${y0 + o.epochLabelBelow}" text-anchor="end">${esc(o.epochLabel)}</text>`;
  out += `<text x="${x0 + 4}" y="${y1 + o.valueLabelBelowTop}">${esc(o.valueLabel)}</text>`;
  return out + `</g>`;
}
