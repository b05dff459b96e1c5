/**
 * What a scheme's first draw looks like: the input weights w₁ of every hidden unit for seeds 0 … n−1, binned on a
 * fixed symmetric axis, each unit marked "off" when its pre-activation w·x + b is ≤ 0 on every training input (a
 * dead ReLU; for leaky ReLU a unit on its negative side, which still learns with slope α). With inputs x ≥ 0 and
 * b = 0 that happens exactly when w ≤ 0 — the sign decides, the scheme's scale does not; a positive b makes
 * z(0) = b > 0, so no unit starts off.
 */
import { neuronStates } from './network';
import type { HiddenActivationId } from '../activations/types';
import { binIndex } from './seed-bins';
import { heLimit, layerLimits, type InitSpec } from '../train/init-schemes';
import { initialParams } from '../train/random';

export interface InitWeightsHistogram {
  /** Bin edges over [−max, max], an odd number of bins so that w = 0 sits in the middle of one. */
  edges: number[];
  /** Units per bin that start active / off. */
  active: number[];
  off: number[];
  units: number;
  offUnits: number;
  /** Networks with at least one unit off at the start. */
  networksWithOff: number;
  networks: number;
  /** Half-width L of the scheme's first-layer interval U(−L, L) (0 for zeros). */
  limit: number;
}

/** The axis is wide enough for the widest scheme (He: √6 for fan_in 1), the same for every scheme. */
export const WEIGHT_AXIS_MAX = 2.5;
const BINS = 21;

export function weightEdges(max = WEIGHT_AXIS_MAX, bins = BINS): number[] {
  return Array.from({ length: bins + 1 }, (_, k) => (k === bins ? max : -max + (2 * max * k) / bins));
}

export function initWeightsHistogram(
  init: InitSpec,
  activation: HiddenActivationId,
  hidden: number,
  seeds: number,
  xs: readonly number[],
): InitWeightsHistogram {
  const edges = weightEdges(Math.max(WEIGHT_AXIS_MAX, heLimit(1)));
  const active = new Array<number>(edges.length - 1).fill(0);
  const off = new Array<number>(edges.length - 1).fill(0);
  let offUnits = 0;
  let networksWithOff = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const p = initialParams(seed, hidden, init);
    const states = neuronStates(p, { activation }, xs);
    let any = false;
    p.w1.forEach((w, i) => {
      const s = states[i]!;
      const isOff = s.dead || s.negativeRegime;
      const k = binIndex(w, edges);
      (isOff ? off : active)[k]!++;
      if (isOff) {
        offUnits++;
        any = true;
      }
    });
    if (any) networksWithOff++;
  }
  return {
    edges,
    active,
    off,
    units: seeds * hidden,
    offUnits,
    networksWithOff,
    networks: seeds,
    limit: layerLimits(init.kernel, hidden).w1,
  };
}
