import { describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import {
  isotonicDecreasing,
  isotonicIncreasing,
  monotoneBound,
  monotoneFit,
} from '../../../src/core/analysis/monotone';
import { createRng } from '../../../src/core/train/random';

/** Independent O(n³) formula for the isotonic fit: f_i = max_{j≤i} min_{k≥i} mean(y_j…y_k). */
function minMaxIsotonic(y: readonly number[]): number[] {
  const n = y.length;
  const mean = (j: number, k: number) => y.slice(j, k + 1).reduce((s, v) => s + v, 0) / (k - j + 1);
  return y.map((_, i) => {
    let best = -Infinity;
    for (let j = 0; j <= i; j++) {
      let low = Infinity;
      for (let k = i; k < n; k++) low = Math.min(low, mean(j, k));
      best = Math.max(best, low);
    }
    return best;
  });
}

const mse = (a: readonly number[], b: readonly number[]) => a.reduce((s, v, i) => s + (v - b[i]!) ** 2, 0) / a.length;

describe('isotonic regression (PAVA)', () => {
  it('leaves sorted data alone and pools a violation into its mean', () => {
    expect(isotonicIncreasing([1, 2, 3])).toEqual([1, 2, 3]);
    expect(isotonicIncreasing([1, 3, 2, 4])).toEqual([1, 2.5, 2.5, 4]);
    expect(isotonicIncreasing([3, 2, 1])).toEqual([2, 2, 2]);
    expect(isotonicDecreasing([1, 2, 3])).toEqual([2, 2, 2]);
  });

  it('agrees with the min–max formula on random data', () => {
    const rng = createRng(42);
    for (let trial = 0; trial < 30; trial++) {
      const y = Array.from({ length: 1 + Math.floor(rng.next() * 25) }, () => rng.next() * 4 - 2);
      const fit = isotonicIncreasing(y);
      const reference = minMaxIsotonic(y);
      fit.forEach((v, i) => expect(v).toBeCloseTo(reference[i]!, 12));
      for (let i = 1; i < fit.length; i++) expect(fit[i]!).toBeGreaterThanOrEqual(fit[i - 1]!);
    }
  });

  it('beats every other monotone candidate it is compared with', () => {
    const rng = createRng(7);
    const y = Array.from({ length: 40 }, () => rng.next());
    const best = mse(isotonicIncreasing(y), y);
    for (let trial = 0; trial < 200; trial++) {
      // A random non-decreasing sequence (sorted random values) is never better than the isotonic fit.
      const candidate = Array.from({ length: y.length }, () => rng.next()).sort((a, b) => a - b);
      expect(mse(candidate, y)).toBeGreaterThanOrEqual(best);
    }
  });

  it('refuses non-finite values', () => {
    expect(() => isotonicIncreasing([1, Number.NaN])).toThrow(RangeError);
  });
});

describe('monotone bound on a data set', () => {
  it('is zero for monotone data in either direction, whatever the point order', () => {
    const data = { x: [3, 1, 2], y: [9, 1, 4] };
    expect(monotoneFit(data, 'increasing').mse).toBe(0);
    expect(monotoneBound(data).direction).toBe('increasing');
    expect(monotoneBound({ x: [0, 1, 2], y: [5, 4, 1] }).mse).toBe(0);
  });

  it('gives one value per x when inputs repeat', () => {
    const fit = monotoneFit({ x: [0, 0, 1], y: [2, 0, 3] }, 'increasing');
    expect(fit.fitted).toEqual([1, 1, 3]);
  });

  it('for the cos(x)+1 valley lies strictly between a perfect fit and the best straight line', () => {
    const data = seedDataset();
    const bound = monotoneBound(data);
    const mean = data.y.reduce((s, v) => s + v, 0) / data.y.length;
    const variance = data.y.reduce((s, v) => s + (v - mean) ** 2, 0) / data.y.length;
    expect(bound.mse).toBeGreaterThan(0.01);
    expect(bound.mse).toBeLessThan(variance);
    // The valley is symmetric about π, so both directions do equally well.
    expect(monotoneFit(data, 'increasing').mse).toBeCloseTo(monotoneFit(data, 'decreasing').mse, 12);
  });
});
