/**
 * Trains S deep networks side by side — L hidden layers Dense(H, φₛ), then Dense(1, linear), MSE, Keras' Adam —
 * as one tensor program with hand-derived backpropagation. The S networks differ only in their activation: they
 * share the seed, hence the initial weights (deep-stats.ts) and the shuffles, so what differs is what φ does.
 *
 * Layout: per layer l (l = L is the output layer) a kernel [S, fan_in, fan_out] and a bias [S, 1, fan_out], in the
 * order W₀, b₀, W₁, b₁, …, W_L, b_L; Adam's moments m, v [S, Σ sizes] in the same order, which is exactly the
 * fused Keras-Adam kernel's contract (fused-adam.ts), so each step is one kernel launch for the update.
 * Keras' defaults, explicit: glorot-uniform kernels (each layer its own fan_in/fan_out), zero biases, batch 32 with
 * a fresh shuffle per epoch (ShuffleStream), Adam β₁ 0.9, β₂ 0.999, ε 1e-7 in Keras' form. With L = 1 this is the
 * same network, data order and optimizer as BatchTrainer, and a unit test holds the two together.
 *
 * Snapshots (`read`) probe the network on all training points at once, without updating it: the exact gradient
 * of the full-data MSE per layer and every pre-activation, which become the per-layer statistics the demo draws.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { sum } from '@tensorflow/tfjs-core';
import { ACTIVATIONS } from '../activations';
import { assertDeepTrainable, deepInitialParams, kernelShapes, layerStats, norm } from '../deep-stats';
import type { DeepConfig, DeepParams, DeepUpdate } from '../deep-types';
import { ShuffleStream } from '../random';
import type { Dataset, TrainConfig } from '../train-types';
import { ADAM_BETA1, ADAM_BETA2, adamStepSize } from './adam';
import { batchSizesFor, groupByActivation, type ActivationGroup } from './batch-data';
import { DIVERGENCE_FACTOR } from './batch-trainer';
import { ensureFusedAdam, fusedAdam } from './fused-adam';
import { registryTf, tf } from './tf';

export interface DeepTrainerOptions {
  config: DeepConfig;
  data: Dataset;
  /** Start from these weights (one per network) instead of the seed's draw. */
  initial?: readonly DeepParams[];
}

interface Pass {
  zs: tfc.Tensor[];
  grads: tfc.Tensor[];
  sq: tfc.Tensor;
}

export class DeepTrainer {
  readonly size: number;
  readonly points: number;
  epoch = 0;
  private readonly config: DeepConfig;
  private readonly groups: ActivationGroup[];
  /** order[row] = index in config.networks of the network at that row (rows grouped by activation). */
  private readonly order: number[];
  private readonly shuffles: ShuffleStream;
  private readonly batchSizes: number[];
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;
  private readonly probeX: tfc.Tensor;
  private readonly probeY: tfc.Tensor;
  private params: tfc.Tensor[];
  private m: tfc.Tensor;
  private v: tfc.Tensor;
  private updates = 0;
  private pendingLosses: number[][];
  private lastLoss: number[];
  private readonly divergedAt: (number | null)[];
  private readonly lossLimit: number;
  private disposed = false;

  constructor(options: DeepTrainerOptions) {
    const { config, data } = options;
    assertDeepTrainable(config);
    if (data.x.length !== data.y.length || data.x.length === 0) throw new RangeError('x and y must be non-empty and equally long');
    if (!ensureFusedAdam()) throw new Error('The training engine runs on the cpu or wasm backend only');
    this.config = config;
    this.size = config.networks.length;
    this.points = data.x.length;
    // groupByActivation reads only the activation fields; the rest of TrainConfig does not matter to it.
    const asConfigs = config.networks.map((n) => ({ activation: n.activation, activationParams: n.activationParams ?? {} }) as TrainConfig);
    ({ order: this.order, groups: this.groups } = groupByActivation(asConfigs));
    this.shuffles = new ShuffleStream(config.seed, this.points);
    this.batchSizes = batchSizesFor(this.points, config.batchSize);
    this.xs = Float32Array.from(data.x);
    this.ys = Float32Array.from(data.y);
    this.divergedAt = new Array<number | null>(this.size).fill(null);
    this.pendingLosses = config.networks.map(() => []);
    this.lastLoss = new Array<number>(this.size).fill(NaN);
    const meanSquare = data.y.reduce((acc, y) => acc + y * y, 0) / this.points;
    this.lossLimit = DIVERGENCE_FACTOR * Math.max(1, meanSquare);

    const S = this.size;
    const shapes = kernelShapes(config.layers, config.width);
    const seedParams = options.initial ? null : deepInitialParams(config.seed, config.layers, config.width);
    const perRow = this.order.map((i) => options.initial?.[i] ?? seedParams!);
    this.params = shapes.flatMap(([fanIn, fanOut], l) => {
      const w = new Float32Array(S * fanIn * fanOut);
      const b = new Float32Array(S * fanOut);
      perRow.forEach((p, row) => {
        const kernel = p.kernels[l];
        const bias = p.biases[l];
        if (kernel?.length !== fanIn * fanOut || bias?.length !== fanOut) throw new RangeError('Initial weights do not match the network shape');
        w.set(kernel, row * fanIn * fanOut);
        b.set(bias, row * fanOut);
      });
      return [tf.tensor3d(w, [S, fanIn, fanOut]), tf.tensor3d(b, [S, 1, fanOut])];
    });
    const total = shapes.reduce((acc, [fanIn, fanOut]) => acc + fanIn * fanOut + fanOut, 0);
    this.m = tf.zeros([S, total]);
    this.v = tf.zeros([S, total]);
    const tile = (values: Float32Array) => {
      const out = new Float32Array(S * values.length);
      for (let row = 0; row < S; row++) out.set(values, row * values.length);
      return tf.tensor3d(out, [S, values.length, 1]);
    };
    this.probeX = tile(this.xs);
    this.probeY = tile(this.ys);
  }

