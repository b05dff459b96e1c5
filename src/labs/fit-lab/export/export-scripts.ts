/**
 * Scripts that replay one Fit Lab run outside the page: Keras 3 (Python) and TensorFlow.js (Node). Each carries
 * what the run depends on — the training points, the seed's initial weights, and a port of the seeded shuffle
 * (random.ts) — and trains batch by batch in the page's order with Keras' Adam, printing every epoch's Keras-style
 * loss. Same start, same order, same update: the printed losses follow the page's loss curve up to float32
 * rounding.
 *
 * Printed formats (tests/unit/export-*.test.ts read them):
 *   training:  one line per epoch, `epoch <e> loss <value>`, then `final MSE <value>`;
 *   `--dry-run` (Python only; imports neither NumPy nor Keras): JSON lines
 *     {"w1": [...], "b1": [...], "w2": [...], "b2": b}
 *     {"x": [...], "y": [...]}
 *     {"epoch": 1, "order": [...]}   and the same for epochs 2 and 3.
 */
import type { ActivationParams, HiddenActivationId } from '../../../core/activations/types';
import { LEAKY_RELU_DEFAULT_ALPHA, SWISH_DEFAULT_BETA } from '../../../core/activations/registry';
import { initialParams } from '../../../core/train/random';
import type { Dataset } from '../../../core/train/types';

export interface ExportedRun {
  activation: HiddenActivationId;
  activationParams: ActivationParams;
  hidden: number;
  lr: number;
  epochs: number;
  batch: number;
  seed: number;
  /** How the target is written ("cos(x) + 1"), for a comment only: the data itself is in `data`. */
  targetText: string;
  data: Dataset;
}

/** Epochs whose order `--dry-run` prints. */
export const DRY_RUN_EPOCHS = 3;

/**
 * The shortest decimal that is exactly the float32 nearest to v (the value the page trains with): read as a
 * double by Python or JavaScript and rounded to float32, it gives that float32 back.
 */
export function float32Literal(v: number): string {
  const f = Math.fround(v);
  if (!Number.isFinite(f)) throw new RangeError(`not a finite float32: ${v}`);
  if (f === 0) return '0';
  for (let digits = 1; digits < 9; digits++) {
    const text = String(Number(f.toPrecision(digits)));
    if (Math.fround(Number(text)) === f) return text;
  }
  return String(Number(f.toPrecision(9)));
}

/** A list of literals wrapped to lines of about `width` characters, continuation lines indented. */
function wrapList(values: readonly number[], indent: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const text of values.map(float32Literal)) {
    const piece = line === '' ? text : `${line}, ${text}`;
    if (piece.length + indent.length > width && line !== '') {
      lines.push(line + ',');
      line = text;
    } else line = piece;
  }
  lines.push(line);
  return lines.length === 1 ? `[${lines[0]}]` : `[\n${lines.map((l) => indent + l).join('\n')}\n]`;
}

/**
 * Text for a comment or docstring: one line, no quote or backslash, whatever it held (a comment must never end
 * early and a docstring never close).
 */
