/**
 * The engine's one tensor program: S networks of L hidden Dense(H, φ) layers and a Dense(1) output, trained with
 * MSE and Keras' Adam, every step written in TF.js ops and batched over the networks (S = 1 for a lone run). The
 * one-hidden-layer trainer (shallow-trainer.ts) and the deep trainer (deep-trainer.ts) are two uses of it.
 *
 * Gradients are derived by hand (backpropagation written as matMuls) rather than taken from tf.grads: for
 * networks this small each op's bookkeeping outweighs its arithmetic, and the tape adds ops and bookkeeping to
 * every step (`npm run bench` measures both forms). φ and φ′ are the registry's tensor forms, one definition each.
 *
 * Layout: the first layer's kernel and bias form one tensor [S, 2, H] (rows w, b) and its input carries a column
 * of ones ([S, B, 2]: x, 1), so one matMul computes w·x + b and one more its gradient. Later layers have a kernel
 * [S, fan_in, fan_out] and a bias [S, 1, fan_out]. Parameters, Adam's moments and the last gradient live in one
 * flat tensor, tensor by tensor (all networks' W₀b₀, then all their W₁, …): each parameter tensor is then a
 * contiguous slice, which the backends cut and join by plain copies, where a per-network layout would need
 * strided copies that cost more than the step's arithmetic at S = 1000. Readouts turn it into rows [S, P] in the
 * order W₀, b₀, W₁, b₁, …, so a network's row reads [w₁ | b₁ | w₂ | b₂] for one hidden layer.
 *
 * For a lone network (S = 1) every op is mostly bookkeeping, so the program spends as few ops as it can without
 * changing a single float32 result: the flat tensors are shaped [1, 1, n] and cut along their last axis, so a piece
 * that is already a row (a bias, the output kernel) needs no reshape; the output layer works on rows — its kernel
 * read as [S, 1, H], errors and targets as [S, 1, B] — so no reduction has to transpose first. Each product and sum
 * is still taken over the same numbers in the same order.
 *
 * PReLU (Keras' PReLU layer after a linear Dense) learns one slope αᵢ per hidden neuron. Its slopes are one more
 * parameter tensor [S, 1, H], last in the flat layout, so Adam treats them like any weight and a network's row
 * reads [w₁ | b₁ | w₂ | b₂ | α]: a = max(z, 0) + α⊙min(z, 0), ∂a/∂z = (z > 0 ? 1 : α), ∂L/∂αᵢ = Σ_batch δᵢ·min(zᵢ, 0).
 * Programs without PReLU have no such tensor, so their layout and every op they run are unchanged.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { ACTIVATIONS } from '../activations/registry';
import { learnsSlopes } from '../activations/types';
import { adamConstants, kerasAdam, type AdamConstants } from './adam';
import { kernels as K } from './kernels';
import type { ActivationGroup } from './mini-batch';
import { registryTf, tf } from './tf';

export interface ProgramOptions {
  /** Kernel shapes [fan_in, fan_out], hidden layers first, the output layer last; the first fan_in is 1. */
  shapes: ReadonlyArray<readonly [number, number]>;
  /** Rows sharing an activation, in row order; sizes sum to S. */
  groups: readonly ActivationGroup[];
  /** Per layer, kernel then bias, each row-major over [S, …] (the layer order of `shapes`). */
  initial: ReadonlyArray<{ kernel: Float32Array; bias: Float32Array }>;
  /** PReLU's starting slopes, row-major [S, H] (absent: all 0, Keras' alpha_initializer='zeros'). */
  alpha?: Float32Array;
  lr: number;
}

/** What one pass over a batch yields. Tensors belong to the caller's tidy scope. */
export interface Pass {
  /** Pre-activations of each hidden layer, [S, B, H]. */
  zs: tfc.Tensor[];
  /** ½·∂(Σ err²)/∂θ in the flat layout: the batch MSE's gradient is (2/B) times this. */
  halfGrad: tfc.Tensor;
  /** Σ err² per network, [S, 1, 1]. */
  squares: tfc.Tensor;
}

