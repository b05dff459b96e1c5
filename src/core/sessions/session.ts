/**
 * An interactive training run as one small state machine: start (from the seed's weights or given ones), pause,
 * resume, step, cancel, snapshots every k epochs, the losses in between, divergence, and a batched side-by-side
 * `compare`. Framework-free and tfjs-free: the trainer comes from a factory, so the worker (engine's ShallowTrainer on
 * wasm), the main-thread fallback (the same on cpu, local.ts) and the unit tests all drive this same code.
 *
 * Work is cut into slices (until the next snapshot is due, or `sliceMs` of training, whichever comes first) with a
 * turn of the event loop between them, so control messages get through and a main thread stays responsive.
 */
import { testLosses } from '../analysis/test-loss';
import type { Dataset, NetworkParams, RunStatus, TrainConfig } from '../train/types';
import { SlicedSession, type SliceOptions, type StatusInfo } from './sliced-session';
import { toUpdate, type RunUpdate } from './snapshots';

export { waitMs, type StatusInfo } from './sliced-session';

/** What the session needs of a trainer (the engine's ShallowTrainer, or a test's stand-in). */
export interface SessionTrainer {
  readonly epoch: number;
  readonly finished: boolean;
  runEpochs(n: number): void;
  read(): {
    epoch: number;
    firstEpoch: number;
    networks: Array<{ params: NetworkParams; grad: NetworkParams | null; losses: number[]; divergedAt: number | null }>;
  };
  dispose(): void;
}

export type TrainerFactory = (options: {
  configs: readonly TrainConfig[];
  data: Dataset;
  initial?: readonly NetworkParams[];
}) => SessionTrainer;

export interface RunRequest {
  networks: readonly TrainConfig[];
  data: Dataset;
  /** Start from these weights ("train from here") instead of each seed's initial draw. */
  initial?: readonly NetworkParams[];
  /** Snapshot every k epochs (k ≥ 1). */
  snapshotEvery: number;
  /** Start paused (the caller waits for resume or step). */
  paused?: boolean;
  /** Epochs one step() trains (default: snapshotEvery). */
  stepEpochs?: number;
  /** Wait this long per epoch trained before the next slice (an animation speed); default 0. */
  epochDelayMs?: number;
  /** Also report the losses of slices that end before a snapshot is due (a live loss curve between snapshots). */
  streamLosses?: boolean;
  /** Held-out points, never trained on: every report then carries each network's MSE on them (`testLoss`). */
  test?: Dataset;
}

/** Losses reported without a snapshot: losses[s] = epoch losses of network s since the previous report. */
export interface LossUpdate {
  /** The last epoch in `losses`. */
  epoch: number;
  losses: number[][];
  /** With held-out points: each network's MSE on them at `epoch` (null once it diverged). */
  testLoss?: (number | null)[];
}

/** The test losses of a readout, as a report's field (none without held-out points). */
function tested(readout: ReturnType<SessionTrainer['read']>, request: RunRequest): { testLoss?: (number | null)[] } {
  const testLoss = testLosses(readout.networks, request.networks, request.test);
  return testLoss ? { testLoss } : {};
}

export interface SessionEvents {
  /** A snapshot per network, plus every loss since the previous report; epoch 0 is the starting point. */
  update(u: RunUpdate): void;
  losses?(l: LossUpdate): void;
  status(s: RunStatus, info: StatusInfo): void;
}

export interface CompareResult {
  params: NetworkParams;
  divergedAt: number | null;
}

export interface SessionOptions extends SliceOptions {
  makeTrainer: TrainerFactory;
}

/** How often a held compare looks whether it may go on. */
const HELD_POLL_MS = 100;

export class TrainingSession extends SlicedSession<SessionTrainer> {
  private request: RunRequest | null = null;
  private comparesHeld = false;
  private last: RunUpdate | null = null;
  private readonly makeTrainer: TrainerFactory;

  constructor(
    private readonly events: SessionEvents,
    options: SessionOptions,
  ) {
    super((s, info) => events.status(s, info), options);
    this.makeTrainer = options.makeTrainer;
  }

