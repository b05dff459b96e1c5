/** Types shared by the settings (URL/controls), the engine, the worker protocol and the islands. */
import type { ActivationParams, HiddenActivationId } from '../activations/types';
import type { InitSpec } from './init-schemes';

/** What one training run needs besides its data. Defaults are the seed experiment's (see `core/settings/fit-lab.ts`). */
export interface TrainConfig {
  activation: HiddenActivationId;
  activationParams: ActivationParams;
  hidden: number; // 1–32
  lr: number;
  epochs: number;
  batchSize: number;
  seed: number; // non-negative integer
  /** How the seed's initial weights are drawn (init-schemes.ts); absent = Keras' defaults (glorot-uniform, zero biases). */
  init?: InitSpec;
}

/** Training points; x and y have the same length. */
export interface Dataset {
  x: readonly number[];
  y: readonly number[];
}

/** Dense(H, φ) → Dense(1, linear) parameters, as plain numbers (Keras' layout: w1 = kernel of layer 1, etc.). */
export interface NetworkParams {
  w1: number[];
  b1: number[];
  w2: number[];
  b2: number;
  /** PReLU only: each hidden neuron's learned negative-side slope αᵢ (Keras' PReLU alpha); absent for every other activation. */
  alpha?: number[];
}

/**
 * The one vocabulary for the state of anything the labs train (one network, a batch of seeds, a sweep of sizes);
 * each run reaches only some of these, named by an Extract of this type. Pages show it in data-status.
 */
export type RunStatus = 'idle' | 'loading' | 'training' | 'paused' | 'done' | 'diverged' | 'cancelled' | 'error';

/** What the engine streams to the caller every k epochs. */
export interface Snapshot {
  epoch: number; // epochs completed
  loss: number; // Keras-style epoch loss (batch-size-weighted mean of the batch losses)
  params: NetworkParams;
  /** |∂L/∂w1ᵢ| + |∂L/∂b1ᵢ| + |∂L/∂w2ᵢ| (+ |∂L/∂αᵢ| for PReLU) from the last step, per hidden neuron. */
  gradNorm: number[];
  /** Per hidden neuron: dead (ReLU: pre-activation ≤ 0 on every training input). */
  dead: boolean[];
}
