/**
 * The x range a plot of training points needs: the site's range [0, 2π] (its axes are marked in multiples of π/2),
 * widened to take in every point, so the reader's own points are drawn wherever they lie, never cut off.
 */
import { linspace } from './dataset';
import { X_MAX, X_MIN } from './targets';

export function plotXRange(xs: readonly number[]): [number, number] {
  let lo = X_MIN;
  let hi = X_MAX;
  for (const x of xs) {
    if (!Number.isFinite(x)) continue;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return [lo, hi];
}

/** `grid` itself when the points lie in [0, 2π]; otherwise as many points evenly over the widened range. */
export function gridFor(xs: readonly number[], grid: readonly number[]): readonly number[] {
  const [lo, hi] = plotXRange(xs);
  return lo === X_MIN && hi === X_MAX ? grid : linspace(lo, hi, grid.length);
}
