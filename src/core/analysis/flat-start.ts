/**
 * How flat a saturating unit is where training starts: with Keras' Glorot draw and zero biases, the share of
 * (neuron, input) pairs at which the unit's slope is below a tenth of its own peak slope, and how the runs that
 * start mostly flat end. tanh(z) = 2σ(2z) − 1, so from the same draw a tanh unit is a sigmoid twice as steep.
 */
import { ACTIVATIONS } from '../activations/registry';
import type { HiddenActivationId } from '../activations/types';
import { initialParams } from '../train/random';
import { GOOD_FIT_MSE, STRAIGHT_LINE_FRACTION, share } from './network';

/** "Flat" at an input: the slope is below this fraction of the activation's peak slope. */
export const FLAT_SLOPE_FRACTION = 0.1;

/** The largest |f′| of an activation, on a fine grid of pre-activations around 0 (where every peak lies). */
export function peakSlope(activation: HiddenActivationId): number {
  const a = ACTIVATIONS[activation];
  let peak = 0;
  for (let z = -10; z <= 10; z += 1e-3) peak = Math.max(peak, Math.abs(a.fPrime(z, {})));
  return peak;
}

export interface RunOutcomeGroup {
  runs: number;
  goodShare: number;
  lineShare: number;
}

export interface FlatStart {
  /** Over all runs and neurons: the share of (neuron, input) pairs that start flat. */
  flatShare: number;
  /** Runs in which more than half of the pairs start flat, and the others. */
  flat: RunOutcomeGroup;
  live: RunOutcomeGroup;
}

interface RunResult {
  seed: number;
  finalMse: number;
}

function group(runs: readonly RunResult[], lineMse: number): RunOutcomeGroup {
  return {
    runs: runs.length,
    goodShare: share(runs, (r) => r.finalMse < GOOD_FIT_MSE),
    lineShare: share(runs, (r) => !Number.isFinite(r.finalMse) || r.finalMse >= STRAIGHT_LINE_FRACTION * lineMse),
  };
}

/** The start of each seed's run (the same draw as the study's: Glorot-uniform, zero biases). */
export function flatStart(
  runs: readonly RunResult[],
  activation: HiddenActivationId,
  hidden: number,
  xs: readonly number[],
  lineMse: number,
): FlatStart {
  const a = ACTIVATIONS[activation];
  const limit = FLAT_SLOPE_FRACTION * peakSlope(activation);
  let flatPairs = 0;
  const flatRuns: RunResult[] = [];
  const liveRuns: RunResult[] = [];
  for (const r of runs) {
    const p = initialParams(r.seed, hidden);
    let flat = 0;
    p.w1.forEach((w, i) => {
      for (const x of xs) if (Math.abs(a.fPrime(w * x + p.b1[i]!, {})) < limit) flat++;
    });
    flatPairs += flat;
    (flat > 0.5 * hidden * xs.length ? flatRuns : liveRuns).push(r);
  }
  return {
    flatShare: runs.length ? flatPairs / (runs.length * hidden * xs.length) : 0,
    flat: group(flatRuns, lineMse),
    live: group(liveRuns, lineMse),
  };
}