  get finished(): boolean {
    return this.epoch >= this.config.epochs || this.divergedAt.some((d) => d !== null);
  }

  /** Run n more epochs (fewer if the run ends or diverges). */
  runEpochs(n: number): void {
    this.assertLive();
    for (let i = 0; i < n && !this.finished; i++) this.runEpoch();
  }

  private runEpoch(): void {
    const perm = this.shuffles.next();
    const stepLosses: tfc.Tensor[] = [];
    let offset = 0;
    for (const batch of this.batchSizes) {
      stepLosses.push(this.step(perm, offset, batch));
      offset += batch;
    }
    const totals = tf.tidy(() => tf.concat(stepLosses, 1));
    const values = totals.dataSync();
    totals.dispose();
    for (const t of stepLosses) t.dispose();
    this.epoch++;
    const steps = this.batchSizes.length;
    this.order.forEach((i, row) => {
      let s = 0;
      for (let k = 0; k < steps; k++) s += values[row * steps + k]!;
      const loss = s / this.points; // Keras' epoch loss: batch-size-weighted mean of the batch losses
      this.pendingLosses[i]!.push(loss);
      this.lastLoss[i] = loss;
      if (this.divergedAt[i] === null && !(loss <= this.lossLimit)) this.divergedAt[i] = this.epoch; // also NaN
    });
  }

  private activate(z: tfc.Tensor, prime: boolean): tfc.Tensor {
    const apply = (g: ActivationGroup, t: tfc.Tensor) => {
      const a = ACTIVATIONS[g.activation];
      return prime ? a.tensorPrime(registryTf, t, g.params) : a.tensor(registryTf, t, g.params);
    };
    if (this.groups.length === 1) return apply(this.groups[0]!, z);
    const parts = tf.split(z, this.groups.map((g) => g.size), 0);
    return tf.concat(parts.map((p, i) => apply(this.groups[i]!, p)), 0);
  }

  /**
   * Forward and backward on inputs x [S, B, 1] with targets y: the pre-activations, the gradients ĝ = ∂(½ Σ err²)/∂θ
   * in the params' order (the batch MSE's gradient is (2/B)·ĝ), and Σ err² [S, 1, 1]. Call inside a tidy.
   */
  private pass(x: tfc.Tensor, y: tfc.Tensor): Pass {
    const L = this.config.layers;
    const P = this.params;
    const zs: tfc.Tensor[] = [];
    const acts: tfc.Tensor[] = [x];
    let a = x;
    for (let l = 0; l < L; l++) {
      const z = tf.add(tf.matMul(a, P[2 * l]!), P[2 * l + 1]!); // [S, B, H]
      zs.push(z);
      a = this.activate(z, false);
      acts.push(a);
    }
    const err = tf.sub(tf.add(tf.matMul(a, P[2 * L]!), P[2 * L + 1]!), y); // [S, B, 1]
    const sq = tf.matMul(err, err, true, false);
    const grads = new Array<tfc.Tensor>(2 * L + 2);
    grads[2 * L] = tf.matMul(acts[L]!, err, true, false); // [S, H, 1]
    grads[2 * L + 1] = sum(err, 1, true); // [S, 1, 1]
    let dA = tf.matMul(err, P[2 * L]!, false, true); // [S, B, H]
    for (let l = L - 1; l >= 0; l--) {
      const dZ = tf.mul(dA, this.activate(zs[l]!, true));
      grads[2 * l] = tf.matMul(acts[l]!, dZ, true, false); // [S, fan_in, H]
      grads[2 * l + 1] = sum(dZ, 1, true); // [S, 1, H]
      if (l > 0) dA = tf.matMul(dZ, P[2 * l]!, false, true);
    }
    return { zs, grads, sq };
  }

