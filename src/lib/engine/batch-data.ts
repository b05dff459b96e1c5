/** Plain-JS helpers of the batch trainer: grouping networks by activation, batch sizes, and batch assembly. */
import type { ActivationParams, HiddenActivationId } from '../activation-types';
import type { TrainConfig } from '../train-types';

export interface ActivationGroup {
  activation: HiddenActivationId;
  params: ActivationParams;
  size: number;
}

/**
 * Rows grouped by (activation, parameters), in order of first appearance, so each group's φ is one kernel call
 * on a contiguous slice. order[row] = index in `configs` of the network at that row.
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

/**
 * One step's inputs (x, 1) as [S, B, 2] and targets as [S, B, 1], gathered from each row's shuffled order
 * (`epochOrder`, row-major [S, N]) — cheaper in plain JS than gather + slice kernels.
 */
export function assembleBatch(
  epochOrder: Int32Array,
  xs: Float32Array,
  ys: Float32Array,
  networks: number,
  offset: number,
  batch: number,
): { inputs: Float32Array; targets: Float32Array } {
  const n = xs.length;
  const inputs = new Float32Array(networks * batch * 2);
  const targets = new Float32Array(networks * batch);
  for (let row = 0; row < networks; row++) {
    const base = row * n + offset;
    for (let k = 0; k < batch; k++) {
      const idx = epochOrder[base + k]!;
      const j = row * batch + k;
      inputs[2 * j] = xs[idx]!;
      inputs[2 * j + 1] = 1;
      targets[j] = ys[idx]!;
    }
  }
  return { inputs, targets };
}
