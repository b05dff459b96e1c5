/**
 * The InitLab's view of the site's training worker (`src/worker/client.ts`): one seed job per measurement, its
 * TrainConfigs carrying the chosen `init`. The client (and so the worker and tfjs) is created on the first start.
 */
import { seedDataset } from '../../../lib/dataset';
import type { SeedRun } from '../../../lib/seed-stats';
import { initLabChunks, type InitLabSettings } from '../../../lib/init-settings';
import { DEFAULT_SETTINGS } from '../../../lib/settings';
import { TrainingClient } from '../../../worker/client';

export type InitLabStatus = 'idle' | 'loading' | 'training' | 'done' | 'cancelled' | 'error';

export interface InitLabEvents {
  status(s: InitLabStatus, message?: string): void;
  progress(done: number, total: number, partial: number): void;
  results(runs: SeedRun[]): void;
}

/** The seed experiment's training: hidden 2, Adam 0.04, 300 epochs, batch 32 (as in `npm run init-experiment`). */
export const INIT_LAB_TRAINING = { hidden: 2, lr: DEFAULT_SETTINGS.lr, epochs: DEFAULT_SETTINGS.epochs, batchSize: DEFAULT_SETTINGS.batch };

export class InitLabRunner {
  private client: TrainingClient | null = null;
  private active = false;

  constructor(private readonly events: InitLabEvents) {}

  start(settings: InitLabSettings): void {
    this.active = true;
    this.events.status('loading');
    this.events.progress(0, settings.seeds, 0);
    this.client ??= new TrainingClient();
    this.client.startJob({ chunks: initLabChunks(settings, INIT_LAB_TRAINING), data: seedDataset() }, {
      status: (s, message) => {
        if (s !== 'training') this.active = false;
        this.events.status(s, message);
      },
      progress: (done, total, partial) => this.events.progress(done, total, partial),
      results: (runs) => this.events.results(runs.map((r) => r.run)),
    });
  }

  cancel(): void {
    if (this.active) this.client?.cancelJob();
  }

  memory(): Promise<{ numTensors: number; numBytes: number }> | null {
    return this.client?.memory() ?? null;
  }

  dispose(): void {
    this.active = false;
    this.client?.dispose();
    this.client = null;
  }
}
