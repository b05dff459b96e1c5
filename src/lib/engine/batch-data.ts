/** Plain-JS helpers of the batch trainer: grouping networks by activation, and batch sizes. */
import type { ActivationParams, HiddenActivationId } from '../activation-types';
import type { TrainConfig } from '../train-types';

export interface ActivationGroup {
  activation: HiddenActivationId;
  params: ActivationParams;
  size: number;
}

/**
 * Rows grouped by (activation, parameters), in order of first appearance, so the step kernel runs each group's activation
 * on a contiguous slice of rows. order[row] = index in `configs` of the network at that row.
 */
export function groupByActivation(configs: readonly TrainConfig[]): { order: number[]; groups: ActivationGroup[] } {
  const byKey = new Map<string, { group: ActivationGroup; members: number[] }>();
  configs.forEach((c, i) => {
    const key = `${c.activation}:${JSON.stringify(c.activationParams ?? {})}`;
    let entry = byKey.get(key);
    if (!entry) {
      entry = { group: { activation: c.activation, params: c.activationParams ?? {}, size: 0 }, members: [] };
      byKey.set(key, entry);
    }
    entry.group.size++;
    entry.members.push(i);
  });
  const entries = [...byKey.values()];
  return { order: entries.flatMap((e) => e.members), groups: entries.map((e) => e.group) };
}

/** Keras' batching: full batches, then the last partial one (100 points, batch 32 ⇒ 32, 32, 32, 4). */
export function batchSizesFor(points: number, batchSize: number): number[] {
  const sizes: number[] = [];
  for (let offset = 0; offset < points; offset += batchSize) sizes.push(Math.min(batchSize, points - offset));
  return sizes;
}
