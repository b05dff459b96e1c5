/** Conversions between NetworkParams and the flat per-network layout [ w1 (H) | b1 (H) | w2 (H) | b2 ]. */
import type { NetworkParams, TrainConfig } from '../train-types';

export function flattenParams(p: NetworkParams): Float32Array {
  const h = p.w1.length;
  const flat = new Float32Array(3 * h + 1);
  flat.set(p.w1, 0);
  flat.set(p.b1, h);
  flat.set(p.w2, 2 * h);
  flat[3 * h] = p.b2;
  return flat;
}

export function unflattenParams(flat: ArrayLike<number>, hidden: number, scale = 1): NetworkParams {
  const part = (from: number) => Array.from({ length: hidden }, (_, i) => flat[from + i]! * scale);
  return { w1: part(0), b1: part(hidden), w2: part(2 * hidden), b2: flat[3 * hidden]! * scale };
}

/** Networks can share a batch when everything but seed and activation agrees. */
export function sameTraining(a: TrainConfig, b: TrainConfig): boolean {
  return a.hidden === b.hidden && a.lr === b.lr && a.epochs === b.epochs && a.batchSize === b.batchSize;
}

export const MIN_HIDDEN = 1;
export const MAX_HIDDEN = 32;

/** Engine-level checks (settings.ts gives users localized messages before it gets this far). */
export function assertTrainable(c: TrainConfig): void {
  const ok =
    Number.isInteger(c.hidden) && c.hidden >= MIN_HIDDEN && c.hidden <= MAX_HIDDEN &&
    Number.isFinite(c.lr) && c.lr > 0 &&
    Number.isInteger(c.epochs) && c.epochs >= 1 &&
    Number.isInteger(c.batchSize) && c.batchSize >= 1 &&
    Number.isInteger(c.seed) && c.seed >= 0;
  if (!ok) throw new RangeError(`Untrainable configuration: ${JSON.stringify(c)}`);
}
