/**
 * The best any monotone function can do on a data set: isotonic regression by pool-adjacent-violators (PAVA).
 *
 * Why it matters here: one hidden neuron gives the prediction v·φ(w·x + b) + c, and for a monotone φ (sigmoid,
 * tanh, ReLU, leaky ReLU…) that is a monotone function of x, whatever the weights. So no one-neuron run can end
 * with a mean squared error below the smaller of the best non-decreasing and best non-increasing fits.
 */
import type { Dataset } from '../train/types';

export type Direction = 'increasing' | 'decreasing';

export interface MonotoneFit {
  direction: Direction;
  /** Fitted values in the order of the input points (not necessarily sorted by x). */
  fitted: number[];
  /** Mean squared error of the fit over all points. */
  mse: number;
}

/**
 * Least-squares non-decreasing fit to `values` taken in the given order (PAVA, O(n)). Each block holds the mean
 * of the points it pools; a new point that would break the order merges backwards until the order holds.
 */
export function isotonicIncreasing(values: readonly number[], weights?: readonly number[]): number[] {
  const n = values.length;
  if (weights && weights.length !== n) throw new RangeError('values and weights must have the same length');
  const mean: number[] = [];
  const weight: number[] = [];
  const count: number[] = [];
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    if (!(w > 0) || !Number.isFinite(values[i]!)) throw new RangeError('values must be finite and weights positive');
    mean.push(values[i]!);
    weight.push(w);
    count.push(1);
    while (mean.length > 1 && mean[mean.length - 2]! > mean[mean.length - 1]!) {
      const m2 = mean.pop()!;
      const w2 = weight.pop()!;
      const c2 = count.pop()!;
      const top = mean.length - 1;
      const w1 = weight[top]!;
      mean[top] = (mean[top]! * w1 + m2 * w2) / (w1 + w2);
      weight[top] = w1 + w2;
      count[top] = count[top]! + c2;
    }
  }
  const fitted: number[] = [];
  mean.forEach((m, b) => {
    for (let k = 0; k < count[b]!; k++) fitted.push(m);
  });
  return fitted;
}

/** Least-squares non-increasing fit: the increasing fit of the negated values, negated back. */
export function isotonicDecreasing(values: readonly number[], weights?: readonly number[]): number[] {
  return isotonicIncreasing(
    values.map((v) => -v),
    weights,
  ).map((v) => (v === 0 ? 0 : -v));
}

function meanSquaredError(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  for (let i = 0; i < a.length; i++) sum += (a[i]! - b[i]!) ** 2;
  return sum / a.length;
}

/** Indices of the points sorted by x (ties keep their input order). */
function orderByX(x: readonly number[]): number[] {
  return x.map((_, i) => i).sort((i, j) => x[i]! - x[j]! || i - j);
}

/**
 * Best monotone fit in one direction. Points with equal x must share one fitted value (a function gives one
 * value per x), so ties are pooled first and the blocks are weighted by their size.
 */
export function monotoneFit(data: Dataset, direction: Direction): MonotoneFit {
  const { x, y } = data;
  if (x.length !== y.length || x.length === 0) throw new RangeError('x and y must be non-empty and equally long');
  const order = orderByX(x);
  const groups: { indices: number[]; mean: number }[] = [];
  for (const i of order) {
    const last = groups[groups.length - 1];
    if (last && x[last.indices[0]!] === x[i]) last.indices.push(i);
    else groups.push({ indices: [i], mean: 0 });
  }
  for (const g of groups) g.mean = g.indices.reduce((s, i) => s + y[i]!, 0) / g.indices.length;
  const means = groups.map((g) => g.mean);
  const sizes = groups.map((g) => g.indices.length);
  const levels = direction === 'increasing' ? isotonicIncreasing(means, sizes) : isotonicDecreasing(means, sizes);
  const fitted = new Array<number>(x.length);
  groups.forEach((g, k) => {
    for (const i of g.indices) fitted[i] = levels[k]!;
  });
  return { direction, fitted, mse: meanSquaredError(fitted, y) };
}

/** The monotone bound B: the smaller MSE of the best non-decreasing and the best non-increasing fit. */
export function monotoneBound(data: Dataset): MonotoneFit {
  const up = monotoneFit(data, 'increasing');
  const down = monotoneFit(data, 'decreasing');
  return down.mse < up.mse ? down : up;
}
