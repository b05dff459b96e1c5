/**
 * The parity target: real TF.js Layers models (tf.layers.dense and friends, compiled with 'meanSquaredError')
 * trained batch by batch with model.trainOnBatch, in the engine's data order, from the engine's initial weights.
 * Several networks train side by side as one functional model (trainLayersModels), each exactly as its own
 * tf.sequential would (layers-model.test.ts); record.ts trains the parity cases that way once, and the tests retrain
 * part of them live with trainSequential and trainLayersModels (recording.ts). Everything here is written against
 * the public tfjs API only, so that it is a second implementation of the seed experiment and not a copy of the
 * engine.
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
 *
 * One step for the whole model: every gradient is flattened into one vector, the moments are one vector each, and
 * the update is cut back into the variables. Each formula is elementwise, so every weight gets exactly the float32
 * value a step per variable gives (each element sees the same operations on the same operands), at a few
 * operations per step instead of a dozen per variable, which is most of what a trainOnBatch call of the side-by-side
 * models costs.
 */
export class KerasAdam extends tf.Optimizer {
  static get className(): string {
    return 'KerasAdam';
  }
  /** The variables the moments belong to, in the order of the flat vectors; set by the first step. */
  private slots: { names: string[]; variables: tf.Variable[]; sizes: number[]; m: tf.Variable; v: tf.Variable } | null =
    null;
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

  /** The moments for these variables: made (zeros) at the first step; a later step must name the same ones. */
  private slotsFor(names: readonly string[]) {
    if (this.slots) {
      if (this.slots.names.join('\n') !== names.join('\n')) throw new Error('KerasAdam: the variables changed');
      return this.slots;
    }
    const variables = names.map((name) => {
      const variable = tf.engine().registeredVariables[name];
      if (!variable) throw new Error(`KerasAdam: no variable named ${name}`);
      return variable;
    });
    const sizes = variables.map((variable) => variable.size);
    const total = sizes.reduce((a, b) => a + b, 0);
    const zeros = () => tf.tidy(() => tf.zeros([total]).variable(false));
    this.slots = { names: [...names], variables, sizes, m: zeros(), v: zeros() };
    return this.slots;
  }

  override applyGradients(variableGradients: VariableGradients): void {
    const named: NamedGradient[] = Array.isArray(variableGradients)
      ? variableGradients
      : Object.entries(variableGradients).map(([name, tensor]) => ({ name, tensor }));
    const { variables, sizes, m, v } = this.slotsFor(named.map((n) => n.name));
    const { oneMinusBeta1, oneMinusBeta2, epsilon } = this.constants;
    const localStep = this.iterations + 1;
    tf.tidy(() => {
      const f32 = (x: number) => tf.scalar(x, 'float32');
      const beta1Power = tf.pow(f32(this.beta1), f32(localStep));
      const beta2Power = tf.pow(f32(this.beta2), f32(localStep));
      const alpha = tf.div(tf.mul(f32(this.learningRate), tf.sqrt(tf.sub(1, beta2Power))), tf.sub(1, beta1Power));
      const g = tf.concat(named.map(({ tensor }) => tf.reshape(tensor, [-1])));
      m.assign(tf.add(m, tf.mul(tf.sub(g, m), oneMinusBeta1)));
      v.assign(tf.add(v, tf.mul(tf.sub(tf.square(g), v), oneMinusBeta2)));
      const steps = tf.split(tf.div(tf.mul(m, alpha), tf.add(tf.sqrt(v), epsilon)), sizes);
      variables.forEach((variable, i) => variable.assign(tf.sub(variable, tf.reshape(steps[i]!, variable.shape))));
    });
    this.incrementIterations();
  }

  override getConfig(): tf.serialization.ConfigDict {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }

