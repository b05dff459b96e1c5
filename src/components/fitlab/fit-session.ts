/**
 * One Fit Lab's training session: answers FitRequests with FitResponses by driving the engine's BatchTrainer.
 * Runs inside the worker (fit-worker.ts) normally, and on the main thread as a fallback when the worker cannot
 * load; in both cases work is cut into short slices so the thread stays responsive.
 */
import { deadFlags } from '../../lib/analysis';
import { gradientMagnitudes } from '../../lib/engine/snapshots';
import type { Dataset, NetworkParams, TrainConfig } from '../../lib/train-types';
import type { FitRequest, FitResponse, StartMessage } from './fit-protocol';

/** What the session needs of a trainer: the engine's BatchTrainer, or the plain fallback (plain-trainer.ts). */
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

export type TrainerFactory = (options: { configs: readonly TrainConfig[]; data: Dataset; initial?: readonly NetworkParams[] }) => SessionTrainer;

export class FitSession {
  private trainer: SessionTrainer | null = null;
  private current: StartMessage | null = null;
  private runId = 0;
  private paused = false;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly post: (m: FitResponse) => void,
    private readonly makeTrainer: TrainerFactory,
    /** Resolves once the trainer can run (a tfjs backend is active). */
    private readonly ready: () => Promise<unknown>,
    /** Longest stretch of training per macrotask, in ms. */
    private readonly sliceMs = 12,
  ) {}

  handle(m: FitRequest): void {
    const fail = (e: unknown) => this.post({ type: 'status', runId: m.runId, status: 'error', epoch: this.trainer?.epoch ?? 0, message: e instanceof Error ? e.message : String(e) });
    try {
      switch (m.type) {
        case 'start':
          void this.start(m).catch(fail);
          break;
        case 'pause':
          if (m.runId === this.runId && this.trainer && !this.paused) {
            this.paused = true;
            this.stopTimer();
            this.post({ type: 'status', runId: this.runId, status: 'paused', epoch: this.trainer.epoch });
          }
          break;
        case 'resume':
          if (m.runId === this.runId && this.trainer && this.paused) {
            this.paused = false;
            this.post({ type: 'status', runId: this.runId, status: 'training', epoch: this.trainer.epoch });
            this.schedule(0, false);
          }
          break;
        case 'step':
          if (m.runId === this.runId && this.trainer && this.paused && this.timer === null) this.tick(this.runId, true);
          break;
        case 'cancel':
          if (m.runId === this.runId) {
            this.disposeTrainer();
            this.runId = -1;
          }
          break;
        case 'compare':
          void this.compare(m).catch(fail);
          break;
        case 'memory':
          break;
      }
    } catch (e) {
      fail(e);
    }
  }

  dispose(): void {
    this.disposeTrainer();
    this.runId = -1;
  }

  private stopTimer() {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }

  private disposeTrainer() {
    this.stopTimer();
    this.trainer?.dispose();
    this.trainer = null;
  }

  private schedule(delay: number, single: boolean) {
    const id = this.runId;
    this.timer = setTimeout(() => this.tick(id, single), delay);
  }

  /** Run epochs until the next snapshot is due (or the slice ends), then report. */
  private tick(id: number, single: boolean) {
    this.timer = null;
    const trainer = this.trainer;
    const current = this.current;
    if (!trainer || !current || id !== this.runId) return;
    const every = Math.max(1, current.snapshotEvery);
    const started = performance.now();
    let due = false;
    do {
      trainer.runEpochs(1);
      due = single || trainer.finished || trainer.epoch % every === 0;
    } while (!due && performance.now() - started < this.sliceMs);
    const readout = trainer.read();
    const net = readout.networks[0]!;
    const history: Array<[number, number]> = net.losses.map((l, k) => [readout.firstEpoch + k, l]);
    const last = history[history.length - 1];
    // Never send non-finite weights to be drawn: on divergence only the losses go out, then the status.
    if (due && net.divergedAt === null) {
      this.post({
        type: 'snapshot',
        runId: id,
        history,
        snapshot: {
          epoch: trainer.epoch,
          loss: last ? last[1] : NaN,
          params: net.params,
          gradNorm: gradientMagnitudes(net.grad, current.config.hidden),
          dead: deadFlags(net.params, current.config, current.data.x),
        },
      });
    } else this.post({ type: 'losses', runId: id, history });
    if (net.divergedAt !== null) {
      this.post({ type: 'status', runId: id, status: 'diverged', epoch: trainer.epoch, divergedAt: net.divergedAt });
      this.disposeTrainer();
      return;
    }
    if (trainer.finished) {
      this.post({ type: 'status', runId: id, status: 'done', epoch: trainer.epoch });
      this.disposeTrainer();
      return;
    }
    if (single || this.paused) {
      this.paused = true;
      this.post({ type: 'status', runId: id, status: 'paused', epoch: trainer.epoch });
      return;
    }
    this.schedule(current.epochDelayMs * every, false);
  }

  private async start(m: StartMessage) {
    this.disposeTrainer();
    this.runId = m.runId;
    this.current = m;
    this.paused = false;
    this.post({ type: 'status', runId: m.runId, status: 'loading', epoch: 0 });
    await this.ready();
    if (m.runId !== this.runId) return;
    this.trainer = this.makeTrainer({ configs: [m.config], data: m.data, initial: m.initial ? [m.initial] : undefined });
    this.post({ type: 'status', runId: m.runId, status: m.startPaused ? 'paused' : 'training', epoch: 0 });
    this.schedule(0, !!m.startPaused);
  }

  private async compare(m: Extract<FitRequest, { type: 'compare' }>) {
    this.disposeTrainer();
    this.runId = m.runId;
    await this.ready();
    if (m.runId !== this.runId) return;
    const batch = this.makeTrainer({ configs: m.configs, data: m.data });
    try {
      // One epoch per macrotask, so a cancel or a new run can get in (and a main-thread fallback stays smooth).
      while (!batch.finished) {
        const started = performance.now();
        do batch.runEpochs(1);
        while (!batch.finished && performance.now() - started < this.sliceMs);
        await new Promise((r) => setTimeout(r, 0));
        if (m.runId !== this.runId) return;
      }
      const readout = batch.read();
      this.post({ type: 'compared', runId: m.runId, results: readout.networks.map((n) => ({ params: n.params, divergedAt: n.divergedAt })) });
    } finally {
      batch.dispose();
    }
  }
}
