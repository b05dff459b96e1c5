/**
 * The page's side of the training worker, for islands: start a run, control it, receive its updates.
 *
 *   const client = new TrainingClient({ onUpdate, onStatus });
 *   client.start([config], dataset, { snapshotEvery: 5 });
 *   client.pause(); client.step(); client.resume(); client.cancel();
 *   client.dispose(); // terminates the worker
 *
 * Updates and statuses of superseded runs are dropped, so callbacks always describe the current run.
 */
import type { BackendName } from '../lib/engine/backend-core';
import type { Dataset, RunStatus, TrainConfig } from '../lib/train-types';
import type { FromWorker, RunUpdate, StatusMessage, ToWorker } from './protocol';

export interface TrainingClientOptions {
  onUpdate(update: RunUpdate): void;
  onStatus(status: RunStatus, detail: Omit<StatusMessage, 'type' | 'runId' | 'status'>): void;
  onReady?(backend: BackendName): void;
  /** Tests may inject a worker; by default the bundled training worker is created. */
  createWorker?: () => Worker;
}

export interface StartOptions {
  snapshotEvery?: number;
  paused?: boolean;
}

export function createTrainingWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'training' });
}

export class TrainingClient {
  private readonly worker: Worker;
  private runId = 0;
  private requestId = 0;
  private readonly memoryWaiters = new Map<number, (m: { numTensors: number; numBytes: number }) => void>();
  private disposed = false;

  constructor(private readonly options: TrainingClientOptions) {
    this.worker = (options.createWorker ?? createTrainingWorker)();
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault(); // reported through onStatus, not as an uncaught error in the console
      this.options.onStatus('error', { epoch: 0, message: e.message });
    };
  }

  /** Start a run (cancelling any current one); returns its id. */
  start(networks: TrainConfig[], data: Dataset, options: StartOptions = {}): number {
    this.runId++;
    this.send({
      type: 'start',
      runId: this.runId,
      networks,
      data: { x: [...data.x], y: [...data.y] },
      snapshotEvery: options.snapshotEvery ?? 1,
      paused: options.paused,
    });
    return this.runId;
  }

  pause(): void {
    this.send({ type: 'pause', runId: this.runId });
  }
  resume(): void {
    this.send({ type: 'resume', runId: this.runId });
  }
  step(): void {
    this.send({ type: 'step', runId: this.runId });
  }
  cancel(): void {
    this.send({ type: 'cancel', runId: this.runId });
  }

  /** Test hook: the worker's tf.memory(). */
  memory(): Promise<{ numTensors: number; numBytes: number }> {
    const requestId = ++this.requestId;
    return new Promise((resolve) => {
      this.memoryWaiters.set(requestId, resolve);
      this.send({ type: 'memory', requestId });
    });
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.worker.terminate();
    this.memoryWaiters.clear();
  }

  private send(m: ToWorker): void {
    if (!this.disposed) this.worker.postMessage(m);
  }

  private receive(m: FromWorker): void {
    switch (m.type) {
      case 'ready':
        this.options.onReady?.(m.backend);
        return;
      case 'fatal':
        this.options.onStatus('error', { epoch: 0, message: m.message });
        return;
      case 'memory': {
        const resolve = this.memoryWaiters.get(m.requestId);
        this.memoryWaiters.delete(m.requestId);
        resolve?.({ numTensors: m.numTensors, numBytes: m.numBytes });
        return;
      }
      case 'update':
        if (m.runId === this.runId) this.options.onUpdate(m.update);
        return;
      case 'status': {
        if (m.runId !== this.runId) return;
        const { type: _type, runId: _runId, status, ...detail } = m;
        this.options.onStatus(status, detail);
        return;
      }
    }
  }
}
