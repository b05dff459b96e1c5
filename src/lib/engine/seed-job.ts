/**
 * A batch job: many seeds × a few activations trained to the end, chunk by chunk, each chunk one BatchTrainer,
 * with job-level progress and every finished chunk's SeedRun records streamed. Work runs in slices of a few
 * epochs with a turn of the event loop between them, so a cancel gets through. Used by the many-seeds live panel
 * (through the training worker) and the unit tests.
 */
import type { HiddenActivationId } from '../activation-types';
import { seedDataset } from '../dataset';
import { seedRunOf } from '../seed-run';
import type { SeedRun } from '../seed-stats';
import type { Dataset, TrainConfig } from '../train-types';
import { waitMs, type TrainerFactory } from './session';

/** Networks per batched run: large enough to amortise each step's kernels, small enough to stream results. */
const MAX_CHUNK = 200;
const SLICE_EPOCHS = 10;

export interface SeedJobRequest {
  activations: readonly HiddenActivationId[];
  hidden: number;
  /** Seeds 0 … count−1. */
  count: number;
  /** The rest of each network's training (the page sends the site's defaults, settings.ts). */
  lr: number;
  epochs: number;
  batchSize: number;
}

export type SeedJobStatus = 'training' | 'done' | 'cancelled' | 'error';
export type SeedJobResult = { activation: HiddenActivationId; run: SeedRun };

/** One job's reports; each job gets its own, so a late report of a cancelled job can be told apart. */
export interface SeedJobEvents {
  status(s: SeedJobStatus, message?: string): void;
  /** Networks finished so far and the total; `partial` counts the running chunk's progress in networks. */
  progress(done: number, total: number, partial: number): void;
  results(runs: SeedJobResult[]): void;
}

/** Chunks of seeds, each holding every chosen activation, so all histograms grow together. */
export function planChunks(request: SeedJobRequest): TrainConfig[][] {
  const perChunk = Math.max(1, Math.floor(MAX_CHUNK / Math.max(1, request.activations.length)));
  const chunks: TrainConfig[][] = [];
  for (let from = 0; from < request.count; from += perChunk) {
    const chunk: TrainConfig[] = [];
    for (const activation of request.activations)
      for (let seed = from; seed < Math.min(request.count, from + perChunk); seed++)
        chunk.push({ activation, activationParams: {}, hidden: request.hidden, lr: request.lr, epochs: request.epochs, batchSize: request.batchSize, seed });
    chunks.push(chunk);
  }
  return chunks;
}

export class SeedJobRunner {
  private current: { cancelled: boolean } | null = null;
  private readonly data: Dataset = seedDataset();

  constructor(
    private readonly makeTrainer: TrainerFactory,
    private readonly wait: (ms: number) => Promise<void> = waitMs,
  ) {}

  /** Start a job (cancelling the current one, which then reports 'cancelled' once its tensors are freed). */
  start(request: SeedJobRequest, events: SeedJobEvents): void {
    this.cancel();
    const job = { cancelled: false };
    this.current = job;
    this.run(job, request, events).then(
      (outcome) => events.status(outcome),
      (e: unknown) => events.status('error', e instanceof Error ? e.message : String(e)),
    ).finally(() => {
      if (this.current === job) this.current = null;
    });
  }

  cancel(): void {
    if (this.current) this.current.cancelled = true;
    this.current = null;
  }

  private async run(job: { cancelled: boolean }, request: SeedJobRequest, events: SeedJobEvents): Promise<'done' | 'cancelled'> {
    const chunks = planChunks(request);
    const total = chunks.reduce((s, c) => s + c.length, 0);
    let done = 0;
    events.status('training');
    events.progress(done, total, 0);
    for (const chunk of chunks) {
      const trainer = this.makeTrainer({ configs: chunk, data: this.data });
      try {
        while (!trainer.finished) {
          await this.wait(0);
          if (job.cancelled) return 'cancelled';
          trainer.runEpochs(SLICE_EPOCHS);
          events.progress(done, total, (trainer.epoch / chunk[0]!.epochs) * chunk.length);
        }
        const readout = trainer.read();
        const runs = chunk.map((c, s) => ({ activation: c.activation, run: seedRunOf(c.seed, c.activation, c.hidden, readout.networks[s]!.params, this.data) }));
        done += chunk.length;
        events.results(runs);
        events.progress(done, total, 0);
      } finally {
        trainer.dispose();
      }
    }
    return 'done';
  }
}
