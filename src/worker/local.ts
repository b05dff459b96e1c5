/**
 * The training worker's stand-in on the main thread, for when the worker cannot run (its script blocked, or its
 * wasm backend refused): the same dispatcher and session with the plain float64 trainer, which brings no second
 * copy of tfjs (deep-stack runs are the exception: they load the engine on tfjs' cpu backend when one starts).
 * Short slices keep the page responsive.
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
    // Deep runs need tensors: the engine on tfjs' cpu backend, loaded only if a deep run starts here.
    loadDeepTrainer: async () => {
      const [{ useBackend }, { DeepTrainer }] = await Promise.all([import('../lib/engine/backend'), import('../lib/engine/deep-trainer')]);
      await useBackend('cpu');
      return (request) => new DeepTrainer(request);
    },
  });
  // Messages are copied, as posting to a worker would.
  return (m) => void dispatch(structuredClone(m));
}
