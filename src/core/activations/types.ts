/**
 * The shape of one activation in the registry (`activations.ts`). Kept apart so that the engine, the plots and
 * the islands can import the types without the implementations. Tensor ops receive the tfjs-core namespace as
 * an argument, so the registry itself never imports tfjs at run time (the gallery ships no tfjs).
 */
import type * as tfc from '@tensorflow/tfjs-core';

/** Activations a hidden layer may use (everything but softmax, which is vector-valued). */
export const HIDDEN_ACTIVATION_IDS = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'swish',
  'elu',
  'gelu',
  'softplus',
  'mish',
  'step',
  'gaussian',
  'sine',
  'softsign',
  'prelu',
] as const;
export type HiddenActivationId = (typeof HIDDEN_ACTIVATION_IDS)[number];
/**
 * Activations with a slope learned per hidden neuron (Keras' PReLU layer): the slope αᵢ is a trained parameter of
 * the network (NetworkParams.alpha), not a setting, and an activation's scalar forms read it as params.alpha.
 */
export const LEARNED_SLOPE_IDS = ['prelu'] as const satisfies readonly HiddenActivationId[];
export function learnsSlopes(id: HiddenActivationId): boolean {
  return (LEARNED_SLOPE_IDS as readonly HiddenActivationId[]).includes(id);
}
/** The deep demo's choices: the deep engine trains no per-neuron slopes, so PReLU is a one-hidden-layer activation. */
export const DEEP_ACTIVATION_IDS = HIDDEN_ACTIVATION_IDS.filter((id) => !learnsSlopes(id));
/** The seed article's set, in its order. */
export const SEED_ACTIVATION_IDS = [
  'linear',
  'sigmoid',
  'tanh',
  'relu',
  'leaky_relu',
  'swish',
] as const satisfies readonly HiddenActivationId[];
export type ActivationId = HiddenActivationId | 'softmax';

export type ActivationParamName = 'alpha' | 'beta';
export type ActivationParams = Partial<Record<ActivationParamName, number>>;

export interface ActivationParamSpec {
  name: ActivationParamName;
  tex: string;
  default: number;
  min: number;
  max: number;
  step: number;
}

export interface LocalizedText {
  en: string;
  'zh-cn': string;
}

export interface ActivationFacts {
  /** Output range as [low, high]; ±Infinity where unbounded. */
  range: readonly [number, number];
  /** Whether each end of the range is attained (closed bracket); absent means open at both ends. */
  rangeAttained?: readonly [boolean, boolean];
  zeroCentred: boolean;
  monotonic: boolean;
  bounded: boolean;
  smooth: boolean;
  /** f′ → 0 as |x| grows on at least one side. */
  saturating: boolean;
  /** Where f′ → 0: on neither side, only for x → −∞, or on both sides. */
  saturatesOn: 'none' | 'negative' | 'both';
  /** A ReLU-style unit can get stuck with zero gradient on every input. */
  canDie: boolean;
  /**
   * f′ = 0 wherever it is defined (a step): no gradient ever reaches the weights and biases feeding this unit, so
   * they never move, whatever the data; only the layers after it learn.
   */
  zeroGradient: boolean;
  /** f has no jump; false for a step, whose kink is a jump of f itself (plots draw it in pieces). */
  continuous: boolean;
  /** x positions where f is not differentiable (for finite-difference tests and plot markers). */
  kinks: readonly number[];
}

export type TfCore = typeof tfc;

export interface ScalarActivation {
  id: HiddenActivationId;
  name: LocalizedText;
  /** A short, language-neutral label for legends and buttons ("ReLU", "tanh"). */
  shortName?: string;
  /** One sentence on how it behaves. */
  summary: LocalizedText;
  tex: { f: string; fPrime: string };
  params: readonly ActivationParamSpec[];
  facts: ActivationFacts;
  f(x: number, params?: ActivationParams): number;
  fPrime(x: number, params?: ActivationParams): number;
  /** Elementwise f on a tensor, built from tfjs-core ops (the engine's forward pass). */
  tensor(tf: TfCore, x: tfc.Tensor, params?: ActivationParams): tfc.Tensor;
  /** Elementwise f′ on a tensor (the engine's hand-derived backward pass). */
  tensorPrime(tf: TfCore, x: tfc.Tensor, params?: ActivationParams): tfc.Tensor;
}
