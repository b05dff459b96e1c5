/**
 * The parity target: real TF.js Layers models (tf.sequential of tf.layers.dense, compiled with
 * 'meanSquaredError') trained batch by batch with model.trainOnBatch, in the engine's data order, from the
 * engine's initial weights. Everything here is written against the public tfjs API only, so that it is a
 * second implementation of the seed experiment and not a copy of the engine.
 *
 * The optimizer is Keras' Adam, written as a tf.Optimizer (KerasAdam below): tfjs' own tf.train.adam uses the
 * paper's form, which Keras does not (see KerasAdam, and targets.test.ts for where the two forms part).
 */
import * as tf from '@tensorflow/tfjs';
import type { DeepParams } from '../../src/core/train/deep-types';
import { ShuffleStream } from '../../src/core/train/random';
import type { Dataset, NetworkParams } from '../../src/core/train/types';

export { tf };

export const ADAM = { beta1: 0.9, beta2: 0.999, epsilon: 1e-7 } as const;

type VariableGradients = Parameters<tf.Optimizer['applyGradients']>[0];
type NamedGradient = Extract<VariableGradients, unknown[]>[number];

/**
 * Keras 3's Adam (`keras/src/optimizers/adam.py`, update_step), in float32 like Keras:
 *   α = lr · √(1 − β2ᵗ) / (1 − β1ᵗ),  m += (g − m)(1 − β1),  v += (g² − v)(1 − β2),  θ −= α·m / (√v + ε).
 * ε is added to √v, not to √v̂ as in tfjs' AdamOptimizer (θ −= lr·m̂ / (√v̂ + ε)); the two agree only while
 * √v̂ ≫ ε/√(1 − β2ᵗ), i.e. not for gradients near 1e-6 and below.
 */
export class KerasAdam extends tf.Optimizer {
  static get className(): string {
    return 'KerasAdam';
  }
  private readonly moments = new Map<string, { m: tf.Variable; v: tf.Variable }>();
  /** 1 − β1, 1 − β2 and ε as float32 scalars, made once (as Keras keeps them as constants). */
  private readonly constants: { oneMinusBeta1: tf.Scalar; oneMinusBeta2: tf.Scalar; epsilon: tf.Scalar };

  constructor(
    readonly learningRate: number,
    readonly beta1: number = ADAM.beta1,
    readonly beta2: number = ADAM.beta2,
    readonly epsilon: number = ADAM.epsilon,
  ) {
    super();
    this.constants = {
      oneMinusBeta1: tf.scalar(1 - beta1),
      oneMinusBeta2: tf.scalar(1 - beta2),
      epsilon: tf.scalar(epsilon),
    };
  }

