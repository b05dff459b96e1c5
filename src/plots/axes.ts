/**
 * The axes every "something per epoch on a log scale" plot shares (the Fit Lab's loss, the deep demo's gradient
 * norms): a gridline and label at each power of ten (thinned to at most `decades`), epoch ticks along the bottom,
 * and the two axis titles.
 */
import type { ScaleLinear, ScaleLogarithmic } from 'd3-scale';
import { bottomAxisFrame, esc, r2, tickText } from './svg';

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
  const powers = y.ticks().filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9);
  const step = Math.max(1, Math.ceil(powers.length / o.decades));
  const yTicks = powers.filter((_, k) => k % step === 0).map((t) => [t, r2(y(t))] as const);
  const xTicks = x.ticks(o.epochTicks).map((t) => [t, r2(x(t))] as const);
  let out = `<g class="fl-axes" fill="currentColor" font-size="10">`;
  out += bottomAxisFrame(
    x0,
    x1,
    y0,
    { ys: yTicks.map(([, p]) => p), opacity: 0.12 },
    xTicks.map(([, p]) => p),
  );
  for (const [t, p] of yTicks)
    out += `<text x="${x0 - 4}" y="${p}" dy="0.32em" text-anchor="end">${esc(tickText(t))}</text>`;
  for (const [t, p] of xTicks) out += `<text x="${p}" y="${y0 + 14}" text-anchor="middle">${t}</text>`;
  out += `<text x="${x1}" y="${y0 + o.epochLabelBelow}" text-anchor="end">${esc(o.epochLabel)}</text>`;
  out += `<text x="${x0 + 4}" y="${y1 + o.valueLabelBelowTop}">${esc(o.valueLabel)}</text>`;
  return out + `</g>`;
}