/** What a pass's forward half leaves for its backward half. Tensors belong to the caller's tidy scope. */
export interface Forward {
  /** The parameter tensors W₀b₀, W₁, b₁, … shaped as the ops take them. */
  params: tfc.Tensor[];
  /** Each layer's input: x1, then each hidden layer's activations (the last feeds the output layer). */
  inputs: tfc.Tensor[];
  /** Pre-activations of each hidden layer, [S, B, H]. */
  zs: tfc.Tensor[];
  /** out − y per network, [S, 1, B]. */
  err: tfc.Tensor;
  /** Σ err² per network, [S, 1, 1]. */
  squares: tfc.Tensor;
}

/** Inputs with the column of ones the first layer's bias needs: [S, B] values → [S, B, 2] rows (x, 1). */
export function inputWithOnes(x: ArrayLike<number>, networks: number, batch: number): tfc.Tensor {
  const values = new Float32Array(2 * networks * batch).fill(1);
  for (let i = 0; i < networks * batch; i++) values[2 * i] = x[i]!;
  return tf.tensor3d(values, [networks, batch, 2]);
}

/** Targets as the program takes them: [S, B] values → one row per network, [S, 1, B]. */
export function targetRows(y: Float32Array, networks: number, batch: number): tfc.Tensor {
  return tf.tensor3d(y, [networks, 1, batch]);
}

/** One step's tensors from batchValues' array: x1 [S, B, 2] and y [S, 1, B], both views of that one array. */
export function batchTensors(values: Float32Array, networks: number, batch: number): { x1: tfc.Tensor; y: tfc.Tensor } {
  const cells = networks * batch;
  return {
    x1: tf.tensor3d(values.subarray(0, 2 * cells), [networks, batch, 2]),
    y: targetRows(values.subarray(2 * cells), networks, batch),
  };
}

/** t as `shape`, reshaped only if it is not already (a reshape is an op of its own). */
function shaped(t: tfc.Tensor, shape: number[]): tfc.Tensor {
  return t.shape.length === shape.length && t.shape.every((d, i) => d === shape[i]) ? t : K.reshape(t, shape);
}

export class NetworkProgram {
  readonly size: number;
  readonly layers: number;
  /** Every network's parameters, flat, tensor by tensor (see the header). */
  private flat: tfc.Tensor;
  private m: tfc.Tensor;
  private v: tfc.Tensor;
  /** ½·∂(Σ err²)/∂θ of the last step and that step's batch size. */
  private lastHalfGrad: tfc.Tensor | null = null;
  private lastBatch = 0;
  private readonly groups: readonly ActivationGroup[];
  /** Adam's constants per batch size: they absorb the gradient's factor 2/B. */
  private readonly constants = new Map<number, AdamConstants>();
  private readonly lr: number;
  /** Shapes of the parameter tensors (W₀b₀, W₁, b₁, …) and their widths in the flat layout. */
  private readonly paramShapes: [number, number, number][];
  private readonly paramWidths: number[];
  private updates = 0;
  /** Whether the hidden layer's slopes are learned (PReLU): then the flat layout ends with α [S, 1, H]. */
  readonly learnsSlopes: boolean;

  constructor(options: ProgramOptions) {
    const { shapes, groups, initial } = options;
    if (shapes[0]?.[0] !== 1) throw new RangeError('The first layer takes one input');
    this.size = groups.reduce((acc, g) => acc + g.size, 0);
    this.layers = shapes.length - 1;
    this.groups = groups;
    this.lr = options.lr;
    const S = this.size;
    const H0 = shapes[0][1];
    this.paramShapes = [[S, 2, H0]];
    for (const [fanIn, fanOut] of shapes.slice(1)) this.paramShapes.push([S, fanIn, fanOut], [S, 1, fanOut]);
    // The output kernel [S, H, 1] is read as the row [S, 1, H] (the same numbers in the same order).
    const last = this.paramShapes.length - 2;
    this.paramShapes[last] = [S, 1, this.paramShapes[last]![1]];
    this.learnsSlopes = groups.some((g) => learnsSlopes(g.activation));
    if (this.learnsSlopes && (groups.length !== 1 || this.layers !== 1))
      throw new RangeError('Learned slopes (PReLU) are trained in one hidden layer of networks of that one activation');
    if (!this.learnsSlopes && options.alpha) throw new RangeError('Only PReLU networks have slopes');
    if (this.learnsSlopes) this.paramShapes.push([S, 1, H0]);
    this.paramWidths = this.paramShapes.map(([, r, c]) => r * c);
    // The first layer's kernel and bias interleave per network as rows (w, b); later tensors are taken as given.
    const first = initial[0]!;
    const w0b0 = new Float32Array(2 * S * H0);
    for (let row = 0; row < S; row++) {
      w0b0.set(first.kernel.subarray(row * H0, (row + 1) * H0), 2 * row * H0);
      w0b0.set(first.bias.subarray(row * H0, (row + 1) * H0), (2 * row + 1) * H0);
    }
    const blocks = [w0b0, ...initial.slice(1).flatMap(({ kernel, bias }) => [kernel, bias])];
    if (this.learnsSlopes) blocks.push(options.alpha ?? new Float32Array(S * H0));
    blocks.forEach((b, j) => {
      if (b.length !== S * this.paramWidths[j]!) throw new RangeError('Initial weights do not match the network shape');
    });
    const values = new Float32Array(blocks.reduce((acc, b) => acc + b.length, 0));
    let at = 0;
    for (const b of blocks) {
      values.set(b, at);
      at += b.length;
    }
    this.flat = tf.tensor3d(values, [1, 1, values.length]);
    this.m = tf.zeros(this.flat.shape);
    this.v = tf.zeros(this.flat.shape);
  }

