/**
 * The deep-stack engine's start: its own input checks and the seed's initial weights of an L-layer network,
 * drawn as Keras draws them.
 */
import { checkActivation, checkInteger, checkPositive, MAX_EPOCHS, MAX_SEED, shown } from '../engine/params';
import { DEEP_ACTIVATION_IDS, learnsSlopes } from '../activations/types';
import { createRng, glorotLimit } from './random';
import { MAX_LAYERS, MAX_WIDTH, MIN_LAYERS, MIN_WIDTH, type DeepConfig, type DeepParams } from './deep-types';

/**
 * random.ts draws initial weights from stream 1 of a seed (its WEIGHTS_STREAM). Drawing from the same stream in
 * the same order (layer by layer, each kernel row-major) makes L = 1 identical to `initialParams(seed, H)`:
 * a unit test checks it, so a change there cannot silently part the two.
 */
const WEIGHTS_STREAM = 1;

/**
 * The deep engine's own checks, whoever calls it (the deep lab's settings give readers localized messages before it gets
 * this far): a RangeError naming the field. At most 64 networks side by side: the demo compares activations, and
 * each network at full size holds eight 32 × 32 kernels and their Adam moments.
 */
export function assertDeepTrainable(c: DeepConfig): void {
  const prefix = 'Untrainable deep configuration';
  if (typeof c !== 'object' || c === null) throw new RangeError(`${prefix}: expected an object, got ${shown(c)}`);
  checkInteger(prefix, 'layers', c.layers, MIN_LAYERS, MAX_LAYERS);
  checkInteger(prefix, 'width', c.width, MIN_WIDTH, MAX_WIDTH);
  checkInteger(prefix, 'epochs', c.epochs, 1, MAX_EPOCHS);
  checkInteger(prefix, 'batchSize', c.batchSize, 1, Number.MAX_SAFE_INTEGER);
  checkPositive(prefix, 'lr', c.lr);
  checkInteger(prefix, 'seed', c.seed, 0, MAX_SEED);
  if (!Array.isArray(c.networks))
    throw new RangeError(`${prefix}: networks must be an array, got ${shown(c.networks)}`);
  checkInteger(prefix, 'the number of networks', c.networks.length, 1, 64);
  c.networks.forEach((n, i) => {
    if (typeof n !== 'object' || n === null)
      throw new RangeError(`${prefix}: networks[${i}] must be an object, got ${shown(n)}`);
    checkActivation(prefix, `networks[${i}]`, n.activation, n.activationParams);
    if (learnsSlopes(n.activation))
      throw new RangeError(
        `${prefix}: networks[${i}].activation ${n.activation} learns per-neuron slopes, which the deep engine does not train; use one of ${DEEP_ACTIVATION_IDS.join(', ')}`,
      );
  });
}

/** Kernel shapes [fan_in, fan_out] of L hidden layers of width H and the output layer. */
export function kernelShapes(layers: number, width: number): Array<[number, number]> {
  const shapes: Array<[number, number]> = [[1, width]];
  for (let l = 1; l < layers; l++) shapes.push([width, width]);
  shapes.push([width, 1]);
  return shapes;
}

/** Keras' defaults, layer by layer: glorot-uniform kernels with each layer's own fan_in/fan_out, zero biases. */
export function deepInitialParams(seed: number, layers: number, width: number): DeepParams {
  const rng = createRng(seed, WEIGHTS_STREAM);
  const kernels: number[][] = [];
  const biases: number[][] = [];
  for (const [fanIn, fanOut] of kernelShapes(layers, width)) {
    const limit = glorotLimit(fanIn, fanOut);
    kernels.push(Array.from({ length: fanIn * fanOut }, () => (2 * rng.next() - 1) * limit));
    biases.push(new Array<number>(fanOut).fill(0));
  }
  return { kernels, biases };
}
