/**
 * A run as a small state machine (start, pause, resume, single step, cancel), framework-free so that the worker
 * and the unit tests drive the same code. Training happens in slices of `snapshotEvery` epochs; between slices
 * the controller yields to the event loop, so control messages get through while it trains.
 */
import type { Dataset, RunStatus, TrainConfig } from '../train-types';
import { BatchTrainer } from './batch-trainer';
import { toUpdate, type RunUpdate } from './snapshots';

export interface RunEvents {
  update(u: RunUpdate): void;
  status(s: RunStatus, info: StatusInfo): void;
}

export interface StatusInfo {
  epoch: number;
  /** For 'diverged': the first epoch whose loss or weights were not finite. */
  divergedAt?: number;
  /** For 'error': what went wrong (developer text; islands show a localized message). */
  message?: string;
}

export interface RunRequest {
  networks: readonly TrainConfig[];
  data: Dataset;
  /** Snapshot every k epochs (k ≥ 1). */
  snapshotEvery: number;
  /** Start paused (the island waits for play or step). */
  paused?: boolean;
}

/** Resolve on the next turn of the event loop, after pending messages. */
export type Yielder = () => Promise<void>;
export const yieldToEventLoop: Yielder = () => new Promise((resolve) => setTimeout(resolve, 0));

export class RunController {
  private trainer: BatchTrainer | null = null;
  private request: RunRequest | null = null;
  private last: RunUpdate | null = null;
  private state: RunStatus = 'idle';
  /** Bumped by every start/cancel, so a loop left waiting by an earlier run ends instead of adopting the new one. */
  private generation = 0;

  constructor(
    private readonly events: RunEvents,
    private readonly yielder: Yielder = yieldToEventLoop,
  ) {}

  get status(): RunStatus {
    return this.state;
  }

  start(request: RunRequest): void {
    this.cancel();
    this.state = 'idle';
    this.request = { ...request, snapshotEvery: Math.max(1, Math.floor(request.snapshotEvery)) };
    try {
      this.trainer = new BatchTrainer({ configs: request.networks, data: request.data });
      this.last = null;
      this.emitUpdate(); // epoch 0: the initial weights
    } catch (e) {
      this.fail(e);
      return;
    }
    if (request.paused) this.setStatus('paused');
    else this.resume();
  }

  pause(): void {
    if (this.state === 'training') this.setStatus('paused');
  }

  resume(): void {
    if (!this.trainer || (this.state !== 'paused' && this.state !== 'idle')) return;
    this.setStatus('training');
    void this.loop();
  }

  /** One slice (snapshotEvery epochs) while paused. */
  step(): void {
    if (!this.trainer || (this.state !== 'paused' && this.state !== 'idle')) return;
    this.advance();
    if (this.state === 'idle') this.setStatus('paused');
  }

  /** Stop and free everything; the controller can start again afterwards. */
  cancel(): void {
    const wasActive = this.trainer !== null;
    this.disposeTrainer();
    if (wasActive && (this.state === 'training' || this.state === 'paused')) this.setStatus('idle');
  }

  private async loop(): Promise<void> {
    const generation = ++this.generation;
    while (this.state === 'training' && this.trainer && generation === this.generation) {
      this.advance();
      if (this.state === 'training') await this.yielder();
    }
  }

  /** Train one slice, emit its update, and settle the status if the run ended. */
  private advance(): void {
    const trainer = this.trainer;
    if (!trainer || !this.request) return;
    try {
      trainer.runEpochs(this.request.snapshotEvery);
      const update = toUpdate(trainer.read(), this.request.networks, this.request.data, this.last);
      const diverged = update.divergedAt.filter((e): e is number => e !== null);
      if (diverged.length > 0) {
        // Never hand non-finite weights to a plot: the islands keep the last finite update.
        const epoch = Math.min(...diverged);
        this.disposeTrainer();
        this.setStatus('diverged', { epoch, divergedAt: epoch });
        return;
      }
      this.last = update;
      this.events.update(update);
      if (trainer.finished) {
        this.disposeTrainer();
        this.setStatus('done');
      }
    } catch (e) {
      this.fail(e);
    }
  }

  private emitUpdate(): void {
    if (!this.trainer || !this.request) return;
    this.last = toUpdate(this.trainer.read(), this.request.networks, this.request.data, this.last);
    this.events.update(this.last);
  }

  private fail(e: unknown): void {
    this.disposeTrainer();
    this.setStatus('error', { message: e instanceof Error ? e.message : String(e) });
  }

  private setStatus(s: RunStatus, info: Partial<StatusInfo> = {}): void {
    this.state = s;
    this.events.status(s, { epoch: this.last?.epoch ?? 0, ...info });
  }

  private disposeTrainer(): void {
    this.generation++;
    this.trainer?.dispose();
    this.trainer = null;
  }
}
