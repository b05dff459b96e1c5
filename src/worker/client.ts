/**
 * The page's side of the training worker, for every island: interactive runs, side-by-side comparisons and
 * batch jobs, one worker per client.
 *
 *   const client = new TrainingClient({ onUpdate, onStatus });
 *   client.start([config], dataset, { snapshotEvery: 5 });
 *   client.pause(); client.step(); client.resume(); client.cancel();
 *   await client.compare(configs, dataset);
 *   client.startJob({ chunks, data }, jobEvents); client.holdJob(true); client.holdJob(false); client.cancelJob();
 *   client.startDeep({ config, data, snapshotEvery }, deepEvents); client.pauseDeep(); client.resumeDeep(); client.cancelDeep();
 *   client.dispose(); // terminates the worker
 *
 * Reports of superseded runs and jobs are dropped, so callbacks always describe the current work. With a
 * `fallback`, a worker that cannot start (script blocked, wasm refused) is replaced by the same message handling
 * and the same engine on the main thread, on tfjs' cpu backend (local.ts), and the current run is replayed there.
 * The loader is called only then, so a page whose worker starts never downloads the stand-in or its backend.
 */
import type { BackendName } from '../core/engine/backend-core';
import type { Dataset, RunStatus, TrainConfig } from '../core/train/types';
import type { DeepRunRequest, DeepStatusInfo, DeepUpdate } from '../core/train/deep-types';
import type {
  CompareResult,
  FromWorker,
  LossUpdate,
  RunRequest,
  RunUpdate,
  SeedJobEvents,
  SeedJobRequest,
  StatusMessage,
  ToWorker,
} from './protocol';

export type StatusDetail = Omit<StatusMessage, 'type' | 'runId' | 'status'>;
type LocalEngine = (m: ToWorker) => void;

export interface TrainingClientOptions {
  onUpdate?(update: RunUpdate): void;
  onLosses?(losses: LossUpdate): void;
  onStatus?(status: RunStatus, detail: StatusDetail): void;
  onReady?(backend: BackendName): void;
  /** With `fallback`: called when training moves to the main thread. */
  onFallback?(): void;
  /**
   * Loads the main-thread stand-in (`createLocalEngine` of local.ts) for when the worker cannot start; a dynamic
   * `import('…/worker/local')`, so that it and the cpu backend stay out of the page's bundle.
   */
  fallback?: () => Promise<(post: (m: FromWorker) => void) => LocalEngine>;
  /** Tests may inject a worker; by default the bundled training worker is created. */
  createWorker?: () => Worker;
}

/** What a deep run reports (only the current deep run's reports arrive). */
export interface DeepEvents {
  update(u: DeepUpdate): void;
  status(s: RunStatus, info: DeepStatusInfo): void;
}

export type StartOptions = Partial<Omit<RunRequest, 'networks' | 'data'>>;

export function createTrainingWorker(): Worker {
  return new Worker(new URL('./train.worker.ts', import.meta.url), { type: 'module', name: 'training' });
}

const copy = (data: Dataset): Dataset => ({ x: [...data.x], y: [...data.y] });
/** A plain copy of a deep configuration (islands may hand in frozen or proxied objects; postMessage needs plain data). */
const plainDeepConfig = (c: DeepRunRequest['config']): DeepRunRequest['config'] => ({
  ...c,
  networks: c.networks.map((n) =>
    n.activationParams
      ? { activation: n.activation, activationParams: { ...n.activationParams } }
      : { activation: n.activation },
  ),
});

export class TrainingClient {
  private readonly worker: Worker;
  private runId = 0;
  private jobId = 0;
  private job: SeedJobEvents | null = null;
  private deepId = 0;
  private deep: DeepEvents | null = null;
  private comparing: { id: number; resolve(r: CompareResult[]): void; reject(e: Error): void } | null = null;
  private disposed = false;
  private ready = false;
  /** The message that started the current work and the controls since, replayed if the worker is replaced. */
  private replay: ToWorker[] = [];
  /** Set once training has moved to the main thread: messages queue until the stand-in has loaded. */
  private local: LocalEngine | ToWorker[] | null = null;

  constructor(private readonly options: TrainingClientOptions = {}) {
    this.worker = (options.createWorker ?? createTrainingWorker)();
    this.worker.onmessage = (e: MessageEvent<FromWorker>) => this.receive(e.data);
    this.worker.onerror = (e) => {
      e.preventDefault(); // said in words by the island, not thrown into the console
      this.unavailable(e.message || 'worker error');
    };
  }

