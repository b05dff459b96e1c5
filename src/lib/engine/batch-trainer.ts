/**
 * Trains S independent Dense(H, φ) → Dense(1) networks as one tensor program, with hand-derived gradients and
 * Keras' Adam as one fused kernel. Network s sees exactly what a run of its own would see (its own initial
 * weights and shuffles), so a batch of S equals S single runs within float32 rounding.
 *
 * Layout (why: one matMul computes w·x + b, one computes both first-layer gradients, few kernels per step):
 *   w1b1 [S, 2, H] (rows w1, b1), w2 [S, 1, H], b2 [S, 1, 1]; Adam's moments m, v [S, 3H+1]
 *   inputs [S, B, 2] = (x, 1) per point, so z = inputs @ w1b1
 * Per step: 2 uploads, 7 small batched matMuls, a handful of elementwise kernels, 1 fused Adam; nothing is read
 * back: the epoch loss (Σ err² over the epoch) accumulates on the device until the caller asks for a readout.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { registryTf, tf } from './tf';
import { ACTIVATIONS } from '../activations';
import { initialParams, ShuffleStream } from '../random';
import type { Dataset, NetworkParams, TrainConfig } from '../train-types';
import { assembleBatch, batchSizesFor, groupByActivation, type ActivationGroup } from './batch-data';
import { ADAM_BETA1, ADAM_BETA2, adamStepSize } from './adam';
import { ensureFusedAdam, fusedAdam } from './fused-adam';
import { assertTrainable, sameTraining, unflattenParams } from './params';

/** Per batch size: a ones column (for the output-bias gradient) and Adam's gradient weights with 2/B folded in. */
interface BatchConstants {
  ones: tfc.Tensor;
  gradWeight1: number;
  gradWeight2: number;
}

interface TrainState {
  w1b1: tfc.Tensor;
  w2: tfc.Tensor;
  b2: tfc.Tensor;
  m: tfc.Tensor;
  v: tfc.Tensor;
}

/** The state of one network read back from the device. */
export interface NetworkReadout {
  params: NetworkParams;
  /** Gradient of the last step, in the parameters' layout. */
  grad: NetworkParams | null;
  /** Epoch losses since the previous readout (index 0 = epoch `firstEpoch`). */
  losses: number[];
  /** First epoch (1-based) whose loss or weights were not finite, or null. */
  divergedAt: number | null;
}

/**
 * Adam moves each weight by about lr per step whatever the gradient, so with a huge learning rate the loss
 * explodes to 10¹¹ and more yet can stay finite in float32. A loss 10⁸ times the target's mean square (the loss
 * of a network that outputs 0) means the run has blown up just as surely as a NaN, so it counts as diverged.
 */
export const DIVERGENCE_FACTOR = 1e8;

export interface BatchReadout {
  epoch: number;
  firstEpoch: number;
  networks: NetworkReadout[];
}

export interface BatchTrainerOptions {
  configs: readonly TrainConfig[];
  data: Dataset;
  /** Start from these weights instead of the seed's glorot draw (tests, resumed runs). */
  initial?: readonly NetworkParams[];
}

export class BatchTrainer {
  readonly size: number;
  readonly hidden: number;
  readonly points: number;
  /** Epochs completed. */
  epoch = 0;
  private stepInEpoch = 0;
  private updates = 0;
  private readonly config: TrainConfig;
  private readonly groups: ActivationGroup[];
  /** order[p] = index in `configs` of the network at row p (rows are grouped by activation). */
  private readonly order: number[];
  private readonly shuffles: ShuffleStream[];
  private readonly batchSizes: number[];
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;
  /** This epoch's visiting order, row-major [S, N]. */
  private readonly epochOrder: Int32Array;
  private readonly batchConstants = new Map<number, BatchConstants>();
  private state: TrainState;
  private lastGradScale = 1;
  /** Σ err² of every step since the last readout, [S, 1, 1] each; summed per epoch only when read. */
  private stepLosses: tfc.Tensor[] = [];
  /** Epochs completed since the last readout. */
  private epochsPending = 0;
  private lastGrads: { gW1B1: tfc.Tensor; gW2: tfc.Tensor; gB2: tfc.Tensor } | null = null;
  /** An epoch loss above this counts as diverged (see DIVERGENCE_FACTOR). */
  private readonly lossLimit: number;
  private readonly divergedAt: (number | null)[];
  private disposed = false;