  override applyGradients(variableGradients: VariableGradients): void {
    const named: NamedGradient[] = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const { oneMinusBeta1, oneMinusBeta2, epsilon } = this.constants;
    const localStep = this.iterations + 1;
    tf.tidy(() => {
      const f32 = (v: number) => tf.scalar(v, 'float32');
      const beta1Power = tf.pow(f32(this.beta1), f32(localStep));
      const beta2Power = tf.pow(f32(this.beta2), f32(localStep));
      const alpha = tf.div(tf.mul(f32(this.learningRate), tf.sqrt(tf.sub(1, beta2Power))), tf.sub(1, beta1Power));
      for (const { name, tensor: g } of named) {
        const variable = tf.engine().registeredVariables[name];
        if (!variable) throw new Error(`KerasAdam: no variable named ${name}`);
        let slot = this.moments.get(name);
        if (!slot) {
          slot = tf.tidy(() => ({
            m: tf.zerosLike(variable).variable(false),
            v: tf.zerosLike(variable).variable(false),
          }));
          this.moments.set(name, slot);
        }
        slot.m.assign(tf.add(slot.m, tf.mul(tf.sub(g, slot.m), oneMinusBeta1)));
        slot.v.assign(tf.add(slot.v, tf.mul(tf.sub(tf.square(g), slot.v), oneMinusBeta2)));
        variable.assign(tf.sub(variable, tf.div(tf.mul(slot.m, alpha), tf.add(tf.sqrt(slot.v), epsilon))));
      }
    });
    this.incrementIterations();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  override dispose(): void {
    for (const { m, v } of this.moments.values()) {
      m.dispose();
      v.dispose();
    }
    this.moments.clear();
    tf.dispose(Object.values(this.constants));
    super.dispose();
  }
}

/**
 * A hidden layer's activation in tf.layers terms: a Dense `activation` string, or Dense(linear) followed by the
 * LeakyReLU layer (tfjs has no 'leakyRelu' activation string), or Dense(linear) followed by the PReLU layer with
 * its slopes starting at 0 (alphaInitializer 'zeros', Keras' default).
 */
export type LayersActivation =
  | {
      kind: 'dense';
      name: 'linear' | 'sigmoid' | 'tanh' | 'relu' | 'elu' | 'softplus' | 'swish' | 'mish' | 'gelu' | 'softsign';
    }
  | { kind: 'leakyReLU'; alpha: number }
  | { kind: 'prelu' };

/**
 * tf.sequential: `layers` hidden Dense(width, φ) then Dense(1), with Keras' initializer defaults written out
 * (the weights are overwritten by setWeights anyway).
 */
export function buildModel(layers: number, width: number, act: LayersActivation): tf.Sequential {
  const model = tf.sequential();
  for (let l = 0; l < layers; l++) {
    model.add(
      tf.layers.dense({
        units: width,
        activation: act.kind === 'dense' ? act.name : 'linear',
        kernelInitializer: 'glorotUniform',
        biasInitializer: 'zeros',
        ...(l === 0 ? { inputShape: [1] } : {}),
      }),
    );
    if (act.kind === 'leakyReLU') model.add(tf.layers.leakyReLU({ alpha: act.alpha }));
    if (act.kind === 'prelu') model.add(tf.layers.prelu({ alphaInitializer: 'zeros' }));
  }
  model.add(
    tf.layers.dense({ units: 1, activation: 'linear', kernelInitializer: 'glorotUniform', biasInitializer: 'zeros' }),
  );
  return model;
}

/** The one-hidden-layer engine's weights in the deep layout: kernels [w1 as [1,H], w2 as [H,1]], biases [b1, [b2]]. */
export function asLayers(p: NetworkParams): DeepParams {
  return { kernels: [[...p.w1], [...p.w2]], biases: [[...p.b1], [p.b2]] };
}

export interface LayersRun {
  /** Keras' epoch loss: Σ over batches of (batch loss · batch size) / N. */
  losses: number[];
  /** Final weights, layer by layer (same layout as DeepParams). */
  params: DeepParams;
  /** Each PReLU layer's final slopes (none for other activations). */
  alphas: number[][];
}

export interface LayersTraining {
  layers: number;
  width: number;
  activation: LayersActivation;
  initial: DeepParams;
  data: Dataset;
  /** The visiting order comes from `new ShuffleStream(seed, N)`, one permutation per epoch. */
  seed: number;
  epochs: number;
  lr: number;
  batchSize: number;
  /** The optimizer for a learning rate; Keras' Adam unless a test asks for another. */
  optimizer?: (lr: number) => tf.Optimizer;
}

/** Train a tf.sequential model with trainOnBatch, batch by batch in the engine's order; disposes everything it made. */
export async function trainLayersModel(t: LayersTraining): Promise<LayersRun> {
  const N = t.data.x.length;
  const xs = Float32Array.from(t.data.x);
  const ys = Float32Array.from(t.data.y);
  const model = buildModel(t.layers, t.width, t.activation);
  const optimizer = t.optimizer ? t.optimizer(t.lr) : new KerasAdam(t.lr);
  try {
    model.compile({ optimizer, loss: 'meanSquaredError' });
    const shapes = model.getWeights().map((w) => w.shape);
    const dense = t.initial.kernels.flatMap((k, l) => [k, t.initial.biases[l]!]);
    // PReLU layers keep the slopes their initializer gave them (zeros); Dense layers take the given weights.
    const flat = model.layers.flatMap((layer) =>
      layer.getClassName() === 'PReLU'
        ? layer.getWeights().map((w) => Array.from(w.dataSync()))
        : dense.splice(0, layer.weights.length),
    );
    if (flat.length !== shapes.length) throw new Error(`expected ${shapes.length} weight tensors, got ${flat.length}`);
    const initial = flat.map((values, i) => tf.tensor(values, shapes[i]!, 'float32'));
    model.setWeights(initial);
    tf.dispose(initial);

    const shuffles = new ShuffleStream(t.seed, N);
    const losses: number[] = [];
    for (let epoch = 0; epoch < t.epochs; epoch++) {
      const order = shuffles.next();
      let weighted = 0;
      for (let start = 0; start < N; start += t.batchSize) {
        const idx = order.subarray(start, Math.min(N, start + t.batchSize));
        const B = idx.length;
        const x = tf.tensor2d(
          Float32Array.from(idx, (i) => xs[i]!),
          [B, 1],
        );
        const y = tf.tensor2d(
          Float32Array.from(idx, (i) => ys[i]!),
          [B, 1],
        );
        const loss = (await model.trainOnBatch(x, y)) as number;
        tf.dispose([x, y]);
        weighted += loss * B;
      }
      losses.push(weighted / N);
    }

    const read = (layer: tf.layers.Layer) => layer.getWeights().map((w) => Array.from(w.dataSync()));
    const values = model.layers.filter((l) => l.getClassName() !== 'PReLU').flatMap(read);
    return {
      losses,
      params: { kernels: values.filter((_, i) => i % 2 === 0), biases: values.filter((_, i) => i % 2 === 1) },
      alphas: model.layers.filter((l) => l.getClassName() === 'PReLU').flatMap(read),
    };
  } finally {
    model.dispose();
    optimizer.dispose();
  }
}

/**
 * Epoch losses agree when |engine − layers| ≤ max(relTol·|layers|, absFloor). The floor only matters for losses
 * under absFloor/relTol; see the tests for why it is set where it is.
 */
export const LOSS_REL_TOL = 0.01;
export const LOSS_ABS_FLOOR = 1e-6;
export const WEIGHT_ABS_TOL = 1e-3;

/** max over epochs of |a − b| / max(|b|, floor/relTol): ≤ relTol exactly when every epoch passes. */
export function worstLossRatio(engine: readonly number[], layers: readonly number[]): number {
  if (engine.length !== layers.length) return Infinity;
  let worst = 0;
  engine.forEach((e, i) => {
    const k = layers[i]!;
    const r = Math.abs(e - k) / Math.max(Math.abs(k), LOSS_ABS_FLOOR / LOSS_REL_TOL);
    worst = Math.max(worst, Number.isNaN(r) ? Infinity : r);
  });
  return worst;
}

/** Largest |a − b| over every weight of two networks of the same shape (Infinity if the shapes differ). */
export function worstWeightDiff(a: DeepParams, b: DeepParams): number {
  const flat = (p: DeepParams) => p.kernels.flatMap((k, l) => [...k, ...p.biases[l]!]);
  const fa = flat(a);
  const fb = flat(b);
  if (fa.length !== fb.length) return Infinity;
  return fa.reduce((worst, v, i) => Math.max(worst, Number.isNaN(v - fb[i]!) ? Infinity : Math.abs(v - fb[i]!)), 0);
}

/** The first epoch whose losses disagree (see LOSS_REL_TOL, LOSS_ABS_FLOOR), or null: a readable failure. */
export function firstLossMismatch(
  engine: readonly number[],
  layers: readonly number[],
): { epoch: number; engine: number; layers: number } | null {
  if (engine.length !== layers.length)
    return { epoch: Math.min(engine.length, layers.length) + 1, engine: NaN, layers: NaN };
  const i = engine.findIndex(
    (e, k) => !(Math.abs(e - layers[k]!) <= Math.max(LOSS_REL_TOL * Math.abs(layers[k]!), LOSS_ABS_FLOOR)),
  );
  return i < 0 ? null : { epoch: i + 1, engine: engine[i]!, layers: layers[i]! };
}

/** What one activation's comparison measured, over all its seeds (for PARITY_REPORT=1). */
export interface ParityMargins {
  /** Largest |engine − layers| / |layers| over every epoch and seed. */
  lossRel: number;
  /** Largest |engine − layers| over every final weight and seed. */
  weight: number;
  /** Smallest epoch loss seen: how close the floor LOSS_ABS_FLOOR comes to mattering. */
  minLoss: number;
}

export function margins(
  pairs: ReadonlyArray<{
    engineLosses: readonly number[];
    layersLosses: readonly number[];
    engineParams: DeepParams;
    layersParams: DeepParams;
  }>,
): ParityMargins {
  let lossRel = 0;
  let weight = 0;
  let minLoss = Infinity;
  for (const p of pairs) {
    p.layersLosses.forEach((k, i) => {
      lossRel = Math.max(lossRel, Math.abs(p.engineLosses[i]! - k) / Math.abs(k));
      minLoss = Math.min(minLoss, k, p.engineLosses[i]!);
    });
    weight = Math.max(weight, worstWeightDiff(p.engineParams, p.layersParams));
  }
  return { lossRel, weight, minLoss };
}

/** Print measured margins when PARITY_REPORT=1 (the tests assert the tolerances either way). */
export function report(label: string, m: ParityMargins): void {
  if (process.env.PARITY_REPORT === '1') {
    console.log(
      `${label}: max relative loss difference ${m.lossRel.toExponential(2)}, max weight difference ${m.weight.toExponential(2)}, smallest loss ${m.minLoss.toExponential(2)}`,
    );
  }
}
