/// <reference lib="webworker" />
/**
 * The Fit Lab's training worker: runs the engine's BatchTrainer off the main thread and streams snapshots.
 * (A small composition of the engine's API for the Fit Lab's needs: start from given weights, per-epoch loss
 * history in each message, single-step, and a batched side-by-side run. Messages are typed in fit-protocol.ts.)
 */
import * as tf from '@tensorflow/tfjs-core';
// Imported statically (not through engine/backend.ts's lazy import) so the worker is one chunk: the site's Vite
// config builds workers as IIFE, which cannot code-split. The cpu backend only; WebGL is never registered.
import '@tensorflow/tfjs-backend-cpu';
import { deadFlags } from '../../lib/analysis';
import { BatchTrainer } from '../../lib/engine/batch-trainer';
import type { NetworkParams } from '../../lib/train-types';
import type { FitRequest, FitResponse, StartMessage } from './fit-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const post = (m: FitResponse) => scope.postMessage(m);

let trainer: BatchTrainer | null = null;
let current: StartMessage | null = null;
let runId = 0;
let paused = false;
let timer: ReturnType<typeof setTimeout> | null = null;
let ready: Promise<unknown> | null = null;

/** A slice of work per macrotask, so pause/cancel messages are handled promptly. */
const SLICE_MS = 12;

function gradNorm(g: NetworkParams | null, hidden: number): number[] {
  if (!g) return new Array<number>(hidden).fill(0);
  return g.w1.map((w, i) => Math.abs(w) + Math.abs(g.b1[i]!) + Math.abs(g.w2[i]!));
}

function stopTimer() {
  if (timer !== null) clearTimeout(timer);
  timer = null;
}

function disposeTrainer() {
  stopTimer();
  trainer?.dispose();
  trainer = null;
}

/** Run epochs until the next snapshot is due (or the time slice ends), then report. */
function tick(id: number, single: boolean) {
  timer = null;
  if (!trainer || !current || id !== runId) return;
  const every = Math.max(1, current.snapshotEvery);
  const started = performance.now();
  let due = false;
  do {
    trainer.runEpochs(1);
    due = single || trainer.finished || trainer.epoch % every === 0;
  } while (!due && performance.now() - started < SLICE_MS);
  const readout = trainer.read();
  const net = readout.networks[0]!;
  const history: Array<[number, number]> = net.losses.map((l, k) => [readout.firstEpoch + k, l]);
  const last = history[history.length - 1];
  // Never send non-finite weights to be drawn: on divergence only the losses go out, then the status.
  if (due && net.divergedAt === null) {
    post({
      type: 'snapshot',
      runId: id,
      history,
      snapshot: {
        epoch: trainer.epoch,
        loss: last ? last[1] : NaN,
        params: net.params,
        gradNorm: gradNorm(net.grad, current.config.hidden),
        dead: deadFlags(net.params, current.config, current.data.x),
      },
    });
  } else post({ type: 'losses', runId: id, history });
  if (net.divergedAt !== null) {
    post({ type: 'status', runId: id, status: 'diverged', epoch: trainer.epoch, divergedAt: net.divergedAt });
    disposeTrainer();
    return;
  }
  if (trainer.finished) {
    post({ type: 'status', runId: id, status: 'done', epoch: trainer.epoch });
    disposeTrainer();
    return;
  }
  if (single || paused) {
    paused = true;
    post({ type: 'status', runId: id, status: 'paused', epoch: trainer.epoch });
    return;
  }
  timer = setTimeout(() => tick(id, false), current.epochDelayMs * every);
}

async function start(m: StartMessage) {
  disposeTrainer();
  runId = m.runId;
  current = m;
  paused = false;
  post({ type: 'status', runId: m.runId, status: 'loading', epoch: 0 });
  ready ??= tf.setBackend('cpu').then(() => tf.ready());
  await ready;
  if (m.runId !== runId) return;
  trainer = new BatchTrainer({ configs: [m.config], data: m.data, initial: m.initial ? [m.initial] : undefined });
  post({ type: 'status', runId: m.runId, status: m.startPaused ? 'paused' : 'training', epoch: 0 });
  timer = setTimeout(() => tick(m.runId, !!m.startPaused), 0);
}

async function compare(m: Extract<FitRequest, { type: 'compare' }>) {
  disposeTrainer();
  runId = m.runId;
  ready ??= tf.setBackend('cpu').then(() => tf.ready());
  await ready;
  const batch = new BatchTrainer({ configs: m.configs, data: m.data });
  try {
    // In slices, yielding between them, so a cancel or a new run can get in.
    while (!batch.finished) {
      batch.runEpochs(10);
      await new Promise((r) => setTimeout(r, 0));
      if (m.runId !== runId) return;
    }
    const readout = batch.read();
    post({ type: 'compared', runId: m.runId, results: readout.networks.map((n) => ({ params: n.params, divergedAt: n.divergedAt })) });
  } finally {
    batch.dispose();
  }
}

scope.onmessage = (event: MessageEvent<FitRequest>) => {
  const m = event.data;
  const fail = (e: unknown) => post({ type: 'status', runId: m.runId, status: 'error', epoch: trainer?.epoch ?? 0, message: e instanceof Error ? e.message : String(e) });
  try {
    switch (m.type) {
      case 'start':
        void start(m).catch(fail);
        break;
      case 'pause':
        if (m.runId === runId && trainer && !paused) {
          paused = true;
          stopTimer();
          post({ type: 'status', runId, status: 'paused', epoch: trainer.epoch });
        }
        break;
      case 'resume':
        if (m.runId === runId && trainer && paused) {
          paused = false;
          post({ type: 'status', runId, status: 'training', epoch: trainer.epoch });
          timer = setTimeout(() => tick(runId, false), 0);
        }
        break;
      case 'step':
        if (m.runId === runId && trainer && paused && timer === null) tick(runId, true);
        break;
      case 'cancel':
        if (m.runId === runId) {
          disposeTrainer();
          runId = -1;
        }
        break;
      case 'compare':
        void compare(m).catch(fail);
        break;
      case 'memory':
        post({ type: 'memory', runId: m.runId, numTensors: tf.memory().numTensors });
        break;
    }
  } catch (e) {
    fail(e);
  }
};
