/**
 * Tiny helpers for building SVG as strings, so plot builders run the same at build time (no DOM) and in islands.
 * Every piece of text that reaches the markup goes through `esc`.
 */
import {
  symbol,
  symbolCircle,
  symbolCross,
  symbolDiamond,
  symbolSquare,
  symbolStar,
  symbolTriangle,
  symbolTriangle2,
  symbolWye,
} from 'd3-shape';

export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export function attrs(a: Record<string, string | number | undefined>): string {
  let out = '';
  for (const [k, v] of Object.entries(a)) if (v !== undefined) out += ` ${k}="${esc(String(v))}"`;
  return out;
}

export const r2 = (v: number) => Math.round(v * 100) / 100;
export const r1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Path data for horizontal segments x0→x1 at each y, or (`vertical`) vertical segments y0→y1 at each x. An axis's
 * gridlines or ticks drawn as one `<path>` instead of one `<line>` each: the same pixels, a fraction of the
 * elements the browser parses, styles and lays out.
 */
function segments(from: number, to: number, at: readonly number[], vertical = false): string {
  return at.map((p) => (vertical ? `M${p} ${from}V${to}` : `M${from} ${p}H${to}`)).join('');
}

/** Faint horizontal gridlines from x0 to x1 at each y, as one path. */
export function gridPath(x0: number, x1: number, ys: readonly number[], opacity: number, className?: string): string {
  const cls = className ? ` class="${className}"` : '';
  return `<path${cls} d="${segments(x0, x1, ys)}" stroke="currentColor" stroke-opacity="${opacity}"/>`;
}

/** Tick marks 4 px down from the axis at y, one at each x, as one path. */
export function tickPath(y: number, xs: readonly number[]): string {
  return `<path d="${segments(y, y + 4, xs, true)}" stroke="currentColor"/>`;
}

/** A chart's frame along its bottom axis at y0: gridlines at each y, ticks at each x, and the axis line itself. */
export function bottomAxisFrame(
  x0: number,
  x1: number,
  y0: number,
  grid: { ys: readonly number[]; opacity: number },
  tickXs: readonly number[],
): string {
  const axisLine = `<path d="M${x0} ${y0}H${x1}" stroke="currentColor" stroke-opacity="0.5"/>`;
  return gridPath(x0, x1, grid.ys, grid.opacity) + tickPath(y0, tickXs) + axisLine;
}

/**
 * Largest vertical distance of points first+1…last−1 from the chord first→last, and where it is. Vertical, not
 * perpendicular: these are graphs of functions of x, and a reader (or a test) compares values at the same x.
 */
function farthestFromChord(
  px: readonly number[],
  py: readonly number[],
  first: number,
  last: number,
): [number, number] {
  const dx = px[last]! - px[first]!;
  const dy = py[last]! - py[first]!;
  let worst = -1;
  let at = -1;
  for (let k = first + 1; k < last; k++) {
    const along = dx === 0 ? 0 : (px[k]! - px[first]!) / dx;
    const d = Math.abs(py[k]! - (py[first]! + along * dy));
    if (d > worst) [worst, at] = [d, k];
  }
  return [worst, at];
}

/** Indices of the points Ramer–Douglas–Peucker keeps for one unbroken run of points. */
function simplifiedRun(px: readonly number[], py: readonly number[], tolerance: number): number[] {
  const keep = new Uint8Array(px.length);
  keep[0] = 1;
  keep[px.length - 1] = 1;
  const spans: [number, number][] = [[0, px.length - 1]];
  while (spans.length > 0) {
    const [first, last] = spans.pop()!;
    if (last - first < 2) continue;
    const [worst, at] = farthestFromChord(px, py, first, last);
    if (worst > tolerance) {
      keep[at] = 1;
      spans.push([first, at], [at, last]);
    }
  }
  return [...keep.keys()].filter((k) => keep[k]);
}

/**
 * An SVG path through the pixel points (xs[j], ys[j]); a non-finite point breaks the line. Points within
 * `tolerance` px (vertically) of the straight line their neighbours would draw are dropped and coordinates kept to 0.1 px:
 * the eye sees the same curve, and a page of static figures shrinks (ReLU components are two segments, not 241
 * points; the five labs of /en/experiment/ carried over 200 kB of path data).
 */
export function polylinePath(xs: ArrayLike<number>, ys: ArrayLike<number>, tolerance = 0.25): string {
  let out = '';
  let runX: number[] = [];
  let runY: number[] = [];
  const flush = () => {
    if (runX.length > 0)
      simplifiedRun(runX, runY, tolerance).forEach(
        (k, i) => (out += `${i === 0 ? 'M' : 'L'}${r1(runX[k]!)},${r1(runY[k]!)}`),
      );
    runX = [];
    runY = [];
  };
  for (let j = 0; j < xs.length; j++) {
    const x = xs[j]!;
    const y = ys[j]!;
    if (Number.isFinite(x) && Number.isFinite(y)) {
      runX.push(x);
      runY.push(y);
    } else flush();
  }
  flush();
  return out;
}

/**
 * Per-neuron styles: colour (Okabe–Ito, readable on light and dark), dash pattern and marker shape, so neurons
 * are told apart without colour too.
 */
export const NEURON_COLOURS = ['#E69F00', '#56B4E9', '#009E73', '#CC79A7', '#D55E00', '#0072B2', '#999933', '#882255'];
export const NEURON_DASHES = ['7 3', '2 3', '10 3 2 3', '4 4', '12 4', '1 3 5 3', '6 2 2 2 2 2', '3 6'];
const SHAPES = [
  symbolCircle,
  symbolSquare,
  symbolTriangle,
  symbolDiamond,
  symbolCross,
  symbolStar,
  symbolTriangle2,
  symbolWye,
];

export function neuronStyle(i: number): { colour: string; dash: string; marker: (size: number) => string } {
  const k = ((i % 8) + 8) % 8;
  const shape = SHAPES[k]!;
  return {
    colour: NEURON_COLOURS[k]!,
    dash: NEURON_DASHES[k]!,
    marker: (size: number) => symbol(shape, size).digits(2)() ?? '',
  };
}

export const DEAD_COLOUR = '#8a8a8a';
export const DEAD_DASH = '1 4';

/** Nice tick formatting without d3-format's bulk: up to 3 significant digits, trailing zeros trimmed. */
export function tickText(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e4 || a < 1e-3) return v.toExponential(0).replace('e+', 'e');
  return String(Number(v.toPrecision(3)));
}
