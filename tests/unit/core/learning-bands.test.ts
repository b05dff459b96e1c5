import { describe, expect, it } from 'vitest';
import { learningIntervals, learningShare } from '../../../src/core/analysis/learning-bands';
import { linspace, seedDataset } from '../../../src/core/data/dataset';
import type { NetworkParams } from '../../../src/core/train/types';

const xs = seedDataset().x;
const xMax = xs[xs.length - 1]!;

describe('learningIntervals', () => {
  it('covers a ReLU from its kink to the end of the data, and nothing for a dead one', () => {
    // kink at x = 2 (rising to the right); dead (w < 0, b < 0: wx + b < 0 on every x ≥ 0); mirrored, kink at 4
    const p: NetworkParams = { w1: [1, -1, -2], b1: [-2, -0.5, 8], w2: [1, 1, 1], b2: 0 };
    const [rising, dead, mirrored] = learningIntervals(p, { activation: 'relu' }, xs);
    expect(rising).toHaveLength(1);
    expect(rising![0]![0]).toBeGreaterThan(2);
    expect(rising![0]![0] - 2).toBeLessThan(xMax / 99 + 1e-9);
    expect(rising![0]![1]).toBe(xMax);
    expect(dead).toEqual([]);
    expect(mirrored).toHaveLength(1);
    expect(mirrored![0]![0]).toBe(0);
    expect(mirrored![0]![1]).toBeLessThan(4);
  });

  it('shrinks a sigmoid band as the unit sharpens (saturates) around the same centre', () => {
    const centre = Math.PI;
    const widths = [0.5, 2, 8, 40].map((w) => {
      const p: NetworkParams = { w1: [w], b1: [-w * centre], w2: [1], b2: 0 };
      const [band] = learningIntervals(p, { activation: 'sigmoid' }, xs);
      return band!.reduce((s, [a, b]) => s + (b - a), 0);
    });
    // |σ′(z)| > 0.1 for |z| < ~1.8: wide at w = 0.5 (the whole data), narrower with every sharper slope.
    expect(widths[0]).toBeCloseTo(xMax, 6);
    for (let k = 1; k < widths.length; k++) expect(widths[k]).toBeLessThan(widths[k - 1]!);
    // At w = 40 the slope is above 0.1 only within ±0.045 of the centre: at most one or two inputs (width < 0.1).
    expect(widths[3]).toBeLessThan(0.1);
  });

  it('leaves a far-off sigmoid with no band, and ends a run where the inputs have a gap', () => {
    const far: NetworkParams = { w1: [3], b1: [30], w2: [1], b2: 0 };
    expect(learningIntervals(far, { activation: 'sigmoid' }, xs)).toEqual([[]]);
    // A gap in the inputs ends a run: only inputs that are in the data count.
    const p: NetworkParams = { w1: [1], b1: [-2], w2: [1], b2: 0 };
    const gappy = [...linspace(0, 1, 5), ...linspace(3, 4, 5)];
    expect(learningIntervals(p, { activation: 'relu' }, gappy)).toEqual([[[3, 4]]]);
  });

  it('uses the threshold it is given and treats unsorted, repeated inputs like the sorted set', () => {
    const p: NetworkParams = { w1: [1], b1: [-3], w2: [1], b2: 0 };
    const shuffled = [5, 1, 4, 4, 2, 3.5, 0];
    expect(learningIntervals(p, { activation: 'relu' }, shuffled)).toEqual([[[3.5, 5]]]);
    // leaky ReLU (α = 0.2 by default) keeps slope 0.2 on the negative side: above 0.1, below 0.5.
    expect(learningIntervals(p, { activation: 'leaky_relu' }, shuffled)).toEqual([[[0, 5]]]);
    expect(learningIntervals(p, { activation: 'leaky_relu' }, shuffled, 0.5)).toEqual([[[3.5, 5]]]);
  });
});

describe('learningShare', () => {
  it('counts the inputs inside the intervals', () => {
    expect(learningShare([[1, 2]], [0, 1, 1.5, 2, 3])).toBeCloseTo(0.6);
    expect(learningShare([], [0, 1])).toBe(0);
    expect(learningShare([[0, 1]], [])).toBe(0);
  });
});
