/**
 * Activating a backend that is already registered (imported). No dynamic import here, so a Web Worker can use
 * this module and still be bundled as a single classic script (Vite's default worker format, iife).
 */
import { engine, getBackend, ready, setBackend } from '@tensorflow/tfjs-core';

export type BackendName = 'cpu' | 'wasm';
export const BACKEND_NAMES: readonly BackendName[] = ['cpu', 'wasm'];

/** Where the browser finds the wasm binaries (URLs served by the site itself; never a CDN). */
export type WasmPaths = Partial<
  Record<'tfjs-backend-wasm.wasm' | 'tfjs-backend-wasm-simd.wasm' | 'tfjs-backend-wasm-threaded-simd.wasm', string>
>;

/** Make the registered backend `name` active; resolves once it is ready. */
export async function activateBackend(name: BackendName): Promise<BackendName> {
  if (getBackend() === name && engine().backendName === name) return name;
  const ok = await setBackend(name);
  if (!ok) throw new Error(`The ${name} backend could not be initialised`);
  await ready();
  return name;
}

export function activeBackend(): string {
  return getBackend();
}
