/**
 * Types of the deep-stack demo ("vanishing gradients, live"): L hidden layers of width H, each Dense(H, φ), then
 * Dense(1, linear), trained with MSE and Keras' Adam. Shared by the settings, the deep engine, the worker protocol
 * and the island, so the seam between them is typed once.
 */
import type { ActivationParams, HiddenActivationId } from '../activations/types';
import type { Dataset, RunStatus } from './types';

export const MIN_LAYERS = 1;
export const MAX_LAYERS = 8;
export const MIN_WIDTH = 1;
export const MAX_WIDTH = 32;

export interface DeepActivation {
  activation: HiddenActivationId;
  activationParams?: ActivationParams;
}

/** One deep run: several activations side by side, all from the same seed (hence the same initial weights). */
export interface DeepConfig {
  layers: number; // 1–8 hidden layers
  width: number; // 1–32 units per hidden layer
  lr: number;
  epochs: number;
  batchSize: number;
  seed: number;
  networks: DeepActivation[];
}

/**
 * Weights of one deep network in Keras' layout. kernels[l] is layer l's kernel, row-major [fan_in, fan_out]
 * (layer 0: [1, H]; hidden layers: [H, H]; the last entry is the output layer's [H, 1]); biases likewise.
 */
export interface DeepParams {
  kernels: number[][];
  biases: number[][];
}

/** Pre-activation histograms share one fixed range, so epochs and activations compare bin for bin. */
export const PREACT_RANGE: readonly [number, number] = [-8, 8];
export const PREACT_BINS = 32;
/** Quantiles reported per layer (min, 10 %, quartiles, 90 %, max). */
export const PREACT_QUANTILES = [0, 0.1, 0.25, 0.5, 0.75, 0.9, 1] as const;

/** What a snapshot says about one layer (hidden layers 1…L; the output layer has gradients only). */
export interface DeepLayerStats {
  /** ‖∂L/∂W‖ (Frobenius) of the MSE over all training points, at the snapshot's weights. */
  gradW: number;
  /** ‖∂L/∂b‖ (Euclidean). */
  gradB: number;
  /** Counts of the layer's pre-activations z over (training point, unit), in PREACT_BINS bins over PREACT_RANGE;
   *  values outside the range are counted in the end bins. */
  hist: number[];
  /** Quantiles of z at PREACT_QUANTILES. */
  quantiles: number[];
  /** Share of units that are dead: a ReLU-style unit with z ≤ 0 on every training input. */
  dead: number;
  /** Share of units that are saturated (analysis.ts's rule: |φ′(z)| < 0.1 on most inputs, saturating φ). */
  saturated: number;
}

export interface DeepNetworkSnapshot {
  /** Keras-style loss of the last completed epoch (NaN before the first). */
  loss: number;
  /** Hidden layers, input side first. */
  layers: DeepLayerStats[];
  /** The output layer's gradient norms. */
  output: { gradW: number; gradB: number };
}

/** One report of a deep run: a snapshot per network and every epoch loss since the previous report. */
export interface DeepUpdate {
  epoch: number;
  networks: DeepNetworkSnapshot[];
  /** losses[s] = epoch losses of network s since the previous update. */
  losses: number[][];
  divergedAt: (number | null)[];
}

export interface DeepRunRequest {
  config: DeepConfig;
  data: Dataset;
  /** Snapshot every k epochs (k ≥ 1). */
  snapshotEvery: number;
  /** Start from these weights (tests) instead of the seed's glorot draw. */
  initial?: readonly DeepParams[];
}

export interface DeepStatusInfo {
  epoch: number;
  divergedAt?: number;
  message?: string;
}

/** A deep run goes through every state of one network's run. */
export type DeepStatus = RunStatus;
