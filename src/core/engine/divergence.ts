/**
 * The engine's one divergence rule, for every trainer. Adam moves each weight by about lr per step whatever the
 * gradient, so with a huge learning rate the loss explodes to 10¹¹ and more yet can stay finite in float32. An
 * epoch loss 10⁸ times the target's mean square (the loss of a network that outputs 0), a non-finite loss or
 * non-finite weights mean the run has blown up; the first such epoch is where it diverged.
 */
export const DIVERGENCE_FACTOR = 1e8;

/** The largest epoch loss that still counts as training, for targets ys. */
export function lossLimit(ys: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < ys.length; i++) sum += ys[i]! * ys[i]!;
  return DIVERGENCE_FACTOR * Math.max(1, sum / Math.max(1, ys.length));
}

/**
 * The epoch (1-based) at which a run diverged, given the epoch losses since `firstEpoch` and whether its current
 * weights (after `epoch` epochs) are all finite; null if it has not.
 */
export function divergedEpoch(
  losses: ArrayLike<number>,
  firstEpoch: number,
  limit: number,
  weightsFinite: boolean,
  epoch: number,
): number | null {
  for (let e = 0; e < losses.length; e++) if (!(losses[e]! <= limit)) return firstEpoch + e; // also catches NaN
  return weightsFinite ? null : Math.max(1, epoch);
}
