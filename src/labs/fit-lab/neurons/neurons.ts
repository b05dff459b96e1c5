/**
 * The Fit Lab's per-neuron view model: which neurons the reader muted (and solo as "mute the others"), the
 * network the views then show, its error on the data, and manual placement of a component by its position
 * −b/w and its height v. Framework-free: the island holds the state, these functions say what it means.
 */
import { predictAll, sumOfComponents, type ActivationChoice } from '../../../core/analysis/network';
import { X_MAX, X_MIN } from '../../../core/data/targets';
import type { Dataset, NetworkParams } from '../../../core/train/types';
import type { FitPlotData } from '../../../plots/fitPlot';

/** `muted` for `n` neurons: missing entries are false, extra ones dropped. */
export function mutedOf(muted: readonly boolean[], n: number): boolean[] {
  return Array.from({ length: n }, (_, i) => muted[i] === true);
}

/** Mute or unmute neuron i (0-based). */
export function toggleMute(muted: readonly boolean[], i: number, n: number): boolean[] {
  const next = mutedOf(muted, n);
  next[i] = !next[i];
  return next;
}

/** Whether neuron i is the only one heard (every other neuron muted; needs at least two neurons). */
export function isSoloed(muted: readonly boolean[], i: number, n: number): boolean {
  const m = mutedOf(muted, n);
  return n > 1 && !m[i] && m.every((off, k) => k === i || off);
}

/** Solo neuron i (mute all others), or, if it is already soloed, hear every neuron again. */
export function toggleSolo(muted: readonly boolean[], i: number, n: number): boolean[] {
  if (isSoloed(muted, i, n)) return mutedOf([], n);
  return Array.from({ length: n }, (_, k) => k !== i);
}

/** The muted neurons as readers number them, comma-separated ("1,3"; "" when none). */
export function mutedList(muted: readonly boolean[]): string {
  return muted.flatMap((off, i) => (off ? [String(i + 1)] : [])).join(',');
}

/** The network the views show: each muted neuron's output weight v set to 0, so its component adds nothing. */
export function withoutMuted(params: NetworkParams, muted: readonly boolean[]): NetworkParams {
  if (!muted.some(Boolean)) return params;
  return { ...params, w2: params.w2.map((v, i) => (muted[i] ? 0 : v)) };
}

export interface FitError {
  /** Mean squared error over the data points. */
  mse: number;
  /** The largest |ŷ − y| over the data points, and the x where it is (the first such x). */
  largest: number;
  at: number;
}

/** How far the shown network (muted neurons left out) is from the data; null without data. */
export function fitError(
  params: NetworkParams,
  act: ActivationChoice,
  data: Dataset,
  muted: readonly boolean[] = [],
): FitError | null {
  if (data.x.length === 0) return null;
  const predicted = predictAll(withoutMuted(params, muted), act, data.x);
  let sum = 0;
  let largest = -1;
  let at = data.x[0]!;
  predicted.forEach((p, k) => {
    const d = p - data.y[k]!;
    // A diverged network's NaN counts as the largest possible error, not as none.
    const e = Number.isNaN(d) ? Infinity : Math.abs(d);
    sum += e * e;
    if (e > largest) [largest, at] = [e, data.x[k]!];
  });
  return { mse: sum / data.x.length, largest, at };
}

/** Where a component sits: its position −b/w (its kink or centre; null when w = 0) and its height v. */
export function componentPlace(params: NetworkParams, i: number): { position: number | null; height: number } {
  const w = params.w1[i]!;
  return { position: w === 0 ? null : -params.b1[i]! / w, height: params.w2[i]! };
}

/** How far from the data a component may be moved (beyond it, it no longer shapes the fit). */
export const POSITION_RANGE: readonly [number, number] = [X_MIN - 2, X_MAX + 2];
/** Heights are kept to ±this (a dragged handle never sends v to infinity). */
export const HEIGHT_LIMIT = 50;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/**
 * Neuron i moved to `position` (−b/w; w is kept, b = −w·position) and/or given height v = `height`. A neuron with
 * w = 0 has no position; moving it gives it w = 1 first. Non-finite values leave that part unchanged.
 */
export function placeComponent(
  params: NetworkParams,
  i: number,
  place: { position?: number; height?: number },
): NetworkParams {
  const w1 = [...params.w1];
  const b1 = [...params.b1];
  const w2 = [...params.w2];
  if (place.position !== undefined && Number.isFinite(place.position)) {
    if (w1[i] === 0) w1[i] = 1;
    b1[i] = -w1[i]! * clamp(place.position, ...POSITION_RANGE);
  }
  if (place.height !== undefined && Number.isFinite(place.height))
    w2[i] = clamp(place.height, -HEIGHT_LIMIT, HEIGHT_LIMIT);
  // A PReLU network's learned slopes stay as they are: moving a component is not resetting its neuron.
  return { w1, b1, w2, b2: params.b2, ...(params.alpha ? { alpha: [...params.alpha] } : {}) };
}

/** The largest |α| a reader may type for a PReLU slope (beyond it a component is a near-vertical wall). */
export const SLOPE_LIMIT = 10;

/** Set neuron `i`'s PReLU slope α (clamped to ±SLOPE_LIMIT); a network without slopes, or a non-number, is left as is. */
export function setSlope(params: NetworkParams, i: number, alpha: number): NetworkParams {
  if (!params.alpha || !Number.isFinite(alpha)) return params;
  const slopes = [...params.alpha];
  slopes[i] = clamp(alpha, -SLOPE_LIMIT, SLOPE_LIMIT);
  return { ...params, alpha: slopes };
}

/**
 * The plot's data with the reader's neuron views: numbered from 1 (as the cards, formula and handles number them),
 * muted components flagged and left out of the prediction (prediction = c + the other components), and each
 * component's learning band (components view).
 */
export function neuronPlotData(
  data: FitPlotData,
  bias: number,
  muted: readonly boolean[],
  bands: FitPlotData['bands'] = null,
): FitPlotData {
  const anyMuted = data.components.some((_, i) => muted[i]);
  const components = anyMuted ? data.components.map((c, i) => (muted[i] ? { ...c, muted: true } : c)) : data.components;
  const prediction =
    anyMuted && data.prediction
      ? sumOfComponents(
          components.filter((c) => !c.muted).map((c) => c.y),
          bias,
          data.grid.length,
        )
      : data.prediction;
  return { ...data, components, prediction, firstNeuron: 1, bands };
}
