/**
 * The training worker's stand-in on the main thread, for when the worker cannot run (its script blocked, or its
 * wasm backend refused): the same dispatcher and session with the plain float64 trainer, which brings no second
 * copy of tfjs (deep-stack runs likewise, with the plain deep trainer). Short slices keep the page responsive.
 */
import { PlainBatch, PlainTrainer } from '../lib/plain-trainer';
import { createDispatcher } from './dispatch';
import type { FromWorker, ToWorker } from './protocol';

export function createLocalEngine(post: (m: FromWorker) => void): (m: ToWorker) => void {
  const dispatch = createDispatcher({
    post,
    makeTrainer: (o) => (o.configs.length === 1 ? new PlainTrainer(o) : new PlainBatch(o)),
    ready: Promise.resolve(null),
    memory: () => ({ numTensors: 0, numBytes: 0 }),
    sliceMs: 8,
    // Deep runs: the deep engine's plain twin, loaded only when a deep run starts here.
    loadDeepTrainer: () => import('../lib/plain-deep-trainer').then((m) => (request) => new m.PlainDeepTrainer(request)),
  });
  // Messages are copied, as posting to a worker would.
  return (m) => void dispatch(structuredClone(m));
}
