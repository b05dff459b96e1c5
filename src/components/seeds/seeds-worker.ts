/// <reference lib="webworker" />
/**
 * The live many-seeds worker: trains a job chunk by chunk with the engine's BatchTrainer, in slices of a few
 * epochs with a turn of the event loop between them (so a cancel gets through), and streams each finished
 * chunk's SeedRun records. A small composition of the engine for this panel's needs (per-run results streaming
 * and job-level progress), which the general training worker does not offer.
 *
 * The wasm backend is imported statically so the worker is one script (Vite's default iife worker format cannot
 * code-split); its binaries are emitted next to the site's assets, never fetched from a CDN. Like the engine's
 * own worker, no cpu fallback: it would cost page budget, and every browser with module workers runs wasm.
 */
import { memory } from '@tensorflow/tfjs-core';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { seedDataset } from '../../lib/dataset';
import { activateBackend } from '../../lib/engine/backend-core';
import { BatchTrainer } from '../../lib/engine/batch-trainer';
import { seedRunOf } from '../../lib/seed-run';
import { planChunks, type FromSeedsWorker, type LiveRequest, type ToSeedsWorker } from './seeds-protocol';

declare const self: DedicatedWorkerGlobalScope;
const post = (m: FromSeedsWorker) => self.postMessage(m);
const SLICE_EPOCHS = 10;
const data = seedDataset();
let currentJob = -1;
/** The job whose loop is running (it reports 'cancelled' itself, after freeing its tensors). */
let runningJob = -1;

async function initBackend(): Promise<string> {
  // tfjs wants all three paths; the threaded binary is only fetched on cross-origin-isolated pages.
  setWasmPaths({ 'tfjs-backend-wasm.wasm': plainWasm, 'tfjs-backend-wasm-simd.wasm': simdWasm, 'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm });
  setThreadsCount(1);
  return activateBackend('wasm');
}

/** Resolves to an error message if the backend could not start (reported per job, in the page's language). */
const ready: Promise<string | null> = initBackend().then(
  (backend) => {
    post({ type: 'ready', backend });
    return null;
  },
  (e: unknown) => (e instanceof Error ? e.message : String(e)),
);

const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

async function run(jobId: number, request: LiveRequest): Promise<void> {
  const chunks = planChunks(request);
  const total = chunks.reduce((s, c) => s + c.length, 0);
  let done = 0;
  runningJob = jobId;
  post({ type: 'status', jobId, status: 'training' });
  post({ type: 'progress', jobId, done, total, partial: 0 });
  for (const chunk of chunks) {
    const trainer = new BatchTrainer({ configs: chunk, data });
    let stopped = false;
    try {
      while (!trainer.finished) {
        await nextTurn();
        if (jobId !== currentJob) {
          stopped = true;
          return;
        }
        trainer.runEpochs(SLICE_EPOCHS);
        post({ type: 'progress', jobId, done, total, partial: (trainer.epoch / chunk[0]!.epochs) * chunk.length });
      }
      const readout = trainer.read();
      const runs = chunk.map((c, s) => ({ activation: c.activation, run: seedRunOf(c.seed, c.activation, c.hidden, readout.networks[s]!.params, data) }));
      done += chunk.length;
      post({ type: 'results', jobId, runs });
      post({ type: 'progress', jobId, done, total, partial: 0 });
    } finally {
      trainer.dispose();
      if (stopped) {
        if (runningJob === jobId) runningJob = -1;
        post({ type: 'status', jobId, status: 'cancelled' });
      }
    }
  }
  if (runningJob === jobId) runningJob = -1;
  if (jobId === currentJob) post({ type: 'status', jobId, status: 'done' });
}

self.onmessage = async (event: MessageEvent<ToSeedsWorker>) => {
  const m = event.data;
  const failure = await ready;
  if (m.type === 'memory') {
    const { numTensors, numBytes } = memory();
    post({ type: 'memory', requestId: m.requestId, numTensors, numBytes });
  } else if (m.type === 'cancel') {
    if (m.jobId !== currentJob) return;
    currentJob = -1;
    // A running loop notices at its next slice, frees its trainer, then reports; otherwise report now.
    if (runningJob !== m.jobId) post({ type: 'status', jobId: m.jobId, status: 'cancelled' });
  } else if (failure !== null) {
    post({ type: 'status', jobId: m.jobId, status: 'error', message: failure });
  } else {
    currentJob = m.jobId;
    const { activations, hidden, count } = m;
    run(m.jobId, { activations, hidden, count }).catch((e: unknown) => {
      if (m.jobId === currentJob) post({ type: 'status', jobId: m.jobId, status: 'error', message: e instanceof Error ? e.message : String(e) });
    });
  }
};
