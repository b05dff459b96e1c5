/**
 * A one-hidden-layer lab's view of a training run (Fit Lab, universal approximation): a thin adapter over the
 * site's worker client (`src/worker/client.ts`) that maps its reports to what the island draws, so the island
 * depends on one small interface. Each lab on a page owns its own runner (and so its own worker). If the worker cannot start (script blocked, wasm refused),
 * the client trains on the main thread with the same engine and the island shows a warning.
 */
import type { Dataset, NetworkParams, RunStatus, Snapshot, TrainConfig } from '../core/train/types';
import type { Speed } from '../core/settings/fit-lab';
import { TrainingClient } from '../worker/client';
import type { CompareResult } from '../worker/protocol';

export type { CompareResult };

export interface RunRequest {
  config: TrainConfig;
  data: Dataset;
  /** Held-out points (setup.test): never trained on; each report's MSE on them comes to `testLoss`. */
  test?: Dataset;
  /** Start from these weights ("train from here") instead of the seed's initial draw. */
  initial?: NetworkParams;
  speed: Speed;
  /** Train one epoch and pause (Step pressed before any run exists). */
  startPaused?: boolean;
}

export interface RunEvents {
  /** history: [epoch, loss] for every epoch since the previous report (snapshots may skip epochs). */
  snapshot(snapshot: Snapshot, history: Array<[number, number]>): void;
  losses?(history: Array<[number, number]>): void;
  /** With held-out points: [epoch, test MSE] at each report (epoch 0: the starting weights), for a test curve. */
  testLoss?(point: [number, number]): void;
  /** The worker could not start; training continues on the main thread with the same engine. */
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

/** [epoch, loss] pairs for losses that end at `epoch`. */
const pairs = (epoch: number, losses: readonly number[] = []): Array<[number, number]> =>
  losses.map((l, k) => [epoch - losses.length + 1 + k, l]);

export function createFitRunner(): FitRunner {
  let events: RunEvents | null = null;
  let fallenBack = false;
  const reportTest = (epoch: number, losses?: readonly (number | null)[]) => {
    const loss = losses?.[0];
    if (loss !== undefined && loss !== null) events?.testLoss?.([epoch, loss]);
  };
  const client = new TrainingClient({
    // Epoch 0 is the starting point the island already shows.
    onUpdate: (u) => {
      reportTest(u.epoch, u.testLoss);
      if (u.epoch > 0) events?.snapshot(u.networks[0]!, pairs(u.epoch, u.losses[0]));
    },
    onLosses: (l) => {
      reportTest(l.epoch, l.testLoss);
      events?.losses?.(pairs(l.epoch, l.losses[0]));
    },
    onStatus: (status, { epoch, message, divergedAt }) =>
      status !== 'idle' && events?.status(status, { epoch, message, divergedAt }),
    onFallback: () => {
      fallenBack = true;
      events?.fallback?.();
    },
    fallback: () => import('../worker/local').then((m) => m.createLocalEngine),
  });
  return {
    start(request, ev) {
      events = ev;
      if (fallenBack) ev.fallback?.();
      const { snapshotEvery, epochDelayMs } = SPEED_PLAN[request.speed];
      client.start([request.config], request.data, {
        initial: request.initial ? [request.initial] : undefined,
        snapshotEvery,
        epochDelayMs,
        stepEpochs: 1,
        streamLosses: true,
        paused: request.startPaused,
        ...(request.test && request.test.x.length > 0 ? { test: request.test } : {}),
      });
      if (request.startPaused) client.step();
    },
    pause: () => client.pause(),
    resume: () => client.resume(),
    step: () => client.step(),
    cancel() {
      client.cancel();
      // Reports of the cancelled run still in flight are dropped from here on.
      events = null;
    },
    compare(configs, data) {
      events = null;
      return client.compare(configs, data);
    },
    dispose() {
      client.dispose();
      events = null;
    },
  };
}
