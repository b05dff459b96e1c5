/**
 * Plain-number readouts of the deep-stack demo (no tfjs): what a snapshot says about each layer (pre-activation
 * histogram and quantiles, dead and saturated shares, gradient norms). The engine hands in raw arrays read back
 * from the device; the island and the CLI read the results.
 */
import { ACTIVATIONS } from '../activations/registry';
import { quantileOfSorted, SATURATION_SHARE, SATURATION_SLOPE } from './network';
import {
  PREACT_BINS,
  PREACT_QUANTILES,
  PREACT_RANGE,
  type DeepActivation,
  type DeepLayerStats,
} from '../train/deep-types';

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
