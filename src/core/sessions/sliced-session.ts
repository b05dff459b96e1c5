/**
 * What both interactive sessions share (TrainingSession for one-hidden-layer runs, DeepSession for deep stacks):
 * a trainer that works in slices — until a report is due or `sliceMs` has passed — with a turn of the event loop
 * between slices, so pause and cancel messages get through and a main thread stays responsive (a trainer that can
 * run single optimizer steps, and whose epochs take over half a slice, goes a step at a time, so that a slice can
 * end inside an epoch: on the main thread's cpu backend an epoch of batch size 1 is 100 steps); pause, resume,
 * cancel; status reports; and a generation counter, so a loop left waiting by superseded work ends instead of
 * adopting new work. Subclasses decide what a slice reports (`advance`).
 */
import type { RunStatus } from '../train/types';

export interface StatusInfo {
  epoch: number;
  /** For 'diverged': the first epoch whose loss or weights were not finite. */
  divergedAt?: number;
  /** For 'error': what went wrong (developer text; islands show a localized message). */
  message?: string;
}

/** What a session needs of any trainer. */
export interface SlicedTrainer {
  readonly epoch: number;
  readonly finished: boolean;
  runEpochs(n: number): void;
  /** n optimizer steps (batches), crossing epoch boundaries as needed; lets a slice end inside a long epoch. */
  runSteps?(n: number): void;
  dispose(): void;
}

export interface SliceOptions {
  /** Resolve after `ms` (0: the next turn of the event loop). Tests pass `() => Promise.resolve()`. */
  wait?: (ms: number) => Promise<void>;
  /** Longest stretch of training per slice, in ms. */
  sliceMs?: number;
}

export const waitMs = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export abstract class SlicedSession<T extends SlicedTrainer> {
  protected trainer: T | null = null;
  protected state: RunStatus = 'idle';
  protected generation = 0;
  protected readonly wait: (ms: number) => Promise<void>;
  protected readonly sliceMs: number;
  /**
   * How the current trainer is paced: step by step until an epoch is seen to fit well inside a slice, and again
   * once one does not; `epochMs` is the time spent so far in its current epoch.
   */
  private pacing: { trainer: SlicedTrainer | null; stepwise: boolean; epochMs: number } = {
    trainer: null,
    stepwise: true,
    epochMs: 0,
  };

  constructor(
    private readonly reportStatus: (s: RunStatus, info: StatusInfo) => void,
    options: SliceOptions,
  ) {
    this.wait = options.wait ?? waitMs;
    this.sliceMs = options.sliceMs ?? 12;
  }

  get status(): RunStatus {
    return this.state;
  }

  pause(): void {
    if (this.state === 'training') this.setStatus('paused');
  }

  resume(): void {
    if (!this.trainer || (this.state !== 'paused' && this.state !== 'idle')) return;
    this.setStatus('training');
    void this.loop();
  }

  /** Stop and free everything; the session can start again afterwards. */
  cancel(): void {
    const wasActive = this.trainer !== null;
    this.disposeTrainer();
    if (wasActive && (this.state === 'training' || this.state === 'paused')) this.setStatus('idle');
  }

  /** Train a slice and report what it owes; returns the epochs trained. */
  protected abstract advance(limit: number): number;

  /** The epoch a status report names when no trainer is left. */
  protected abstract lastEpoch(): number;

  /** How long to wait after a slice of `trained` epochs (an animation speed); none by default. */
  protected delayAfter(trained: number): number {
    void trained;
    return 0;
  }

  /**
   * Train until `limit` epochs are done, a report is due every `every` epochs, the run ends or the slice is up.
   * In the open-ended loop (`limit` = ∞) a slice may end between the steps of an epoch. A finite `limit` (Step)
   * trains all of its whole epochs, finishing one already begun, whatever the clock says: a reader's Step always
   * moves the run on to its next report, even when a cold first epoch outlasts a slice.
   */
  protected trainSlice(trainer: T, limit: number, every: number): { trained: number; due: boolean } {
    const started = performance.now();
    let trained = 0;
    let due = false;
    do {
      const before = trainer.epoch;
      this.trainSome(trainer, limit === Infinity);
      trained += trainer.epoch - before;
      due = trained >= limit || trainer.finished || (trainer.epoch !== before && trainer.epoch % every === 0);
    } while (!due && (limit !== Infinity || performance.now() - started < this.sliceMs));
    return { trained, due };
  }

  /** Train until the slice is up or the run ends (a batch trained to the end, which reports nothing on the way). */
  protected trainFor(trainer: T): void {
    const started = performance.now();
    do this.trainSome(trainer, true);
    while (!trainer.finished && performance.now() - started < this.sliceMs);
  }

  /** One step (when epochs are long and the slice may end inside one) or the rest of the current epoch. */
  private trainSome(trainer: T, mayStopInEpoch: boolean): void {
    if (this.pacing.trainer !== trainer) this.pacing = { trainer, stepwise: true, epochMs: 0 };
    const pacing = this.pacing;
    const before = trainer.epoch;
    const started = performance.now();
    if (pacing.stepwise && mayStopInEpoch && trainer.runSteps) trainer.runSteps(1);
    else trainer.runEpochs(1);
    pacing.epochMs += performance.now() - started;
    if (trainer.epoch !== before) {
      // Whole epochs save the slice loop's bookkeeping, as long as one fits in half a slice.
      pacing.stepwise = pacing.epochMs > this.sliceMs / 2;
      pacing.epochMs = 0;
    }
  }

  private async loop(): Promise<void> {
    const generation = ++this.generation;
    // Every slice runs on a task of its own, the first one too: starting or resuming a run adds no training to the
    // task that asked for it (a click's handler, a message).
    await this.wait(0);
    while (this.state === 'training' && this.trainer && generation === this.generation) {
      const trained = this.advance(Infinity);
      if (this.state === 'training') await this.wait(this.delayAfter(trained));
    }
  }

  protected fail(e: unknown): void {
    this.disposeTrainer();
    this.setStatus('error', { message: e instanceof Error ? e.message : String(e) });
  }

  protected setStatus(s: RunStatus, info: Partial<StatusInfo> = {}): void {
    this.state = s;
    this.reportStatus(s, { epoch: this.trainer?.epoch ?? this.lastEpoch(), ...info });
  }

  protected disposeTrainer(): void {
    this.generation++;
    this.pacing = { trainer: null, stepwise: true, epochMs: 0 };
    this.trainer?.dispose();
    this.trainer = null;
  }
}
