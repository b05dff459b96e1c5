/**
 * The deep engine's stand-in for the main thread, when the training worker cannot start: the same networks,
 * seed, shuffles, batching, Keras Adam and snapshots as DeepTrainer (engine/deep-trainer.ts), in plain loops, so
 * the page needs no second copy of tfjs. Weights and Adam's moments are stored as float32 like the engine's
 * tensors; a unit test holds the two trainers together.
 */
import { ACTIVATIONS } from './activations';
import { assertDeepTrainable, deepInitialParams, kernelShapes, layerStats, norm } from './deep-stats';
import type { DeepActivation, DeepConfig, DeepParams, DeepRunRequest, DeepUpdate } from './deep-types';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, adamStepSize } from './engine/adam';
import { PLAIN_DIVERGENCE_FACTOR } from './plain-trainer';
import { ShuffleStream } from './random';
import type { Dataset } from './train-types';

/** One network's parameters (or gradients, or moments) as float32 arrays: W₀, b₀, W₁, b₁, …, W_L, b_L. */
type Tensors = Float32Array[];

interface Pass {
  /** Σ over the points of ∂(err²)/∂θ · scale, in the parameters' layout. */
  grads: Float64Array[];
  /** zs[l] = layer l's pre-activations, [point, unit]. */
  zs: Float64Array[];
  sq: number;
}

export class PlainDeepTrainer {
  epoch = 0;
  private readonly config: DeepConfig;
  private readonly data: Dataset;
  private readonly shapes: Array<[number, number]>;
  private readonly params: Tensors[];
  private readonly m: Tensors[];
  private readonly v: Tensors[];
  private readonly shuffles: ShuffleStream;
  private readonly lossLimit: number;
  private updates = 0;
  private pending: number[][];
  private readonly lastLoss: number[];
  private readonly divergedAt: (number | null)[];

  constructor(request: Pick<DeepRunRequest, 'config' | 'data' | 'initial'>) {
    const { config, data } = request;
    assertDeepTrainable(config);
    if (data.x.length !== data.y.length || data.x.length === 0) throw new RangeError('x and y must be non-empty and equally long');
    this.config = config;
    this.data = data;
    this.shapes = kernelShapes(config.layers, config.width);
    const seeded = request.initial ? null : deepInitialParams(config.seed, config.layers, config.width);
    this.params = config.networks.map((_, s) => {
      const p = request.initial?.[s] ?? seeded!;
      return this.shapes.flatMap(([fanIn, fanOut], l) => {
        if (p.kernels[l]?.length !== fanIn * fanOut || p.biases[l]?.length !== fanOut) throw new RangeError('Initial weights do not match the network shape');
        return [Float32Array.from(p.kernels[l]!), Float32Array.from(p.biases[l]!)];
      });
    });
    const zeros = () => this.params[0]!.map((t) => new Float32Array(t.length));
    this.m = config.networks.map(zeros);
    this.v = config.networks.map(zeros);
    this.shuffles = new ShuffleStream(config.seed, data.x.length);
    const meanSquare = data.y.reduce((acc, y) => acc + y * y, 0) / data.y.length;
    this.lossLimit = PLAIN_DIVERGENCE_FACTOR * Math.max(1, meanSquare);
    this.pending = config.networks.map(() => []);
    this.lastLoss = config.networks.map(() => NaN);
    this.divergedAt = config.networks.map(() => null);
  }

  get finished(): boolean {
    return this.epoch >= this.config.epochs || this.divergedAt.some((d) => d !== null);
  }

  runEpochs(n: number): void {
    for (let i = 0; i < n && !this.finished; i++) this.runEpoch();
  }

