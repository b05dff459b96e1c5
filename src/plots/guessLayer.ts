/**
 * The reader's guess over the Fit Lab's plot: a dashed curve through control values at fixed x, labelled in words
 * on the plot ("your guess"), drawn as its own SVG layer on the fit plot's scales (fitLayout), so the plot itself
 * is unchanged. While the reader sketches, each control point gets a dot and the one the keys move a ring.
 * Pure: (values, layout, size, labels) → SVG string.
 */
import type { FitLayout, PlotSize } from './fitPlot';
import { attrs, esc, polylinePath, r2 } from './svg';

export interface GuessLayerData {
  xs: readonly number[];
  values: readonly number[];
  /** Show the control points (while sketching), and ring this one (the keys' point), if any. */
  handles: boolean;
  focus: number | null;
}

export interface GuessLayerLabels {
  /** On-plot label, e.g. "your guess". */
  label: string;
}

export const GUESS_DASH = '7 5';

export function guessLayerSvg(
  data: GuessLayerData,
  layout: FitLayout,
  size: PlotSize,
  labels: GuessLayerLabels,
): string {
  const { x, y } = layout;
  const [cx0, cx1] = x.range() as [number, number];
  const [cy0, cy1] = y.range() as [number, number];
  const [yLo, yHi] = y.domain() as [number, number];
  const inside = (v: number) => Math.min(yHi, Math.max(yLo, v));
  const px = data.xs.map((v) => x(v));
  const py = data.values.map((v) => (Number.isFinite(v) ? y(inside(v)) : NaN));
  const clip = `${size.idPrefix}-guess-clip`;
  let body = `<path${attrs({
    'data-role': 'guess',
    class: 'fl-guess',
    d: polylinePath(px, py, 0),
    fill: 'none',
    stroke: 'currentColor',
    'stroke-width': 2.25,
    'stroke-dasharray': GUESS_DASH,
    'stroke-linecap': 'round',
  })}/>`;
  if (data.handles) {
    data.xs.forEach((_, k) => {
      if (!Number.isFinite(py[k]!)) return;
      const focused = k === data.focus;
      body += `<circle${attrs({
        'data-role': focused ? 'guess-focus' : 'guess-point',
        cx: r2(px[k]!),
        cy: r2(py[k]!),
        r: focused ? 6 : 3,
        fill: focused ? 'none' : 'currentColor',
        stroke: 'currentColor',
        'stroke-width': focused ? 2.5 : 0,
      })}/>`;
    });
  }
  // The label sits above the curve's right end, inside the plot.
  const last = data.values.length - 1;
  const ly = Number.isFinite(py[last]!) ? py[last]! : (cy0 + cy1) / 2;
  const labelY = r2(Math.max(cy1 + 12, Math.min(cy0 - 4, ly - 8)));
  const label = `<text class="fl-guess-label" x="${r2(cx1 - 4)}" y="${labelY}" text-anchor="end" font-size="11" font-style="italic" fill="currentColor" stroke-width="3" paint-order="stroke">${esc(labels.label)}</text>`;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="fl-plot fl-guess-layer" viewBox="0 0 ${size.width} ${size.height}" width="${size.width}" height="${size.height}" aria-hidden="true">` +
    `<defs><clipPath id="${clip}"><rect x="${cx0}" y="${cy1 - 8}" width="${r2(cx1 - cx0)}" height="${r2(cy0 - cy1 + 16)}"/></clipPath></defs>` +
    `<g clip-path="url(#${clip})">${body}</g>${label}</svg>`
  );
}
