/**
 * The Fit Lab's runner on the main thread: owns one worker (fit-worker.ts), tags every run with an id so stale
 * messages from a cancelled run are ignored, and turns a worker failure into an 'error' status in words.
 */
import type { FitRequest, FitResponse } from './fit-protocol';
import { SPEED_PLAN, type CompareResult, type FitRunner, type RunEvents, type RunRequest } from './runner';

export function createFitRunner(): FitRunner {
  const worker = new Worker(new URL('./fit-worker.ts', import.meta.url), { type: 'module' });
  let runId = 0;
  let events: RunEvents | null = null;
  let comparing: { id: number; resolve(r: CompareResult[]): void; reject(e: Error): void } | null = null;
  const send = (m: FitRequest) => worker.postMessage(m);

  worker.onmessage = (event: MessageEvent<FitResponse>) => {
    const m = event.data;
    if (m.type === 'compared') {
      if (comparing?.id === m.runId) comparing.resolve(m.results);
      comparing = null;
      return;
    }
    if (m.runId !== runId || !events) return;
    if (m.type === 'snapshot') events.snapshot(m.snapshot, m.history);
    else if (m.type === 'losses') events.losses?.(m.history);
    else if (m.type === 'status') {
      if (m.status === 'error' && comparing?.id === m.runId) {
        comparing.reject(new Error(m.message ?? 'error'));
        comparing = null;
      }
      events.status(m.status, { epoch: m.epoch, message: m.message, divergedAt: m.divergedAt });
    }
  };
  worker.onerror = (e) => {
    e.preventDefault();
    const message = e.message || 'the training worker failed to load';
    events?.status('error', { epoch: 0, message });
    comparing?.reject(new Error(message));
    comparing = null;
  };

  return {
    start(request: RunRequest, ev: RunEvents) {
      runId++;
      events = ev;
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
      worker.terminate();
      events = null;
    },
  };
}
