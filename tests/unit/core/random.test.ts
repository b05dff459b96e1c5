import { describe, expect, it } from 'vitest';
import {
  createRng,
  epochPermutations,
  glorotLimit,
  initialParams,
  ShuffleStream,
} from '../../../src/core/train/random';

describe('seeded randomness', () => {
  it('repeats exactly for a seed and differs between seeds', () => {
    const draw = (seed: number) =>
      Array.from(
        { length: 5 },
        (() => {
          const r = createRng(seed);
          return () => r.next();
        })(),
      );
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
    expect(initialParams(0, 4)).toEqual(initialParams(0, 4));
    expect(initialParams(0, 4).w1).not.toEqual(initialParams(1, 4).w1);
  });

  it('draws uniform numbers in [0, 1)', () => {
    const rng = createRng(123);
    const xs = Array.from({ length: 20_000 }, () => rng.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.01);
  });

  it('initialises like Keras: glorot-uniform kernels within ±L, zero biases', () => {
    for (const hidden of [1, 2, 8, 32]) {
      const l1 = glorotLimit(1, hidden);
      const l2 = glorotLimit(hidden, 1);
      expect(l1).toBeCloseTo(Math.sqrt(6 / (1 + hidden)), 12);
      for (let seed = 0; seed < 50; seed++) {
        const p = initialParams(seed, hidden);
        expect(p.w1).toHaveLength(hidden);
        for (const w of p.w1) expect(Math.abs(w)).toBeLessThanOrEqual(l1);
        for (const w of p.w2) expect(Math.abs(w)).toBeLessThanOrEqual(l2);
        expect(p.b1.every((b) => b === 0)).toBe(true);
        expect(p.b2).toBe(0);
      }
    }
    // Spread over the whole interval, not a corner of it.
    const all = Array.from({ length: 500 }, (_, s) => initialParams(s, 2).w1[0]! / glorotLimit(1, 2));
    expect(Math.min(...all)).toBeLessThan(-0.9);
    expect(Math.max(...all)).toBeGreaterThan(0.9);
  });

  it('shuffles a fresh permutation every epoch, the same for a seed whatever the run length', () => {
    const perms = epochPermutations(5, 100, 3);
    for (const p of perms) expect([...p].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(Array.from(perms[0]!)).not.toEqual(Array.from(perms[1]!));
    expect(epochPermutations(5, 100, 10).slice(0, 3)).toEqual(perms);
    expect(new ShuffleStream(5, 100).next()).toEqual(perms[0]);
    expect(Array.from(epochPermutations(6, 100, 1)[0]!)).not.toEqual(Array.from(perms[0]!));
  });
});
