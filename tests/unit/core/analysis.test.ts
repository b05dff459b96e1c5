import { describe, expect, it } from 'vitest';
import {
  centres,
  components,
  leastSquaresLineMse,
  meanSquaredError,
  neuronStates,
  predict,
  quantile,
  sumOfComponents,
  summarizeRuns,
} from '../../../src/core/analysis/network';
import { HIDDEN_ACTIVATION_IDS } from '../../../src/core/activations/types';
import { linspace, seedDataset } from '../../../src/core/data/dataset';
import { initialParams } from '../../../src/core/train/random';
import type { NetworkParams } from '../../../src/core/train/types';

describe('components', () => {
  it('plus the output bias equal the prediction at every grid point, for every activation', () => {
    const grid = linspace(-1, 7, 161);
    for (const activation of HIDDEN_ACTIVATION_IDS) {
      for (const seed of [0, 1, 2]) {
        const p = { ...initialParams(seed, 5), b1: [0.3, -1, 2, -0.5, 0.1], b2: 0.7 };
        const parts = components(p, { activation }, grid);
        const sum = sumOfComponents(parts, p.b2, grid.length);
        grid.forEach((x, k) => expect(Math.abs(sum[k]! - predict(p, { activation }, x))).toBeLessThan(1e-5));
      }
    }
  });

  it('are centred or kinked at −b/w', () => {
    expect(centres({ w1: [2, 0, -1], b1: [1, 3, 4], w2: [1, 1, 1], b2: 0 })).toEqual([-0.5, null, 4]);
  });
});

describe('neuron states', () => {
  const xs = seedDataset().x;
  const p: NetworkParams = { w1: [-1, 1, -1], b1: [-0.1, 0, 10], w2: [1, 1, 1], b2: 0 };
  it('flags a ReLU whose pre-activation is ≤ 0 on every input as dead', () => {
    expect(neuronStates(p, { activation: 'relu' }, xs).map((s) => s.dead)).toEqual([true, false, false]);
  });
  it('reports a leaky ReLU in its negative regime, not dead', () => {
    const states = neuronStates(p, { activation: 'leaky_relu' }, xs);
    expect(states.map((s) => s.dead)).toEqual([false, false, false]);
    expect(states.map((s) => s.negativeRegime)).toEqual([true, false, false]);
  });
  it('flags sigmoid units whose slope is below 0.1 on most inputs as saturated', () => {
    // far off-centre; a sharp step (|f′| < 0.1 away from its centre); a gentle slope (|f′| ≥ 0.1 everywhere)
    const q: NetworkParams = { w1: [0.01, 4, 0.5], b1: [20, -4 * Math.PI, -1.5], w2: [1, 1, 1], b2: 0 };
    expect(neuronStates(q, { activation: 'sigmoid' }, xs).map((s) => s.saturated)).toEqual([true, true, false]);
  });
});

describe('statistics', () => {
  it('computes the least-squares line MSE (exact line ⇒ 0; constant-free cosine ⇒ its variance share)', () => {
    const x = linspace(0, 1, 11);
    expect(leastSquaresLineMse({ x, y: x.map((v) => 3 * v - 1) })).toBeLessThan(1e-24);
    const seed = seedDataset();
    const line = leastSquaresLineMse(seed);
    expect(line).toBeGreaterThan(0.3);
    expect(line).toBeLessThan(
      meanSquaredError(
        seed.x.map(() => 1),
        seed.y,
      ) + 1e-12,
    );
  });

  it('quantiles interpolate like numpy and tolerate infinities', () => {
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([5, 1, 3], 0.1)).toBeCloseTo(1.4, 12);
    expect(quantile([1, Infinity, Infinity], 0.9)).toBe(Infinity);
  });

  it('summarises runs: shares of good fits, straight lines and dead neurons', () => {
    const s = summarizeRuns(
      [
        { finalMse: 0.001, deadAtInit: 0, deadAtEnd: 0 },
        { finalMse: 0.5, deadAtInit: 1, deadAtEnd: 1 },
        { finalMse: 0.2, deadAtInit: 0, deadAtEnd: 2 },
        { finalMse: NaN, deadAtInit: 0, deadAtEnd: 0 },
      ],
      0.5,
    );
    expect(s.goodFitShare).toBe(0.25);
    expect(s.straightLineShare).toBe(0.5);
    expect(s.deadAtInitShare).toBe(0.25);
    expect(s.deadAtEndShare).toBe(0.5);
    expect(s.medianMse).toBeCloseTo(0.35, 12);
  });
});