  /** Forward and backward over the points `idx`, gradients of Σ err² scaled by `scale`. */
  private pass(p: Tensors, act: DeepActivation, idx: ArrayLike<number>, scale: number): Pass {
    const L = this.config.layers;
    const H = this.config.width;
    const a = ACTIVATIONS[act.activation];
    const ap = act.activationParams;
    const grads = p.map((t) => new Float64Array(t.length));
    const zs = Array.from({ length: L }, () => new Float64Array(idx.length * H));
    let sq = 0;
    for (let k = 0; k < idx.length; k++) {
      const point = idx[k]!;
      const acts: Float64Array[] = [Float64Array.of(this.data.x[point]!)];
      for (let l = 0; l < L; l++) {
        const [fanIn, fanOut] = this.shapes[l]!;
        const W = p[2 * l]!;
        const out = Float64Array.from(p[2 * l + 1]!);
        for (let i = 0; i < fanIn; i++) for (let j = 0; j < fanOut; j++) out[j]! += acts[l]![i]! * W[i * fanOut + j]!;
        zs[l]!.set(out, k * H);
        acts.push(out.map((z) => a.f(z, ap)));
      }
      let pred = p[2 * L + 1]![0]!;
      for (let i = 0; i < H; i++) pred += acts[L]![i]! * p[2 * L]![i]!;
      const err = pred - this.data.y[point]!;
      sq += err * err;
      const d = 2 * err * scale;
      grads[2 * L + 1]![0]! += d;
      let dA = new Float64Array(H);
      for (let i = 0; i < H; i++) {
        grads[2 * L]![i]! += d * acts[L]![i]!;
        dA[i] = d * p[2 * L]![i]!;
      }
      for (let l = L - 1; l >= 0; l--) {
        const [fanIn, fanOut] = this.shapes[l]!;
        const W = p[2 * l]!;
        const z = zs[l]!.subarray(k * H, (k + 1) * H);
        const dZ = dA.map((g, j) => g * a.fPrime(z[j]!, ap));
        const below = new Float64Array(fanIn);
        for (let i = 0; i < fanIn; i++) {
          for (let j = 0; j < fanOut; j++) {
            grads[2 * l]![i * fanOut + j]! += acts[l]![i]! * dZ[j]!;
            below[i]! += dZ[j]! * W[i * fanOut + j]!;
          }
        }
        for (let j = 0; j < fanOut; j++) grads[2 * l + 1]![j]! += dZ[j]!;
        dA = below;
      }
    }
    return { grads, zs, sq };
  }

  private runEpoch(): void {
    const order = this.shuffles.next();
    const n = order.length;
    const sums = this.config.networks.map(() => 0);
    for (let start = 0; start < n; start += this.config.batchSize) {
      const batch = order.subarray(start, Math.min(n, start + this.config.batchSize));
      this.updates++;
      const step = adamStepSize(this.config.lr, this.updates);
      this.config.networks.forEach((act, s) => {
        const { grads, sq } = this.pass(this.params[s]!, act, batch, 1 / batch.length);
        sums[s]! += sq;
        grads.forEach((g, t) => {
          const theta = this.params[s]![t]!;
          const m = this.m[s]![t]!;
          const v = this.v[s]![t]!;
          for (let j = 0; j < g.length; j++) {
            m[j] = ADAM_BETA1 * m[j]! + (1 - ADAM_BETA1) * g[j]!;
            v[j] = ADAM_BETA2 * v[j]! + (1 - ADAM_BETA2) * g[j]! ** 2;
            theta[j]! -= (step * m[j]!) / (Math.sqrt(v[j]!) + ADAM_EPSILON);
          }
        });
      });
    }
    this.epoch++;
    sums.forEach((sum, s) => {
      const loss = sum / n; // Keras' epoch loss
      this.pending[s]!.push(loss);
      this.lastLoss[s] = loss;
      const finite = this.params[s]!.every((t) => t.every(Number.isFinite));
      if (this.divergedAt[s] === null && (!(loss <= this.lossLimit) || !finite)) this.divergedAt[s] = this.epoch;
    });
  }

  readParams(): DeepParams[] {
    return this.params.map((p) => ({ kernels: p.filter((_, j) => j % 2 === 0).map((t) => Array.from(t)), biases: p.filter((_, j) => j % 2 === 1).map((t) => Array.from(t)) }));
  }

  read(): DeepUpdate {
    const L = this.config.layers;
    const all = Array.from({ length: this.data.x.length }, (_, k) => k);
    const networks = this.config.networks.map((act, s) => {
      const { grads, zs } = this.pass(this.params[s]!, act, all, 1 / all.length);
      return {
        loss: this.lastLoss[s]!,
        layers: zs.map((z, l) => layerStats(z, this.config.width, act, grads[2 * l]!, grads[2 * l + 1]!)),
        output: { gradW: norm(grads[2 * L]!), gradB: norm(grads[2 * L + 1]!) },
      };
    });
    const losses = this.pending;
    this.pending = this.config.networks.map(() => []);
    return { epoch: this.epoch, networks, losses, divergedAt: [...this.divergedAt] };
  }

  dispose(): void {}
}
