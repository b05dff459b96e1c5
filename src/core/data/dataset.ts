/** Training data: evenly spaced inputs and the seed experiment's target. */
import type { Dataset } from '../train/types';

/** n evenly spaced numbers from start to end, both included (numpy's linspace). */
export function linspace(start: number, end: number, n: number): number[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`linspace needs a positive integer count, got ${n}`);
  if (n === 1) return [start];
  const step = (end - start) / (n - 1);
  // The last point is set exactly so that rounding never moves the end of the interval.
  return Array.from({ length: n }, (_, i) => (i === n - 1 ? end : start + i * step));
}

export const SEED_POINTS = 100;

/** The seed experiment: y = cos(x) + 1 on 100 points of [0, 2π]. */
export function seedDataset(points = SEED_POINTS): Dataset {
  const x = linspace(0, 2 * Math.PI, points);
  return { x, y: x.map((v) => Math.cos(v) + 1) };
}