const oneLine = (text: string) =>
  text
    .replace(/["'`\\]/g, '')
    // Control characters are exactly what this must remove.
    // eslint-disable-next-line no-control-regex
    .replace(/[\s\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ')
    .trim();

const alphaOf = (r: ExportedRun) => r.activationParams.alpha ?? LEAKY_RELU_DEFAULT_ALPHA;
const betaOf = (r: ExportedRun) => r.activationParams.beta ?? SWISH_DEFAULT_BETA;

function describe(r: ExportedRun): string {
  const param = r.activation === 'leaky_relu' ? ` α=${alphaOf(r)}` : r.activation === 'swish' ? ` β=${betaOf(r)}` : '';
  return `Dense(${r.hidden}, ${r.activation}${param}) -> Dense(1), Adam(lr=${r.lr}), ${r.epochs} epochs, batch ${r.batch}, seed ${r.seed}`;
}

/** The hidden activation in Keras 3: a Dense `activation` argument, plus an extra layer where one is needed. */
function kerasHidden(r: ExportedRun): string {
  const dense = (activation: string) => `    keras.layers.Dense(${r.hidden}, activation=${activation}),`;
  switch (r.activation) {
    case 'leaky_relu':
      return [
        '    # Leaky ReLU as its own layer after a linear Dense (tf.keras 2 names the slope `alpha`).',
        dense('"linear"'),
        `    keras.layers.LeakyReLU(negative_slope=${alphaOf(r)}),`,
      ].join('\n');
    case 'swish':
      if (betaOf(r) === 1)
        return ['    # swish with β = 1 is Keras\' "silu" (tf.keras 2 calls it "swish").', dense('"silu"')].join('\n');
      return [
        `    # Keras' silu has no β, so swish with β = ${betaOf(r)} is written out: z·σ(βz).`,
        dense('"linear"'),
        `    keras.layers.Lambda(lambda z: z * keras.ops.sigmoid(${betaOf(r)} * z)),`,
      ].join('\n');
    case 'gelu':
      return [
        '    # The exact (erf) GELU, as on the page, not the tanh approximation.',
        dense('lambda z: keras.activations.gelu(z, approximate=False)'),
      ].join('\n');
    case 'elu':
      return ["    # ELU with α = 1 (Keras' default), as on the page.", dense('"elu"')].join('\n');
    case 'step':
      return [
        '    # Keras has no step activation. sign(relu(z)) is 1 for z > 0 and 0 otherwise, and its gradient is 0',
        '    # everywhere, as on the page: the hidden weights and biases never move; only the output layer learns.',
        dense('lambda z: keras.ops.sign(keras.ops.relu(z))'),
      ].join('\n');
    case 'gaussian':
      return [
        '    # Keras has no Gaussian activation: exp(−z²), written out.',
        dense('lambda z: keras.ops.exp(-keras.ops.square(z))'),
      ].join('\n');
    case 'sine':
      return ['    # Keras has no sine activation: keras.ops.sin is used as one.', dense('keras.ops.sin')].join('\n');
    case 'prelu':
      return [
        '    # PReLU is its own layer after a linear Dense: one slope per neuron, learned, starting at 0 as on the page.',
        dense('"linear"'),
        '    keras.layers.PReLU(alpha_initializer="zeros"),',
      ].join('\n');
    default:
      return dense(`"${r.activation}"`);
  }
}

/** The hidden activation in TensorFlow.js layers (custom layer code, if any, goes before the model). */
function tfjsHidden(r: ExportedRun): { layers: string; classes: string } {
  const dense = (activation: string) =>
    `model.add(tf.layers.dense({ units: ${r.hidden}, inputShape: [1], activation: '${activation}' }));`;
  switch (r.activation) {
    case 'leaky_relu':
      return {
        classes: '',
        layers: [
          "// tfjs has no 'leakyRelu' activation name: a linear Dense, then the LeakyReLU layer (its default α is 0.3).",
          dense('linear'),
          `model.add(tf.layers.leakyReLU({ alpha: ${alphaOf(r)} }));`,
        ].join('\n'),
      };
    case 'swish':
      if (betaOf(r) === 1) return { classes: '', layers: dense('swish') };
      return {
        classes: `
// tfjs' 'swish' activation has no β: this small layer computes z·σ(βz).
class ScaledSwish extends tf.layers.Layer {
  static className = 'ScaledSwish';
  constructor(beta) {
    super({});
    this.beta = beta;
  }
  call(inputs) {
    return tf.tidy(() => {
      const z = Array.isArray(inputs) ? inputs[0] : inputs;
      return tf.mul(z, tf.sigmoid(tf.mul(z, this.beta)));
    });
  }
}
`,
        layers: [dense('linear'), `model.add(new ScaledSwish(${betaOf(r)}));`].join('\n'),
      };
    case 'gelu':
      return {
        classes: '',
        layers: ["// tfjs' 'gelu' is the exact erf form, as on the page.", dense('gelu')].join('\n'),
      };
    case 'step':
      return elementwiseLayer(
        dense('linear'),
        'Step',
        'tfjs has no step activation: this small layer computes tf.step(z), 1 for z > 0 and 0 otherwise. Its\n// gradient is 0 everywhere, as on the page: the hidden weights and biases never move; only the output layer learns.',
        'tf.step(z, 0)',
      );
    case 'gaussian':
      return elementwiseLayer(
        dense('linear'),
        'Gaussian',
        'tfjs has no Gaussian activation: this small layer computes exp(−z²).',
        'tf.exp(tf.neg(tf.square(z)))',
      );
    case 'sine':
      return elementwiseLayer(
        dense('linear'),
        'Sine',
        'tfjs has no sine activation: this small layer computes sin(z).',
        'tf.sin(z)',
      );
    case 'prelu':
      return {
        classes: '',
        layers: [
          '// PReLU is its own layer after a linear Dense: one slope per neuron, learned, starting at 0 as on the page.',
          dense('linear'),
          "model.add(tf.layers.prelu({ alphaInitializer: 'zeros' }));",
        ].join('\n'),
      };
    default:
      return { classes: '', layers: dense(r.activation) };
  }
}

/**
 * A linear Dense followed by a parameter-free layer applying `expression` (in z) elementwise, for activations
 * tfjs cannot name. setWeights still addresses the Dense as model.layers[0].
 */
function elementwiseLayer(
  linearDense: string,
  className: string,
  comment: string,
  expression: string,
): { layers: string; classes: string } {
  return {
    classes: `
// ${comment}
class ${className} extends tf.layers.Layer {
  static className = '${className}';
  call(inputs) {
    return tf.tidy(() => {
      const z = Array.isArray(inputs) ? inputs[0] : inputs;
      return ${expression};
    });
  }
}
`,
    layers: [linearDense, `model.add(new ${className}({}));`].join('\n'),
  };
}

/** Keras' batching, said in words: full batches, then the rest (100 points, batch 32 ⇒ 32, 32, 32 and 4). */
function batchesText(r: ExportedRun): string {
  const n = r.data.x.length;
  const sizes: number[] = [];
  for (let offset = 0; offset < n; offset += r.batch) sizes.push(Math.min(r.batch, n - offset));
  const list = sizes.length > 6 ? `${sizes.slice(0, 3).join(', ')}, … (${sizes.length} batches)` : sizes.join(', ');
  return `per epoch, as Keras batches ${n} points with batch size ${r.batch}: ${list}`;
}

function assertExportable(r: ExportedRun): void {
  if (r.data.x.length !== r.data.y.length || r.data.x.length === 0)
    throw new RangeError('x and y must be non-empty and equally long');
  for (const [name, v] of [
    ['hidden', r.hidden],
    ['epochs', r.epochs],
    ['batch', r.batch],
    ['seed', r.seed],
  ] as const) {
    if (!Number.isInteger(v) || v < 0) throw new RangeError(`${name} must be a non-negative integer, got ${v}`);
  }
  if (!(r.lr > 0) || !Number.isFinite(r.lr)) throw new RangeError(`lr must be positive, got ${r.lr}`);
}

/** The name the script is saved under, for its usage lines. */
export interface ScriptOptions {
  fileName?: string;
}

export function kerasScript(r: ExportedRun, { fileName = 'fit_lab_run.py' }: ScriptOptions = {}): string {
  assertExportable(r);
  const run = `python ${oneLine(fileName)}`;
  const p = initialParams(r.seed, r.hidden);
  return `"""
A Fit Lab run, replayed in Keras 3: ${describe(r)}.
Target: y = ${oneLine(r.targetText)}, on ${r.data.x.length} points of [0, 2π].

Same start (the page's initial weights), same order (the page's seeded shuffle, ported below) and the same
optimizer (Keras' Adam): each epoch's loss follows the page's loss curve up to float32 rounding.

  ${run}
      trains and prints "epoch <e> loss <value>" for every epoch, then "final MSE <value>"
      (needs Keras 3 and a backend such as TensorFlow; Colab has both: paste the script into a cell)
  ${run} --dry-run
      imports neither NumPy nor Keras; prints JSON lines: the initial weights {"w1", "b1", "w2", "b2"},
      the data {"x", "y"}, then {"epoch", "order"} for each of the first ${DRY_RUN_EPOCHS} epochs
"""
import json
import sys

SEED = ${r.seed}
EPOCHS = ${r.epochs}
BATCH = ${r.batch}
LR = ${r.lr}

# The training data exactly as the page trains on it (each value is a float32).
X = ${wrapList(r.data.x, '    ')}
Y = ${wrapList(r.data.y, '    ')}

# The page's initial weights for seed ${r.seed} (glorot-uniform kernels, zero biases), in Keras' layout.
W1 = ${wrapList(p.w1, '    ')}  # hidden kernel: one input weight per neuron
B1 = ${wrapList(p.b1, '    ')}  # hidden biases
W2 = ${wrapList(p.w2, '    ')}  # output kernel: one weight per neuron
B2 = ${float32Literal(p.b2)}  # output bias

# The page's seeded shuffle: splitmix32 turns (seed, stream) into a state, mulberry32 draws numbers in [0, 1),
# and each epoch is one Fisher-Yates shuffle. JavaScript's 32-bit integer maths (Math.imul, >>>) is emulated by
# masking with & 0xFFFFFFFF.
M32 = 0xFFFFFFFF
SHUFFLE_STREAM = 2  # stream 1 drew the initial weights


def mix_seed(seed, stream):
    z = (seed * 0x9E3779B9 + (stream + 1) * 0x85EBCA6B) & M32
    z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
    z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
    return z ^ (z >> 16)


class Mulberry32:
    def __init__(self, seed, stream):
        self.state = mix_seed(seed, stream)

    def next(self):
        self.state = (self.state + 0x6D2B79F5) & M32
        t = self.state
        t = ((t ^ (t >> 15)) * (t | 1)) & M32
        t ^= (t + ((t ^ (t >> 7)) * (t | 61))) & M32
        return (t ^ (t >> 14)) / 4294967296


def epoch_orders(seed, n):
    """Each epoch's visiting order of the n points, as the page draws it."""
    rng = Mulberry32(seed, SHUFFLE_STREAM)
    while True:
        order = list(range(n))
        for i in range(n - 1, 0, -1):
            j = int(rng.next() * (i + 1))
            order[i], order[j] = order[j], order[i]
        yield order


if "--dry-run" in sys.argv:
    print(json.dumps({"w1": W1, "b1": B1, "w2": W2, "b2": B2}))
    print(json.dumps({"x": X, "y": Y}))
    orders = epoch_orders(SEED, len(X))
    for epoch in range(1, ${DRY_RUN_EPOCHS + 1}):
        print(json.dumps({"epoch": epoch, "order": next(orders)}))
    sys.exit(0)

import numpy as np  # noqa: E402 (imported here so that --dry-run needs neither)
import keras  # noqa: E402

x = np.array(X, dtype="float32").reshape(-1, 1)
y = np.array(Y, dtype="float32").reshape(-1, 1)

model = keras.Sequential([
    keras.Input(shape=(1,)),
${kerasHidden(r)}
    keras.layers.Dense(1, activation="linear"),
])
hidden, output = model.layers[0], model.layers[-1]
hidden.set_weights([np.array([W1], dtype="float32"), np.array(B1, dtype="float32")])
output.set_weights([np.array(W2, dtype="float32").reshape(-1, 1), np.array([B2], dtype="float32")])
model.compile(
    optimizer=keras.optimizers.Adam(learning_rate=LR, beta_1=0.9, beta_2=0.999, epsilon=1e-7),
    loss="mean_squared_error",
)

# No model.fit: it would shuffle with its own generator. Batches are taken in the page's order instead;
# ${batchesText(r)}.
orders = epoch_orders(SEED, len(x))
for epoch in range(1, EPOCHS + 1):
    order = np.array(next(orders))
    weighted = 0.0
    for start in range(0, len(x), BATCH):
        batch = order[start:start + BATCH]
        # Reset so that train_on_batch reports this batch's loss (some Keras 3 versions keep a running mean).
        model.reset_metrics()
        loss = float(model.train_on_batch(x[batch], y[batch], return_dict=True)["loss"])
        weighted += loss * len(batch)
    # Keras' epoch loss: each batch's loss (before its update) weighted by its size.
    print(f"epoch {epoch} loss {weighted / len(x):.9g}")

prediction = model.predict(x, verbose=0)
print(f"final MSE {float(np.mean((prediction - y) ** 2)):.9g}")
`;
}

export function tfjsScript(r: ExportedRun, { fileName = 'fit-lab-run.mjs' }: ScriptOptions = {}): string {
  assertExportable(r);
  const p = initialParams(r.seed, r.hidden);
  const hidden = tfjsHidden(r);
  return `// A Fit Lab run, replayed in TensorFlow.js: ${describe(r)}.
// Target: y = ${oneLine(r.targetText)}, on ${r.data.x.length} points of [0, 2π].
//
// Same start (the page's initial weights), same order (the page's seeded shuffle) and the same optimizer
// (Keras' Adam, written below): each epoch's loss follows the page's loss curve up to float32 rounding.
// Run with Node 20+ in a folder where @tensorflow/tfjs is installed (npm install @tensorflow/tfjs):
//   node ${oneLine(fileName)}
// prints "epoch <e> loss <value>" for every epoch, then "final MSE <value>".
import * as tf from '@tensorflow/tfjs';

const SEED = ${r.seed};
const EPOCHS = ${r.epochs};
const BATCH = ${r.batch};
const LR = ${r.lr};

// The training data exactly as the page trains on it (each value is a float32).
const X = ${wrapList(r.data.x, '  ')};
const Y = ${wrapList(r.data.y, '  ')};

// The page's initial weights for seed ${r.seed} (glorot-uniform kernels, zero biases).
const W1 = ${wrapList(p.w1, '  ')}; // hidden kernel: one input weight per neuron
const B1 = ${wrapList(p.b1, '  ')}; // hidden biases
const W2 = ${wrapList(p.w2, '  ')}; // output kernel: one weight per neuron
const B2 = ${float32Literal(p.b2)}; // output bias

// The page's seeded shuffle: splitmix32 turns (seed, stream) into a state, mulberry32 draws numbers in
// [0, 1), and each epoch is one Fisher-Yates shuffle.
const SHUFFLE_STREAM = 2; // stream 1 drew the initial weights
function mixSeed(seed, stream) {
  let z = (Math.imul(seed >>> 0, 0x9e3779b9) + Math.imul(stream + 1, 0x85ebca6b)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
function mulberry32(seed, stream) {
  let state = mixSeed(seed, stream);
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function* epochOrders(seed, n) {
  const next = mulberry32(seed, SHUFFLE_STREAM);
  for (;;) {
    const order = Array.from({ length: n }, (_, i) => i);
    for (let i = n - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [order[i], order[j]] = [order[j], order[i]];
    }
    yield order;
  }
}

// Keras' Adam. tf.train.adam adds ε to √v̂ (the paper's form); Keras adds it to √v and folds the bias
// correction into the step size: θ ← θ − lr·√(1 − β2ᵗ)/(1 − β1ᵗ) · m / (√v + ε).
class KerasAdam extends tf.Optimizer {
  static className = 'KerasAdam';
  constructor(learningRate, beta1 = 0.9, beta2 = 0.999, epsilon = 1e-7) {
    super();
    Object.assign(this, { learningRate, beta1, beta2, epsilon, moments: new Map(), step: 0 });
  }
  applyGradients(gradients) {
    const named = Array.isArray(gradients) ? gradients : Object.entries(gradients).map(([name, tensor]) => ({ name, tensor }));
    this.step += 1;
    const stepSize = (this.learningRate * Math.sqrt(1 - this.beta2 ** this.step)) / (1 - this.beta1 ** this.step);
    tf.tidy(() => {
      for (const { name, tensor: g } of named) {
        const variable = tf.engine().registeredVariables[name];
        if (!this.moments.has(name)) {
          this.moments.set(name, tf.tidy(() => ({ m: tf.zerosLike(variable).variable(false), v: tf.zerosLike(variable).variable(false) })));
        }
        const { m, v } = this.moments.get(name);
        m.assign(tf.add(tf.mul(m, this.beta1), tf.mul(g, 1 - this.beta1)));
        v.assign(tf.add(tf.mul(v, this.beta2), tf.mul(tf.square(g), 1 - this.beta2)));
        variable.assign(tf.sub(variable, tf.div(tf.mul(m, stepSize), tf.add(tf.sqrt(v), this.epsilon))));
      }
    });
  }
  getConfig() {
    return { learningRate: this.learningRate, beta1: this.beta1, beta2: this.beta2, epsilon: this.epsilon };
  }
}
${hidden.classes}
// The CPU backend computes in float32, like the page.
await tf.setBackend('cpu');

const N = X.length;
const xs = tf.tensor2d(X, [N, 1]);
const ys = tf.tensor2d(Y, [N, 1]);

const model = tf.sequential();
${hidden.layers}
model.add(tf.layers.dense({ units: 1, activation: 'linear' }));
model.layers[0].setWeights([tf.tensor2d([W1]), tf.tensor1d(B1)]);
model.layers[model.layers.length - 1].setWeights([tf.tensor2d(W2, [W2.length, 1]), tf.tensor1d([B2])]);
model.compile({ optimizer: new KerasAdam(LR), loss: 'meanSquaredError' });

// No model.fit: it would shuffle with Math.random. Batches are taken in the page's order instead;
// ${batchesText(r)}.
const orders = epochOrders(SEED, N);
for (let epoch = 1; epoch <= EPOCHS; epoch++) {
  const order = orders.next().value;
  let weighted = 0;
  for (let start = 0; start < N; start += BATCH) {
    const batch = tf.tensor1d(order.slice(start, start + BATCH), 'int32');
    const xb = tf.gather(xs, batch);
    const yb = tf.gather(ys, batch);
    const loss = await model.trainOnBatch(xb, yb);
    weighted += loss * batch.size;
    tf.dispose([batch, xb, yb]);
  }
  // Keras' epoch loss: each batch's loss (before its update) weighted by its size.
  console.log(\`epoch \${epoch} loss \${weighted / N}\`);
}

const prediction = model.predict(xs);
console.log(\`final MSE \${tf.losses.meanSquaredError(ys, prediction).dataSync()[0]}\`);
`;
}
