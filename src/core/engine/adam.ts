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
 * Two op forms of the same update, chosen by size. Where each op's bookkeeping outweighs its arithmetic (a lone
 * network has 7 parameters), the three linear updates are one matMul: the rows [m; v; g; g²] times a 3 × 4 matrix of
 * coefficients give [m; v; lr_t·m] at once (8 ops instead of 12). Where the arithmetic dominates (S = 1000), that
 * matMul is slower than elementwise ops on the WebAssembly backend, so large tensors take one op per term.
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

/** Up to this many values the matMul form is the faster one (measured on wasm: 42 against 54 µs at 7 values, 245
 * against 78 µs at 7000). */
export const ADAM_MATMUL_MAX = 256;

/**
 * Update t's coefficients, row-major [3, 4]: m' = β1·m + (1 − β1)·g, v' = β2·v + (1 − β2)·g², and lr_t·m'. The
 * engine's gradient is known up to a factor k (2/B for a batch of B), so g = k·ĝ and the coefficients absorb k:
 * (1 − β1)·k on ĝ and (1 − β2)·k² on ĝ², and no op is spent rescaling.
 */
export function adamCoefficients(lr: number, t: number, gradientFactor: number): Float32Array {
  const step = adamStepSize(lr, t);
  const g1 = (1 - ADAM_BETA1) * gradientFactor;
  const g2 = (1 - ADAM_BETA2) * gradientFactor * gradientFactor;
  return Float32Array.of(ADAM_BETA1, 0, g1, 0, 0, ADAM_BETA2, 0, g2, step * ADAM_BETA1, 0, step * g1, 0);
}

/** Keras' Adam for parameters of `size` values, shaped [1, 1, size]; holds its constant scalars until disposed. */
export class KerasAdam {
  private readonly matMulForm: boolean;
  private readonly scalars = new Map<number, tfc.Scalar>();

  constructor(
    private readonly lr: number,
    size: number,
  ) {
    this.matMulForm = size <= ADAM_MATMUL_MAX;
  }

  /** A constant scalar, made once; kept, as it may first be made inside a tidy. */
  private constant(value: number): tfc.Scalar {
    let c = this.scalars.get(value);
    if (!c) {
      c = tf.keep(tf.scalar(value));
      this.scalars.set(value, c);
    }
    return c;
  }

  /** Update t (from 1) with gradient gradientFactor·grad; returns new tensors. Call inside a tidy. */
  update(s: AdamState, grad: tfc.Tensor, t: number, gradientFactor: number): AdamState {
    const epsilon = this.constant(ADAM_EPSILON);
    if (this.matMulForm) {
      const coefficients = tf.tensor3d(adamCoefficients(this.lr, t, gradientFactor), [1, 3, 4]);
      const rows = tf.matMul(coefficients, tf.concat([s.m, s.v, grad, tf.square(grad)], 1));
      const [m, v, step] = tf.split(rows, 3, 1) as [tfc.Tensor, tfc.Tensor, tfc.Tensor];
      return { params: tf.sub(s.params, tf.div(step, tf.add(tf.sqrt(v), epsilon))), m, v };
    }
    const c = (v: number) => this.constant(v);
    const m = tf.add(tf.mul(s.m, c(ADAM_BETA1)), tf.mul(grad, c((1 - ADAM_BETA1) * gradientFactor)));
    const v = tf.add(tf.mul(s.v, c(ADAM_BETA2)), tf.mul(tf.square(grad), c((1 - ADAM_BETA2) * gradientFactor ** 2)));
    const step = tf.scalar(adamStepSize(this.lr, t));
    return { params: tf.sub(s.params, tf.div(tf.mul(m, step), tf.add(tf.sqrt(v), epsilon))), m, v };
  }

  dispose(): void {
    for (const c of this.scalars.values()) c.dispose();
    this.scalars.clear();
  }
}
