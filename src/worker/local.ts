/**
 * The training worker's stand-in on the main thread, for when the worker cannot run (its script blocked, or its
 * wasm backend refused): the same dispatcher, sessions and engine (ShallowTrainer, DeepTrainer) as the worker, on
 * tfjs' cpu backend, which needs no `.wasm` file. Islands import this module only once their worker has failed,
 * so pages that never fall back never download it or the cpu backend. Short slices, which end between optimizer
 * steps when an epoch is too long for one (sliced-session.ts), keep the page responsive.
 */
import { useBackend } from '../core/engine/backend';
import { ShallowTrainer } from '../core/engine/shallow-trainer';
import { DeepTrainer } from '../core/engine/deep-trainer';
import { createDispatcher } from './dispatch';
import type { FromWorker, ToWorker } from './protocol';

/** Longest stretch of training per task, in ms: a slice, plus a readout and the island's redraw, stays far below 50 ms. */
export const LOCAL_SLICE_MS = 8;

export function createLocalEngine(post: (m: FromWorker) => void): (m: ToWorker) => void {
  /** Resolves to null once the cpu backend runs, or to the reason it could not start. */
  const ready: Promise<string | null> = useBackend('cpu').then(
    (backend) => {
      post({ type: 'ready', backend });
      return null;
    },
    (e: unknown) => (e instanceof Error ? e.message : String(e)),
  );
  const dispatch = createDispatcher({
    post,
    makeTrainer: (options) => new ShallowTrainer(options),
    ready,
    sliceMs: LOCAL_SLICE_MS,
    loadDeepTrainer: () => Promise.resolve((request) => new DeepTrainer(request)),
  });
  return (m) => {
    // Messages are copied, as posting to a worker would.
    const message = structuredClone(m);
    void dispatch(message);
    // Runs and comparisons wait for the backend silently (in the worker, a failed start is reported as 'fatal'):
    // with nowhere left to fall back to, they end in an error instead of staying in 'loading'.
    if (message.type === 'start' || message.type === 'compare') {
      void ready.then((failure) => {
        if (failure !== null)
          post({ type: 'status', runId: message.runId, status: 'error', epoch: 0, message: failure });
      });
    }
  };
}
