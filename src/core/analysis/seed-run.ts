/**
 * One trained network → one SeedRun record (final MSE over all points, dead / negative neurons at the start and
 * the end, signs of the initial input weights). Shared by `npm run many-seeds` and the live panel, so the
 * precomputed and the in-browser histograms classify runs the same way.
 */
import { meanSquaredError, neuronStates, predictAll } from './network';
import type { HiddenActivationId } from '../activations/types';
import type { InitSpec } from '../train/init-schemes';
import { initialParams } from '../train/random';
import type { SeedRun } from './seed-stats';
import type { Dataset, NetworkParams } from '../train/types';

/** Six significant digits: far below any threshold we report, and it keeps the stored file small. */
export const round6 = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : v);

export interface NetworkState {
  /** Infinity when the weights are not finite (a diverged run). */
  mse: number;
  dead: number;
  negative: number;
}

export function networkState(params: NetworkParams, activation: HiddenActivationId, data: Dataset): NetworkState {
  const act = { activation };
  const finite = [params.b2, ...params.w1, ...params.b1, ...params.w2, ...(params.alpha ?? [])].every(Number.isFinite);
  const states = neuronStates(params, act, data.x);
  return {
    mse: finite ? round6(meanSquaredError(predictAll(params, act, data.x), data.y)) : Infinity,
    dead: states.filter((s) => s.dead).length,
    negative: states.filter((s) => s.negativeRegime).length,
  };
}

/** `init`: the scheme the run started from (its dead-at-init count depends on it); absent = Keras' defaults. */
export function seedRunOf(
  seed: number,
  activation: HiddenActivationId,
  hidden: number,
  finalParams: NetworkParams,
  data: Dataset,
  init?: InitSpec,
): SeedRun {
  const start = initialParams(seed, hidden, init);
  const atStart = networkState(start, activation, data);
  const end = networkState(finalParams, activation, data);
  return {
    seed,
    finalMse: end.mse,
    deadAtInit: atStart.dead,
    deadAtEnd: end.dead,
    negativeAtInit: atStart.negative,
    negativeAtEnd: end.negative,
    initNegativeW1: start.w1.filter((w) => w < 0).length,
  };
}
