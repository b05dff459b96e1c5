/**
 * Builds horizontal probability bars (one row per logit) as plain data, so the same scene is rendered to static
 * SVG at build time and live in the softmax island. Horizontal rows keep labels readable on a phone.
 */
import { scaleLinear } from 'd3-scale';

export interface SoftmaxBarsInput {
  probabilities: readonly number[];
  /** Row labels, e.g. "z₁ = 2". */
  labels: readonly string[];
  width: number;
  rowHeight?: number;
}

export interface SoftmaxBar {
  index: number;
  label: string;
  probability: number;
  valueText: string;
  x: number;
  y: number;
  width: number;
  height: number;
  /** Where the value text goes (always after the bar, so it never sits on the bar's colour). */
  textX: number;
}

export interface SoftmaxBarsScene {
  width: number;
  height: number;
  barLeft: number;
  barRight: number;
  bars: SoftmaxBar[];
  ticks: Array<{ value: number; position: number; label: string }>;
}

export function formatProbability(p: number): string {
  if (p === 0) return '0';
  if (p < 1e-4) return p.toExponential(1).replace('-', '−');
  return p.toFixed(4);
}

export function buildSoftmaxBars(input: SoftmaxBarsInput): SoftmaxBarsScene {
  const rowHeight = input.rowHeight ?? 30;
  const labelWidth = Math.min(110, Math.max(70, input.width * 0.26));
  const top = 4;
  const axisHeight = 20;
  const barLeft = labelWidth;
  // Room on the right for the value text of a full-length bar.
  const barRight = input.width - 58;
  const x = scaleLinear().domain([0, 1]).range([barLeft, barRight]);
  const bars = input.probabilities.map((p, index) => {
    const width = Math.max(0, x(p) - barLeft);
    return {
      index,
      label: input.labels[index] ?? '',
      probability: p,
      valueText: formatProbability(p),
      x: barLeft,
      y: top + index * rowHeight + 4,
      width,
      height: rowHeight - 8,
      textX: barLeft + width + 6,
    };
  });
  const axisY = top + input.probabilities.length * rowHeight;
  return {
    width: input.width,
    height: axisY + axisHeight,
    barLeft,
    barRight,
    bars,
    ticks: x.ticks(input.width < 400 ? 2 : 4).map((value) => ({ value, position: x(value), label: String(value) })),
  };
}