  /** Start a run (cancelling any current one); returns its id. */
  start(networks: readonly TrainConfig[], data: Dataset, options: StartOptions = {}): number {
    this.supersedeCompare();
    this.runId++;
    this.send({
      ...options,
      type: 'start',
      runId: this.runId,
      networks: [...networks],
      data: copy(data),
      ...(options.test ? { test: copy(options.test) } : {}),
      snapshotEvery: options.snapshotEvery ?? 1,
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
    this.supersedeCompare();
    this.send({ type: 'cancel', runId: this.runId });
  }

  /** Train `networks` (same hidden, lr, epochs, batch) as one batch to the end; results in their order. */
  compare(networks: readonly TrainConfig[], data: Dataset): Promise<CompareResult[]> {
    this.supersedeCompare();
    const id = ++this.runId;
    return new Promise<CompareResult[]>((resolve, reject) => {
      this.comparing = { id, resolve, reject };
      this.send({ type: 'compare', runId: id, networks: [...networks], data: copy(data) });
    });
  }

  /** Start a batch job (cancelling the current one); its reports go to `events`. */
  startJob(request: SeedJobRequest, events: SeedJobEvents): void {
    this.jobId++;
    this.job = events;
    this.send({ type: 'job', jobId: this.jobId, chunks: request.chunks, data: copy(request.data) });
  }

  cancelJob(): void {
    this.send({ type: 'cancel-job', jobId: this.jobId });
  }

  /** Keep the current job waiting between slices (its panel is out of sight), or let it go on. */
  holdJob(held: boolean): void {
    this.send({ type: held ? 'hold-job' : 'release-job', jobId: this.jobId });
  }

  /** Start a deep-stack run (cancelling the current one); its reports go to `events`. */
  startDeep(request: DeepRunRequest, events: DeepEvents): void {
    this.deepId++;
    this.deep = events;
    const { config, snapshotEvery, initial } = request;
    const message: ToWorker = {
      type: 'deep-start',
      deepId: this.deepId,
      config: plainDeepConfig(config),
      data: copy(request.data),
      snapshotEvery,
    };
    if (initial)
      message.initial = initial.map((p) => ({
        kernels: p.kernels.map((k) => [...k]),
        biases: p.biases.map((b) => [...b]),
      }));
    this.send(message);
  }
  pauseDeep(): void {
    this.send({ type: 'deep-pause', deepId: this.deepId });
  }
  resumeDeep(): void {
    this.send({ type: 'deep-resume', deepId: this.deepId });
  }
  cancelDeep(): void {
    this.send({ type: 'deep-cancel', deepId: this.deepId });
  }

  dispose(): void {
    if (this.disposed) return;
    this.send({ type: 'cancel', runId: this.runId }); // stops a main-thread stand-in's loop; a worker just ends
    if (this.deep) this.send({ type: 'deep-cancel', deepId: this.deepId });
    this.disposed = true;
    this.worker.terminate();
    this.comparing = null;
    this.job = null;
    this.deep = null;
  }

  private send(m: ToWorker): void {
    if (this.disposed) return;
    if (m.type === 'start' || m.type === 'compare' || m.type === 'job' || m.type === 'deep-start') this.replay = [m];
    else this.replay.push(m);
    if (this.local === null) this.worker.postMessage(m);
    else if (Array.isArray(this.local)) this.local.push(m);
    else this.local(m);
  }

  private supersedeCompare(): void {
    this.comparing?.reject(new Error('superseded'));
    this.comparing = null;
  }

  /** The worker cannot run: move to the main thread if allowed and nothing has trained yet, else report. */
  private unavailable(message: string): void {
    if (this.local !== null) return; // already on the main thread: the old worker no longer matters
    const load = this.options.fallback;
    if (load && !this.ready) {
      this.worker.terminate();
      this.local = [...this.replay];
      this.options.onFallback?.();
      load().then(
        (create) => {
          const queued = Array.isArray(this.local) ? this.local : [];
          const engine = create((m) => this.receive(m));
          this.local = engine;
          if (!this.disposed) for (const m of queued) engine(m);
        },
        // The stand-in itself could not load (offline, a blocked chunk): nothing is left to train with.
        (e: unknown) => !this.disposed && this.fail(e instanceof Error ? e.message : String(e)),
      );
      return;
    }
    this.fail(message);
  }

  /** Report `message` as an error to whatever is waiting: the current run, comparison, job and deep run. */
  private fail(message: string): void {
    this.options.onStatus?.('error', { epoch: 0, message });
    this.comparing?.reject(new Error(message));
    this.comparing = null;
    this.job?.status('error', message);
    this.deep?.status('error', { epoch: 0, message });
  }

  private receive(m: FromWorker): void {
    if (this.disposed) return;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.options.onReady?.(m.backend);
        return;
      case 'fatal':
        this.unavailable(m.message);
        return;
      case 'rejected':
        // A message the worker could not read: a bug in this client, not the reader's doing.
        console.warn(`training worker rejected a message: ${m.message}`);
        return;
      case 'job-status':
      case 'job-progress':
      case 'job-results':
        if (m.jobId !== this.jobId || !this.job) return;
        if (m.type === 'job-progress') this.job.progress(m.done, m.total, m.partial);
        else if (m.type === 'job-results') this.job.results(m.runs);
        else this.job.status(m.status, m.message);
        return;
      case 'deep-update':
      case 'deep-status':
        if (m.deepId !== this.deepId || !this.deep) return;
        if (m.type === 'deep-update') this.deep.update(m.update);
        else {
          const { type: _type, deepId: _deepId, status, ...info } = m;
          this.deep.status(status, info);
        }
        return;
    }
    if (m.runId !== this.runId) return;
    if (m.type === 'compared') {
      this.comparing?.resolve(m.results);
      this.comparing = null;
    } else if (m.type === 'update') this.options.onUpdate?.(m.update);
    else if (m.type === 'losses') this.options.onLosses?.(m.losses);
    else {
      const { type: _type, runId: _runId, status, ...detail } = m;
      if (status === 'error' && this.comparing) {
        this.comparing.reject(new Error(detail.message ?? 'error'));
        this.comparing = null;
      } else this.options.onStatus?.(status, detail);
    }
  }
}