  /** Each network's parameters as a row of [S, P] (a new tensor): W₀, b₀, W₁, b₁, … each row-major. */
  parameters(): tfc.Tensor {
    return this.rows(this.flat);
  }

  /** The flat tensor-by-tensor layout as rows [S, P]. */
  private rows(flat: tfc.Tensor): tfc.Tensor {
    const S = this.size;
    return tf.tidy(() =>
      tf.concat(
        this.pieces(flat).map((p, j) => tf.reshape(p, [S, this.paramWidths[j]!])),
        1,
      ),
    );
  }

  /** The flat tensor [1, 1, n] cut into its parameter tensors, each still [1, 1, S·width]. */
  private pieces(flat: tfc.Tensor): tfc.Tensor[] {
    return K.split(
      flat,
      this.paramWidths.map((w) => w * this.size),
      2,
    );
  }

  /** Widths of W₀, b₀, W₁, b₁, … (then α for PReLU) in the flat layout. */
  get widths(): number[] {
    return [this.paramWidths[0]! / 2, this.paramWidths[0]! / 2, ...this.paramWidths.slice(1)];
  }

  /** The gradient of the last step's batch MSE as rows [S, P] (a new tensor), or null before the first step. */
  lastGradient(): tfc.Tensor | null {
    const half = this.lastHalfGrad;
    return half ? tf.tidy(() => this.rows(tf.mul(half, tf.scalar(2 / this.lastBatch)))) : null;
  }

  private activate(z: tfc.Tensor, prime: boolean): tfc.Tensor {
    const apply = (g: ActivationGroup, t: tfc.Tensor) => {
      const a = ACTIVATIONS[g.activation];
      return prime ? a.tensorPrime(registryTf, t, g.params) : a.tensor(registryTf, t, g.params);
    };
    if (this.groups.length === 1) return apply(this.groups[0]!, z);
    const parts = K.split(
      z,
      this.groups.map((g) => g.size),
      0,
    );
    return K.concat(
      parts.map((p, i) => apply(this.groups[i]!, p)),
      0,
    );
  }

  /**
   * Forward and backward on inputs x1 [S, B, 2] (rows x, 1; see inputWithOnes) with targets y [S, 1, B] (see
   * targetRows). Call inside a tidy.
   */
  pass(x1: tfc.Tensor, y: tfc.Tensor): Pass {
    const f = this.forward(x1, y);
    return { zs: f.zs, halfGrad: this.backward(f), squares: f.squares };
  }

  /** The forward half of a pass (see pass); backward() finishes it. Call inside a tidy. */
  forward(x1: tfc.Tensor, y: tfc.Tensor): Forward {
    const L = this.layers;
    const params = this.pieces(this.flat).map((p, j) => shaped(p, this.paramShapes[j]!));
    const zs: tfc.Tensor[] = [];
    const inputs: tfc.Tensor[] = [x1];
    for (let l = 0; l < L; l++) {
      const a = inputs[l]!;
      const z = l === 0 ? K.matMul(a, params[0]!) : K.add(K.matMul(a, params[2 * l - 1]!), params[2 * l]!);
      zs.push(z);
      inputs.push(
        this.learnsSlopes ? K.add(tf.relu(z), K.mul(params[2 * L + 1]!, tf.minimum(z, 0))) : this.activate(z, false),
      );
    }
    // The output layer on rows: out [S, 1, B] = w [S, 1, H] · aᵀ, so err is a row like y.
    const err = K.sub(K.add(K.matMul(params[2 * L - 1]!, inputs[L]!, false, true), params[2 * L]!), y);
    return { params, inputs, zs, err, squares: K.matMul(err, err, false, true) };
  }

