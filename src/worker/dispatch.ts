/**
 * The worker's message handling, independent of where it runs: the training worker (train.worker.ts) and the
 * main-thread fallback (local.ts), both with the engine's trainers, answer ToWorker messages
 * with FromWorker ones through this: one TrainingSession serves runs, comparisons and seed jobs. tfjs-free: the
 * trainer factory is handed in. Each message is checked first (validate.ts), and whatever
 * goes wrong becomes a report: the returned promise never rejects.
 */
import { DeepSession, type DeepTrainerFactory } from '../core/sessions/deep-session';
import { runSeedJob } from '../core/sessions/seed-job';
import { TrainingSession, type TrainerFactory } from '../core/sessions/session';
import type { DeepMessage, FromWorker, ToWorker } from './protocol';
import { checkMessage } from './validate';

export interface DispatcherOptions {
  post(m: FromWorker): void;
  makeTrainer: TrainerFactory;
  /** Resolves to null once a backend is active, or to the reason none could start. */
  ready: Promise<string | null>;
  sliceMs?: number;
  /** Make the backend suited to work of this many networks active (after `ready`). Absent: one backend serves all. */
  backendFor?(networks: number): Promise<unknown>;
  /**
   * The deep-stack trainer, loaded on the first deep run (after `ready`): the engine's DeepTrainer, in the worker or
   * on the main thread. Absent: deep runs report an error.
   */
  loadDeepTrainer?: () => Promise<DeepTrainerFactory>;
}

export function createDispatcher(options: DispatcherOptions): (m: unknown) => Promise<void> {
  const { post, ready } = options;
  let runId = -1;
  let jobId = -1;
  // A cancel can arrive while the job still waits for its backend, before there is a session run to cancel.
  let cancelledJobId = -1;
  const session = new TrainingSession(
    {
      update: (update) => post({ type: 'update', runId, update }),
      losses: (losses) => post({ type: 'losses', runId, losses }),
      status: (status, info) => post({ type: 'status', runId, status, ...info }),
    },
    { makeTrainer: options.makeTrainer, sliceMs: options.sliceMs },
  );

  const handleDeep = createDeepHandler(options);

  const handle = async (m: ToWorker): Promise<void> => {
    if (isDeepMessage(m)) await handleDeep(m);
    else if (m.type === 'job') {
      // A job takes over the session (as a run would): chunk by chunk, each a batched compare.
      const id = m.jobId;
      session.cancel();
      session.holdCompares(false);
      jobId = id;
      const failure = await ready;
      if (failure !== null) throw new Error(failure);
      await options.backendFor?.(m.chunks.reduce((n, c) => n + c.length, 0));
      if (jobId !== id) return; // superseded while the backend loaded
      if (cancelledJobId === id) {
        post({ type: 'job-status', jobId: id, status: 'cancelled' });
        return;
      }
      // (A newer job or run arriving meanwhile cancels this one's first chunk, which then reports 'cancelled'.)
      await runSeedJob(session, m, {
        status: (status, message) => post({ type: 'job-status', jobId: id, status, message }),
        progress: (done, total, partial) => post({ type: 'job-progress', jobId: id, done, total, partial }),
        results: (runs) => post({ type: 'job-results', jobId: id, runs }),
      });
    } else if (m.type === 'cancel-job') {
      // A running chunk reports 'cancelled' itself; a job still loading its backend checks this id first.
      await ready;
      if (m.jobId !== jobId) return;
      cancelledJobId = m.jobId;
      session.holdCompares(false);
      session.cancel();
    } else if (m.type === 'hold-job' || m.type === 'release-job') {
      if (m.jobId === jobId) session.holdCompares(m.type === 'hold-job');
    } else if (m.type === 'start' || m.type === 'compare') {
      session.cancel(); // under the previous run's id
      // A hold outlives one compare (a sweep of many, paused while out of sight); a new run ends it.
      if (m.type === 'start') session.holdCompares(false);
      runId = m.runId;
      if (m.type === 'start') post({ type: 'status', runId, status: 'loading', epoch: 0 });
      if ((await ready) !== null || runId !== m.runId) return;
      await options.backendFor?.(m.networks.length);
      if (runId !== m.runId) return;
      if (m.type === 'start') session.start(m);
      else {
        const results = await session.compare(m.networks, m.data);
        if (results) post({ type: 'compared', runId: m.runId, results });
      }
    } else {
      await ready;
      if (m.runId !== runId) return; // a control for a run that is already gone
      // A pause also holds a compare of that id (a batch whose panel is out of sight) until its resume.
      if (m.type === 'pause') {
        session.pause();
        session.holdCompares(true);
      } else if (m.type === 'resume') {
        session.holdCompares(false);
        session.resume();
      } else if (m.type === 'step') session.step();
      else {
        session.holdCompares(false);
        session.cancel();
      }
    }
  };

  // Failures are reported to the work they belong to (the page drops reports of superseded work), never thrown.
  const report = (m: ToWorker, e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    if ('runId' in m) post({ type: 'status', runId: m.runId, status: 'error', epoch: 0, message });
    else if ('jobId' in m) post({ type: 'job-status', jobId: m.jobId, status: 'error', message });
    else if ('deepId' in m) post({ type: 'deep-status', deepId: m.deepId, status: 'error', epoch: 0, message });
    else post({ type: 'rejected', message });
  };

  return async (raw) => {
    try {
      const checked = checkMessage(raw);
      if (!checked.ok) post(checked.reply);
      else await handle(checked.message).catch((e: unknown) => report(checked.message, e));
    } catch (e) {
      // Only `post` itself can get here (the page is gone, or a report would not clone): nobody is left to tell.
      console.error('training worker: could not report', e);
    }
  };
}

function isDeepMessage(m: ToWorker): m is DeepMessage {
  return m.type === 'deep-start' || m.type === 'deep-pause' || m.type === 'deep-resume' || m.type === 'deep-cancel';
}

/** Deep runs (deepId) have their own session, so they never cancel a Fit Lab run or a seed job, nor the reverse. */
function createDeepHandler(options: DispatcherOptions): (m: DeepMessage) => Promise<void> {
  const { post, ready } = options;
  let deepId = -1;
  let session: Promise<DeepSession> | null = null;
  const open = async (): Promise<DeepSession> => {
    const failure = await ready;
    if (failure !== null) throw new Error(failure);
    if (!options.loadDeepTrainer) throw new Error('Deep runs are not available here');
    const makeTrainer = await options.loadDeepTrainer();
    return new DeepSession(
      {
        update: (update) => post({ type: 'deep-update', deepId, update }),
        status: (status, info) => post({ type: 'deep-status', deepId, status, ...info }),
      },
      { makeTrainer, sliceMs: options.sliceMs },
    );
  };
  return async (m) => {
    if (m.type === 'deep-start') {
      if (session) (await session).cancel(); // under the previous run's id
      deepId = m.deepId;
      post({ type: 'deep-status', deepId, status: 'loading', epoch: 0 });
      session ??= open();
      const s = await session.catch((e: unknown) => {
        session = null; // let a later start try again
        throw e;
      });
      if (deepId !== m.deepId) return; // superseded while loading
      const { type: _type, deepId: _id, ...request } = m;
      s.start(request);
      return;
    }
    if (!session || m.deepId !== deepId) return; // a control for a run that is already gone
    const s = await session;
    if (m.type === 'deep-pause') s.pause();
    else if (m.type === 'deep-resume') s.resume();
    else s.cancel();
  };
}
