/**
 * Adam in Keras' form, as TF.js ops: the engine's one optimizer.
 *
 * Keras (tf.keras 2's `ResourceApplyAdam`, Keras 3's `Adam.update_step`) folds the bias correction into the step
 * size and adds ε to √v (not to √v̂):
 *   lr_t = lr · √(1 − β2ᵗ) / (1 − β1ᵗ)
 *   m ← β1·m + (1 − β1)·g,   v ← β2·v + (1 − β2)·g²,   θ ← θ − lr_t · m / (√v + ε)
 * tfjs' own AdamOptimizer uses the paper's form (ε added to √v̂), which differs from Keras when v is tiny, so the
 * engine writes Keras' form with Keras' defaults, set explicitly.
 *
 * The three linear updates are one matMul: the rows [m; v; g; g²] times a 3 × 4 matrix of coefficients give
 * [m; v; lr_t·m] at once. For tensors this small each op's bookkeeping outweighs its arithmetic, so this form
 * (8 ops) is faster than one op per multiplication and addition (12).
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { tf } from './tf';

export const ADAM_BETA1 = 0.9;
export const ADAM_BETA2 = 0.999;
export const ADAM_EPSILON = 1e-7;

/** The step size of update t (t counts from 1). */
export function adamStepSize(lr: number, t: number): number {
  return (lr * Math.sqrt(1 - ADAM_BETA2 ** t)) / (1 - ADAM_BETA1 ** t);
}

/** Parameters and moments, each [1, 1, P]. */
export interface AdamState {
  params: tfc.Tensor;
  m: tfc.Tensor;
  v: tfc.Tensor;
}

/** Values of one update's coefficient matrix (see adamCoefficients). */
export const ADAM_COEFFICIENTS = 12;

/**
 * Update t's coefficients, row-major [3, 4], into `out` at `offset`: m' = β1·m + (1 − β1)·g, v' = β2·v + (1 − β2)·g²,
 * and lr_t·m'. The engine's gradient is known up to a factor k (2/B for a batch of B), so g = k·ĝ and the
 * coefficients absorb k: (1 − β1)·k on ĝ and (1 − β2)·k² on ĝ², and no op is spent rescaling.
 */
export function adamCoefficients(lr: number, t: number, gradientFactor: number, out: Float32Array, offset = 0): void {
  const step = adamStepSize(lr, t);
  const g1 = (1 - ADAM_BETA1) * gradientFactor;
  const g2 = (1 - ADAM_BETA2) * gradientFactor * gradientFactor;
  out.set([ADAM_BETA1, 0, g1, 0, 0, ADAM_BETA2, 0, g2, step * ADAM_BETA1, 0, step * g1, 0], offset);
}

/**
 * One update with gradient ĝ [1, 1, P] and coefficients [1, 3, 4] (adamCoefficients); ε a scalar tensor holding
 * ADAM_EPSILON. Returns new tensors; call inside a tidy.
 */
export function kerasAdam(s: AdamState, grad: tfc.Tensor, coefficients: tfc.Tensor, epsilon: tfc.Tensor): AdamState {
  const rows = tf.matMul(coefficients, tf.concat([s.m, s.v, grad, tf.square(grad)], 1));
  const [m, v, step] = tf.split(rows, 3, 1) as [tfc.Tensor, tfc.Tensor, tfc.Tensor];
  return { params: tf.sub(s.params, tf.div(step, tf.add(tf.sqrt(v), epsilon))), m, v };
}
