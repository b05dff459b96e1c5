/** Shared by the engine tests: the wasm backend (the browser default) and small config helpers. */
import * as tf from '@tensorflow/tfjs-core';
import { useBackend, type BackendName } from '../../../src/core/engine/backend';
import type { HiddenActivationId } from '../../../src/core/activations/types';
import type { TrainConfig } from '../../../src/core/train/types';

// tfjs prints a banner about tfjs-node in Node; it is noise in test output.
tf.env().set('IS_TEST', true);

export async function engineBackend(name: BackendName = 'wasm'): Promise<void> {
  await useBackend(name);
}

export function config(
  activation: HiddenActivationId,
  seed: number,
  overrides: Partial<TrainConfig> = {},
): TrainConfig {
  return { activation, activationParams: {}, hidden: 2, lr: 0.04, epochs: 300, batchSize: 32, seed, ...overrides };
}
