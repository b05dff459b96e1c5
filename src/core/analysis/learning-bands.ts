/**
 * Where each hidden neuron can still learn: the inputs x of the data at which its slope |φ′(wᵢx + bᵢ)| is above a
 * threshold. Every gradient that reaches wᵢ, bᵢ (and through them the neuron's shape) is multiplied by φ′ there, so
 * outside these inputs the neuron barely moves: a dead ReLU has none, a saturated sigmoid only a narrow strip.
 */
import { ACTIVATIONS } from '../activations/registry';
import type { NetworkParams } from '../train/types';
import { neuronParams, SATURATION_SLOPE, type ActivationChoice } from './network';

/** A closed interval [from, to] of input values (from ≤ to; a single input gives from = to). */
export type Interval = readonly [number, number];

/**
 * Per neuron, the runs of consecutive inputs (in increasing x) where |φ′(wᵢx + bᵢ)| > `threshold`, each as the
 * interval from its first to its last input. `xs` need not be sorted; repeated inputs count once.
 */
export function learningIntervals(
  params: NetworkParams,
  act: ActivationChoice,
  xs: readonly number[],
  threshold = SATURATION_SLOPE,
): Interval[][] {
  const fPrime = ACTIVATIONS[act.activation].fPrime;
  const sorted = [...new Set(xs)].filter(Number.isFinite).sort((a, b) => a - b);
  return params.w1.map((w, i) => {
    const b = params.b1[i]!;
    const own = neuronParams(params, act, i);
    const runs: Interval[] = [];
    let start: number | null = null;
    let last = 0;
    for (const x of sorted) {
      const learns = Math.abs(fPrime(w * x + b, own)) > threshold;
      if (learns) {
        if (start === null) start = x;
        last = x;
      } else if (start !== null) {
        runs.push([start, last]);
        start = null;
      }
    }
    if (start !== null) runs.push([start, last]);
    return runs;
  });
}

/** The share of the data's inputs covered by the intervals (counting inputs, not length). */
export function learningShare(intervals: readonly Interval[], xs: readonly number[]): number {
  if (xs.length === 0) return 0;
  const inside = xs.filter((x) => intervals.some(([a, b]) => x >= a && x <= b)).length;
  return inside / xs.length;
}
