/**
 * An interactive deep run: start, pause, resume, cancel, a snapshot every k epochs, divergence. The slicing,
 * pause/resume/cancel and status machinery is TrainingSession's (sliced-session.ts); what differs is what a
 * snapshot is (per layer, not per neuron) and what it lacks (step, compare, "train from here"). tfjs-free: the
 * trainer comes from a factory (the worker's DeepTrainer, or any stand-in with the same surface).
 */
import type { DeepRunRequest, DeepStatus, DeepStatusInfo, DeepUpdate } from '../train/deep-types';
import { SlicedSession, type SliceOptions } from './sliced-session';

export interface DeepSessionTrainer {
  readonly epoch: number;
  readonly finished: boolean;
  runEpochs(n: number): void;
  read(): DeepUpdate;
  /** Begin the next read (part of its work) now, so that a slow first read can be spread over two slices. */
  prepareRead?(): void;
  dispose(): void;
}

export type DeepTrainerFactory = (request: DeepRunRequest) => DeepSessionTrainer;

export interface DeepSessionEvents {
  update(u: DeepUpdate): void;
  status(s: DeepStatus, info: DeepStatusInfo): void;
}

export interface DeepSessionOptions extends SliceOptions {
  makeTrainer: DeepTrainerFactory;
}

export class DeepSession extends SlicedSession<DeepSessionTrainer> {
  private request: DeepRunRequest | null = null;
  private lastReported = 0;
  /** Whether epoch 0 (the shared starting weights) is still to be reported, and its read begun. */
  private unread: false | 'unprepared' | 'prepared' = false;

  constructor(
    private readonly events: DeepSessionEvents,
    private readonly options: DeepSessionOptions,
  ) {
    super((s, info) => events.status(s, info), options);
  }

  start(request: DeepRunRequest): void {
    this.cancel();
    this.state = 'idle';
    this.request = { ...request, snapshotEvery: Math.max(1, Math.floor(request.snapshotEvery)) };
    this.lastReported = 0;
    try {
      this.trainer = this.options.makeTrainer(this.request);
    } catch (e) {
      this.fail(e);
      return;
    }
    this.unread = 'unprepared';
    this.resume();
  }

  protected lastEpoch(): number {
    return this.lastReported;
  }

  /** Train until a snapshot is due or the slice's time is up; report, and settle the status if the run ended. */
  protected advance(limit: number): number {
    const trainer = this.trainer;
    if (!trainer) return 0;
    let trained = 0;
    try {
      if (this.unread) {
        // The first snapshot runs every kernel of the program for the first time, which on the main thread's cpu
        // backend (cold, unoptimized code) costs about a task's whole budget: it gets two slices of its own.
        if (trainer.prepareRead && this.unread === 'unprepared') {
          trainer.prepareRead();
          this.unread = 'prepared';
          return 0;
        }
        this.unread = false;
        this.events.update(trainer.read());
        return 0;
      }
      const slice = this.trainSlice(trainer, limit, this.request?.snapshotEvery ?? 1);
      trained = slice.trained;
      if (!slice.due) return trained;
      const update = trainer.read();
      this.lastReported = update.epoch;
      const diverged = update.divergedAt.filter((e): e is number => e !== null);
      this.events.update(update);
      if (diverged.length > 0) {
        this.disposeTrainer();
        this.setStatus('diverged', { epoch: update.epoch, divergedAt: Math.min(...diverged) });
      } else if (trainer.finished) {
        this.disposeTrainer();
        this.setStatus('done');
      }
    } catch (e) {
      this.fail(e);
    }
    return trained;
  }
}
