/**
 * The live seed panels' view of the site's training worker (`src/worker/client.ts`): start a job, cancel it,
 * receive progress and streamed results, mapped to the panel's statuses. Serves both the many-seeds panel (a
 * request planned here) and the InitLab (ready-made chunks carrying its `init`). The client (and so the worker)
 * is created on the first start, so tfjs loads only when the reader asks for it.
 */
import type { HiddenActivationId } from '../core/activations/types';
import type { SeedRun } from '../core/analysis/seed-stats';
import type { RunStatus, TrainConfig } from '../core/train/types';
import { seedDataset } from '../core/data/dataset';
import { planChunks, type SeedsRequest } from '../core/sessions/seed-chunks';
import { DEFAULT_SETTINGS } from '../core/settings/fit-lab';
import { TrainingClient } from '../worker/client';

export { MAX_SEEDS } from '../core/sessions/seed-chunks';
/** The panel chooses these; the rest is the site's default training on the seed data (as in the precomputed runs). */
export type LiveRequest = Pick<SeedsRequest, 'activations' | 'hidden' | 'count'>;

/** The panel's run: a seed job, with the idle state before it and the loading of tfjs and the worker. */
export type LiveStatus = Extract<RunStatus, 'idle' | 'loading' | 'training' | 'done' | 'cancelled' | 'error'>;

export interface LiveEvents {
  status(s: LiveStatus, message?: string): void;
  /** Networks finished so far and the total; `partial` counts the running chunk's progress in networks. */
  progress(done: number, total: number, partial: number): void;
  results(runs: ReadonlyArray<{ activation: HiddenActivationId; run: SeedRun }>): void;
}

export class LiveSeedsRunner {
  private client: TrainingClient | null = null;
  private active = false;

  constructor(
    private readonly events: LiveEvents,
    private readonly createWorker?: () => Worker,
  ) {}

  /** Train `request` with the site's default training (Adam lr, epochs, batch) on the seed data. */
  start(request: LiveRequest): void {
    const { lr, epochs, batch: batchSize } = DEFAULT_SETTINGS;
    this.startChunks(planChunks({ ...request, lr, epochs, batchSize }));
  }

  /** Train ready-made chunks on the seed data; `total` is the progress shown before the worker reports its own. */
  startChunks(chunks: TrainConfig[][], total = 0): void {
    this.active = true;
    this.events.status('loading');
    this.events.progress(0, total, 0);
    this.client ??= new TrainingClient({ createWorker: this.createWorker });
    this.client.startJob(
      { chunks, data: seedDataset() },
      {
        status: (s, message) => {
          if (s !== 'training') this.active = false;
          this.events.status(s, message);
        },
        progress: (done, total, partial) => this.events.progress(done, total, partial),
        results: (runs) => this.events.results(runs),
      },
    );
  }

  cancel(): void {
    if (this.active) this.client?.cancelJob();
  }

  /** Hold the running job between slices while the reader cannot see the panel (useAwayPause), or let it go on. */
  hold(held: boolean): void {
    if (this.active) this.client?.holdJob(held);
  }

  dispose(): void {
    this.active = false;
    this.client?.dispose();
    this.client = null;
  }
}
