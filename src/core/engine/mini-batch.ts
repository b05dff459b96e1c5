/** Picking mini-batches: grouping networks by activation, Keras' batch sizes, and the values of one batch. */
import type { ActivationParams, HiddenActivationId } from '../activations/types';
import type { TrainConfig } from '../train/types';

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

/**
 * Inputs and targets of one step for the networks at `rows`, laid out as the program takes them (see batchTensors in
 * program.ts) in one array: first x1 [size, B, 2] (rows x, 1), then y [size, B]. Network s's points are those at
 * positions offset…offset+B−1 of its visiting order (visits, row-major [S, N]). Picking the batch is data loading,
 * as in Keras' data adapter; done here because tfjs' gather and strided slice cost more than the step for tiny
 * batches. One array per step rather than one per tensor: each array outside V8's heap costs an allocation and a
 * finalizer.
 */
export function batchValues(
  visits: Int32Array,
  rows: { from: number; size: number },
  xs: Float32Array,
  ys: Float32Array,
  offset: number,
  batch: number,
): Float32Array {
  const n = xs.length;
  const cells = rows.size * batch;
  const values = new Float32Array(3 * cells);
  for (let s = 0; s < rows.size; s++) {
    const from = (rows.from + s) * n + offset;
    for (let k = 0; k < batch; k++) {
      const idx = visits[from + k]!;
      const cell = s * batch + k;
      values[2 * cell] = xs[idx]!;
      values[2 * cell + 1] = 1;
      values[2 * cells + cell] = ys[idx]!;
    }
  }
  return values;
}
