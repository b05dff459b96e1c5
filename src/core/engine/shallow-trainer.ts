/**
 * Trains S independent Dense(H, φ) → Dense(1) networks as one tensor program (program.ts with one hidden layer).
 * Network s sees exactly what a run of its own would see — its own initial weights and its own shuffles — so S
 * networks side by side equal S single runs within float32 rounding, and each run equals a tf.layers model trained from the
 * same start in the same order (tests/parity).
 *
 * Per step: the mini-batch's inputs and targets are uploaded, then the program's step runs. Epoch losses stay on the
 * device until a caller reads them.
 */
import { learnsSlopes } from '../activations/types';
import { initialParams, ShuffleStream } from '../train/random';
import type { Dataset, NetworkParams, TrainConfig } from '../train/types';
import { batchSizesFor, batchValues, groupByActivation } from './mini-batch';
import { divergedEpoch, lossLimit } from './divergence';
import { EpochLosses } from './epoch-losses';
import { assertBatchShape, assertTrainable, paramWidth, sameTraining, unflattenParams } from './params';
import { batchTensors, NetworkProgram } from './program';
import { tf } from './tf';

/** The state of one network read back from the device. */
export interface NetworkReadout {
  params: NetworkParams;
  /** Gradient of the last step's batch MSE, in the parameters' layout. */
  grad: NetworkParams | null;
  /** Epoch losses since the previous readout (index 0 = epoch `firstEpoch`). */
  losses: number[];
  /** First epoch (1-based) whose loss or weights were not finite or exploded (divergence.ts), or null. */
  divergedAt: number | null;
}

export interface BatchReadout {
  epoch: number;
  firstEpoch: number;
  networks: NetworkReadout[];
}

export interface ShallowTrainerOptions {
  configs: readonly TrainConfig[];
  data: Dataset;
  /** Start from these weights instead of the seed's draw (tests, resumed runs). */
  initial?: readonly NetworkParams[];
}

/** The networks of one activation group: rows from…from+size−1, their program and their epoch sums. */
interface GroupPart {
  from: number;
  size: number;
  program: NetworkProgram;
  losses: EpochLosses;
}

export class ShallowTrainer {
  readonly size: number;
  readonly hidden: number;
  readonly points: number;
  /** Epochs completed. */
  epoch = 0;
  private stepInEpoch = 0;
  private readonly config: TrainConfig;
  /** order[row] = index in `configs` of the network at that row (rows are grouped by activation). */
  private readonly order: number[];
  private readonly shuffles: ShuffleStream[];
  private readonly batchSizes: number[];
  /** One program per activation group: its rows need no split by activation. */
  private readonly parts: GroupPart[];
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;
  /** This epoch's visiting order of every network, row-major [S, N]. */
  private readonly visits: Int32Array;
  private readonly limit: number;
  private readonly divergedAt: (number | null)[];
  private disposed = false;

  constructor(options: ShallowTrainerOptions) {
    const { configs, data } = options;
    assertBatchShape(configs, data);
    const first = configs[0]!;
    for (const c of configs) {
      assertTrainable(c);
      if (!sameTraining(first, c))
        throw new RangeError('Networks in one batch must share hidden, lr, epochs and batch size');
    }
    if (options.initial && options.initial.length !== configs.length)
      throw new RangeError('One set of initial weights per network');
    this.config = first;
    this.size = configs.length;
    this.hidden = first.hidden;
    this.points = data.x.length;
    const { order, groups } = groupByActivation(configs);
    this.order = order;
    this.divergedAt = new Array<number | null>(this.size).fill(null);
    this.shuffles = order.map((i) => new ShuffleStream(configs[i]!.seed, this.points));
    this.batchSizes = batchSizesFor(this.points, first.batchSize);
    this.limit = lossLimit(data.y);

    const H = this.hidden;
    const S = this.size;
    const w1 = new Float32Array(S * H);
    const b1 = new Float32Array(S * H);
    const w2 = new Float32Array(S * H);
    const b2 = new Float32Array(S);
    // PReLU's slopes: the given ones, or Keras' start (0).
    const alpha = new Float32Array(S * H);
    order.forEach((i, row) => {
      const p = options.initial?.[i] ?? initialParams(configs[i]!.seed, H, configs[i]!.init);
      if (p.w1.length !== H || p.b1.length !== H || p.w2.length !== H)
        throw new RangeError('Initial weights do not match the hidden size');
      if (![...p.w1, ...p.b1, ...p.w2, p.b2].every(Number.isFinite))
        throw new RangeError('Initial weights must be finite numbers');
      w1.set(p.w1, row * H);
      b1.set(p.b1, row * H);
      w2.set(p.w2, row * H);
      b2[row] = p.b2;
      if (p.alpha) {
        if (p.alpha.length !== H || !p.alpha.every(Number.isFinite))
          throw new RangeError('Initial slopes must be one finite number per hidden neuron');
        alpha.set(p.alpha, row * H);
      }
    });
    let from = 0;
    this.parts = groups.map((g) => {
      const rows = (values: Float32Array, width: number) => values.slice(from * width, (from + g.size) * width);
      const program = new NetworkProgram({
        shapes: [
          [1, H],
          [H, 1],
        ],
        groups: [g],
        initial: [
          { kernel: rows(w1, H), bias: rows(b1, H) },
          { kernel: rows(w2, H), bias: rows(b2, 1) },
        ],
        ...(learnsSlopes(g.activation) ? { alpha: rows(alpha, H) } : {}),
        lr: first.lr,
      });
      const part: GroupPart = {
        from,
        size: g.size,
        program,
        losses: new EpochLosses(g.size, this.points, this.batchSizes.length),
      };
      from += g.size;
      return part;
    });
    this.xs = Float32Array.from(data.x);
    this.ys = Float32Array.from(data.y);
    this.visits = new Int32Array(S * this.points);
  }

