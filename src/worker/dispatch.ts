/**
 * The worker's message handling, independent of where it runs: the training worker (train.worker.ts, engine's
 * BatchTrainer on wasm) and the main-thread fallback (local.ts, the plain trainer) both answer ToWorker messages
 * with FromWorker ones through this. tfjs-free: trainers, memory and jobs are handed in.
 */
import type { SeedJobRunner } from '../lib/engine/seed-job';
import { TrainingSession, type TrainerFactory } from '../lib/engine/session';
import type { FromWorker, ToWorker } from './protocol';

export interface DispatcherOptions {
  post(m: FromWorker): void;
  makeTrainer: TrainerFactory;
  /** Resolves to null once a backend is active, or to the reason none could start. */
  ready: Promise<string | null>;
  memory(): { numTensors: number; numBytes: number };
  /** Batch jobs, where they can run (the worker); elsewhere a job ends in 'error'. */
  jobs?: SeedJobRunner;
  sliceMs?: number;
}

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function createDispatcher(options: DispatcherOptions): (m: ToWorker) => Promise<void> {
  const { post, ready, jobs } = options;
  let runId = -1;
  let jobId = -1;
  let jobRunning = false;
  const session = new TrainingSession(
    {
      update: (update) => post({ type: 'update', runId, update }),
      losses: (losses) => post({ type: 'losses', runId, losses }),
      status: (status, info) => post({ type: 'status', runId, status, ...info }),
    },
    { makeTrainer: options.makeTrainer, sliceMs: options.sliceMs },
  );

  /** Make `id` the current run (the previous one is cancelled under its own id); false if the backend failed. */
  const adopt = async (id: number): Promise<boolean> => {
    session.cancel();
    runId = id;
    return (await ready) === null && runId === id;
  };

  const handle = async (m: ToWorker): Promise<void> => {
    switch (m.type) {
      case 'memory': {
        await ready;
        post({ type: 'memory', requestId: m.requestId, ...options.memory() });
        return;
      }
      case 'start': {
        const { type: _type, runId: id, ...request } = m;
        const pending = adopt(id);
        post({ type: 'status', runId: id, status: 'loading', epoch: 0 });
        if (await pending) session.start(request);
        return;
      }
      case 'compare': {
        if (!(await adopt(m.runId))) return;
        try {
          const results = await session.compare(m.networks, m.data);
          if (results) post({ type: 'compared', runId: m.runId, results });
        } catch (e) {
          if (runId === m.runId) post({ type: 'status', runId: m.runId, status: 'error', epoch: 0, message: messageOf(e) });
        }
        return;
      }
      case 'job': {
        const { type: _type, jobId: id, ...request } = m;
        jobs?.cancel();
        jobId = id;
        jobRunning = false;
        const failure = await ready;
        if (jobId !== id) return; // cancelled (and reported) while the backend was starting
        if (failure !== null || !jobs) {
          post({ type: 'job-status', jobId: id, status: 'error', message: failure ?? 'batch jobs run in the worker only' });
          return;
        }
        jobRunning = true;
        jobs.start(request, {
          status: (status, message) => post({ type: 'job-status', jobId: id, status, message }),
          progress: (done, total, partial) => post({ type: 'job-progress', jobId: id, done, total, partial }),
          results: (runs) => post({ type: 'job-results', jobId: id, runs }),
        });
        return;
      }
      case 'cancel-job':
        if (m.jobId !== jobId) return;
        jobId = -1;
        // A running job reports 'cancelled' itself once its tensors are freed; otherwise report now.
        if (jobRunning) jobs?.cancel();
        else post({ type: 'job-status', jobId: m.jobId, status: 'cancelled' });
        return;
      default: {
        if (m.runId !== runId) return; // a control for a run that is already gone
        await ready;
        if (m.runId !== runId) return;
        if (m.type === 'pause') session.pause();
        else if (m.type === 'resume') session.resume();
        else if (m.type === 'step') session.step();
        else session.cancel();
      }
    }
  };

  // Anything unexpected is reported to the work it belongs to, never thrown into the console.
  return (m) =>
    handle(m).catch((e: unknown) => {
      if ('runId' in m) post({ type: 'status', runId: m.runId, status: 'error', epoch: 0, message: messageOf(e) });
      else if ('jobId' in m) post({ type: 'job-status', jobId: m.jobId, status: 'error', message: messageOf(e) });
    });
}
