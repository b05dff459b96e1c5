/**
 * A batch job: chunks of networks (many seeds × a few activations, see seed-chunks.ts) trained to the end, each
 * chunk one batched `compare` of the training session — so cancelling the session ends the job and frees its
 * tensors — with job-level progress and every finished chunk's SeedRun records streamed. Used by the many-seeds
 * live panel through the training worker, and by the unit tests.
 */
import type { HiddenActivationId } from '../activations/types';
import { seedRunOf } from '../analysis/seed-run';
import type { SeedRun } from '../analysis/seed-stats';
import type { Dataset, RunStatus, TrainConfig } from '../train/types';
import type { TrainingSession } from './session';

export interface SeedJobRequest {
  /** Each chunk trains as one batch (same hidden, lr, epochs, batch size). */
  chunks: TrainConfig[][];
  data: Dataset;
}

/** A seed job starts training at once, cannot pause or diverge as a whole, and may be cancelled. */
export type SeedJobStatus = Extract<RunStatus, 'training' | 'done' | 'cancelled' | 'error'>;
export type SeedJobResult = { activation: HiddenActivationId; run: SeedRun };

export interface SeedJobEvents {
  status(s: SeedJobStatus, message?: string): void;
  /** Networks finished so far and the total; `partial` counts the running chunk's progress in networks. */
  progress(done: number, total: number, partial: number): void;
  results(runs: SeedJobResult[]): void;
}

/** Run a job on `session` (which it takes over) to 'done', or to 'cancelled' when the session is cancelled. */
export async function runSeedJob(
  session: TrainingSession,
  { chunks, data }: SeedJobRequest,
  events: SeedJobEvents,
): Promise<void> {
  const total = chunks.reduce((s, c) => s + c.length, 0);
  let done = 0;
  events.status('training');
  events.progress(done, total, 0);
  for (const chunk of chunks) {
    const results = await session.compare(chunk, data, (epoch) =>
      events.progress(done, total, (epoch / chunk[0]!.epochs) * chunk.length),
    );
    if (!results) return events.status('cancelled');
    events.results(
      chunk.map((c, s) => ({
        activation: c.activation,
        run: seedRunOf(c.seed, c.activation, c.hidden, results[s]!.params, data, c.init),
      })),
    );
    done += chunk.length;
    events.progress(done, total, 0);
  }
  events.status('done');
}
