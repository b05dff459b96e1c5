/**
 * The worker's message handling, independent of where it runs: the training worker (train.worker.ts, engine's
 * BatchTrainer on wasm) and the main-thread fallback (local.ts, the plain trainer) both answer ToWorker messages
 * with FromWorker ones through this: one TrainingSession serves runs, comparisons and seed jobs. tfjs-free: the
 * trainer factory and the memory readout are handed in.
 */
import { runSeedJob } from '../lib/engine/seed-job';
import { TrainingSession, type TrainerFactory } from '../lib/engine/session';
import type { FromWorker, ToWorker } from './protocol';

export interface DispatcherOptions {
  post(m: FromWorker): void;
  makeTrainer: TrainerFactory;
  /** Resolves to null once a backend is active, or to the reason none could start. */
  ready: Promise<string | null>;
  memory(): { numTensors: number; numBytes: number };
  sliceMs?: number;
}

export function createDispatcher(options: DispatcherOptions): (m: ToWorker) => Promise<void> {
  const { post, ready } = options;
  let runId = -1;
  let jobId = -1;
  const session = new TrainingSession(
    {
      update: (update) => post({ type: 'update', runId, update }),
      losses: (losses) => post({ type: 'losses', runId, losses }),
      status: (status, info) => post({ type: 'status', runId, status, ...info }),
    },
    { makeTrainer: options.makeTrainer, sliceMs: options.sliceMs },
  );

  const handle = async (m: ToWorker): Promise<void> => {
    if (m.type === 'memory') {
      await ready;
      post({ type: 'memory', requestId: m.requestId, ...options.memory() });
    } else if (m.type === 'job') {
      // A job takes over the session (as a run would): chunk by chunk, each a batched compare.
      const id = m.jobId;
      session.cancel();
      jobId = id;
      const failure = await ready;
      if (failure !== null) throw new Error(failure);
      // (A newer job or run arriving meanwhile cancels this one's first chunk, which then reports 'cancelled'.)
      await runSeedJob(session, m, {
        status: (status, message) => post({ type: 'job-status', jobId: id, status, message }),
        progress: (done, total, partial) => post({ type: 'job-progress', jobId: id, done, total, partial }),
        results: (runs) => post({ type: 'job-results', jobId: id, runs }),
      });
    } else if (m.type === 'cancel-job') {
      // After `ready` like the job itself, so the job's first chunk has started; it then reports 'cancelled'.
      await ready;
      if (m.jobId === jobId) session.cancel();
    } else if (m.type === 'start' || m.type === 'compare') {
      session.cancel(); // under the previous run's id
      runId = m.runId;
      if (m.type === 'start') post({ type: 'status', runId, status: 'loading', epoch: 0 });
      if ((await ready) !== null || runId !== m.runId) return;
      if (m.type === 'start') session.start(m);
      else {
        const results = await session.compare(m.networks, m.data);
        if (results) post({ type: 'compared', runId: m.runId, results });
      }
    } else {
      await ready;
      if (m.runId !== runId) return; // a control for a run that is already gone
      if (m.type === 'pause') session.pause();
      else if (m.type === 'resume') session.resume();
      else if (m.type === 'step') session.step();
      else session.cancel();
    }
  };

  // Failures are reported to the work they belong to (the page drops reports of superseded work), never thrown.
  return (m) =>
    handle(m).catch((e: unknown) => {
      const message = e instanceof Error ? e.message : String(e);
      if ('runId' in m) post({ type: 'status', runId: m.runId, status: 'error', epoch: 0, message });
      else if ('jobId' in m) post({ type: 'job-status', jobId: m.jobId, status: 'error', message });
    });
}
