/**
 * How the many-seeds live panel's request becomes a batch job: chunks of networks, each chunk one batched run.
 * Planned on the page (framework- and tfjs-free), trained by the worker's seed job (engine/seed-job.ts).
 */
import type { HiddenActivationId } from '../activations/types';
import type { TrainConfig } from '../train/types';

/** Most seeds one request may ask for. */
export const MAX_SEEDS = 1000;
/** Networks per batched run: large enough to amortise each step's kernels, small enough to stream results. */
const MAX_CHUNK = 200;

export interface SeedsRequest {
  activations: readonly HiddenActivationId[];
  hidden: number;
  /** Seeds 0 … count−1. */
  count: number;
  lr: number;
  epochs: number;
  batchSize: number;
}

/** Chunks of seeds, each holding every chosen activation, so all histograms grow together. */
export function planChunks(request: SeedsRequest): TrainConfig[][] {
  const perChunk = Math.max(1, Math.floor(MAX_CHUNK / Math.max(1, request.activations.length)));
  const chunks: TrainConfig[][] = [];
  for (let from = 0; from < request.count; from += perChunk) {
    const chunk: TrainConfig[] = [];
    for (const activation of request.activations)
      for (let seed = from; seed < Math.min(request.count, from + perChunk); seed++)
        chunk.push({
          activation,
          activationParams: {},
          hidden: request.hidden,
          lr: request.lr,
          epochs: request.epochs,
          batchSize: request.batchSize,
          seed,
        });
    chunks.push(chunk);
  }
  return chunks;
}
