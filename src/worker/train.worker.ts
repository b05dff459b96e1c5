/// <reference lib="webworker" />
/**
 * The training worker: receives runs from the page, trains them with the engine, streams updates back.
 * Backend: wasm (its binaries are emitted by Vite next to the site's other assets, so they follow the deploy base
 * path and never come from a CDN); the cpu backend is imported lazily only if wasm cannot start.
 */
import { memory } from '@tensorflow/tfjs-core';
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import { useBackend, type BackendName } from '../lib/engine/backend';
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
  try {
    // No threaded binary: workers here are not cross-origin isolated, so tfjs picks SIMD or plain.
    return await useBackend('wasm', { wasmPaths: { 'tfjs-backend-wasm.wasm': plainWasm, 'tfjs-backend-wasm-simd.wasm': simdWasm } });
  } catch {
    return useBackend('cpu');
  }
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