  get stepsPerEpoch(): number {
    return this.batchSizes.length;
  }

  get finished(): boolean {
    return this.epoch >= this.config.epochs;
  }

  /** Run n more epochs (or fewer if the configured number is reached). */
  runEpochs(n: number): void {
    const target = Math.min(this.config.epochs, this.epoch + n);
    while (this.epoch < target) this.runSteps(this.stepsPerEpoch - this.stepInEpoch);
  }

  /** Run n optimizer steps (batches), crossing epoch boundaries as needed. */
  runSteps(n: number): void {
    this.assertLive();
    for (let left = n; left > 0 && !this.finished; left--) {
      if (this.stepInEpoch === 0) this.beginEpoch();
      this.step();
      if (++this.stepInEpoch === this.stepsPerEpoch) this.endEpoch();
    }
  }

  private beginEpoch(): void {
    const perm = new Int32Array(this.points);
    this.shuffles.forEach((s, row) => this.visits.set(s.next(perm), row * this.points));
  }

  private step(): void {
    const batch = this.batchSizes[this.stepInEpoch]!;
    const offset = this.stepInEpoch * this.config.batchSize;
    for (const part of this.parts) {
      const values = batchValues(this.visits, part, this.xs, this.ys, offset, batch);
      part.losses.addStep(
        tf.tidy(() => {
          const { x1, y } = batchTensors(values, part.size, batch);
          return part.program.step(x1, y);
        }),
      );
    }
  }

  private endEpoch(): void {
    for (const part of this.parts) {
      part.losses.endEpoch();
    }
    this.stepInEpoch = 0;
    this.epoch++;
  }

  /** Read parameters, last gradients and the epoch losses since the previous readout; marks divergence. */
  read(): BatchReadout {
    this.assertLive();
    const epochs = this.parts[0]!.losses.epochs;
    const firstEpoch = this.epoch - epochs + 1;
    const networks = new Array<NetworkReadout>(this.size);
    for (const part of this.parts) {
      const slopes = part.program.learnsSlopes;
      const width = paramWidth(this.hidden, slopes);
      const rows = part.program.parameters();
      const params = rows.dataSync();
      rows.dispose();
      const gradient = part.program.lastGradient();
      const grad = gradient?.dataSync() ?? null;
      gradient?.dispose();
      const losses = part.losses.read();
      for (let r = 0; r < part.size; r++) {
        const i = this.order[part.from + r]!;
        const p = params.subarray(r * width, (r + 1) * width);
        const l = losses.subarray(r * epochs, (r + 1) * epochs);
        this.divergedAt[i] ??= divergedEpoch(l, firstEpoch, this.limit, p.every(Number.isFinite), this.epoch);
        networks[i] = {
          params: unflattenParams(p, this.hidden, 1, slopes),
          grad: grad ? unflattenParams(grad.subarray(r * width, (r + 1) * width), this.hidden, 1, slopes) : null,
          losses: Array.from(l),
          divergedAt: this.divergedAt[i]!,
        };
      }
    }
    return { epoch: this.epoch, firstEpoch, networks };
  }

  private assertLive(): void {
    if (this.disposed) throw new Error('This trainer has been disposed');
  }

  /** Free every tensor this trainer holds. Safe to call twice. */
  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    for (const part of this.parts) {
      part.program.dispose();
      part.losses.dispose();
    }
  }
}
