/**
 * The yardstick a reader would reach for: the same network trained the way a TF.js user writes it — a tf.layers
 * Sequential model (Dense(H, φ) × L, then Dense(1)), MSE, `tf.train.adam(lr)`, one `model.trainOnBatch` per batch.
 * It starts from the engine's initial weights and visits the points in the engine's order (one
 * ShuffleStream(seed, N).next() per epoch, consecutive batches of that permutation), so both do the same work.
 *
 * @tensorflow/tfjs and the engine share one tfjs-core (same version, one copy in node_modules), so whichever
 * backend the bench activates is the one both run on; run.ts checks that.
 */
import * as tf from '@tensorflow/tfjs';
import type { HiddenActivationId } from '../../src/core/activations/types';
import { LEAKY_RELU_DEFAULT_ALPHA } from '../../src/core/activations/registry';
import type { DeepParams } from '../../src/core/train/deep-types';
import { ShuffleStream } from '../../src/core/train/random';
import type { Dataset, NetworkParams } from '../../src/core/train/types';

export { getBackend as layersBackend, memory as layersMemory } from '@tensorflow/tfjs';

export interface LayersRun {
  /** Kernels (row-major [fan_in, fan_out]) and biases per layer, hidden layers first: DeepParams' layout. */
  initial: DeepParams;
  activation: HiddenActivationId;
  lr: number;
  epochs: number;
  batchSize: number;
  seed: number;
  data: Dataset;
}

/** The one-hidden-layer network's weights in the deep layout. */
export function asLayers(p: NetworkParams): DeepParams {
  return { kernels: [p.w1, p.w2], biases: [p.b1, [p.b2]] };
}

/** The hidden layer(s) tf.layers offers for an activation, as a user would write them. */
function hiddenLayers(activation: HiddenActivationId, units: number, first: boolean): tf.layers.Layer[] {
  const inputShape = first ? { inputShape: [1] } : {};
  switch (activation) {
    case 'relu':
    case 'sigmoid':
    case 'tanh':
    case 'softplus':
    case 'linear':
      return [tf.layers.dense({ units, activation, ...inputShape })];
    case 'leaky_relu':
      // tf.layers has no 'leaky_relu' activation string; the LeakyReLU layer is the idiom (its own default α is 0.3).
      return [tf.layers.dense({ units, ...inputShape }), tf.layers.leakyReLU({ alpha: LEAKY_RELU_DEFAULT_ALPHA })];
    default:
      throw new Error(`The tf.layers yardstick has no mapping for the activation ${activation}`);
  }
}

/** Train one network to the end; resolves to its last epoch loss (Keras': batch-size-weighted mean). */
export async function layersTrain(run: LayersRun): Promise<number> {
  const { initial, data } = run;
  const depth = initial.kernels.length - 1;
  const model = tf.sequential();
  for (let l = 0; l < depth; l++)
    for (const layer of hiddenLayers(run.activation, initial.biases[l]!.length, l === 0)) model.add(layer);
  model.add(tf.layers.dense({ units: 1 }));
  const optimizer = tf.train.adam(run.lr);
  model.compile({ optimizer, loss: 'meanSquaredError' });
  const start = initial.kernels.flatMap((k, l) => {
    const fanOut = initial.biases[l]!.length;
    return [tf.tensor2d(k, [k.length / fanOut, fanOut]), tf.tensor1d(initial.biases[l]!)];
  });
  model.setWeights(start);
  for (const t of start) t.dispose();

  const n = data.x.length;
  const xs = Float32Array.from(data.x);
  const ys = Float32Array.from(data.y);
  const shuffles = new ShuffleStream(run.seed, n);
  let loss = NaN;
  try {
    for (let epoch = 0; epoch < run.epochs; epoch++) {
      const perm = shuffles.next();
      let total = 0;
      for (let offset = 0; offset < n; offset += run.batchSize) {
        const size = Math.min(run.batchSize, n - offset);
        const xb = new Float32Array(size);
        const yb = new Float32Array(size);
        for (let k = 0; k < size; k++) {
          xb[k] = xs[perm[offset + k]!]!;
          yb[k] = ys[perm[offset + k]!]!;
        }
        const x = tf.tensor2d(xb, [size, 1]);
        const y = tf.tensor2d(yb, [size, 1]);
        try {
          total += ((await model.trainOnBatch(x, y)) as number) * size;
        } finally {
          x.dispose();
          y.dispose();
        }
      }
      loss = total / n;
    }
  } finally {
    model.dispose();
    optimizer.dispose(); // model.dispose() leaves the optimizer's moment variables alive
  }
  return loss;
}