  /** One Adam step on the batch at `offset` of this epoch's order; returns Σ err² [S, 1, 1]. */
  private step(perm: Int32Array, offset: number, batch: number): tfc.Tensor {
    const S = this.size;
    const xb = new Float32Array(S * batch);
    const yb = new Float32Array(S * batch);
    for (let k = 0; k < batch; k++) {
      const idx = perm[offset + k]!;
      xb[k] = this.xs[idx]!;
      yb[k] = this.ys[idx]!;
    }
    for (let row = 1; row < S; row++) {
      xb.copyWithin(row * batch, 0, batch);
      yb.copyWithin(row * batch, 0, batch);
    }
    this.updates++;
    const previous = { params: this.params, m: this.m, v: this.v };
    const next = tf.tidy(() => {
      const x = tf.tensor3d(xb, [S, batch, 1]);
      const y = tf.tensor3d(yb, [S, batch, 1]);
      const { grads, sq } = this.pass(x, y);
      // The true gradient of the batch MSE is (2/B)·grads; Adam's moment weights absorb the factor (adam.ts).
      const k = 2 / batch;
      const updated = fusedAdam(previous.params, grads, previous, {
        stepSize: adamStepSize(this.config.lr, this.updates),
        gradWeight1: (1 - ADAM_BETA1) * k,
        gradWeight2: (1 - ADAM_BETA2) * k * k,
      });
      return { ...updated, sq };
    });
    for (const t of [...previous.params, previous.m, previous.v]) t.dispose();
    this.params = next.params;
    this.m = next.m;
    this.v = next.v;
    return next.sq;
  }

  /** Read each row's slices of a list of [S, …] tensors as plain arrays, per network (in config order). */
  private readPerNetwork(tensors: readonly tfc.Tensor[], scale = 1): number[][][] {
    const out: number[][][] = this.config.networks.map(() => []);
    for (const t of tensors) {
      const values = t.dataSync();
      const width = values.length / this.size;
      this.order.forEach((i, row) => out[i]!.push(Array.from(values.subarray(row * width, (row + 1) * width), (v) => v * scale)));
    }
    return out;
  }

  /** Current weights, one DeepParams per network (in config order). */
  readParams(): DeepParams[] {
    this.assertLive();
    const kernels = this.readPerNetwork(this.params.filter((_, j) => j % 2 === 0));
    const biases = this.readPerNetwork(this.params.filter((_, j) => j % 2 === 1));
    return kernels.map((k, i) => ({ kernels: k, biases: biases[i]! }));
  }

  /** The exact gradient of the full-data MSE at the current weights, plus every layer's pre-activations. */
  private probe(): { grads: number[][][]; zs: number[][][] } {
    const { grads, zs } = tf.tidy(() => {
      const p = this.pass(this.probeX, this.probeY);
      return { grads: p.grads, zs: p.zs };
    });
    try {
      return { grads: this.readPerNetwork(grads, 2 / this.points), zs: this.readPerNetwork(zs) };
    } finally {
      for (const t of [...grads, ...zs]) t.dispose();
    }
  }

  /** Full-data gradients, in DeepParams' layout (for tests and the command line). */
  gradients(): DeepParams[] {
    this.assertLive();
    const { grads } = this.probe();
    return grads.map((g) => ({ kernels: g.filter((_, j) => j % 2 === 0), biases: g.filter((_, j) => j % 2 === 1) }));
  }

  /** A snapshot of every network, with the epoch losses since the previous read. */
  read(): DeepUpdate {
    this.assertLive();
    const L = this.config.layers;
    const H = this.config.width;
    const { grads, zs } = this.probe();
    const params = this.readParams();
    const losses = this.pendingLosses;
    this.pendingLosses = this.config.networks.map(() => []);
    params.forEach((p, i) => {
      const finite = p.kernels.every((k) => k.every(Number.isFinite)) && p.biases.every((b) => b.every(Number.isFinite));
      if (!finite && this.divergedAt[i] === null) this.divergedAt[i] = Math.max(1, this.epoch);
    });
    const networks = this.config.networks.map((act, i) => {
      const g = grads[i]!;
      return {
        loss: this.lastLoss[i]!,
        layers: zs[i]!.map((z, l) => layerStats(z, H, act, g[2 * l]!, g[2 * l + 1]!)),
        output: { gradW: norm(g[2 * L]!), gradB: norm(g[2 * L + 1]!) },
      };
    });
    return { epoch: this.epoch, networks, losses, divergedAt: [...this.divergedAt] };
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed');
  }

  /** Free every tensor this trainer holds. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of [...this.params, this.m, this.v, this.probeX, this.probeY]) t.dispose();
    this.params = [];
  }
}
