/**
 * Adam in Keras' form, on flat parameter tensors.
 *
 * Keras (tf.keras 2's `ResourceApplyAdam`, Keras 3's `Adam.update_step`) folds the bias correction into the step
 * size and adds ε to √v (not to √v̂):
 *   lr_t = lr · √(1 − β2ᵗ) / (1 − β1ᵗ)
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²,   θ ← θ − lr_t · m / (√v + ε)
 * tfjs' own AdamOptimizer uses the paper's form (ε added to √v̂), which differs from Keras when v is tiny.
 * We implement Keras' form with Keras' defaults, set explicitly.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import type { TfCore } from '../activation-types';

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
 * Constant scalars, created once per trainer so that each step launches only the kernels it needs.
 * The engine computes the gradient up to a known factor k (2/B for a batch of B); Adam's moment updates absorb
 * it: (1 − β1)·g = ((1 − β1)·k)·ĝ and (1 − β2)·g² = ((1 − β2)·k²)·ĝ², so no kernel is spent rescaling.
 */
export interface AdamScalars {
  beta1: tfc.Scalar;
  gradWeight1: tfc.Scalar;
  beta2: tfc.Scalar;
  gradWeight2: tfc.Scalar;
  epsilon: tfc.Scalar;
}

export function gradientScaledScalars(tf: TfCore, gradientFactor: number): AdamScalars {
  return {
    beta1: tf.scalar(ADAM_BETA1),
    gradWeight1: tf.scalar((1 - ADAM_BETA1) * gradientFactor),
    beta2: tf.scalar(ADAM_BETA2),
    gradWeight2: tf.scalar((1 - ADAM_BETA2) * gradientFactor * gradientFactor),
    epsilon: tf.scalar(ADAM_EPSILON),
  };
}

/** One update with ĝ = grad (true gradient = gradientFactor · grad); returns new tensors. Call inside a tidy. */
export function adamUpdate(tf: TfCore, s: AdamState, grad: tfc.Tensor, stepSize: tfc.Scalar, c: AdamScalars): AdamState {
  const m = tf.add(tf.mul(s.m, c.beta1), tf.mul(grad, c.gradWeight1));
  const v = tf.add(tf.mul(s.v, c.beta2), tf.mul(tf.square(grad), c.gradWeight2));
  const params = tf.sub(s.params, tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), c.epsilon)));
  return { params, m, v };
}
