/**
 * Held-out data: a share of the points kept out of training, to measure the fit on points it never saw. Which
 * points is drawn from its own stream of the run's seed (not the weights', the shuffles' or the noise's), so
 * holding points out changes neither the start nor the noise, and the same seed holds out the same points.
 *
 * The points are in x order, and the first and last are never held out: held-out points lie between training
 * points, so the test loss measures how the fit interpolates, not how wildly it extrapolates past the data. (It
 * also keeps the training points' x range the whole data's, so a plot sized by one fits the other.)
 */
import { createRng } from '../train/random';

export const HOLDOUT_STREAM = 4;
export const MAX_HOLDOUT = 0.5;

/** How many of n points a share f holds out: f·n rounded, at most the n − 2 between the first and the last. */
export function heldOutCount(n: number, share: number): number {
  if (!(share >= 0 && share <= MAX_HOLDOUT))
    throw new RangeError(`holdout must be from 0 to ${MAX_HOLDOUT}, got ${share}`);
  return Math.max(0, Math.min(n - 2, Math.round(share * n)));
}

/** The indices (ascending) held out of n points for a share and seed: a seeded partial Fisher–Yates draw of 1…n−2. */
export function heldOutIndices(n: number, share: number, seed: number): number[] {
  const k = heldOutCount(n, share);
  if (k === 0) return [];
  const rng = createRng(seed, HOLDOUT_STREAM);
  const inner = Array.from({ length: n - 2 }, (_, i) => i + 1);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rng.next() * (inner.length - i));
    const tmp = inner[i]!;
    inner[i] = inner[j]!;
    inner[j] = tmp;
  }
  return inner.slice(0, k).sort((a, b) => a - b);
}
