/**
 * The Fit Lab's last resort when its worker cannot start: the engine's training loop in plain JavaScript,
 * small enough to run on the main thread without bringing a second copy of tfjs (the demo's JS budget has room
 * for one). Same initial weights and shuffles (random.ts), same activations (registry), Keras' Adam in the
 * engine's form (adam.ts: ε added to √v, bias correction folded into the step size), same batching and epoch
 * loss. Parameters and Adam's moments are stored as float32, like the engine's tensors, so that what overflows
 * there (a huge learning rate) overflows here too. It mirrors the part of BatchTrainer's interface that the Fit
 * Lab uses, for one network.
 */
import { ACTIVATIONS } from './activations';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, adamStepSize } from './engine/adam';
import { initialParams, ShuffleStream } from './random';
import type { Dataset, NetworkParams, TrainConfig } from './train-types';

export interface PlainReadout {
  epoch: number;
  firstEpoch: number;
  networks: Array<{ params: NetworkParams; grad: NetworkParams | null; losses: number[]; divergedAt: number | null }>;
}

/**
 * Same rule as the engine's DIVERGENCE_FACTOR (batch-trainer.ts, not imported: that module brings tfjs): an epoch
 * loss above 10⁸ × the target's mean square counts as diverged. A unit test keeps the two in step.
 */
export const PLAIN_DIVERGENCE_FACTOR = 1e8;

const flat = (p: NetworkParams) => [...p.w1, ...p.b1, ...p.w2, p.b2];
function unflat(values: ArrayLike<number>, h: number): NetworkParams {
  const v = Array.from(values);
  return { w1: v.slice(0, h), b1: v.slice(h, 2 * h), w2: v.slice(2 * h, 3 * h), b2: v[3 * h]! };
}

export class PlainTrainer {
  epoch = 0;
  private readonly config: TrainConfig;
  private readonly data: Dataset;
  private theta: Float32Array;
  private m: Float32Array;
  private v: Float32Array;
  private grad: Float32Array | null = null;
  private updates = 0;
  private losses: number[] = [];
  private divergedAt: number | null = null;
  private readonly shuffles: ShuffleStream;
  private readonly lossLimit: number;

  constructor(options: { configs: readonly TrainConfig[]; data: Dataset; initial?: readonly NetworkParams[] }) {
    const config = options.configs[0];
    if (!config || options.configs.length !== 1) throw new RangeError('The plain trainer trains exactly one network');
    this.config = config;
    this.data = options.data;
    this.theta = Float32Array.from(flat(options.initial?.[0] ?? initialParams(config.seed, config.hidden, config.init)));
    this.m = new Float32Array(this.theta.length);
    this.v = new Float32Array(this.theta.length);
    this.shuffles = new ShuffleStream(config.seed, options.data.x.length);
    const meanSquare = options.data.y.reduce((acc, v) => acc + v * v, 0) / options.data.y.length;
    this.lossLimit = PLAIN_DIVERGENCE_FACTOR * Math.max(1, meanSquare);
  }

  get finished(): boolean {
    return this.epoch >= this.config.epochs;
  }

  runEpochs(n: number): void {
    const target = Math.min(this.config.epochs, this.epoch + n);
    while (this.epoch < target) this.runEpoch();
  }

  private runEpoch(): void {
    const { hidden: H, batchSize } = this.config;
    const act = ACTIVATIONS[this.config.activation];
    const ap = this.config.activationParams;
    const order = this.shuffles.next();
    const n = order.length;
    let lossSum = 0;
    for (let start = 0; start < n; start += batchSize) {
      const B = Math.min(batchSize, n - start);
      const g = new Float32Array(3 * H + 1);
      for (let k = 0; k < B; k++) {
        const idx = order[start + k]!;
        const x = this.data.x[idx]!;
        let pred = this.theta[3 * H]!;
        const z: number[] = [];
        for (let i = 0; i < H; i++) {
          z[i] = this.theta[i]! * x + this.theta[H + i]!;
          pred += this.theta[2 * H + i]! * act.f(z[i]!, ap);
        }
        const err = pred - this.data.y[idx]!;
        lossSum += err * err;
        const d = (2 * err) / B; // ∂(mean of err²)/∂pred
        for (let i = 0; i < H; i++) {
          const dz = d * this.theta[2 * H + i]! * act.fPrime(z[i]!, ap);
          g[i]! += dz * x;
          g[H + i]! += dz;
          g[2 * H + i]! += d * act.f(z[i]!, ap);
        }
        g[3 * H]! += d;
      }
      this.updates++;
      const step = adamStepSize(this.config.lr, this.updates);
      for (let j = 0; j < g.length; j++) {
        this.m[j] = ADAM_BETA1 * this.m[j]! + (1 - ADAM_BETA1) * g[j]!;
        this.v[j] = ADAM_BETA2 * this.v[j]! + (1 - ADAM_BETA2) * g[j]! ** 2;
        this.theta[j]! -= (step * this.m[j]!) / (Math.sqrt(this.v[j]!) + ADAM_EPSILON);
      }
      this.grad = g;
    }
    this.epoch++;
    // Keras' epoch loss: batch-size-weighted mean of the batch means = Σ err² / n.
    const loss = lossSum / n;
    this.losses.push(loss);
    if (this.divergedAt === null && (!(loss <= this.lossLimit) || !this.theta.every((t) => Number.isFinite(t)))) this.divergedAt = this.epoch;
  }

  /** Parameters, last gradient and the epoch losses since the previous read. */
  read(): PlainReadout {
    const losses = this.losses;
    this.losses = [];
    const H = this.config.hidden;
    return {
      epoch: this.epoch,
      firstEpoch: this.epoch - losses.length + 1,
      networks: [{ params: unflat(this.theta, H), grad: this.grad ? unflat(this.grad, H) : null, losses, divergedAt: this.divergedAt }],
    };
  }

  dispose(): void {}
}

/** Several plain trainers read as one batch (side by side on the fallback path). */
export class PlainBatch {
  private readonly trainers: PlainTrainer[];
  constructor(options: { configs: readonly TrainConfig[]; data: Dataset; initial?: readonly NetworkParams[] }) {
    this.trainers = options.configs.map((c, s) => {
      const initial = options.initial?.[s];
      return new PlainTrainer({ configs: [c], data: options.data, initial: initial ? [initial] : undefined });
    });
  }
  get epoch(): number {
    return this.trainers[0]?.epoch ?? 0;
  }
  get finished(): boolean {
    return this.trainers.every((t) => t.finished);
  }
  runEpochs(n: number): void {
    for (const t of this.trainers) t.runEpochs(n);
  }
  read(): PlainReadout {
    const reads = this.trainers.map((t) => t.read());
    return { epoch: reads[0]?.epoch ?? 0, firstEpoch: reads[0]?.firstEpoch ?? 1, networks: reads.map((r) => r.networks[0]!) };
  }
  dispose(): void {}
}
