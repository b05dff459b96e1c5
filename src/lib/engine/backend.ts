/**
 * Explicit backend choice. Only the backends we import can exist, so tfjs can never fall back to WebGL
 * (software WebGL is several times slower for these tiny programs). Each backend is imported lazily so a
 * bundle only carries the one it uses.
 */
import { engine, getBackend, ready, setBackend } from '@tensorflow/tfjs-core';

export type BackendName = 'cpu' | 'wasm';
export const BACKEND_NAMES: readonly BackendName[] = ['cpu', 'wasm'];

/** Where the browser finds the wasm binaries (URLs served by the site itself; never a CDN). */
export type WasmPaths = Partial<Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>>;

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
    // One thread: the page (and the other demos) need the rest of the machine, and the networks are tiny.
    wasm.setThreadsCount(1);
    wasmConfigured = true;
  }
}

/** Make `name` the active backend (registering it on first use); resolves once it is ready. */
export async function useBackend(name: BackendName, options: BackendOptions = {}): Promise<BackendName> {
  if (getBackend() === name && engine().backendName === name) return name;
  await register(name, options);
  const ok = await setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not be initialised`);
  await ready();
  return name;
}

export function activeBackend(): string {
  return getBackend();
}