  start(request: RunRequest): void {
    this.cancel();
    this.state = 'idle';
    this.request = { ...request, snapshotEvery: Math.max(1, Math.floor(request.snapshotEvery)) };
    try {
      this.trainer = this.makeTrainer({ configs: request.networks, data: request.data, initial: request.initial });
      const readout = this.trainer.read();
      this.last = { ...toUpdate(readout, request.networks, request.data, null), ...tested(readout, request) };
      this.events.update(this.last); // epoch 0: the starting weights
    } catch (e) {
      this.fail(e);
      return;
    }
    if (request.paused) this.setStatus('paused');
    else this.resume();
  }

  /** Train `stepEpochs` epochs while paused, report them, stay paused. */
  step(): void {
    if (!this.trainer || !this.request || (this.state !== 'paused' && this.state !== 'idle')) return;
    this.advance(Math.max(1, this.request.stepEpochs ?? this.request.snapshotEvery));
    if (this.state === 'idle') this.setStatus('paused');
  }

  /**
   * Train several configurations (same hidden, lr, epochs, batch; any activations and seeds) as one batch to the
   * end; cancels any current run first. `progress` hears the epoch after every slice. Resolves to null (its
   * tensors freed) if superseded by a start, cancel or another compare.
   */
  /**
   * Hold a running compare between slices (a seed job whose panel the reader cannot see), or let it go on. A held
   * compare still ends at once when superseded or cancelled.
   */
  holdCompares(held: boolean): void {
    this.comparesHeld = held;
  }

  async compare(
    networks: readonly TrainConfig[],
    data: Dataset,
    progress?: (epoch: number) => void,
  ): Promise<CompareResult[] | null> {
    this.cancel();
    const generation = ++this.generation;
    const batch = this.makeTrainer({ configs: networks, data });
    try {
      while (!batch.finished) {
        this.trainFor(batch);
        progress?.(batch.epoch);
        await this.wait(0);
        while (this.comparesHeld && generation === this.generation) await this.wait(HELD_POLL_MS);
        if (generation !== this.generation) return null;
      }
      return batch.read().networks.map((n) => ({ params: n.params, divergedAt: n.divergedAt }));
    } finally {
      batch.dispose();
    }
  }

  protected override delayAfter(trained: number): number {
    return (this.request?.epochDelayMs ?? 0) * trained;
  }

  protected lastEpoch(): number {
    return this.last?.epoch ?? 0;
  }

  /**
   * Train until a snapshot is due, `limit` epochs are done or the slice's time is up; report, and settle the
   * status if the run ended. Returns the epochs trained.
   */
  protected advance(limit: number): number {
    const trainer = this.trainer;
    const request = this.request;
    if (!trainer || !request) return 0;
    let trained = 0;
    try {
      const slice = this.trainSlice(trainer, limit, request.snapshotEvery);
      trained = slice.trained;
      const due = slice.due;
      // The losses stay in the trainer until the next report (a slice that ended inside an epoch has none).
      if (!due && (!request.streamLosses || trained === 0)) return trained;
      const readout = trainer.read();
      const diverged = readout.networks.map((n) => n.divergedAt).filter((e): e is number => e !== null);
      if (!due || diverged.length > 0) {
        // Never hand non-finite weights to a plot: on divergence only the losses go out, then the status.
        this.events.losses?.({
          epoch: readout.epoch,
          losses: readout.networks.map((n) => n.losses),
          ...tested(readout, request),
        });
        if (diverged.length > 0) {
          this.disposeTrainer();
          this.setStatus('diverged', { epoch: readout.epoch, divergedAt: Math.min(...diverged) });
        }
        return trained;
      }
      this.last = { ...toUpdate(readout, request.networks, request.data, this.last), ...tested(readout, request) };
      this.events.update(this.last);
      if (trainer.finished) {
        this.disposeTrainer();
        this.setStatus('done');
      }
    } catch (e) {
      this.fail(e);
    }
    return trained;
  }
}
