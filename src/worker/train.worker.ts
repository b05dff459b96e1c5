/// <reference lib="webworker" />
/**
 * The site's training worker, the only one: answers the page's messages (protocol.ts) through the shared
 * dispatcher — interactive runs (Fit Lab, TrainingClient), batch jobs (the seed panels) and deep-stack runs — with
 * the engine's trainers. It starts on tfjs' cpu backend and loads the WebAssembly backend only for work of
 * WASM_MIN_NETWORKS networks or more: measured in Chromium (`npm run bench:browser`), wasm trains a lone network
 * about 1.4× slower than cpu but a batch of 100 networks about 3× and of 1,000 about 5× faster, and its binary
 * (137 kB gzip) would more than double what a Fit Lab page downloads before its first trained frame.
 */
import '@tensorflow/tfjs-backend-cpu';
import { activateBackend, type BackendName } from '../core/engine/backend-core';
import { ShallowTrainer } from '../core/engine/shallow-trainer';
import { DeepTrainer } from '../core/engine/deep-trainer';
import { createDispatcher } from './dispatch';
import type { FromWorker, ToWorker } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

/** Work of at least this many networks trains on wasm (a 1,000-seed panel run; default panels stay on cpu). */
const WASM_MIN_NETWORKS = 500;

const post = (m: FromWorker) => self.postMessage(m);

/** Resolves to null once the cpu backend runs, or to the reason it could not start. */
const ready: Promise<string | null> = activateBackend('cpu').then(
  (backend) => {
    post({ type: 'ready', backend });
    return null;
  },
  (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    post({ type: 'fatal', message });
    return message;
  },
);

let wasm: Promise<boolean> | null = null;
/** The wasm backend, loaded once on first need; false if it cannot start (the work then stays on cpu). */
function wasmAvailable(): Promise<boolean> {
  wasm ??= import('./wasm-backend')
    .then((m) => m.initWasmBackend().then(() => true))
    .catch((e: unknown) => {
      console.warn('training worker: the WebAssembly backend could not start; training stays on cpu', e);
      return false;
    });
  return wasm;
}

async function backendFor(networks: number): Promise<BackendName> {
  const name: BackendName = networks >= WASM_MIN_NETWORKS && (await wasmAvailable()) ? 'wasm' : 'cpu';
  return activateBackend(name);
}

const dispatch = createDispatcher({
  post,
  makeTrainer: (options) => new ShallowTrainer(options),
  ready,
  backendFor,
  loadDeepTrainer: () => Promise.resolve((request) => new DeepTrainer(request)),
});

self.onmessage = (event: MessageEvent<ToWorker>) => void dispatch(event.data);
