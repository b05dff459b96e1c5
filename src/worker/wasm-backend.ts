/**
 * The worker's WebAssembly backend, loaded by the worker only for large jobs (train.worker.ts). The binaries are
 * emitted by Vite next to the site's other assets through `?url`, so they follow the deploy base path and never
 * come from a CDN.
 */
import plainWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import threadedSimdWasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { env } from '@tensorflow/tfjs-core';
import { activateBackend, type BackendName } from '../core/engine/backend-core';

export function initWasmBackend(): Promise<BackendName> {
  // tfjs wants all three; the threaded one is only fetched on cross-origin-isolated pages (this site is not).
  setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasm,
    'tfjs-backend-wasm-simd.wasm': simdWasm,
    'tfjs-backend-wasm-threaded-simd.wasm': threadedSimdWasm,
  });
  // One thread: the networks are tiny and the rest of the machine has other work. The multi-threaded loader is
  // not even in the bundle (no-wasm-threads.ts), so tfjs must not pick it on a cross-origin-isolated host.
  env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
  setThreadsCount(1);
  return activateBackend('wasm');
}
