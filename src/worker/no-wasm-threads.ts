/**
 * Stands in for tfjs-backend-wasm's multi-threaded loader and its worker script (~14 kB gzip of the training
 * worker). Threads need a cross-origin-isolated page, which a static host does not give, and these networks are
 * too small to gain from them; wasm-backend.ts also turns the feature off, so this is never called.
 */
export default function threadedWasmUnavailable(): never {
  throw new Error('The multi-threaded wasm backend is not part of this build');
}

export const wasmWorkerContents = '';
