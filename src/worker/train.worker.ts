/// <reference lib="webworker" />
/**
 * The training worker: receives runs from the page, trains them with the engine, streams updates back.
 * Backend: wasm, imported statically (no dynamic import, so Vite can bundle the worker as one script in its
 * default iife format); its binaries are emitted by Vite next to the site's other assets, so they follow the
 * deploy base path and never come from a CDN. No cpu fallback here: it would cost ~43 kB gzip of the page
 * budget, and every browser that runs module workers runs WebAssembly.
 */
import { memory } from '@tensorflow/tfjs-core';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { activateBackend, type BackendName } from '../lib/engine/backend-core';
import { RunController } from '../lib/engine/controller';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromWorker) => self.postMessage(m);
let runId = -1;

const controller = new RunController({
  update: (update) => post({ type: 'update', runId, update }),
  status: (status, info) => post({ type: 'status', runId, status, ...info }),
});

async function initBackend(): Promise<BackendName> {
  // tfjs wants all three; the threaded one is only fetched on cross-origin-isolated pages (this site is not).
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
  });
  setThreadsCount(1);
  return activateBackend('wasm');
}

const ready = initBackend().then(
  (backend) => {
    post({ type: 'ready', backend });
    return true;
  },
  (e: unknown) => {
    post({ type: 'fatal', message: e instanceof Error ? e.message : String(e) });
    return false;
  },
);

self.onmessage = async (event: MessageEvent<ToWorker>) => {
  const m = event.data;
  if (m.type === 'memory') {
    await ready;
    const { numTensors, numBytes } = memory();
    post({ type: 'memory', requestId: m.requestId, numTensors, numBytes });
    return;
  }
  if (m.type === 'start') {
    controller.cancel();
    runId = m.runId;
    post({ type: 'status', runId, status: 'loading', epoch: 0 });
    if (!(await ready) || runId !== m.runId) return;
    controller.start({ networks: m.networks, data: m.data, snapshotEvery: m.snapshotEvery, paused: m.paused });
    return;
  }
  if (m.runId !== runId) return; // a control for a run that is already gone
  await ready;
  if (m.type === 'pause') controller.pause();
  else if (m.type === 'resume') controller.resume();
  else if (m.type === 'step') controller.step();
  else controller.cancel();
};