  override dispose(): void {
    if (this.slots) tf.dispose([this.slots.m, this.slots.v]);
    this.slots = null;
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
 * The layers of one network, in order: `layers` hidden Dense(width, φ) (each followed by its LeakyReLU or PReLU
 * layer where φ needs one), then Dense(1), with Keras' initializer defaults written out (the Dense weights are
 * overwritten by the given start anyway).
 */
export function networkLayers(layers: number, width: number, act: LayersActivation): tf.layers.Layer[] {
  const stack: tf.layers.Layer[] = [];
  for (let l = 0; l < layers; l++) {
    stack.push(
      tf.layers.dense({
        units: width,
        activation: act.kind === 'dense' ? act.name : 'linear',
        kernelInitializer: 'glorotUniform',
        biasInitializer: 'zeros',
        ...(l === 0 ? { inputShape: [1] } : {}),
      }),
    );
    if (act.kind === 'leakyReLU') stack.push(tf.layers.leakyReLU({ alpha: act.alpha }));
    if (act.kind === 'prelu') stack.push(tf.layers.prelu({ alphaInitializer: 'zeros' }));
  }
  stack.push(
    tf.layers.dense({ units: 1, activation: 'linear', kernelInitializer: 'glorotUniform', biasInitializer: 'zeros' }),
  );
  return stack;
}

/** tf.sequential of networkLayers: the model a TF.js user would write for one network. */
export function buildModel(layers: number, width: number, act: LayersActivation): tf.Sequential {
  return tf.sequential({ layers: networkLayers(layers, width, act) });
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

/** One network to train: its activation, its start (the engine's) and the seed of its visiting order. */
export interface LayersNetwork {
  activation: LayersActivation;
  initial: DeepParams;
  /** The visiting order comes from `new ShuffleStream(seed, N)`, one permutation per epoch. */
  seed: number;
}

export interface LayersTraining {
  layers: number;
  width: number;
  data: Dataset;
  epochs: number;
  lr: number;
  batchSize: number;
  /** The optimizer for a learning rate; Keras' Adam unless a test asks for another. */
  optimizer?: (lr: number) => tf.Optimizer;
}

/** Set a network's Dense layers to the given start; PReLU layers keep the slopes their initializer gave (zeros). */
function setStart(stack: readonly tf.layers.Layer[], initial: DeepParams): void {
  const dense = stack.filter((layer) => layer.getClassName() === 'Dense');
  if (dense.length !== initial.kernels.length) throw new Error(`expected ${dense.length} kernels`);
  dense.forEach((layer, l) => {
    const [kernelShape, biasShape] = layer.getWeights().map((w) => w.shape);
    const start = [tf.tensor(initial.kernels[l]!, kernelShape), tf.tensor(initial.biases[l]!, biasShape)];
    layer.setWeights(start);
    tf.dispose(start);
  });
}

function readRun(stack: readonly tf.layers.Layer[], losses: number[]): LayersRun {
  const read = (layer: tf.layers.Layer) => layer.getWeights().map((w) => Array.from(w.dataSync()));
  const values = stack.filter((l) => l.getClassName() === 'Dense').flatMap(read);
  return {
    losses,
    params: { kernels: values.filter((_, i) => i % 2 === 0), biases: values.filter((_, i) => i % 2 === 1) },
    alphas: stack.filter((l) => l.getClassName() === 'PReLU').flatMap(read),
  };
}

/**
 * Compile `model` (one 'meanSquaredError' output per network, one input each) and train it with trainOnBatch, each
 * network batch by batch in its own engine order (`new ShuffleStream(seed, N)`); returns each network's epoch losses
 * (Keras': batch-size-weighted means). Disposes the optimizer; the model stays the caller's.
 */
async function trainInEngineOrder(
  model: tf.LayersModel,
  seeds: readonly number[],
  t: LayersTraining,
): Promise<number[][]> {
  const N = t.data.x.length;
  const xs = Float32Array.from(t.data.x);
  const ys = Float32Array.from(t.data.y);
  const pick = (from: Float32Array, idx: Int32Array) =>
    tf.tensor2d(
      Float32Array.from(idx, (i) => from[i]!),
      [idx.length, 1],
    );
  const optimizer = t.optimizer ? t.optimizer(t.lr) : new KerasAdam(t.lr);
  try {
    model.compile({ optimizer, loss: seeds.map(() => 'meanSquaredError') });
    const shuffles = seeds.map((seed) => new ShuffleStream(seed, N));
    const losses: number[][] = seeds.map(() => []);
    for (let epoch = 0; epoch < t.epochs; epoch++) {
      const orders = shuffles.map((s) => s.next());
      const weighted = seeds.map(() => 0);
      for (let start = 0; start < N; start += t.batchSize) {
        const end = Math.min(N, start + t.batchSize);
        const x = orders.map((order) => pick(xs, order.subarray(start, end)));
        const y = orders.map((order) => pick(ys, order.subarray(start, end)));
        const result = await model.trainOnBatch(x, y);
        tf.dispose([...x, ...y]);
        // One output: the loss; several: their sum, then each output's loss.
        const each = typeof result === 'number' ? [result] : result.slice(1);
        each.forEach((loss, k) => (weighted[k]! += loss * (end - start)));
      }
      weighted.forEach((w, k) => losses[k]!.push(w / N));
    }
    return losses;
  } finally {
    optimizer.dispose();
  }
}

/**
 * Train several networks with trainOnBatch, each batch by batch in its own engine order, as one tf.layers model: a
 * functional model with one input and one output per network, each output with its own 'meanSquaredError'. Keras
 * sums the outputs' losses, and no weight is shared, so each network's gradients, Adam moments and weights are
 * exactly those it gets trained alone (tests/parity/layers-model.test.ts checks this against one tf.sequential per
 * network); one trainOnBatch call serves them all, which makes the parity tests several times cheaper. Disposes
 * everything it made.
 */
export async function trainLayersModels(t: LayersTraining, networks: readonly LayersNetwork[]): Promise<LayersRun[]> {
  const stacks = networks.map((n) => networkLayers(t.layers, t.width, n.activation));
  const inputs = networks.map(() => tf.input({ shape: [1] }));
  const outputs = stacks.map((stack, k) =>
    stack.reduce<tf.SymbolicTensor>((h, layer) => layer.apply(h) as tf.SymbolicTensor, inputs[k]!),
  );
  const model = tf.model({ inputs, outputs });
  try {
    stacks.forEach((stack, k) => setStart(stack, networks[k]!.initial));
    const losses = await trainInEngineOrder(
      model,
      networks.map((n) => n.seed),
      t,
    );
    return stacks.map((stack, k) => readRun(stack, losses[k]!));
  } finally {
    model.dispose();
  }
}

/**
 * One network the way a TF.js user writes it: a tf.sequential model, trainOnBatch per batch in the engine's order.
 * The yardstick that layers-model.test.ts holds trainLayersModels to. Disposes everything it made.
 */
export async function trainSequential(t: LayersTraining & LayersNetwork): Promise<LayersRun> {
  const model = buildModel(t.layers, t.width, t.activation);
  try {
    setStart(model.layers, t.initial);
    const [losses] = await trainInEngineOrder(model, [t.seed], t);
    return readRun(model.layers, losses!);
  } finally {
    model.dispose();
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
