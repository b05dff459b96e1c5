/**
 * Messages between the live many-seeds panel and its worker. One job at a time; every job-scoped message carries
 * the jobId the page chose, so late messages from a cancelled job are recognisable and dropped.
 */
import type { HiddenActivationId } from '../../lib/activation-types';
import { DEFAULT_SETTINGS } from '../../lib/settings';
import type { SeedRun } from '../../lib/seed-stats';
import type { TrainConfig } from '../../lib/train-types';

export const MAX_SEEDS = 1000;
/** Networks per batched run: large enough to amortise each step's kernels, small enough to stream results. */
const MAX_CHUNK = 200;

export interface LiveRequest {
  activations: readonly HiddenActivationId[];
  hidden: number;
  /** Seeds 0 … count−1. */
  count: number;
}

export type ToSeedsWorker =
  | ({ type: 'start'; jobId: number } & LiveRequest)
  | { type: 'cancel'; jobId: number }
  | { type: 'memory'; requestId: number };

export type LiveJobStatus = 'training' | 'done' | 'cancelled' | 'error';

export type FromSeedsWorker =
  | { type: 'ready'; backend: string }
  | { type: 'progress'; jobId: number; done: number; total: number; partial: number }
  | { type: 'results'; jobId: number; runs: Array<{ activation: HiddenActivationId; run: SeedRun }> }
  | { type: 'status'; jobId: number; status: LiveJobStatus; message?: string }
  | { type: 'memory'; requestId: number; numTensors: number; numBytes: number };

/** Chunks of seeds, each holding every chosen activation, so all histograms grow together. */
export function planChunks(request: LiveRequest): TrainConfig[][] {
  const perChunk = Math.max(1, Math.floor(MAX_CHUNK / Math.max(1, request.activations.length)));
  const chunks: TrainConfig[][] = [];
  for (let from = 0; from < request.count; from += perChunk) {
    const chunk: TrainConfig[] = [];
    for (const activation of request.activations)
      for (let seed = from; seed < Math.min(request.count, from + perChunk); seed++)
        chunk.push({ activation, activationParams: {}, hidden: request.hidden, lr: DEFAULT_SETTINGS.lr, epochs: DEFAULT_SETTINGS.epochs, batchSize: DEFAULT_SETTINGS.batch, seed });
    chunks.push(chunk);
  }
  return chunks;
}
