/**
 * Trains S deep networks side by side — L hidden layers Dense(H, φₛ), then Dense(1, linear), MSE, Keras' Adam —
 * with the engine's one tensor program (program.ts). The S networks differ only in their activation: they share
 * the seed, hence the initial weights (deep-stats.ts) and the shuffles, so what differs is what φ does. Keras'
 * defaults, explicit: glorot-uniform kernels (each layer its own fan_in/fan_out), zero biases, batch 32 with a fresh
 * shuffle per epoch (ShuffleStream). With L = 1 this is ShallowTrainer's network, data order and optimizer.
 *
 * Snapshots (`read`) probe the network on all training points at once, without updating it: the exact gradient
 * of the full-data MSE per layer and every pre-activation, which become the per-layer statistics the demo draws.
 */
import type * as tfc from '@tensorflow/tfjs-core';
import { layerStats, norm } from '../analysis/deep-stats';
import { assertDeepTrainable, deepInitialParams, kernelShapes } from '../train/deep-init';
import type { DeepConfig, DeepParams, DeepUpdate } from '../train/deep-types';
import { ShuffleStream } from '../train/random';
import type { Dataset, TrainConfig } from '../train/types';
import { batchSizesFor, batchValues, groupByActivation } from './mini-batch';
import { divergedEpoch, lossLimit } from './divergence';
import { EpochLosses } from './epoch-losses';
import { assertDataset } from './params';
import { batchTensors, inputWithOnes, NetworkProgram, targetRows, type Forward } from './program';
import { tf } from './tf';

/** The tensors a probe's forward half made (its first input, the probe's inputs, belongs to the trainer). */
function ownTensors(f: Forward): tfc.Tensor[] {
  return [...new Set([...f.params, ...f.inputs.slice(1), ...f.zs, f.err, f.squares])];
}

export interface DeepTrainerOptions {
  config: DeepConfig;
  data: Dataset;
  /** Start from these weights (one per network) instead of the seed's draw. */
  initial?: readonly DeepParams[];
}

export class DeepTrainer {
  readonly size: number;
  readonly points: number;
  epoch = 0;
  private readonly config: DeepConfig;
  /** order[row] = index in config.networks of the network at that row (rows grouped by activation). */
  private readonly order: number[];
  private readonly shuffles: ShuffleStream;
  private readonly batchSizes: number[];
  private readonly program: NetworkProgram;
  private readonly xs: Float32Array;
  private readonly ys: Float32Array;
  /** Every training point once, tiled per network, [S, N, 1]: the probe's inputs and targets. */
  private readonly probeX: tfc.Tensor;
  private readonly probeY: tfc.Tensor;
  private readonly losses: EpochLosses;
  private stepInEpoch = 0;
  /** This epoch's visiting order, once per network, row-major [S, N]. */
  private readonly visits: Int32Array;
  private lastLoss: number[];
  /** The next read's probe, begun by prepareRead (its forward half), until read finishes it or training moves on. */
  private prepared: Forward | null = null;
  private readonly divergedAt: (number | null)[];
  private readonly limit: number;
  private disposed = false;

  constructor(options: DeepTrainerOptions) {
    const { config, data } = options;
    assertDeepTrainable(config);
    assertDataset(data);
    if (options.initial && options.initial.length !== config.networks.length)
      throw new RangeError('One set of initial weights per network');
    this.config = config;
    this.size = config.networks.length;
    this.points = data.x.length;
    // groupByActivation reads only the activation fields; the rest of TrainConfig does not matter to it.
    const asConfigs = config.networks.map(
      (n) => ({ activation: n.activation, activationParams: n.activationParams ?? {} }) as TrainConfig,
    );
    const { order, groups } = groupByActivation(asConfigs);
    this.order = order;
    this.shuffles = new ShuffleStream(config.seed, this.points);
    this.batchSizes = batchSizesFor(this.points, config.batchSize);
    this.losses = new EpochLosses(this.size, this.points, this.batchSizes.length);
    this.divergedAt = new Array<number | null>(this.size).fill(null);
    this.lastLoss = new Array<number>(this.size).fill(NaN);
    this.limit = lossLimit(data.y);

    const S = this.size;
    const shapes = kernelShapes(config.layers, config.width);
    const seedParams = options.initial ? null : deepInitialParams(config.seed, config.layers, config.width);
    const perRow = order.map((i) => options.initial?.[i] ?? seedParams!);
    const initial = shapes.map(([fanIn, fanOut], l) => {
      const kernel = new Float32Array(S * fanIn * fanOut);
      const bias = new Float32Array(S * fanOut);
      perRow.forEach((p, row) => {
        const k = p.kernels[l];
        const b = p.biases[l];
        if (k?.length !== fanIn * fanOut || b?.length !== fanOut)
          throw new RangeError('Initial weights do not match the network shape');
        kernel.set(k, row * fanIn * fanOut);
        bias.set(b, row * fanOut);
      });
      return { kernel, bias };
    });
    this.program = new NetworkProgram({ shapes, groups, initial, lr: config.lr });
    this.xs = Float32Array.from(data.x);
    this.ys = Float32Array.from(data.y);
    this.visits = new Int32Array(S * this.points);
    const tile = (values: readonly number[]) => {
      const out = new Float32Array(S * values.length);
      for (let row = 0; row < S; row++) out.set(values, row * values.length);
      return out;
    };
    this.probeX = inputWithOnes(tile(data.x), S, this.points);
    this.probeY = targetRows(tile(data.y), S, this.points);
  }

  get finished(): boolean {
    return this.epoch >= this.config.epochs || this.divergedAt.every((d) => d !== null);
  }

