/**
 * The engine (tfjs, float32, batched) against the independent float64 reference trainer: same initial weights,
 * same batch order; first-step gradients agree to 1e-5 and 300-epoch outcomes agree for 50 seeds per activation.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { deadFlags, meanSquaredError, predictAll } from '../../src/core/analysis/network';
import { seedDataset } from '../../src/core/data/dataset';
import { ShallowTrainer } from '../../src/core/engine/shallow-trainer';
import { trainNetworks } from '../../src/core/engine/train';
import { epochPermutations, initialParams } from '../../src/core/train/random';
import type { NetworkParams } from '../../src/core/train/types';
import { config, engineBackend } from '../unit/engine/engine-setup';
import { referenceMse, referenceTrain, type ReferenceActivation, type ReferenceParams } from './reference-trainer';

const data = seedDataset();
const asReference = (p: NetworkParams): ReferenceParams => ({ w: p.w1, b: p.b1, v: p.w2, c: p.b2 });

function reference(activation: ReferenceActivation, seed: number, hidden: number, epochs: number) {
  return referenceTrain({
    activation,
    lr: 0.04,
    batchSize: 32,
    x: data.x,
    y: data.y,
    initial: asReference(initialParams(seed, hidden)),
    permutations: epochPermutations(seed, data.x.length, epochs),
  });
}

beforeAll(() => engineBackend('wasm'));

describe('first-step gradients', () => {
  const activations: ReferenceActivation[] = [
    'relu',
    'sigmoid',
    'tanh',
    'leaky_relu',
    'swish',
    'linear',
    'step',
    'gaussian',
    'sine',
    'softsign',
    'prelu',
  ];
  for (const hidden of [1, 2, 8, 32]) {
    it(`match the float64 reference within 1e-5 (H = ${hidden}, ${activations.length} activations × 8 seeds)`, () => {
      const configs = activations.flatMap((a) => Array.from({ length: 8 }, (_, seed) => config(a, seed, { hidden })));
      const trainer = new ShallowTrainer({ configs, data });
      try {
        trainer.runSteps(1);
        const readout = trainer.read();
        configs.forEach((c, s) => {
          const expected = reference(c.activation as ReferenceActivation, c.seed, hidden, 1).firstGradient;
          const got = readout.networks[s]!.grad!;
          const pairs: [number[], number[]][] = [
            [got.w1, expected.w],
            [got.b1, expected.b],
            [got.w2, expected.v],
            [[got.b2], [expected.c]],
            // PReLU's slopes start at 0, where their gradient Σ δ·min(z, 0) is already non-zero.
            [got.alpha ?? [], expected.a ?? []],
          ];
          // 1e-5, relative once a gradient exceeds 1: float32 carries ~7 significant digits, and linear units
          // with x up to 2π reach gradients near 10.
          for (const [g, e] of pairs) {
            g.forEach((v, i) =>
              expect(Math.abs(v - e[i]!), `${c.activation} seed ${c.seed}`).toBeLessThan(
                1e-5 * Math.max(1, Math.abs(e[i]!)),
              ),
            );
          }
        });
      } finally {
        trainer.dispose();
      }
    });
  }
});

describe('after 300 epochs', () => {
  it('final MSE within 10% and the same dead neurons, for 50 seeds each of sigmoid and relu', () => {
    const configs = (['sigmoid', 'relu'] as const).flatMap((a) =>
      Array.from({ length: 50 }, (_, seed) => config(a, seed)),
    );
    const results = trainNetworks(configs, data);
    let compared = 0;
    for (const r of results) {
      const c = r.config;
      const ref = reference(c.activation as ReferenceActivation, c.seed, c.hidden, c.epochs);
      const engineMse = meanSquaredError(predictAll(r.params, c, data.x), data.y);
      const referenceMseValue = referenceMse(c.activation as ReferenceActivation, ref.params, data.x, data.y);
      expect(Math.abs(engineMse - referenceMseValue), `${c.activation} seed ${c.seed}`).toBeLessThanOrEqual(
        0.1 * referenceMseValue,
      );
      // The reference's own notion of dead: a ReLU whose pre-activation is ≤ 0 on every input.
      const referenceDead = ref.params.w.map(
        (w, i) => c.activation === 'relu' && data.x.every((x) => w * x + ref.params.b[i]! <= 0),
      );
      expect(deadFlags(r.params, c, data.x), `${c.activation} seed ${c.seed}`).toEqual(referenceDead);
      // And the Keras-style epoch losses follow the same curve.
      expect(Math.abs(r.losses[299]! - ref.losses[299]!)).toBeLessThanOrEqual(0.1 * ref.losses[299]! + 1e-6);
      compared++;
    }
    expect(compared).toBe(100);
  });

  it('final MSE within 10% for 25 seeds each of gaussian, sine and softsign (H = 1 and 2)', () => {
    // One batch per width: networks trained together share their shape.
    const results = [1, 2].flatMap((hidden) =>
      trainNetworks(
        (['gaussian', 'sine', 'softsign'] as const).flatMap((a) =>
          Array.from({ length: 25 }, (_, seed) => config(a, seed, { hidden })),
        ),
        data,
      ),
    );
    for (const r of results) {
      const c = r.config;
      const ref = reference(c.activation as ReferenceActivation, c.seed, c.hidden, c.epochs);
      const engineMse = meanSquaredError(predictAll(r.params, c, data.x), data.y);
      const referenceMseValue = referenceMse(c.activation as ReferenceActivation, ref.params, data.x, data.y);
      // Good fits end near 1e-10, where float32 rounding alone exceeds 10 %: both below 1e-6 counts as agreement.
      if (engineMse < 1e-6 && referenceMseValue < 1e-6) continue;
      expect(
        Math.abs(engineMse - referenceMseValue),
        `${c.activation} H = ${c.hidden} seed ${c.seed}`,
      ).toBeLessThanOrEqual(0.1 * referenceMseValue);
    }
    expect(results).toHaveLength(150);
  });

  it('prelu: final MSE within 10 % and the same learned slopes, for 25 seeds each of H = 1, 2 and 4', () => {
    const results = [1, 2, 4].flatMap((hidden) =>
      trainNetworks(
        Array.from({ length: 25 }, (_, seed) => config('prelu', seed, { hidden })),
        data,
      ),
    );
    let moved = 0;
    for (const r of results) {
      const c = r.config;
      const label = `H = ${c.hidden} seed ${c.seed}`;
      const ref = reference('prelu', c.seed, c.hidden, c.epochs);
      const engineMse = meanSquaredError(predictAll(r.params, c, data.x), data.y);
      const referenceMseValue = referenceMse('prelu', ref.params, data.x, data.y);
      expect(r.params.alpha, label).toHaveLength(c.hidden);
      expect(ref.params.a, label).toHaveLength(c.hidden);
      if (r.params.alpha!.some((a) => a !== 0)) moved++;
      // Slopes agree as the other weights do; a slope whose neuron never sees z < 0 keeps its start in both.
      r.params.alpha!.forEach((a, i) => expect(Math.abs(a - ref.params.a![i]!), label).toBeLessThan(1e-2));
      if (engineMse < 1e-6 && referenceMseValue < 1e-6) continue;
      expect(Math.abs(engineMse - referenceMseValue), label).toBeLessThanOrEqual(0.1 * referenceMseValue);
    }
    expect(results).toHaveLength(75);
    expect(moved, 'runs whose slopes left 0').toBeGreaterThan(60);
  });

  it('step: in both trainers the hidden weights and biases never move, and only the output layer learns', () => {
    const results = [1, 2, 8].flatMap((hidden) =>
      trainNetworks(
        Array.from({ length: 10 }, (_, seed) => config('step', seed, { hidden })),
        data,
      ),
    );
    for (const r of results) {
      const c = r.config;
      const start = initialParams(c.seed, c.hidden);
      const ref = reference('step', c.seed, c.hidden, c.epochs);
      const label = `H = ${c.hidden} seed ${c.seed}`;
      expect(r.params.w1, label).toEqual(start.w1.map(Math.fround));
      expect(r.params.b1, label).toEqual(start.b1);
      expect(ref.params.w, label).toEqual(start.w1);
      expect(ref.params.b, label).toEqual(start.b1);
      // The output layer does move, and both trainers take it to the same place.
      expect(r.params.b2, label).not.toBe(start.b2);
      expect(Math.abs(r.params.b2 - ref.params.c), label).toBeLessThan(1e-3);
      const engineMse = meanSquaredError(predictAll(r.params, c, data.x), data.y);
      expect(Math.abs(engineMse - referenceMse('step', ref.params, data.x, data.y)), label).toBeLessThan(1e-4);
    }
  });
});