  constructor(options: BatchTrainerOptions) {
    const { configs, data } = options;
    const first = configs[0];
    if (!first) throw new RangeError('A batch needs at least one network');
    for (const c of configs) {
      assertTrainable(c);
      if (!sameTraining(first, c)) throw new RangeError('Networks in one batch must share hidden, lr, epochs and batch size');
    }
    if (data.x.length !== data.y.length || data.x.length === 0) throw new RangeError('x and y must be non-empty and equally long');
    this.config = first;
    this.size = configs.length;
    this.hidden = first.hidden;
    this.points = data.x.length;

    ({ order: this.order, groups: this.groups } = groupByActivation(configs));
    this.divergedAt = new Array<number | null>(this.size).fill(null);

    this.shuffles = this.order.map((i) => new ShuffleStream(configs[i]!.seed, this.points));
    this.batchSizes = batchSizesFor(this.points, first.batchSize);

    const H = this.hidden;
    const w1b1 = new Float32Array(this.size * 2 * H);
    const w2 = new Float32Array(this.size * H);
    const b2 = new Float32Array(this.size);
    this.order.forEach((i, row) => {
      const p = options.initial?.[i] ?? initialParams(configs[i]!.seed, H, configs[i]!.init);
      if (p.w1.length !== H) throw new RangeError('Initial weights do not match the hidden size');
      w1b1.set(p.w1, 2 * H * row);
      w1b1.set(p.b1, 2 * H * row + H);
      w2.set(p.w2, H * row);
      b2[row] = p.b2;
    });
    const meanSquare = data.y.reduce((acc, v) => acc + v * v, 0) / this.points;
    this.lossLimit = DIVERGENCE_FACTOR * Math.max(1, meanSquare);
    this.xs = Float32Array.from(data.x);
    this.ys = Float32Array.from(data.y);
    this.epochOrder = new Int32Array(this.size * this.points);
    if (!ensureFusedAdam()) throw new Error('The training engine runs on the cpu or wasm backend only');
    const S = this.size;
    this.state = {
      w1b1: tf.tensor3d(w1b1, [S, 2, H]),
      w2: tf.tensor3d(w2, [S, 1, H]),
      b2: tf.tensor3d(b2, [S, 1, 1]),
      m: tf.zeros([S, 3 * H + 1]),
      v: tf.zeros([S, 3 * H + 1]),
    };
  }

  get stepsPerEpoch(): number {
    return this.batchSizes.length;
  }

  /** Run n more epochs (or fewer if the configured number is reached). */
  runEpochs(n: number): void {
    const target = Math.min(this.config.epochs, this.epoch + n);
    while (this.epoch < target) this.runSteps(this.stepsPerEpoch - this.stepInEpoch);
  }

  /** Run n optimizer steps (batches), crossing epoch boundaries as needed. */
  runSteps(n: number): void {
    this.assertLive();
    for (let i = 0; i < n && this.epoch < this.config.epochs; i++) {
      if (this.stepInEpoch === 0) this.beginEpoch();
      this.step();
      this.stepInEpoch++;
      if (this.stepInEpoch === this.stepsPerEpoch) this.endEpoch();
    }
  }

  get finished(): boolean {
    return this.epoch >= this.config.epochs;
  }

  private beginEpoch(): void {
    const n = this.points;
    const perm = new Int32Array(n);
    this.shuffles.forEach((s, row) => this.epochOrder.set(s.next(perm), row * n));
  }

  private endEpoch(): void {
    this.epochsPending++;
    this.stepInEpoch = 0;
    this.epoch++;
  }

