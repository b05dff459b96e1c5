/**
 * Adam in Keras' form, as TF.js ops: the engine's one optimizer.
 *
 * Keras (tf.keras 2's `ResourceApplyAdam`, Keras 3's `Adam.update_step`) folds the bias correction into the step
 * size and adds ε to √v (not to √v̂):
 *   lr_t = lr · √(1 − β2ᵗ) / (1 − β1ᵗ)
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²,   θ ← θ − lr_t · m / (√v + ε)
 * tfjs' own AdamOptimizer uses the paper's form (ε added to √v̂), which differs from Keras when v is tiny, so the
 * engine writes Keras' form with Keras' defaults, set explicitly.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { kernels as K } from './kernels';
import { tf } from './tf';

export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-7;

/** The step size of update t (t counts from 1). */
export function adamStepSize(lr: number, t: number): number {
  return (lr * Math.sqrt(1 - ADAM_BETA2 ** t)) / (1 - ADAM_BETA1 ** t);
}

export interface AdamState {
  params: tfc.Tensor;
  m: tfc.Tensor;
  v: tfc.Tensor;
}

/**
 * Adam's constant scalars, made once per trainer so a step uploads only its step size. The engine's gradient is
 * known up to a factor k (2/B for a batch of B); the moments absorb it, (1 − β1)·g = ((1 − β1)·k)·ĝ and
 * (1 − β2)·g² = ((1 − β2)·k²)·ĝ², so no op is spent rescaling.
 */
export interface AdamConstants {
  beta1: tfc.Scalar;
  gradWeight1: tfc.Scalar;
  beta2: tfc.Scalar;
  gradWeight2: tfc.Scalar;
  epsilon: tfc.Scalar;
  dispose(): void;
}

export function adamConstants(gradientFactor = 1): AdamConstants {
  // Kept: they live as long as their trainer, even when first made inside a tidy.
  const scalar = (v: number) => tf.keep(tf.scalar(v));
  const c = {
    beta1: scalar(ADAM_BETA1),
    gradWeight1: scalar((1 - ADAM_BETA1) * gradientFactor),
    beta2: scalar(ADAM_BETA2),
    gradWeight2: scalar((1 - ADAM_BETA2) * gradientFactor * gradientFactor),
    epsilon: scalar(ADAM_EPSILON),
  };
  return { ...c, dispose: () => Object.values(c).forEach((t) => t.dispose()) };
}

/** Update t (from 1) with gradient gradientFactor·grad (see adamConstants); returns new tensors. Call inside a tidy. */
export function kerasAdam(s: AdamState, grad: tfc.Tensor, lr: number, t: number, c: AdamConstants): AdamState {
  const m = K.add(K.mul(s.m, c.beta1), K.mul(grad, c.gradWeight1));
  const v = K.add(K.mul(s.v, c.beta2), K.mul(K.square(grad), c.gradWeight2));
  const params = K.sub(s.params, K.div(K.mul(m, tf.scalar(adamStepSize(lr, t))), K.add(K.sqrt(v), c.epsilon)));
  return { params, m, v };
}
