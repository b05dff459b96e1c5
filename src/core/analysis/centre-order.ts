/**
 * Components ordered by where they sit on the x-axis: the centre (or kink) −bᵢ/wᵢ of each hidden neuron, left
 * to right, and the partial sums c + (the k leftmost components), so a reader can watch the units tile the axis.
 */
import { components, type ActivationChoice } from './network';
import type { NetworkParams } from '../train/types';

/** Neuron indices sorted by centre −b/w, left to right; neurons with w = 0 (no centre) come last, by index. */
export function centreOrder(p: NetworkParams): number[] {
  const key = (i: number) => (p.w1[i] === 0 ? Infinity : -p.b1[i]! / p.w1[i]!);
  return p.w1.map((_, i) => i).sort((a, b) => key(a) - key(b) || a - b);
}

/** c + Σ over the first k neurons of `order` of vᵢ·φ(wᵢx+bᵢ), at every grid point. */
export function partialSum(
  p: NetworkParams,
  act: ActivationChoice,
  grid: readonly number[],
  order: readonly number[],
  k: number,
): number[] {
  const chosen = order.slice(0, Math.max(0, Math.min(k, order.length)));
  const picked: NetworkParams = {
    w1: chosen.map((i) => p.w1[i]!),
    b1: chosen.map((i) => p.b1[i]!),
    w2: chosen.map((i) => p.w2[i]!),
    b2: p.b2,
    ...(p.alpha ? { alpha: chosen.map((i) => p.alpha![i]!) } : {}),
  };
  const parts = components(picked, act, grid);
  return grid.map((_, j) => parts.reduce((s, part) => s + part[j]!, p.b2));
}
