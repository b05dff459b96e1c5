/**
 * Loss per epoch on a log scale, with the current epoch marked. Pure (data, size, labels) → SVG string.
 * Non-finite losses (divergence) end the line; a cross marks the epoch where it happened.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { logEpochAxes } from './axes';
import { lossMarkersSvg, type LossMarker } from './lossMarkers';
import { attrs, esc, polylinePath, r2 } from './svg';
import type { PlotSize } from './fitPlot';

export interface LossPlotData {
  /** [epoch, loss] pairs in epoch order (snapshots may skip epochs). */
  history: ReadonlyArray<readonly [number, number]>;
  epochs: number;
  /** The epoch marked (the latest, or an earlier one the reader went back to). */
  epoch: number;
  /** Epoch at which the loss became non-finite, if it did. */
  divergedAt: number | null;
  /** Events of the run, marked on the curve. */
  markers?: readonly LossMarker[];
  /** [epoch, MSE on the held-out points] pairs, drawn dashed beside the training loss; absent or empty: none. */
  test?: ReadonlyArray<readonly [number, number]>;
}

export interface LossPlotLabels {
  title: string;
  desc: string;
  epoch: string;
  loss: string;
  /** Legend entries, needed when a test curve is drawn. */
  trainLegend?: string;
  testLegend?: string;
}

export function lossPlotSvg(data: LossPlotData, size: PlotSize, labels: LossPlotLabels): string {
  const margin = { top: 8, right: 12, bottom: 30, left: 46 };
  const test = data.test ?? [];
  const finiteLosses = [...data.history, ...test].map((h) => h[1]).filter((v) => Number.isFinite(v) && v > 0);
  let lo = finiteLosses.length ? Math.min(...finiteLosses) : 1e-3;
  let hi = finiteLosses.length ? Math.max(...finiteLosses) : 1;
  if (hi / lo < 100) {
    // Keep at least two decades visible, so a flat curve still reads as a log plot.
    const mid = Math.sqrt(lo * hi);
    lo = Math.min(lo, mid / 10);
    hi = Math.max(hi, mid * 10);
  }
  const x = scaleLinear()
    .domain([0, Math.max(1, data.epochs)])
    .range([margin.left, size.width - margin.right]);
  const y = scaleLog()
    .domain([lo, hi])
    .range([size.height - margin.bottom, margin.top])
    .nice();
  const [y0, y1] = y.range() as [number, number];

  let out = logEpochAxes(x, y, {
    decades: 4,
    epochTicks: 5,
    epochLabel: labels.epoch,
    valueLabel: labels.loss,
    epochLabelBelow: 26,
    valueLabelBelowTop: 8,
  });

  const clamp = (v: number) => Math.max(lo, Math.min(hi, v));
  const d = polylinePath(
    data.history.map((h) => x(h[0])),
    data.history.map((h) => (Number.isFinite(h[1]) && h[1] > 0 ? y(clamp(h[1])) : NaN)),
  );
  out += `<path data-role="loss" d="${d}" fill="none" stroke="#d6336c" class="fl-prediction" stroke-width="1.75"/>`;
  if (test.length > 0) {
    const td = polylinePath(
      test.map((h) => x(h[0])),
      test.map((h) => (Number.isFinite(h[1]) && h[1] > 0 ? y(clamp(h[1])) : NaN)),
    );
    // Dashed and in the text colour: told apart from the training loss without colour.
    out += `<path data-role="test-loss" d="${td}" fill="none" stroke="currentColor" stroke-width="1.75" stroke-dasharray="5 3"/>`;
    if (labels.trainLegend && labels.testLegend) {
      const lx = r2(size.width - margin.right - 150);
      out += `<g class="fl-legend" data-role="loss-legend" font-size="11" fill="currentColor" transform="translate(${lx},${margin.top + 6})">`;
      out += `<line x1="0" x2="22" y1="0" y2="0" stroke="#d6336c" class="fl-prediction" stroke-width="1.75"/><text x="28" dy="0.32em">${esc(labels.trainLegend)}</text>`;
      out += `<line x1="0" x2="22" y1="14" y2="14" stroke="currentColor" stroke-width="1.75" stroke-dasharray="5 3"/><text x="28" y="14" dy="0.32em">${esc(labels.testLegend)}</text>`;
      out += '</g>';
    }
  }

  out += lossMarkersSvg(data.markers ?? [], x, y0, y1);

  const current = lossAt(data.history, data.epoch);
  if (data.epoch > 0) {
    const cx = r2(x(data.epoch));
    out += `<line data-role="current-epoch" x1="${cx}" x2="${cx}" y1="${y0}" y2="${y1}" stroke="currentColor" stroke-opacity="0.35" stroke-dasharray="3 3"/>`;
    if (current !== undefined && Number.isFinite(current) && current > 0)
      out += `<circle cx="${cx}" cy="${r2(y(clamp(current)))}" r="3.5" fill="#d6336c" class="fl-prediction-fill"/>`;
  }
  if (data.divergedAt !== null) {
    const cx = r2(x(data.divergedAt));
    out += `<path data-role="diverged-marker" transform="translate(${cx},${r2(y1 + 6)})" d="M-5,-5L5,5M-5,5L5,-5" stroke="#d6336c" stroke-width="2.5"/>`;
  }

  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="fl-plot fl-loss" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}"` +
    attrs({ role: 'img', 'aria-labelledby': `${size.idPrefix}-title ${size.idPrefix}-desc` }) +
    `><title id="${size.idPrefix}-title">${esc(labels.title)}</title><desc id="${size.idPrefix}-desc">${esc(labels.desc)}</desc>` +
    out +
    `</svg>`
  );
}

/** The loss of the last recorded epoch at or before `epoch`. */
function lossAt(history: LossPlotData['history'], epoch: number): number | undefined {
  for (let k = history.length - 1; k >= 0; k--) if (history[k]![0] <= epoch) return history[k]![1];
  return undefined;
}
