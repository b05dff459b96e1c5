/** Seeded noise, held-out draws and the pure builder of a run's training and test sets. */
import { describe, expect, it } from 'vitest';
import { heldOutCount, heldOutIndices, HOLDOUT_STREAM } from '../../../src/core/data/holdout';
import { addNoise, MAX_NOISE, NOISE_STREAM } from '../../../src/core/data/noise';
import { gridFor, plotXRange } from '../../../src/core/data/plot-range';
import { buildTrainingData } from '../../../src/core/data/training-data';
import { linspace } from '../../../src/core/data/dataset';
import { createRng, epochPermutations, initialParams } from '../../../src/core/train/random';

const xs = linspace(0, 2 * Math.PI, 100);
const base = { x: xs, y: xs.map((x) => Math.cos(x) + 1) };

describe('seeded noise', () => {
  it('is the same for the same seed, differs between seeds, and has the asked σ', () => {
    const y = new Array<number>(20_000).fill(1);
    const a = addNoise(y, 0.5, 3);
    expect(addNoise(y, 0.5, 3)).toEqual(a);
    expect(addNoise(y, 0.5, 4)).not.toEqual(a);
    const mean = a.reduce((s, v) => s + v, 0) / a.length;
    const sd = Math.sqrt(a.reduce((s, v) => s + (v - mean) ** 2, 0) / a.length);
    expect(Math.abs(mean - 1)).toBeLessThan(0.02);
    expect(Math.abs(sd - 0.5)).toBeLessThan(0.02);
    // Roughly normal: about 68% within one σ, 95% within two.
    const within = (k: number) => a.filter((v) => Math.abs(v - 1) < k * 0.5).length / a.length;
    expect(within(1)).toBeCloseTo(0.6827, 1);
    expect(within(2)).toBeCloseTo(0.9545, 1);
  });

  it('scales one set of draws with σ, and σ = 0 leaves the targets exactly as they were', () => {
    const small = addNoise(base.y, 0.1, 7);
    const large = addNoise(base.y, 0.2, 7);
    small.forEach((v, i) => expect(large[i]! - base.y[i]!).toBeCloseTo(2 * (v - base.y[i]!), 12));
    expect(addNoise(base.y, 0, 7)).toEqual(base.y);
  });

  it('refuses σ outside 0–MAX_NOISE (1e308 included) and NaN', () => {
    for (const bad of [-0.1, MAX_NOISE + 1, 1e308, NaN, Infinity])
      expect(() => addNoise([1], bad, 0)).toThrow(RangeError);
  });

  it('draws from its own stream: the weights and the shuffles do not move', () => {
    expect(new Set([NOISE_STREAM, HOLDOUT_STREAM, 1, 2]).size).toBe(4);
    const before = [initialParams(5, 4), epochPermutations(5, 100, 3)];
    buildTrainingData({ base, noise: 1, holdout: 0.5, seed: 5 });
    expect([initialParams(5, 4), epochPermutations(5, 100, 3)]).toEqual(before);
    // The noise's first uniform draws are none of the weights' or shuffles' draws for that seed.
    const draws = (stream: number) => {
      const r = createRng(5, stream);
      return Array.from({ length: 4 }, () => r.next());
    };
    expect(draws(NOISE_STREAM)).not.toEqual(draws(1));
    expect(draws(NOISE_STREAM)).not.toEqual(draws(2));
    expect(draws(HOLDOUT_STREAM)).not.toEqual(draws(NOISE_STREAM));
  });
});

