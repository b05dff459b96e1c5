/**
 * The Fit Lab's runner on the main thread: owns one worker (fit-worker.ts), tags every run with an id so stale
 * messages from a cancelled run are ignored. If the worker cannot start (its script blocked or missing), the same
 * session runs on the main thread with the plain float64 trainer instead, and the island shows a warning.
 */
import type { FitRequest, FitResponse } from './fit-protocol';
import { SPEED_PLAN, type CompareResult, type FitRunner, type RunEvents, type RunRequest } from './runner';

interface Transport {
  send(m: FitRequest): void;
  dispose(): void;
}

async function mainThreadTransport(receive: (m: FitResponse) => void): Promise<Transport> {
  const [{ FitSession }, { PlainTrainer, PlainBatch }] = await Promise.all([import('./fit-session'), import('../../lib/plain-trainer')]);
  // Slices of a few ms keep the page responsive while it trains on the main thread.
  const session = new FitSession(receive, (o) => (o.configs.length === 1 ? new PlainTrainer(o) : new PlainBatch(o)), () => Promise.resolve(), 8);
  return { send: (m) => session.handle(structuredClone(m)), dispose: () => session.dispose() };
}

export function createFitRunner(): FitRunner {
  let runId = 0;
  let events: RunEvents | null = null;
  let comparing: { id: number; resolve(r: CompareResult[]): void; reject(e: Error): void } | null = null;
  /** The messages that started the current work, replayed if the worker has to be replaced. */
  let replay: FitRequest | null = null;
  let heardFromWorker = false;
  let fallenBack = false;

  const receive = (m: FitResponse) => {
    heardFromWorker = true;
    if (m.type === 'compared') {
      if (comparing?.id === m.runId) comparing.resolve(m.results);
      comparing = null;
      return;
    }
    if (m.type === 'memory' || m.runId !== runId) return;
    if (m.type === 'status' && m.status === 'error' && comparing?.id === m.runId) {
      comparing.reject(new Error(m.message ?? 'error'));
      comparing = null;
      return;
    }
    if (!events) return;
    if (m.type === 'snapshot') events.snapshot(m.snapshot, m.history);
    else if (m.type === 'losses') events.losses?.(m.history);
    else if (m.type === 'status') events.status(m.status, { epoch: m.epoch, message: m.message, divergedAt: m.divergedAt });
  };

  const worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module' });
  let transport: Transport | Promise<Transport> = { send: (m) => worker.postMessage(m), dispose: () => worker.terminate() };
  worker.onmessage = (event: MessageEvent<FitResponse>) => receive(event.data);
  worker.onerror = (e) => {
    e.preventDefault(); // said in words by the island, not thrown into the console
    if (fallenBack || heardFromWorker) {
      events?.status('error', { epoch: 0, message: e.message || 'worker error' });
      return;
    }
    fallenBack = true;
    worker.terminate();
    events?.fallback?.();
    transport = mainThreadTransport(receive);
    void transport.then((t) => {
      transport = t;
      if (replay) t.send(replay);
    });
  };

  const send = (m: FitRequest) => {
    if (m.type === 'start' || m.type === 'compare') replay = m;
    if (transport instanceof Promise) void transport.then((t) => t.send(m));
    else transport.send(m);
  };

  return {
    start(request: RunRequest, ev: RunEvents) {
      runId++;
      events = ev;
      if (fallenBack) ev.fallback?.();
      const plan = SPEED_PLAN[request.speed];
      send({ type: 'start', runId, config: request.config, data: { x: [...request.data.x], y: [...request.data.y] }, initial: request.initial, startPaused: request.startPaused, ...plan });
    },
    pause: () => send({ type: 'pause', runId }),
    resume: () => send({ type: 'resume', runId }),
    step: () => send({ type: 'step', runId }),
    cancel() {
      send({ type: 'cancel', runId });
      // Messages of the cancelled run still in flight are dropped from here on.
      runId++;
      events = null;
      replay = null;
    },
    compare(configs, data) {
      runId++;
      events = null;
      comparing?.reject(new Error('superseded'));
      const id = runId;
      return new Promise<CompareResult[]>((resolve, reject) => {
        comparing = { id, resolve, reject };
        send({ type: 'compare', runId: id, configs: [...configs], data: { x: [...data.x], y: [...data.y] } });
      });
    },
    dispose() {
      if (transport instanceof Promise) void transport.then((t) => t.dispose());
      else transport.dispose();
      events = null;
    },
  };
}
