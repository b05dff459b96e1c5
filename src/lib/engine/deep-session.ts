/**
 * An interactive deep run as a small state machine: start, pause, resume, cancel, a snapshot every k epochs,
 * divergence. A second, smaller machine beside TrainingSession (session.ts) rather than a generalisation of it:
 * its snapshots are per layer, not per neuron, and it has no step/compare/"train from here", so sharing would
 * mean widening every type of the Fit Lab's session for one caller. tfjs-free: the trainer comes from a factory
 * (the worker's DeepTrainer, or any stand-in with the same surface).
 *
 * Work runs in slices (until the next snapshot is due or `sliceMs` has passed) with a turn of the event loop
 * between them, so pause and cancel messages get through.
 */
import type { DeepRunRequest, DeepStatus, DeepStatusInfo, DeepUpdate } from '../deep-types';
import { waitMs } from './session';

export interface DeepSessionTrainer {
  readonly epoch: number;
  readonly finished: boolean;
  runEpochs(n: number): void;
  read(): DeepUpdate;
  dispose(): void;
}

export type DeepTrainerFactory = (request: DeepRunRequest) => DeepSessionTrainer;

export interface DeepSessionEvents {
  update(u: DeepUpdate): void;
  status(s: DeepStatus, info: DeepStatusInfo): void;
}

export interface DeepSessionOptions {
  makeTrainer: DeepTrainerFactory;
  wait?: (ms: number) => Promise<void>;
  sliceMs?: number;
}

export class DeepSession {
  private trainer: DeepSessionTrainer | null = null;
  private request: DeepRunRequest | null = null;
  private state: DeepStatus = 'idle';
  private lastEpoch = 0;
  /** Bumped by start/cancel/resume, so a loop left waiting by earlier work ends. */
  private generation = 0;
  private readonly wait: (ms: number) => Promise<void>;
  private readonly sliceMs: number;

  constructor(
    private readonly events: DeepSessionEvents,
    private readonly options: DeepSessionOptions,
  ) {
    this.wait = options.wait ?? waitMs;
    this.sliceMs = options.sliceMs ?? 12;
  }

  get status(): DeepStatus {
    return this.state;
  }

  start(request: DeepRunRequest): void {
    this.cancel();
    this.state = 'idle';
    this.request = { ...request, snapshotEvery: Math.max(1, Math.floor(request.snapshotEvery)) };
    this.lastEpoch = 0;
    try {
      this.trainer = this.options.makeTrainer(this.request);
      this.events.update(this.trainer.read()); // epoch 0: the shared starting weights
    } catch (e) {
      this.fail(e);
      return;
    }
    this.resume();
  }

  pause(): void {
    if (this.state === 'training') this.setStatus('paused');
  }

  resume(): void {
    if (!this.trainer || (this.state !== 'paused' && this.state !== 'idle')) return;
    this.setStatus('training');
    void this.loop();
  }

  cancel(): void {
    const wasActive = this.trainer !== null;
    this.disposeTrainer();
    if (wasActive && (this.state === 'training' || this.state === 'paused')) this.setStatus('idle');
  }

  private async loop(): Promise<void> {
    const generation = ++this.generation;
    while (this.state === 'training' && this.trainer && generation === this.generation) {
      this.advance();
      if (this.state === 'training') await this.wait(0);
    }
  }

  /** Train until a snapshot is due or the slice's time is up; report, and settle the status if the run ended. */
  private advance(): void {
    const trainer = this.trainer;
    const every = this.request?.snapshotEvery ?? 1;
    if (!trainer) return;
    try {
      const started = performance.now();
      let due = false;
      do {
        trainer.runEpochs(1);
        due = trainer.finished || trainer.epoch % every === 0;
      } while (!due && performance.now() - started < this.sliceMs);
      if (!due) return;
      const update = trainer.read();
      this.lastEpoch = update.epoch;
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
  }

  private fail(e: unknown): void {
    this.disposeTrainer();
    this.setStatus('error', { message: e instanceof Error ? e.message : String(e) });
  }

  private setStatus(s: DeepStatus, info: Partial<DeepStatusInfo> = {}): void {
    this.state = s;
    this.events.status(s, { epoch: this.trainer?.epoch ?? this.lastEpoch, ...info });
  }

  private disposeTrainer(): void {
    this.generation++;
    this.trainer?.dispose();
    this.trainer = null;
  }
}
