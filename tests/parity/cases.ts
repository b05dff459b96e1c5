/**
 * What the parity tests train, in one place, so that the recorder (record.ts) and the tests build exactly the same
 * tf.layers runs: the one-hidden-layer experiment (every activation with a tf.layers form × SEEDS) and the deep
 * stack (DEEP_ACTIVATIONS side by side × DEEP_SEEDS), each network's activation form, start and visiting order.
 */
import { LEAKY_RELU_DEFAULT_ALPHA } from '../../src/core/activations/registry';
import type { HiddenActivationId } from '../../src/core/activations/types';
import { deepInitialParams } from '../../src/core/train/deep-init';
import { initialParams } from '../../src/core/train/random';
import type { Dataset } from '../../src/core/train/types';
import { DEEP_BATCH, DEEP_DEFAULTS, DEEP_SEED } from '../../src/labs/deep/settings';
import { asLayers, type LayersActivation, type LayersNetwork, type LayersTraining } from './layers-model';

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

/** Every activation with a tf.layers form, in LAYERS_FORM's order (which fixes each one's live seed). */
export const LAYERS_IDS = Object.keys(LAYERS_FORM) as HiddenActivationId[];

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

/**
 * The seed whose tf.layers run an activation retrains live each time the tests run: the seeds taken in turn along
 * LAYERS_IDS (12 activations over 5 seeds), so every seed is retrained live for two or three activations.
 */
export function liveSeed(id: HiddenActivationId): number {
  const index = LAYERS_IDS.indexOf(id);
  if (index < 0) throw new Error(`${id} has no tf.layers form`);
  return SEEDS[index % SEEDS.length]!;
}

export function oneHiddenTraining(data: Dataset): LayersTraining {
  return { layers: 1, width: HIDDEN, data, epochs: EPOCHS, lr: LR, batchSize: BATCH };
}

/** One network of the one-hidden-layer experiment: the engine's default start for `seed`, visited in its order. */
export function oneHiddenNetwork(id: HiddenActivationId, seed: number): LayersNetwork {
  return { activation: layersForm(id), initial: asLayers(initialParams(seed, HIDDEN)), seed };
}

/**
 * The deep stack: the deep demo's shape, learning rate, epochs and activations (DEEP_DEFAULTS: lr 0.01, 200 epochs;
 * cheaper than 300 epochs at 0.04) and batch size; its seed and one more (each seed costs a few seconds of CPU on
 * the layers side). One seed means one shared start for every activation, as on the page.
 */
export const DEEP_LAYERS = 3;
export const DEEP_WIDTH = DEEP_DEFAULTS.width;
export const DEEP_SEEDS = [DEEP_SEED, 1];
export const DEEP_ACTIVATIONS: readonly HiddenActivationId[] = DEEP_DEFAULTS.activations;

/** The deep activations retrained live with `seed`: the seeds taken in turn along DEEP_ACTIVATIONS. */
export function deepLiveActivations(seed: number): HiddenActivationId[] {
  return DEEP_ACTIVATIONS.filter((_, i) => DEEP_SEEDS[i % DEEP_SEEDS.length] === seed);
}

export function deepTraining(data: Dataset): LayersTraining {
  return {
    layers: DEEP_LAYERS,
    width: DEEP_WIDTH,
    data,
    epochs: DEEP_DEFAULTS.epochs,
    lr: DEEP_DEFAULTS.lr,
    batchSize: DEEP_BATCH,
  };
}

export function deepNetwork(id: HiddenActivationId, seed: number): LayersNetwork {
  return { activation: layersForm(id), initial: deepInitialParams(seed, DEEP_LAYERS, DEEP_WIDTH), seed };
}
