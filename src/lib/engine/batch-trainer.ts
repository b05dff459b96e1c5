/**
 * Trains S independent Dense(H, φ) → Dense(1) networks as one tensor program, with hand-derived gradients and
 * Keras' Adam. Network s sees exactly what a run of its own would see (its own initial weights and shuffles), so
 * a batch of S equals S single runs within float32 rounding.
 *
 * The steps are ONE custom kernel (fused-step.ts): for networks this small, kernel launches and per-step tensors
 * cost far more than the arithmetic, so the forward pass, the gradient, Σ err² and Adam run fused, in place on the
 * state tensors, and one launch runs all the steps asked for in an epoch. Tensors still own all the state
 * (weights, moments, last gradient, epoch losses), so readouts, disposal and tf.memory() accounting work as for
 * any tfjs program. Per epoch: one upload (the visiting order) and one launch.
 *
 * Layout: w1b1 [S, 2, H] (rows w1, b1), w2 [S, 1, H], b2 [S, 1, 1]; Adam's moments m, v and the last gradient
 * [S, 3H+1] (w1 | b1 | w2 | b2); Σ err² per epoch [S, capacity], read back only when the caller asks.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { tf } from './tf';
import { initialParams, ShuffleStream } from '../random';
import type { Dataset, NetworkParams, TrainConfig } from '../train-types';
import { batchSizesFor, groupByActivation, type ActivationGroup } from './batch-data';
import { ensureFusedStep, fusedTrainStep } from './fused-step';
import { assertTrainable, sameTraining, unflattenParams } from './params';

interface TrainState {
  w1b1: tfc.Tensor;
  w2: tfc.Tensor;
  b2: tfc.Tensor;
  m: tfc.Tensor;
  v: tfc.Tensor;
  /** Gradient of the last step, [S, 3H+1]. */
  grad: tfc.Tensor;
  /** Σ err² of epoch e since the last readout at column e, [S, lossCapacity]. */
  loss: tfc.Tensor;
}

/** Epoch columns of the loss table to start with; it doubles when a caller reads less often. */
const INITIAL_LOSS_CAPACITY = 32;

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
  private readonly xs: tfc.Tensor;
  private readonly ys: tfc.Tensor;
  /** This epoch's visiting order, row-major [S, N]. */
  private readonly epochOrder: Int32Array;
  /** The same on the device, replaced at the start of each epoch. */
  private orderTensor: tfc.Tensor | null = null;
  private state: TrainState;
  private lossCapacity = INITIAL_LOSS_CAPACITY;
  /** Epochs completed since the last readout. */
  private epochsPending = 0;
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
    this.epochOrder = new Int32Array(this.size * this.points);
    if (!ensureFusedStep()) throw new Error('The training engine runs on the cpu or wasm backend only');
    const S = this.size;
    this.xs = tf.tensor1d(Float32Array.from(data.x));
    this.ys = tf.tensor1d(Float32Array.from(data.y));
    this.state = {
      w1b1: tf.tensor3d(w1b1, [S, 2, H]),
      w2: tf.tensor3d(w2, [S, 1, H]),
      b2: tf.tensor3d(b2, [S, 1, 1]),
      m: tf.zeros([S, 3 * H + 1]),
      v: tf.zeros([S, 3 * H + 1]),
      grad: tf.zeros([S, 3 * H + 1]),
      loss: tf.zeros([S, this.lossCapacity]),
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

  /** Run n optimizer steps (batches), crossing epoch boundaries as needed: one kernel launch per epoch touched. */
  runSteps(n: number): void {
    this.assertLive();
    let left = n;
    while (left > 0 && this.epoch < this.config.epochs) {
      if (this.stepInEpoch === 0) this.beginEpoch();
      const steps = Math.min(left, this.stepsPerEpoch - this.stepInEpoch);
      this.launch(steps);
      left -= steps;
      this.stepInEpoch += steps;
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
    this.orderTensor?.dispose();
    this.orderTensor = tf.tensor2d(this.epochOrder, [this.size, n], 'int32');
    // The kernel adds this epoch's Σ err² at column epochsPending: make room before the first step.
    if (this.epochsPending >= this.lossCapacity) this.replaceLossTable(0, this.epochsPending, 2 * this.lossCapacity);
  }

  private endEpoch(): void {
    this.epochsPending++;
    this.stepInEpoch = 0;
    this.epoch++;
  }

  /**
   * A new loss table of `capacity` columns holding the old one's columns [from, from + count) at 0…count−1 (the
   * rest zero). Runs only when the table grows or is read, never per step.
   */
  private replaceLossTable(from: number, count: number, capacity: number): void {
    const S = this.size;
    const old = this.state.loss.dataSync();
    const fresh = new Float32Array(S * capacity);
    for (let row = 0; row < S; row++) {
      fresh.set(old.subarray(row * this.lossCapacity + from, row * this.lossCapacity + from + count), row * capacity);
    }
    this.state.loss.dispose();
    this.state.loss = tf.tensor2d(fresh, [S, capacity]);
    this.lossCapacity = capacity;
  }

  /** The next `steps` steps of the current epoch, as one kernel launch. */
  private launch(steps: number): void {
    fusedTrainStep(
      { ...this.state, order: this.orderTensor!, xs: this.xs, ys: this.ys },
      {
        firstStep: this.stepInEpoch,
        steps,
        batchSize: this.config.batchSize,
        lr: this.config.lr,
        firstUpdate: this.updates + 1,
        lossColumn: this.epochsPending,
        groups: this.groups,
      },
    );
    this.updates += steps;
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
   * The current partial epoch's sum moves to column 0 of a fresh table.
   */
  private readEpochLosses(epochs: number): Float64Array {
    const S = this.size;
    const out = new Float64Array(S * epochs);
    if (epochs === 0) return out;
    const values = this.state.loss.dataSync();
    for (let row = 0; row < S; row++) {
      for (let e = 0; e < epochs; e++) out[row * epochs + e] = values[row * this.lossCapacity + e]! / this.points;
    }
    this.replaceLossTable(epochs, 1, this.lossCapacity);
    this.epochsPending = 0;
    return out;
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
    const grad = this.updates > 0 ? this.state.grad.dataSync() : null;
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
        grad: grad ? unflattenParams(grad.subarray(row * width, (row + 1) * width), this.hidden) : null,
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
    for (const t of [...Object.values(this.state), this.xs, this.ys]) t.dispose();
    this.orderTensor?.dispose();
    this.orderTensor = null;
  }
}
