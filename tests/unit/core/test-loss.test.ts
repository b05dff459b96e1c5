/** The error on held-out points: float64, from the current parameters; none without held-out points. */
import { describe, expect, it } from 'vitest';
import { predict } from '../../../src/core/analysis/network';
import { testLosses, testMse } from '../../../src/core/analysis/test-loss';
import type { NetworkParams } from '../../../src/core/train/types';

const params: NetworkParams = { w1: [1, -2], b1: [0.5, 1], w2: [0.7, -0.3], b2: 0.1 };
const relu = { activation: 'relu' as const };
const test = { x: [0, 1, 2.5], y: [1, 0, -1] };

describe('test loss', () => {
  it('is the mean squared error of the prediction on the held-out points', () => {
    const expected = test.x.reduce((s, x, k) => s + (predict(params, relu, x) - test.y[k]!) ** 2, 0) / 3;
    expect(testMse(params, relu, test)).toBeCloseTo(expected, 14);
    // 0 for a network that fits them exactly.
    const flat: NetworkParams = { w1: [0], b1: [0], w2: [0], b2: 2 };
    expect(testMse(flat, relu, { x: [1, 2], y: [2, 2] })).toBe(0);
  });

  it('is null without held-out points', () => {
    expect(testMse(params, relu, { x: [], y: [] })).toBeNull();
    expect(testMse(params, relu, undefined)).toBeNull();
    expect(testLosses([{ params, divergedAt: null }], [relu], { x: [], y: [] })).toBeUndefined();
  });

  it('per network of a run: each its own activation, null once diverged', () => {
    const sigmoid = { activation: 'sigmoid' as const };
    const losses = testLosses(
      [
        { params, divergedAt: null },
        { params, divergedAt: null },
        { params: { ...params, b2: NaN }, divergedAt: 4 },
      ],
      [relu, sigmoid, relu],
      test,
    );
    expect(losses).toEqual([testMse(params, relu, test), testMse(params, sigmoid, test), null]);
    expect(losses![0]).not.toBe(losses![1]);
  });
});
