/**
 * The page's side of the live many-seeds worker (seeds-worker.ts): start a job, cancel it, receive progress and
 * streamed results. The worker is created on the first start, so tfjs loads only when the reader asks for it.
 */
import type { HiddenActivationId } from '../../lib/activation-types';
import type { SeedRun } from '../../lib/seed-stats';
import type { FromSeedsWorker, LiveRequest, ToSeedsWorker } from './seeds-protocol';

export { MAX_SEEDS, type LiveRequest } from './seeds-protocol';

export type LiveStatus = 'idle' | 'loading' | 'training' | 'done' | 'cancelled' | 'error';

export interface LiveEvents {
  status(s: LiveStatus, message?: string): void;
  /** Networks finished so far and the total; `partial` counts the running chunk's progress in networks. */
  progress(done: number, total: number, partial: number): void;
  results(runs: ReadonlyArray<{ activation: HiddenActivationId; run: SeedRun }>): void;
}

export function createSeedsWorker(): Worker {
  return new Worker(new URL('./seeds-worker.ts', import.meta.url), { type: 'module', name: 'many-seeds' });
}

export class LiveSeedsRunner {
  private worker: Worker | null = null;
  private jobId = 0;
  private active = false;
  private requestId = 0;
  private readonly memoryWaiters = new Map<number, (m: { numTensors: number; numBytes: number }) => void>();

  constructor(
    private readonly events: LiveEvents,
    private readonly createWorker: () => Worker = createSeedsWorker,
  ) {}

  start(request: LiveRequest): void {
    this.jobId++;
    this.active = true;
    this.events.status('loading');
    this.events.progress(0, 0, 0);
    this.send({ type: 'start', jobId: this.jobId, activations: [...request.activations], hidden: request.hidden, count: request.count });
  }

  cancel(): void {
    if (this.active) this.send({ type: 'cancel', jobId: this.jobId });
  }

  /** Test hook: tensors alive in the worker (null before the worker exists). */
  memory(): Promise<{ numTensors: number; numBytes: number }> | null {
    if (!this.worker) return null;
    const requestId = ++this.requestId;
    return new Promise((resolve) => {
      this.memoryWaiters.set(requestId, resolve);
      this.send({ type: 'memory', requestId });
    });
  }

  dispose(): void {
    this.active = false;
    this.worker?.terminate();
    this.worker = null;
    this.memoryWaiters.clear();
  }

  private send(m: ToSeedsWorker): void {
    if (!this.worker) {
      this.worker = this.createWorker();
      this.worker.onmessage = (e: MessageEvent<FromSeedsWorker>) => this.receive(e.data);
      this.worker.onerror = (e) => {
        e.preventDefault(); // shown as a localized status, not an uncaught error
        this.active = false;
        this.events.status('error', e.message);
      };
    }
    this.worker.postMessage(m);
  }

  private receive(m: FromSeedsWorker): void {
    if (m.type === 'ready') return;
    if (m.type === 'memory') {
      this.memoryWaiters.get(m.requestId)?.({ numTensors: m.numTensors, numBytes: m.numBytes });
      this.memoryWaiters.delete(m.requestId);
      return;
    }
    if (m.jobId !== this.jobId) return;
    if (m.type === 'progress') this.events.progress(m.done, m.total, m.partial);
    else if (m.type === 'results') this.events.results(m.runs);
    else {
      if (m.status !== 'training') this.active = false;
      this.events.status(m.status, m.message);
    }
  }
}
