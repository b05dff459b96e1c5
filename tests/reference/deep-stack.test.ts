/**
 * The deep engine (DeepTrainer: L hidden Dense(H, φ) layers) with the activations tf.layers cannot check
 * (tests/parity covers the others): its first-step gradients match float64 finite differences for Gaussian, sine
 * and softsign, and with a step every hidden layer's gradient is exactly 0, so only the output layer ever moves.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { DeepTrainer } from '../../src/core/engine/deep-trainer';
import { deepInitialParams } from '../../src/core/train/deep-init';
import type { DeepConfig } from '../../src/core/train/deep-types';
import { engineBackend } from '../unit/engine/engine-setup';
import { deepReferenceLoss, finiteDifferenceGradient, type DeepReferenceActivation } from './deep-reference';

beforeAll(() => engineBackend('wasm'));

// 24 points and batch 32: the first step's batch is the whole data set, so its gradient is the full-data one.
const x = Array.from({ length: 24 }, (_, k) => 0.1 + (k / 23) * 6);
const small = { x, y: x.map((v) => Math.cos(v) + 1) };

function deepConfig(networks: DeepConfig['networks']): DeepConfig {
  return { layers: 3, width: 5, lr: 0.01, epochs: 20, batchSize: 32, seed: 7, networks };
}

function expectClose(actual: readonly number[], expected: readonly number[], rel: number, abs: number, label: string) {
  expect(actual.length, label).toBe(expected.length);
  actual.forEach((v, i) =>
    expect(Math.abs(v - expected[i]!), `${label}[${i}]`).toBeLessThanOrEqual(rel * Math.abs(expected[i]!) + abs),
  );
}

describe('a deep stack (3 hidden Dense(5, φ) + Dense(1)) with the activations tf.layers has no form for', () => {
  it('Gaussian, sine and softsign: per-layer gradients match float64 finite differences, and the first loss the MSE', () => {
    const acts: DeepReferenceActivation[] = ['gaussian', 'sine', 'softsign'];
    const seeded = deepInitialParams(7, 3, 5);
    // Small non-zero biases, so that no unit starts at a special point.
    const initial = acts.map(() => ({
      kernels: seeded.kernels,
      biases: seeded.biases.map((b, l) => b.map((_, j) => 0.1 * Math.sin(3 * l + j + 1))),
    }));
    const trainer = new DeepTrainer({
      config: deepConfig(acts.map((activation) => ({ activation }))),
      data: small,
      initial,
    });
    try {
      const start = trainer.readParams();
      const grads = trainer.gradients();
      acts.forEach((act, s) => {
        const fd = finiteDifferenceGradient(start[s]!, act, small.x, small.y);
        fd.kernels.forEach((k, l) => expectClose(grads[s]!.kernels[l]!, k, 2e-3, 2e-5, `${act} kernel ${l}`));
        fd.biases.forEach((b, l) => expectClose(grads[s]!.biases[l]!, b, 2e-3, 2e-5, `${act} bias ${l}`));
      });
      trainer.runEpochs(1);
      const update = trainer.read();
      acts.forEach((act, s) =>
        expect(update.losses[s]![0]!, act).toBeCloseTo(deepReferenceLoss(start[s]!, act, small.x, small.y), 4),
      );
    } finally {
      trainer.dispose();
    }
  });

  it('step: every hidden layer gets a gradient of exactly 0 and keeps its weights; the output layer learns', () => {
    const trainer = new DeepTrainer({ config: deepConfig([{ activation: 'step' }]), data: small });
    try {
      const start = trainer.readParams()[0]!;
      const grad = trainer.gradients()[0]!;
      const hidden = start.kernels.length - 1;
      for (let l = 0; l < hidden; l++) {
        expect(
          grad.kernels[l]!.every((g) => g === 0),
          `kernel ${l}`,
        ).toBe(true);
        expect(
          grad.biases[l]!.every((g) => g === 0),
          `bias ${l}`,
        ).toBe(true);
      }
      expect(grad.biases[hidden]![0], 'output bias gradient').not.toBe(0);
      trainer.runEpochs(20);
      const end = trainer.readParams()[0]!;
      expect(end.kernels.slice(0, hidden)).toEqual(start.kernels.slice(0, hidden));
      expect(end.biases.slice(0, hidden)).toEqual(start.biases.slice(0, hidden));
      expect(end.biases[hidden]![0]).not.toBe(start.biases[hidden]![0]);
      const losses = trainer.read().losses[0]!;
      expect(losses.at(-1)!).toBeLessThan(losses[0]!);
      // …and they are still the seed's initial weights (float32, as the engine holds them).
      expect(start.kernels[0]).toEqual(deepInitialParams(7, 3, 5).kernels[0]!.map(Math.fround));
    } finally {
      trainer.dispose();
    }
  });
});