  /** Run n more epochs (fewer if the run ends), finishing one already begun. */
  runEpochs(n: number): void {
    for (let i = 0; i < n && !this.finished; i++) this.runSteps(this.batchSizes.length - this.stepInEpoch);
  }

  /** Run n optimizer steps (batches), crossing epoch boundaries as needed: a slice may end inside an epoch. */
  runSteps(n: number): void {
    this.assertLive();
    this.discardPrepared();
    for (let left = n; left > 0 && !this.finished; left--) {
      if (this.stepInEpoch === 0) this.beginEpoch();
      this.step();
      if (++this.stepInEpoch === this.batchSizes.length) this.endEpoch();
    }
  }

  private beginEpoch(): void {
    // One visiting order for every network: they share the seed.
    const perm = this.shuffles.next();
    for (let row = 0; row < this.size; row++) this.visits.set(perm, row * this.points);
  }

  private step(): void {
    const S = this.size;
    const batch = this.batchSizes[this.stepInEpoch]!;
    const values = batchValues(
      this.visits,
      { from: 0, size: S },
      this.xs,
      this.ys,
      this.stepInEpoch * this.config.batchSize,
      batch,
    );
    this.losses.addStep(
      tf.tidy(() => {
        const { x1, y } = batchTensors(values, S, batch);
        return this.program.step(x1, y);
      }),
    );
  }

  private endEpoch(): void {
    this.losses.endEpoch();
    this.stepInEpoch = 0;
    this.epoch++;
  }

  /** Keras' epoch losses since the last read (batch-size-weighted mean of the batch losses), per network in config order. */
  private readLosses(): number[][] {
    const epochs = this.losses.epochs;
    const out: number[][] = this.config.networks.map(() => []);
    const values = this.losses.read();
    this.order.forEach((i, row) => (out[i] = Array.from(values.subarray(row * epochs, (row + 1) * epochs))));
    return out;
  }

  /** Read each row's part of a list of [S, …] tensors as plain arrays, per network (in config order). */
  private readPerNetwork(tensors: readonly tfc.Tensor[]): number[][][] {
    const out: number[][][] = this.config.networks.map(() => []);
    for (const t of tensors) {
      const values = t.dataSync();
      const width = values.length / this.size;
      this.order.forEach((i, row) => out[i]!.push(Array.from(values.subarray(row * width, (row + 1) * width))));
    }
    return out;
  }

  /** Per network (config order), the flat parameters split into W₀, b₀, W₁, b₁, … */
  private splitFlat(values: ArrayLike<number>): number[][][] {
    const widths = this.program.widths;
    const total = widths.reduce((a, b) => a + b, 0);
    const out: number[][][] = this.config.networks.map(() => []);
    this.order.forEach((i, row) => {
      let at = row * total;
      for (const w of widths) {
        out[i]!.push(Array.from({ length: w }, (_, k) => values[at + k]!));
        at += w;
      }
    });
    return out;
  }

  /** Current weights, one DeepParams per network (in config order). */
  readParams(): DeepParams[] {
    this.assertLive();
    const rows = this.program.parameters();
    const values = rows.dataSync();
    rows.dispose();
    return this.splitFlat(values).map((p) => ({
      kernels: p.filter((_, j) => j % 2 === 0),
      biases: p.filter((_, j) => j % 2 === 1),
    }));
  }

  /**
   * Begin the next read now: its probe's forward half, kept until read() finishes it (training first discards it).
   * The first read of a run on a cold engine runs every kernel for the first time; a session can give each half a
   * task of its own this way. The read's numbers are the same either way.
   */
  prepareRead(): void {
    this.assertLive();
    this.discardPrepared();
    const begun: { forward?: Forward } = {};
    tf.tidy(() => {
      begun.forward = this.program.forward(this.probeX, this.probeY);
      return ownTensors(begun.forward);
    });
    this.prepared = begun.forward!;
  }

  private discardPrepared(): void {
    const f = this.prepared;
    this.prepared = null;
    if (f) for (const t of ownTensors(f)) t.dispose();
  }

  /** The exact gradient of the full-data MSE at the current weights, plus every layer's pre-activations. */
  private probe(): { grads: number[][][]; zs: number[][][] } {
    const { grad, zs } = tf.tidy(() => {
      const f = this.prepared ?? this.program.forward(this.probeX, this.probeY);
      const halfGrad = this.program.backward(f);
      // zs are cloned so that they outlive a prepared forward half (disposed below) like one made in this scope.
      return {
        grad: tf.mul(this.program.gradientRows(halfGrad), tf.scalar(2 / this.points)),
        zs: this.prepared ? f.zs.map((z) => tf.clone(z)) : f.zs,
      };
    });
    this.discardPrepared();
    try {
      return { grads: this.splitFlat(grad.dataSync()), zs: this.readPerNetwork(zs) };
    } finally {
      for (const t of [grad, ...zs]) t.dispose();
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
    const losses = this.readLosses();
    params.forEach((p, i) => {
      const l = losses[i]!;
      if (l.length > 0) this.lastLoss[i] = l[l.length - 1]!;
      const finite =
        p.kernels.every((k) => k.every(Number.isFinite)) && p.biases.every((b) => b.every(Number.isFinite));
      this.divergedAt[i] ??= divergedEpoch(l, this.epoch - l.length + 1, this.limit, finite, this.epoch);
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
    this.discardPrepared();
    this.program.dispose();
    this.losses.dispose();
    for (const t of [this.probeX, this.probeY]) t.dispose();
  }
}
