/**
 * A run's recorded moments, bounded, so a reader can scrub back through it. Every snapshot is kept until `cap`
 * are held; then the stride doubles and only epochs on it stay (0, s, 2s, …), so the kept epochs remain evenly
 * spread over the whole run and the count stays at most `cap` however long the run is. Two kinds of entry are never
 * dropped: the first (the starting weights) and each one where a neuron is dead for the first time (so the scrubber
 * can land on the epoch a neuron died; at most one per neuron). The latest snapshot is always kept while it is the
 * latest: it is the live state.
 */
import type { NetworkParams } from '../train/types';

export interface TrailEntry {
  epoch: number;
  params: NetworkParams;
  dead: boolean[];
  loss: number | null;
  gradNorm: number[] | null;
}

export interface SnapshotTrail {
  readonly entries: readonly TrailEntry[];
  /** Epochs kept (apart from pinned entries and the latest) are multiples of this. */
  readonly stride: number;
  readonly cap: number;
  /** Epochs of the pinned entries (the first, and first deaths). */
  readonly pinned: ReadonlySet<number>;
  /** Neurons that have been dead at some recorded epoch. */
  readonly everDead: readonly boolean[];
}

/** Enough to scrub smoothly through the longest run (5,000 epochs → one entry every 16 epochs at worst). */
export const TRAIL_CAP = 400;

export function startTrail(first: TrailEntry, cap = TRAIL_CAP): SnapshotTrail {
  return {
    entries: [first],
    stride: 1,
    cap: Math.max(2, Math.floor(cap)),
    pinned: new Set([first.epoch]),
    everDead: first.dead.map(Boolean),
  };
}

const onStride = (t: Pick<SnapshotTrail, 'pinned'>, e: TrailEntry, stride: number) =>
  e.epoch % stride === 0 || t.pinned.has(e.epoch);

/** The trail with `entry` added (a new object; `trail` is unchanged). Entries at or before the latest are ignored. */
export function pushTrail(trail: SnapshotTrail, entry: TrailEntry): SnapshotTrail {
  const last = trail.entries[trail.entries.length - 1]!;
  if (entry.epoch <= last.epoch) return trail;
  const firstDeath = entry.dead.some((d, i) => d && !trail.everDead[i]);
  const pinned = firstDeath ? new Set([...trail.pinned, entry.epoch]) : trail.pinned;
  const everDead = firstDeath ? entry.dead.map((d, i) => d || (trail.everDead[i] ?? false)) : trail.everDead;
  // The previous latest stays only if it is on the stride (or pinned); it was kept so far as the live state.
  const kept = onStride(trail, last, trail.stride) ? [...trail.entries] : trail.entries.slice(0, -1);
  kept.push(entry);
  let entries = kept;
  let stride = trail.stride;
  const state = { pinned };
  while (entries.length > trail.cap + pinned.size) {
    stride *= 2;
    entries = entries.filter((e, k) => k === entries.length - 1 || onStride(state, e, stride));
  }
  return { entries, stride, cap: trail.cap, pinned, everDead };
}

/** Index of the entry shown for `epoch`: the last recorded at or before it (the first entry if none). */
export function indexAtEpoch(trail: SnapshotTrail, epoch: number): number {
  const { entries } = trail;
  let lo = 0;
  let hi = entries.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (entries[mid]!.epoch <= epoch) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * For each neuron dead at entry `index`, the epoch its current dead streak began among the recorded entries
 * (null for a neuron alive there).
 */
export function deadSinceAt(trail: SnapshotTrail, index: number): Array<number | null> {
  const at = trail.entries[index];
  if (!at) return [];
  return at.dead.map((d, i) => {
    if (!d) return null;
    let since = at.epoch;
    for (let k = index - 1; k >= 0 && trail.entries[k]!.dead[i]; k--) since = trail.entries[k]!.epoch;
    return since;
  });
}
