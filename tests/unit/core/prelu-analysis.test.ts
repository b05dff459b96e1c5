/** PReLU in the plain-number analysis: each neuron reads its own learned slope, and no PReLU neuron is ever dead. */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import { learnsSlopes, DEEP_ACTIVATION_IDS } from '../../../src/core/activations/types';
import { cannotLearn } from '../../../src/core/activations/cannot-learn';
import { components, neuronParams, neuronStates, predict } from '../../../src/core/analysis/network';
import { partialSum } from '../../../src/core/analysis/centre-order';
import { learningIntervals } from '../../../src/core/analysis/learning-bands';
import { hasNonFinite, gradientMagnitudes } from '../../../src/core/sessions/snapshots';
import { initialParams, initialParamsFor, withSlopesFor } from '../../../src/core/train/random';
import type { NetworkParams } from '../../../src/core/train/types';

const act = { activation: 'prelu' as const };
const xs = [0, 1, 2, 3];

describe('the PReLU registry entry', () => {
  it('is a ReLU at α = 0 (Keras’ start) and a leaky ReLU at any other α; its slope is learned, not set', () => {
    const { f, fPrime } = ACTIVATIONS.prelu;
    for (const x of [-3, -0.5, 0, 0.5, 3]) {
      // + 0: α·x gives −0 for negative x, which is the ReLU's 0.
      expect(f(x) + 0).toBe(ACTIVATIONS.relu.f(x));
      expect(fPrime(x)).toBe(ACTIVATIONS.relu.fPrime(x));
      expect(f(x, { alpha: 0.3 })).toBe(ACTIVATIONS.leaky_relu.f(x, { alpha: 0.3 }));
      expect(fPrime(x, { alpha: -1 })).toBe(x > 0 ? 1 : -1);
    }
    expect(f(-2, { alpha: -1 })).toBe(2);
    expect(ACTIVATIONS.prelu.params).toEqual([]);
    expect(ACTIVATIONS.prelu.facts.canDie).toBe(false);
    expect(ACTIVATIONS.prelu.facts.monotonic).toBe(false);
    expect(learnsSlopes('prelu')).toBe(true);
    expect(learnsSlopes('leaky_relu')).toBe(false);
    expect(cannotLearn('prelu')).toBeNull();
    expect(DEEP_ACTIVATION_IDS).not.toContain('prelu');
  });
});

describe('analysis with learned slopes', () => {
  const p: NetworkParams = { w1: [1, -1], b1: [-1.5, 0.5], w2: [2, 1], b2: 0.25, alpha: [-1, 0.5] };

  it('gives neuron i its own α in components, predictions and partial sums', () => {
    expect(neuronParams(p, act, 1)).toEqual({ alpha: 0.5 });
    const grid = [0, 3];
    // Neuron 1: z = x − 1.5 → |z| at α = −1; neuron 2: z = 0.5 − x → 0.5·z below 0.
    expect(components(p, act, grid)).toEqual([
      [2 * 1.5, 2 * 1.5],
      [0.5, 0.5 * -2.5],
    ]);
    expect(predict(p, act, 3)).toBe(0.25 + 3 - 1.25);
    expect(partialSum(p, act, grid, [1, 0], 1)).toEqual([0.25 + 0.5, 0.25 - 1.25]);
  });

  it('never calls a PReLU neuron dead, even on the negative side everywhere, and never saturated', () => {
    const negative = { ...p, w1: [-1, -1], b1: [-0.5, -0.5], alpha: [0, 0.2] };
    const states = neuronStates(negative, act, xs);
    expect(states.map((s) => s.dead)).toEqual([false, false]);
    expect(states.map((s) => s.negativeRegime)).toEqual([true, true]);
    expect(states.map((s) => s.saturated)).toEqual([false, false]);
    // Its slope is where it learns: α = 0.2 passes the threshold on every input, α = 0 on none.
    expect(learningIntervals(negative, act, xs).map((r) => r.length)).toEqual([0, 1]);
  });

  it('counts α in gradient sizes and in the finite check', () => {
    const grad = { w1: [1, 1], b1: [0, 0], w2: [0, 0], b2: 0, alpha: [0.5, -2] };
    expect(gradientMagnitudes(grad, 2)).toEqual([1.5, 3]);
    expect(hasNonFinite({ ...p, alpha: [0, NaN] })).toBe(true);
    expect(hasNonFinite(p)).toBe(false);
  });

  it('starts PReLU runs at α = 0, and weights carried between activations keep or drop the slopes', () => {
    expect(initialParamsFor('prelu', 3, 4)).toEqual({ ...initialParams(3, 4), alpha: [0, 0, 0, 0] });
    expect(initialParamsFor('relu', 3, 4)).toEqual(initialParams(3, 4));
    expect(withSlopesFor('relu', p)).not.toHaveProperty('alpha');
    expect(withSlopesFor('prelu', p)).toBe(p);
  });
});
