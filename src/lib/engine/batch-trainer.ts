/**
 * Trains S independent Dense(H, φ) → Dense(1) networks as one tensor program, with hand-derived gradients and
 * Keras' Adam on one flat parameter tensor. Network s sees exactly what a run of its own would see (its own
 * initial weights and shuffles), so a batch of S equals S single runs within float32 rounding.
 *
 * Layout (why: one matMul computes w·x + b, one computes both first-layer gradients, Adam is 12 kernels for all):
 *   params [S, 3H+1] = [ w1 (H) | b1 (H) | w2 (H) | b2 ]
 *   inputs [S, B, 2]  = (x, 1) per point, so z = inputs @ reshape(params[:, :2H], [S, 2, H])
 * Nothing is read back per step: the epoch loss (Σ err² over the epoch) accumulates on the device and is read
 * only when the caller asks for a snapshot.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { registryTf, tf } from './tf';
import { ACTIVATIONS } from '../activations';
import type { ActivationParams, HiddenActivationId } from '../activation-types';
import { initialParams, ShuffleStream } from '../random';
import type { Dataset, NetworkParams, TrainConfig } from '../train-types';
import { ADAM_BETA1, ADAM_BETA2, adamStepSize, adamUpdate, gradientScaledScalars, type AdamScalars, type AdamState } from './adam';
import { ensureFusedAdam, fusedAdam } from './fused-adam';
import { assertTrainable, flattenParams, PARAM_ROWS, sameTraining, unflattenParams } from './params';

/** Per batch size: a ones tensor (for the output-bias gradient) and Adam's scalars with 2/B folded in. */
interface BatchConstants extends AdamScalars {
  ones: tfc.Tensor;
  gradWeight1Value: number;
  gradWeight2Value: number;
}

interface Group {
  activation: HiddenActivationId;
  params: ActivationParams;
  size: number;
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
  /** Use the fused Adam kernel when the backend has one (default true; false runs Adam as tfjs ops). */
  fusedAdam?: boolean;
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
  private readonly groups: Group[];
  /** order[p] = index in `configs` of the network at row p (rows are grouped by activation). */
  private readonly order: number[];
  private readonly shuffles: ShuffleStream[];
  private readonly batchSizes: number[];
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;
  /** This epoch's visiting order, row-major [S, N]. */
  private readonly epochOrder: Int32Array;
  private readonly batchConstants = new Map<number, BatchConstants>();
  private state: AdamState;
  private lastGradScale = 1;
  private lossSum: tfc.Tensor | null = null;
  private lossHistory: tfc.Tensor[] = [];
  private lastGrads: { gW1B1: tfc.Tensor; gW2: tfc.Tensor; gB2: tfc.Tensor } | null = null;
  /** Whether the fused Adam kernel serves the active backend (else: the same maths as tfjs ops). */
  private readonly fused: boolean;
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

    // Rows grouped by (activation, parameters): each group's φ is one kernel call on a contiguous slice.
    const keyOf = (c: TrainConfig) => `${c.activation}:${JSON.stringify(c.activationParams ?? {})}`;
    const keys: string[] = [];
    for (const c of configs) if (!keys.includes(keyOf(c))) keys.push(keyOf(c));
    this.order = keys.flatMap((k) => configs.flatMap((c, i) => (keyOf(c) === k ? [i] : [])));
    this.groups = keys.map((k) => {
      const c = configs.find((cc) => keyOf(cc) === k)!;
      return { activation: c.activation, params: c.activationParams ?? {}, size: configs.filter((cc) => keyOf(cc) === k).length };
    });
    this.divergedAt = new Array<number | null>(this.size).fill(null);

    this.shuffles = this.order.map((i) => new ShuffleStream(configs[i]!.seed, this.points));
    this.batchSizes = [];
    for (let offset = 0; offset < this.points; offset += first.batchSize) {
      this.batchSizes.push(Math.min(first.batchSize, this.points - offset));
    }