  /** The backward half of a pass: ½·∂(Σ err²)/∂θ in the flat layout. Call inside a tidy. */
  backward(f: Forward): tfc.Tensor {
    const L = this.layers;
    const { params: P, inputs, zs, err } = f;
    const w = P[2 * L - 1]!;
    // Backpropagate δ = err (half of ∂Σerr²/∂out); grads[j] pairs with P[j].
    const grads = new Array<tfc.Tensor>(P.length);
    // aᵀ · errᵀ rather than err · a: the transposed form keeps the WebAssembly backend on one matMul routine for every
    // S (its other routine, for a lone network without transposes, sums a long batch in another order).
    grads[2 * L - 1] = K.matMul(inputs[L]!, err, true, true);
    grads[2 * L] = K.sum(err, 2, true);
    const upstream = K.matMul(err, w, true, false);
    let delta: tfc.Tensor;
    if (this.learnsSlopes) {
      // One hidden layer (checked in the constructor): z = zs[0], α = P[2L + 1]; step is 1 where z > 0, else 0.
      const z = zs[0]!;
      const alpha = P[2 * L + 1]!;
      grads[2 * L + 1] = K.sum(K.mul(upstream, tf.minimum(z, 0)), 1, true);
      const positive = tf.step(z, 0);
      delta = K.mul(upstream, K.add(positive, K.mul(alpha, K.sub(tf.onesLike(positive), positive))));
    } else {
      delta = K.mul(upstream, this.activate(zs[L - 1]!, true));
    }
    for (let l = L - 1; l >= 1; l--) {
      grads[2 * l - 1] = K.matMul(inputs[l]!, delta, true, false);
      grads[2 * l] = K.sum(delta, 1, true);
      delta = K.mul(K.matMul(delta, P[2 * l - 1]!, false, true), this.activate(zs[l - 1]!, true));
    }
    grads[0] = K.matMul(inputs[0]!, delta, true, false);
    return K.concat(
      grads.map((g) => shaped(g, [1, 1, g.size])),
      2,
    );
  }

  /** ½·∂(Σ err²)/∂θ of a pass as rows [S, P]. Call inside a tidy. */
  gradientRows(halfGrad: tfc.Tensor): tfc.Tensor {
    return this.rows(halfGrad);
  }

  private constantsFor(batch: number): AdamConstants {
    let c = this.constants.get(batch);
    if (!c) {
      c = adamConstants(2 / batch);
      this.constants.set(batch, c);
    }
    return c;
  }

  /**
   * One Adam step on the batch x1 [S, B, 2], y [S, 1, B]; returns Σ err² per network [S, 1, 1]. Call inside a
   * tidy (one scope per step); the new state is kept.
   */
  step(x1: tfc.Tensor, y: tfc.Tensor): tfc.Tensor {
    const batch = x1.shape[1]!;
    this.updates++;
    const previous = { params: this.flat, m: this.m, v: this.v };
    const { halfGrad, squares } = this.pass(x1, y);
    const next = { ...kerasAdam(previous, halfGrad, this.lr, this.updates, this.constantsFor(batch)), halfGrad };
    for (const t of [previous.params, previous.m, previous.v]) t.dispose();
    this.lastHalfGrad?.dispose();
    // Kept: the state outlives any tidy scope the caller runs this step in.
    this.flat = tf.keep(next.params);
    this.m = tf.keep(next.m);
    this.v = tf.keep(next.v);
    this.lastHalfGrad = tf.keep(next.halfGrad);
    this.lastBatch = batch;
    return squares;
  }

  dispose(): void {
    for (const t of [this.flat, this.m, this.v]) t.dispose();
    this.lastHalfGrad?.dispose();
    this.lastHalfGrad = null;
    for (const c of this.constants.values()) c.dispose();
    this.constants.clear();
  }
}
