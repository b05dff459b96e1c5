/**
 * Plain-number helpers of the deep-stack demo (no tfjs): the seed's initial weights of an L-layer network, and
 * what a snapshot says about each layer (pre-activation histogram and quantiles, dead and saturated shares,
 * gradient norms). The engine hands in raw arrays read back from the device; the island and the CLI read the
 * results.
 */
import { ACTIVATIONS } from '../activations/registry';
import { quantileOfSorted, SATURATION_SHARE, SATURATION_SLOPE } from './network';
import { checkActivation, checkInteger, checkPositive, MAX_EPOCHS, MAX_SEED, shown } from '../engine/params';
import { createRng, glorotLimit } from '../train/random';
import { MAX_LAYERS, MAX_WIDTH, MIN_LAYERS, MIN_WIDTH, PREACT_BINS, PREACT_QUANTILES, PREACT_RANGE, type DeepActivation, type DeepConfig, type DeepLayerStats, type DeepParams } from '../train/deep-types';

/**
 * random.ts draws initial weights from stream 1 of a seed (its WEIGHTS_STREAM). Drawing from the same stream in
 * the same order (layer by layer, each kernel row-major) makes L = 1 identical to `initialParams(seed, H)`:
 * a unit test checks it, so a change there cannot silently part the two.
 */
const WEIGHTS_STREAM = 1;

/**
 * The deep engine's own checks, whoever calls it (deep-settings.ts gives readers localized messages before it gets
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
  if (!Array.isArray(c.networks)) throw new RangeError(`${prefix}: networks must be an array, got ${shown(c.networks)}`);
  checkInteger(prefix, 'the number of networks', c.networks.length, 1, 64);
  c.networks.forEach((n, i) => {
    if (typeof n !== 'object' || n === null) throw new RangeError(`${prefix}: networks[${i}] must be an object, got ${shown(n)}`);
    checkActivation(prefix, `networks[${i}]`, n.activation, n.activationParams);
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

export function norm(values: ArrayLike<number>): number {
  let s = 0;
  for (let i = 0; i < values.length; i++) s += values[i]! * values[i]!;
  return Math.sqrt(s);
}

/** Counts over PREACT_BINS bins of PREACT_RANGE; values beyond the range land in the end bins, NaN nowhere. */
export function preactivationHistogram(z: ArrayLike<number>): number[] {
  const [lo, hi] = PREACT_RANGE;
  const counts = new Array<number>(PREACT_BINS).fill(0);
  const width = (hi - lo) / PREACT_BINS;
  for (let i = 0; i < z.length; i++) {
    const v = z[i]!;
    if (Number.isNaN(v)) continue;
    const k = Math.min(PREACT_BINS - 1, Math.max(0, Math.floor((v - lo) / width)));
    counts[k]!++;
  }
  return counts;
}

/**
 * One layer's statistics from its pre-activations z, laid out [point, unit] (points × units values), and its
 * gradients. Dead and saturated follow analysis.ts's neuronStates: dead = a unit that can die (ReLU) with z ≤ 0
 * at every point; saturated = a saturating unit that cannot die with |φ′(z)| < SATURATION_SLOPE on more than
 * SATURATION_SHARE of the points.
 */
export function layerStats(
  z: ArrayLike<number>,
  units: number,
  act: DeepActivation,
  gradW: ArrayLike<number>,
  gradB: ArrayLike<number>,
): DeepLayerStats {
  const a = ACTIVATIONS[act.activation];
  const points = z.length / units;
  let dead = 0;
  let saturated = 0;
  for (let u = 0; u < units; u++) {
    let allNonPositive = true;
    let flat = 0;
    for (let p = 0; p < points; p++) {
      const v = z[p * units + u]!;
      if (!(v <= 0)) allNonPositive = false;
      if (Math.abs(a.fPrime(v, act.activationParams)) < SATURATION_SLOPE) flat++;
    }
    if (a.facts.canDie && allNonPositive) dead++;
    if (a.facts.saturating && !a.facts.canDie && flat > SATURATION_SHARE * points) saturated++;
  }
  const values = Array.from(z);
  const sorted = Float64Array.from(values).sort();
  return {
    gradW: norm(gradW),
    gradB: norm(gradB),
    hist: preactivationHistogram(values),
    quantiles: PREACT_QUANTILES.map((q) => quantileOfSorted(sorted, q)),
    dead: dead / units,
    saturated: saturated / units,
  };
}

/** First-layer gradient norm over last hidden layer's: ≪ 1 means the early layers barely learn. */
export function gradientRatio(layers: readonly { gradW: number }[]): number {
  const first = layers[0]?.gradW ?? NaN;
  const last = layers[layers.length - 1]?.gradW ?? NaN;
  return first / last;
}
