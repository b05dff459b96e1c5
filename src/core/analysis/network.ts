/**
 * What a trained network is made of, in plain numbers (no tfjs): each hidden neuron's contribution
 * vᵢ·φ(wᵢx + bᵢ), where it is centred or kinked (−b/w), which neurons are dead, negative or saturated,
 * the best straight line's error, and summary statistics over many runs.
 */
import { ACTIVATIONS } from '../activations/registry';
import type { ActivationParams, HiddenActivationId } from '../activations/types';
import type { Dataset, NetworkParams } from '../train/types';

export interface ActivationChoice {
  activation: HiddenActivationId;
  activationParams?: ActivationParams;
}

/**
 * Neuron i's activation parameters: the chosen ones, with its own learned slope as alpha for PReLU (p.alpha[i];
 * before any training there is none, and the registry reads 0, Keras' starting slope).
 */
export function neuronParams(p: NetworkParams, act: ActivationChoice, i: number): ActivationParams | undefined {
  const slope = p.alpha?.[i];
  return slope === undefined ? act.activationParams : { ...act.activationParams, alpha: slope };
}

/** Per neuron, its contribution vᵢ·φᵢ(wᵢx + bᵢ) at every grid point: result[i][k]. */
export function components(p: NetworkParams, act: ActivationChoice, grid: readonly number[]): number[][] {
  const a = ACTIVATIONS[act.activation];
  return p.w1.map((w, i) => {
    const params = neuronParams(p, act, i);
    return grid.map((x) => p.w2[i]! * a.f(w * x + p.b1[i]!, params));
  });
}

/** Σᵢ components + c: the network's output at every grid point. */
export function sumOfComponents(parts: readonly (readonly number[])[], bias: number, length: number): number[] {
  const out = new Array<number>(length).fill(bias);
  for (const part of parts) for (let k = 0; k < length; k++) out[k]! += part[k]!;
  return out;
}

/** The network's prediction at x (computed directly, independently of `components`). */
export function predict(p: NetworkParams, act: ActivationChoice, x: number): number {
  const f = ACTIVATIONS[act.activation].f;
  let y = p.b2;
  for (let i = 0; i < p.w1.length; i++) y += p.w2[i]! * f(p.w1[i]! * x + p.b1[i]!, neuronParams(p, act, i));
  return y;
}

export function predictAll(p: NetworkParams, act: ActivationChoice, xs: readonly number[]): number[] {
  return xs.map((x) => predict(p, act, x));
}

/** Where each neuron's pre-activation crosses zero, −bᵢ/wᵢ (its kink or centre); null when wᵢ = 0. */
export function centres(p: NetworkParams): (number | null)[] {
  return p.w1.map((w, i) => (w === 0 ? null : -p.b1[i]! / w));
}

/** |f′| below this on most inputs counts as saturated (sigmoid and tanh units pushed far from 0). */
export const SATURATION_SLOPE = 0.1;
/** "Most inputs": more than this share of the training inputs. */
export const SATURATION_SHARE = 0.5;

export interface NeuronState {
  /** ReLU-style: pre-activation ≤ 0 on every training input, so it outputs 0 and never learns again. */
  dead: boolean;
  /** Pre-activation ≤ 0 on every input, for units that keep a gradient there (leaky ReLU, ELU, PReLU…). */
  negativeRegime: boolean;
  /** A saturating unit whose slope is small on most inputs, so it learns slowly there. */
  saturated: boolean;
}

export function neuronStates(p: NetworkParams, act: ActivationChoice, xs: readonly number[]): NeuronState[] {
  const a = ACTIVATIONS[act.activation];
  return p.w1.map((w, i) => {
    const b = p.b1[i]!;
    const allNonPositive = xs.every((x) => w * x + b <= 0);
    const params = neuronParams(p, act, i);
    const flat = xs.filter((x) => Math.abs(a.fPrime(w * x + b, params)) < SATURATION_SLOPE).length;
    // A unit with no gradient anywhere (a step) is neither slow nor recovering: it never learns (cannotLearn).
    const learns = !a.facts.zeroGradient;
    const saturated = learns && a.facts.saturating && !a.facts.canDie && flat > SATURATION_SHARE * xs.length;
    return {
      dead: a.facts.canDie && allNonPositive,
      negativeRegime: learns && !a.facts.canDie && a.facts.kinks.includes(0) && allNonPositive,
      saturated,
    };
  });
}

export function deadFlags(p: NetworkParams, act: ActivationChoice, xs: readonly number[]): boolean[] {
  return neuronStates(p, act, xs).map((s) => s.dead);
}

export function meanSquaredError(pred: readonly number[], y: readonly number[]): number {
  let s = 0;
  for (let k = 0; k < y.length; k++) s += (pred[k]! - y[k]!) ** 2;
  return s / y.length;
}

/** The MSE of the best least-squares line through the data (what a network that only learned a line gets). */
export function leastSquaresLineMse(data: Dataset): number {
  const n = data.x.length;
  const mx = data.x.reduce((a, b) => a + b, 0) / n;
  const my = data.y.reduce((a, b) => a + b, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (let k = 0; k < n; k++) {
    sxy += (data.x[k]! - mx) * (data.y[k]! - my);
    sxx += (data.x[k]! - mx) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return meanSquaredError(
    data.x.map((x) => my + slope * (x - mx)),
    data.y,
  );
}

/** The q-quantile (0–1) with linear interpolation between order statistics (numpy's default). */
export function quantile(values: readonly number[], q: number): number {
  return quantileOfSorted(
    [...values].sort((a, b) => a - b),
    q,
  );
}

/** The same for values already sorted ascending (several quantiles of one sample sort it once). */
export function quantileOfSorted(s: ArrayLike<number>, q: number): number {
  if (s.length === 0) return NaN;
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  if (s[lo] === s[hi]) return s[lo]!; // also keeps Infinity from turning into NaN
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export function share<T>(items: readonly T[], predicate: (item: T) => boolean): number {
  return items.length === 0 ? 0 : items.filter(predicate).length / items.length;
}

/** A good fit of the seed target. */
export const GOOD_FIT_MSE = 0.01;
/** A run "ends as a straight line" when its MSE is at least this fraction of the best line's MSE. */
export const STRAIGHT_LINE_FRACTION = 0.9;

export interface RunOutcome {
  finalMse: number;
  deadAtInit: number;
  deadAtEnd: number;
}

export interface RunsSummary {
  runs: number;
  medianMse: number;
  p10Mse: number;
  p90Mse: number;
  lineMse: number;
  goodFitShare: number;
  straightLineShare: number;
  deadAtInitShare: number;
  deadAtEndShare: number;
}

/** Non-finite MSEs (diverged runs) count as bad fits and sort last. */
export function summarizeRuns(runs: readonly RunOutcome[], lineMse: number): RunsSummary {
  const mses = runs.map((r) => (Number.isFinite(r.finalMse) ? r.finalMse : Infinity));
  return {
    runs: runs.length,
    medianMse: quantile(mses, 0.5),
    p10Mse: quantile(mses, 0.1),
    p90Mse: quantile(mses, 0.9),
    lineMse,
    goodFitShare: share(mses, (m) => m < GOOD_FIT_MSE),
    straightLineShare: share(mses, (m) => m >= STRAIGHT_LINE_FRACTION * lineMse),
    deadAtInitShare: share(runs, (r) => r.deadAtInit > 0),
    deadAtEndShare: share(runs, (r) => r.deadAtEnd > 0),
  };
}
