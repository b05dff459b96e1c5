/**
 * Explicit backend choice for Node and the main thread. Only the backends we import can exist, so tfjs can
 * never fall back to WebGL (software WebGL is several times slower for these tiny programs). Each backend is
 * imported lazily so a bundle only carries the one it uses. (The worker imports wasm statically instead, see
 * src/worker/wasm-backend.ts, so that it bundles as one script.)
 */
import { activateBackend, type BackendName, type WasmPaths } from './backend-core';

export { activateBackend, activeBackend, BACKEND_NAMES, type BackendName, type WasmPaths } from './backend-core';

export interface BackendOptions {
  wasmPaths?: WasmPaths;
}

let wasmConfigured = false;

async function register(name: BackendName, options: BackendOptions): Promise<void> {
  if (name === 'cpu') {
    await import('@tensorflow/tfjs-backend-cpu');
    return;
  }
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  if (!wasmConfigured) {
    if (options.wasmPaths) wasm.setWasmPaths(options.wasmPaths);
    // One thread: the networks are tiny and the rest of the machine has other work.
    wasm.setThreadsCount(1);
    wasmConfigured = true;
  }
}

/** Make `name` the active backend (registering it on first use); resolves once it is ready. */
export async function useBackend(name: BackendName, options: BackendOptions = {}): Promise<BackendName> {
  await register(name, options);
  return activateBackend(name);
}