  private batchTensors(offset: number, batch: number): [tfc.Tensor3D, tfc.Tensor3D] {
    const { inputs, targets } = assembleBatch(this.epochOrder, this.xs, this.ys, this.size, offset, batch);
    return [tf.tensor3d(inputs, [this.size, batch, 2]), tf.tensor3d(targets, [this.size, batch, 1])];
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

  private constantsFor(batch: number): BatchConstants {
    let c = this.batchConstants.get(batch);
    if (!c) {
      c = {
        ones: tf.ones([this.size, batch, 1]),
        gradWeight1: (1 - ADAM_BETA1) * (2 / batch),
        gradWeight2: (1 - ADAM_BETA2) * (2 / batch) ** 2,
      };
      this.batchConstants.set(batch, c);
    }
    return c;
  }

  private step(): void {
    const B = this.batchSizes[this.stepInEpoch]!;
    const offset = this.stepInEpoch * this.config.batchSize;
    const constants = this.constantsFor(B);
    this.updates++;
    const stepSizeValue = adamStepSize(this.config.lr, this.updates);
    const [x, y] = this.batchTensors(offset, B);
    const previous = this.state;
    const next = tf.tidy(() => {
      const { w1b1, w2, b2 } = previous;
      // Forward: z = x·w1 + b1 in one matMul thanks to the column of ones in x.
      const z = tf.matMul(x, w1b1); // [S, B, H]
      const a = this.activate(z, false);
      const err = tf.add(tf.sub(tf.matMul(a, w2, false, true), y), b2); // [S, B, 1]
      const sq = tf.matMul(err, err, true, false); // [S, 1, 1] = Σ err²
      // Backward, by hand, with err standing for ∂L/∂pred = 2·err/B (the factor 2/B is folded into Adam).
      const gW2 = tf.matMul(err, a, true, false); // [S, 1, H]
      const gB2 = tf.matMul(err, constants.ones, true, false); // [S, 1, 1] = Σ err
      const dZ = tf.mul(tf.matMul(err, w2), this.activate(z, true)); // [S, B, H]
      const gW1B1 = tf.matMul(x, dZ, true, false); // [S, 2, H]: rows ∂w1, ∂b1
      const updated = fusedAdam([w1b1, w2, b2], [gW1B1, gW2, gB2], previous, {
        stepSize: stepSizeValue,
        gradWeight1: constants.gradWeight1,
        gradWeight2: constants.gradWeight2,
      });
      const [nextW1b1, nextW2, nextB2] = updated.params as [tfc.Tensor, tfc.Tensor, tfc.Tensor];
      return { w1b1: nextW1b1, w2: nextW2, b2: nextB2, m: updated.m, v: updated.v, sq, grads: { gW1B1, gW2, gB2 } };
    });
    for (const t of [x, y, previous.w1b1, previous.w2, previous.b2, previous.m, previous.v]) t.dispose();
    this.disposeGrads();
    this.lastGradScale = 2 / B;
    this.state = { w1b1: next.w1b1, w2: next.w2, b2: next.b2, m: next.m, v: next.v };
    this.stepLosses.push(next.sq);
    this.lastGrads = next.grads;
  }

  private disposeGrads(): void {
    if (this.lastGrads) for (const t of Object.values(this.lastGrads)) t.dispose();
    this.lastGrads = null;
  }

  /** Per network, flat [ w1 | b1 | w2 | b2 ] values of three tensors laid out [S, 2, H], [S, 1, H], [S, 1, 1]. */
  private readFlat(w1b1: tfc.Tensor, w2: tfc.Tensor, b2: tfc.Tensor): Float32Array {
    const H = this.hidden;
    const width = 3 * H + 1;
    const a = w1b1.dataSync();
    const b = w2.dataSync();
    const c = b2.dataSync();
    const flat = new Float32Array(this.size * width);
    for (let row = 0; row < this.size; row++) {
      flat.set(a.subarray(2 * H * row, 2 * H * (row + 1)), width * row);
      flat.set(b.subarray(H * row, H * (row + 1)), width * row + 2 * H);
      flat[width * row + 3 * H] = c[row]!;
    }
    return flat;
  }

  /**
   * Keras-style loss of each of the `epochs` completed epochs since the last readout, [S, epochs] row-major:
   * Σ over the epoch's steps of Σ err², over N — the batch-size-weighted mean of the per-batch mean losses.
   */
  private readEpochLosses(epochs: number): Float64Array {
    const S = this.size;
    const out = new Float64Array(S * epochs);
    const steps = epochs * this.stepsPerEpoch;
    if (steps === 0) return out;
    const done = this.stepLosses.splice(0, steps); // the current partial epoch's steps stay
    const stacked = tf.concat(done, 1); // [S, steps, 1]
    const values = stacked.dataSync();
    stacked.dispose();
    for (const t of done) t.dispose();
    for (let row = 0; row < S; row++) {
      for (let e = 0; e < epochs; e++) {
        let sum = 0;
        for (let k = 0; k < this.stepsPerEpoch; k++) sum += values[row * steps + e * this.stepsPerEpoch + k]!;
        out[row * epochs + e] = sum / this.points;
      }
    }
    this.epochsPending = 0;
    return out;
  }

  private readGrad(): Float32Array | null {
    const g = this.lastGrads;
    return g ? this.readFlat(g.gW1B1, g.gW2, g.gB2) : null;
  }

  /**
   * Read parameters, last gradients and the epoch losses since the previous readout (one device sync).
   * Networks whose loss or weights stopped being finite get `divergedAt`.
   */
  read(): BatchReadout {
    this.assertLive();
    const S = this.size;
    const width = 3 * this.hidden + 1;
    const params = this.readFlat(this.state.w1b1, this.state.w2, this.state.b2);
    const grad = this.readGrad();
    const epochs = this.epochsPending;
    const losses = this.readEpochLosses(epochs);
    const firstEpoch = this.epoch - epochs + 1;
    const networks = new Array<NetworkReadout>(S);
    this.order.forEach((i, row) => {
      const p = params.subarray(row * width, (row + 1) * width);
      const l = losses.subarray(row * epochs, (row + 1) * epochs);
      if (this.divergedAt[i] === null) {
        const bad = l.findIndex((v) => !(v <= this.lossLimit)); // also catches NaN
        if (bad >= 0) this.divergedAt[i] = firstEpoch + bad;
        else if (!p.every(Number.isFinite)) this.divergedAt[i] = Math.max(1, this.epoch);
      }
      networks[i] = {
        params: unflattenParams(p, this.hidden),
        grad: grad ? unflattenParams(grad.subarray(row * width, (row + 1) * width), this.hidden, this.lastGradScale) : null,
        losses: Array.from(l),
        divergedAt: this.divergedAt[i]!,
      };
    });
    return { epoch: this.epoch, firstEpoch, networks };
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed');
  }

  /** Free every tensor this trainer holds. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const t of Object.values(this.state)) t.dispose();
    this.disposeGrads();
    for (const t of this.stepLosses) t.dispose();
    for (const c of this.batchConstants.values()) c.ones.dispose();
    this.batchConstants.clear();
    this.stepLosses = [];
  }
}
