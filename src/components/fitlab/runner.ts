/**
 * The Fit Lab's view of a training run: a thin adapter over the worker client (`src/worker/client.ts`), so the
 * island depends on one small interface. Each Fit Lab on a page owns its own runner (and so its own worker).
 */
import type { Dataset, NetworkParams, RunStatus, Snapshot, TrainConfig } from '../../lib/train-types';
import type { Speed } from '../../lib/settings';

export interface RunRequest {
  config: TrainConfig;
  data: Dataset;
  /** Start from these weights ("train from here") instead of the seed's initial draw. */
  initial?: NetworkParams;
  speed: Speed;
  /** Train one epoch and pause (Step pressed before any run exists). */
  startPaused?: boolean;
}

export interface CompareResult {
  params: NetworkParams;
  divergedAt: number | null;
}

export interface RunEvents {
  /** history: [epoch, loss] for every epoch since the previous report (snapshots may skip epochs). */
  snapshot(snapshot: Snapshot, history: Array<[number, number]>): void;
  losses?(history: Array<[number, number]>): void;
  /** The worker could not start; training continues on the main thread with the plain trainer. */
  fallback?(): void;
  status(status: RunStatus, info: { epoch: number; message?: string; divergedAt?: number }): void;
}

export interface FitRunner {
  start(request: RunRequest, events: RunEvents): void;
  pause(): void;
  resume(): void;
  /** Train exactly one more epoch, then pause. */
  step(): void;
  cancel(): void;
  /**
   * Train several configurations (same hidden, lr, epochs, batch; any activations and seeds) as one batched
   * run to the end. Results come back in the order of `configs`. Cancels any single run first.
   */
  compare(configs: readonly TrainConfig[], data: Dataset): Promise<CompareResult[]>;
  dispose(): void;
}

/** How often the worker reports (epochs per snapshot) and how long it waits per epoch, per speed. */
export const SPEED_PLAN: Record<Speed, { snapshotEvery: number; epochDelayMs: number }> = {
  slow: { snapshotEvery: 1, epochDelayMs: 40 },
  normal: { snapshotEvery: 1, epochDelayMs: 8 },
  fast: { snapshotEvery: 5, epochDelayMs: 0 },
  instant: { snapshotEvery: 1_000_000, epochDelayMs: 0 },
};