describe('held-out points', () => {
  it('holds out the share rounded, never the first or last point, and at most n − 2', () => {
    expect(heldOutCount(100, 0.2)).toBe(20);
    expect(heldOutCount(3, 0.2)).toBe(1);
    expect(heldOutCount(3, 0.5)).toBe(1);
    expect(heldOutCount(2, 0.5)).toBe(0);
    expect(heldOutCount(1, 0.5)).toBe(0);
    expect(heldOutCount(10, 0)).toBe(0);
    expect(() => heldOutCount(10, 0.6)).toThrow(RangeError);
    expect(() => heldOutCount(10, NaN)).toThrow(RangeError);
    for (let seed = 0; seed < 50; seed++) {
      const idx = heldOutIndices(100, 0.5, seed);
      expect(idx).toHaveLength(50);
      expect(new Set(idx).size).toBe(50);
      expect([...idx].sort((a, b) => a - b)).toEqual(idx);
      expect(idx[0]).toBeGreaterThan(0);
      expect(idx[idx.length - 1]).toBeLessThan(99);
    }
  });

  it('is the same draw for the same seed and a different one for another', () => {
    expect(heldOutIndices(100, 0.2, 1)).toEqual(heldOutIndices(100, 0.2, 1));
    expect(heldOutIndices(100, 0.2, 1)).not.toEqual(heldOutIndices(100, 0.2, 2));
  });

  it('reaches every inner point over seeds (an unbiased draw, roughly)', () => {
    const counts = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 4000; seed++) for (const i of heldOutIndices(10, 0.2, seed)) counts[i]!++;
    expect(counts[0]).toBe(0);
    expect(counts[9]).toBe(0);
    // 2 of the 8 inner points each time: each is held out a quarter of the time.
    for (let i = 1; i < 9; i++) expect(counts[i]! / 4000).toBeCloseTo(0.25, 1);
  });
});

describe('buildTrainingData', () => {
  it('without noise or holdout is the base itself, and trains on every point', () => {
    const d = buildTrainingData({ base, noise: 0, holdout: 0, seed: 9 });
    expect(d.train).toEqual(base);
    expect(d.test).toEqual({ x: [], y: [] });
    expect(d.testIndex).toEqual([]);
  });

  it('splits the noisy points into disjoint training and test sets that cover them all', () => {
    const d = buildTrainingData({ base, noise: 0.1, holdout: 0.2, seed: 3 });
    expect(d.train.x).toHaveLength(80);
    expect(d.test.x).toHaveLength(20);
    expect(d.all.y).toEqual(addNoise(base.y, 0.1, 3));
    expect(d.test.x).toEqual(d.testIndex.map((i) => base.x[i]));
    expect(d.test.y).toEqual(d.testIndex.map((i) => d.all.y[i]));
    const trainSet = new Set(d.train.x);
    expect(d.test.x.some((x) => trainSet.has(x))).toBe(false);
    expect(new Set([...d.train.x, ...d.test.x]).size).toBe(100);
    // Training points keep their order.
    expect([...d.train.x].sort((a, b) => a - b)).toEqual(d.train.x);
  });

  it('is a pure function of its recipe: the noise does not depend on the holdout, nor the draw on the noise', () => {
    const a = buildTrainingData({ base, noise: 0.3, holdout: 0.2, seed: 11 });
    const b = buildTrainingData({ base, noise: 0.3, holdout: 0.4, seed: 11 });
    const c = buildTrainingData({ base, noise: 0.7, holdout: 0.2, seed: 11 });
    expect(buildTrainingData({ base, noise: 0.3, holdout: 0.2, seed: 11 })).toEqual(a);
    expect(b.all).toEqual(a.all);
    expect(c.testIndex).toEqual(a.testIndex);
    expect(buildTrainingData({ base, noise: 0.3, holdout: 0.2, seed: 12 }).all).not.toEqual(a.all);
  });

  it('refuses unequal x and y', () => {
    expect(() => buildTrainingData({ base: { x: [1, 2], y: [1] }, noise: 0, holdout: 0, seed: 0 })).toThrow(RangeError);
  });
});

describe('plot range', () => {
  it('is [0, 2π] for points inside it (the same grid object), widened to take in points outside', () => {
    const grid = linspace(0, 2 * Math.PI, 241);
    expect(gridFor(xs, grid)).toBe(grid);
    expect(plotXRange([-5, 1, 50])).toEqual([-5, 50]);
    const wide = gridFor([-5, 50], grid);
    expect(wide).toHaveLength(241);
    expect(wide[0]).toBe(-5);
    expect(wide[240]).toBe(50);
    expect(plotXRange([NaN, 1])).toEqual([0, 2 * Math.PI]);
  });
});