    const width = PARAM_ROWS * this.hidden;
    const flat = new Float32Array(this.size * width);
    this.order.forEach((i, row) => {
      const p = options.initial?.[i] ?? initialParams(configs[i]!.seed, this.hidden);
      if (p.w1.length !== this.hidden) throw new RangeError('Initial weights do not match the hidden size');
      flat.set(flattenParams(p), row * width);
    });
    const meanSquare = data.y.reduce((acc, v) => acc + v * v, 0) / this.points;
    this.lossLimit = DIVERGENCE_FACTOR * Math.max(1, meanSquare);
    this.xs = Float32Array.from(data.x);
    this.ys = Float32Array.from(data.y);
    this.epochOrder = new Int32Array(this.size * this.points);
    this.fused = options.fusedAdam !== false && ensureFusedAdam();
    const params = tf.tensor3d(flat, [this.size, PARAM_ROWS, this.hidden]);
    this.state = { params, m: tf.zerosLike(params), v: tf.zerosLike(params) };
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
    this.lossHistory.push(this.lossSum!);
    this.lossSum = null;
    this.stepInEpoch = 0;
    this.epoch++;
  }

  /**
   * This step's inputs (x, 1) [S, B, 2] and targets [S, B, 1], gathered in plain JS from the epoch's shuffles and
   * uploaded as two tensors: cheaper than gather + slice kernels, which dominate the batched run otherwise.
   */
  private batchTensors(offset: number, batch: number): [tfc.Tensor3D, tfc.Tensor3D] {
    const S = this.size;
    const n = this.points;
    const xs = new Float32Array(S * batch * 2);
    const ys = new Float32Array(S * batch);
    for (let row = 0; row < S; row++) {
      const base = row * n + offset;
      for (let k = 0; k < batch; k++) {
        const idx = this.epochOrder[base + k]!;
        const j = row * batch + k;
        xs[2 * j] = this.xs[idx]!;
        xs[2 * j + 1] = 1;
        ys[j] = this.ys[idx]!;
      }
    }
    return [tf.tensor3d(xs, [S, batch, 2]), tf.tensor3d(ys, [S, batch, 1])];
  }

  private activate(z: tfc.Tensor, prime: boolean): tfc.Tensor {
    const apply = (g: Group, t: tfc.Tensor) => {
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
        ones: tf.ones([this.size, batch, this.hidden]),
        ...gradientScaledScalars(registryTf, 2 / batch),
        gradWeight1Value: (1 - ADAM_BETA1) * (2 / batch),
        gradWeight2Value: (1 - ADAM_BETA2) * (2 / batch) ** 2,
      };
      this.batchConstants.set(batch, c);
    }
    return c;
  }

  private step(): void {
    const S = this.size;
    const H = this.hidden;
    const B = this.batchSizes[this.stepInEpoch]!;
    const offset = this.stepInEpoch * this.config.batchSize;
    const constants = this.constantsFor(B);
    this.updates++;
    const stepSizeValue = adamStepSize(this.config.lr, this.updates);
    const [x, y] = this.batchTensors(offset, B);
    const previous = this.state;
    const previousLoss = this.lossSum;
    const next = tf.tidy(() => {
      const P = previous.params; // [S, 4, H]
      const w1b1 = tf.slice(P, [0, 0, 0], [S, 2, H]);
      const w2 = tf.slice(P, [0, 2, 0], [S, 1, H]);
      const b2 = tf.slice(P, [0, 3, 0], [S, 1, 1]);
      // Forward: z = x·w1 + b1 in one matMul thanks to the column of ones in x.
      const z = tf.matMul(x, w1b1); // [S, B, H]
      const a = this.activate(z, false);
      const err = tf.add(tf.sub(tf.matMul(a, w2, false, true), y), b2); // [S, B, 1]
      const sq = tf.matMul(err, err, true, false); // [S, 1, 1] = Σ err²
      const lossSum = previousLoss ? tf.add(previousLoss, sq) : sq;
      // Backward, by hand, with err standing for ∂L/∂pred = 2·err/B (the factor 2/B is folded into Adam).
      const gW2 = tf.matMul(err, a, true, false); // [S, 1, H]
      const gB2 = tf.matMul(err, constants.ones, true, false); // [S, 1, H], every column Σ err
      const dZ = tf.mul(tf.matMul(err, w2), this.activate(z, true)); // [S, B, H]
      const gW1B1 = tf.matMul(x, dZ, true, false); // [S, 2, H]: rows ∂w1, ∂b1
      const grads = { gW1B1, gW2, gB2 };
      const updated = this.fused
        ? fusedAdam(previous, grads, { stepSize: stepSizeValue, gradWeight1: constants.gradWeight1Value, gradWeight2: constants.gradWeight2Value })
        : adamUpdate(registryTf, previous, tf.concat([gW1B1, gW2, gB2], 1), tf.scalar(stepSizeValue), constants);
      return { ...updated, lossSum, grads };
    });
    for (const t of [x, y, previous.params, previous.m, previous.v]) t.dispose();
    previousLoss?.dispose();
    this.disposeGrads();
    this.lastGradScale = 2 / B;
    this.state = { params: next.params, m: next.m, v: next.v };
    this.lossSum = next.lossSum;
    this.lastGrads = next.grads;
  }

  private disposeGrads(): void {
    if (this.lastGrads) for (const t of Object.values(this.lastGrads)) t.dispose();
    this.lastGrads = null;
  }

  /** The last step's gradient in the parameters' layout [S, 4, H] (one small concat, only when read). */
  private readGrad(): Float32Array | null {
    if (!this.lastGrads) return null;
    const g = tf.concat([this.lastGrads.gW1B1, this.lastGrads.gW2, this.lastGrads.gB2], 1);
    const values = g.dataSync() as Float32Array;
    g.dispose();
    return values;
  }

  /**
   * Read parameters, last gradients and the epoch losses since the previous readout (one device sync).
   * Networks whose loss or weights stopped being finite get `divergedAt`.
   */
  read(): BatchReadout {
    this.assertLive();
    const S = this.size;
    const width = PARAM_ROWS * this.hidden;
    const params = this.state.params.dataSync();
    const grad = this.readGrad();
    const epochs = this.lossHistory.length;
    let losses: Float32Array | null = null;
    if (epochs > 0) {
      const stacked = tf.concat(this.lossHistory, 1); // [S, epochs]
      losses = stacked.dataSync() as Float32Array;
      stacked.dispose();
      for (const t of this.lossHistory) t.dispose();
      this.lossHistory = [];
    }
    const firstEpoch = this.epoch - epochs + 1;
    const networks = new Array<NetworkReadout>(S);
    this.order.forEach((i, row) => {
      const p = params.subarray(row * width, (row + 1) * width);
      const l = losses ? Array.from(losses.subarray(row * epochs, (row + 1) * epochs), (v) => v / this.points) : [];
      if (this.divergedAt[i] === null) {
        const bad = l.findIndex((v) => !(v <= this.lossLimit)); // also catches NaN
        if (bad >= 0) this.divergedAt[i] = firstEpoch + bad;
        else if (!p.every(Number.isFinite)) this.divergedAt[i] = Math.max(1, this.epoch);
      }
      networks[i] = {
        params: unflattenParams(p, this.hidden),
        grad: grad ? unflattenParams(grad.subarray(row * width, (row + 1) * width), this.hidden, this.lastGradScale) : null,
        losses: l,
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
    for (const t of [this.state.params, this.state.m, this.state.v]) t.dispose();
    this.lossSum?.dispose();
    this.disposeGrads();
    for (const t of this.lossHistory) t.dispose();
    for (const c of this.batchConstants.values()) {
      for (const t of [c.ones, c.beta1, c.beta2, c.gradWeight1, c.gradWeight2, c.epsilon]) t.dispose();
    }
    this.batchConstants.clear();
    this.lossHistory = [];
  }
}
