/**
 * The one-hidden-layer parity check shared by the two test files (split so that vitest can run them on two cores):
 * for one registry activation, the engine's trainNetworks and tf.layers networks trained with trainOnBatch (all
 * seeds in one model, layers-model.ts), over several seeds, each from the same start in the same order.
 */
import { expect } from 'vitest';
import { LEAKY_RELU_DEFAULT_ALPHA } from '../../src/core/activations/registry';
import type { HiddenActivationId } from '../../src/core/activations/types';
import { seedDataset } from '../../src/core/data/dataset';
import { trainNetworks } from '../../src/core/engine/train';
import { initialParams } from '../../src/core/train/random';
import { config } from '../unit/engine/engine-setup';
import {
  asLayers,
  firstLossMismatch,
  margins,
  report,
  tf,
  trainLayersModels,
  WEIGHT_ABS_TOL,
  worstWeightDiff,
  type LayersActivation,
} from './layers-model';

export const SEEDS = [0, 1, 2, 3, 4];
export const HIDDEN = 2;
export const LR = 0.04;
export const EPOCHS = 300;
export const BATCH = 32;

/**
 * Each registry activation's tf.layers form. GELU: tf.layers' 'gelu' is the exact erf form x·Φ(x), as in our
 * registry ('gelu_new' is the tanh approximation). Leaky ReLU: the LeakyReLU layer, with our registry's default
 * α = 0.2 set explicitly (the layer's own default is tf.keras 2's 0.3).
 */
export const LAYERS_FORM: Partial<Record<HiddenActivationId, LayersActivation>> = {
  linear: { kind: 'dense', name: 'linear' },
  sigmoid: { kind: 'dense', name: 'sigmoid' },
  tanh: { kind: 'dense', name: 'tanh' },
  relu: { kind: 'dense', name: 'relu' },
  leaky_relu: { kind: 'leakyReLU', alpha: LEAKY_RELU_DEFAULT_ALPHA },
  swish: { kind: 'dense', name: 'swish' },
  elu: { kind: 'dense', name: 'elu' },
  gelu: { kind: 'dense', name: 'gelu' },
  softplus: { kind: 'dense', name: 'softplus' },
  mish: { kind: 'dense', name: 'mish' },
  softsign: { kind: 'dense', name: 'softsign' },
  prelu: { kind: 'prelu' },
};

/**
 * Registry activations that tf.layers cannot express, so no parity test covers them: tfjs 4.22 has no step,
 * Gaussian or sine activation (targets.test.ts checks that it refuses the names). The float64 reference
 * (tests/reference) and the TF.js export's custom layers (tests/unit/labs/export-tfjs.test.ts) cover them instead.
 */
export const NO_LAYERS_FORM: readonly HiddenActivationId[] = ['step', 'gaussian', 'sine'];

export function layersForm(id: HiddenActivationId): LayersActivation {
  const form = LAYERS_FORM[id];
  if (!form) throw new Error(`${id} has no tf.layers form`);
  return form;
}

/** Train `id` both ways for every seed and assert per-epoch losses and final weights; the engine's default params. */
export async function expectOneHiddenLayerParity(id: HiddenActivationId): Promise<void> {
  const data = seedDataset();
  const tensorsBefore = tf.memory().numTensors;
  const engine = trainNetworks(
    SEEDS.map((seed) => config(id, seed, { hidden: HIDDEN, lr: LR, epochs: EPOCHS, batchSize: BATCH })),
    data,
    {},
  );
  const layersRuns = await trainLayersModels(
    { layers: 1, width: HIDDEN, data, epochs: EPOCHS, lr: LR, batchSize: BATCH },
    SEEDS.map((seed) => ({ activation: layersForm(id), initial: asLayers(initialParams(seed, HIDDEN)), seed })),
  );
  const pairs = [];
  for (const [s, seed] of SEEDS.entries()) {
    const run = engine[s]!;
    expect(run.status, `seed ${seed}: the engine run diverged`).toBe('done');
    const layers = layersRuns[s]!;
    const engineParams = asLayers(run.params);
    expect(firstLossMismatch(run.losses, layers.losses), `seed ${seed}: first epoch whose losses differ`).toBeNull();
    expect(
      worstWeightDiff(engineParams, layers.params),
      `seed ${seed}: largest final weight difference`,
    ).toBeLessThanOrEqual(WEIGHT_ABS_TOL);
    // PReLU: the learned slopes too, which must have moved from their start (0) for the check to mean anything.
    const slopes = run.params.alpha;
    expect(slopes !== undefined, `seed ${seed}: slopes in the engine's readout`).toBe(layers.alphas.length === 1);
    if (slopes) {
      expect(
        slopes.some((a) => a !== 0),
        `seed ${seed}: the slopes moved`,
      ).toBe(true);
      slopes.forEach((a, i) =>
        expect(Math.abs(a - layers.alphas[0]![i]!), `seed ${seed}: slope ${i}`).toBeLessThanOrEqual(WEIGHT_ABS_TOL),
      );
    }
    pairs.push({ engineLosses: run.losses, layersLosses: layers.losses, engineParams, layersParams: layers.params });
  }
  expect(tf.memory().numTensors, 'tensors left behind').toBe(tensorsBefore);
  report(`one hidden layer, ${id}`, margins(pairs));
}
