/**
 * A reader's guess of the trained curve, before training: control values over [0, 2π] (the drawn-target polyline,
 * core/data/drawn-target.ts), compared with what the network then predicts.
 */
import { CONTROL_XS, valueAt } from '../data/drawn-target';

/** A flat guess at height y. */
export const flatGuess = (y: number): number[] => CONTROL_XS.map(() => y);

/** Clamp to [lo, hi] and round to 4 decimals: a sketch's values stay on its plot and print short. */
export function rangeSnap(lo: number, hi: number): (y: number) => number {
  return (y) => Math.round(Math.min(hi, Math.max(lo, y)) * 1e4) / 1e4;
}

/**
 * Root-mean-square difference between the guess and the prediction at the inputs xs:
 * √(mean over k of (guess(xs[k]) − predicted[k])²). NaN when there are no inputs or a value is not finite.
 */
export function guessDistance(guess: readonly number[], xs: readonly number[], predicted: readonly number[]): number {
  if (xs.length === 0 || predicted.length !== xs.length) return NaN;
  let sum = 0;
  xs.forEach((x, k) => {
    sum += (valueAt(guess, x) - predicted[k]!) ** 2;
  });
  return Math.sqrt(sum / xs.length);
}
