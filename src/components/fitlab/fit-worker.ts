/// <reference lib="webworker" />
/**
 * The Fit Lab's training worker: a FitSession (fit-session.ts) behind a message port. The engine's own worker
 * (src/worker/) does not yet take initial weights ("train from here") or a per-epoch delay (animation speed),
 * so the Fit Lab composes the engine's BatchTrainer here.
 */
import * as tf from '@tensorflow/tfjs-core';
// Imported statically (not through engine/backend.ts's lazy import) so the worker is one chunk: the site's Vite
// config builds workers as IIFE, which cannot code-split. The cpu backend only; WebGL is never registered.
import '@tensorflow/tfjs-backend-cpu';
import { BatchTrainer } from '../../lib/engine/batch-trainer';
import { FitSession } from './fit-session';
import type { FitRequest, FitResponse } from './fit-protocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
let ready: Promise<unknown> | null = null;
const session = new FitSession(
  (m: FitResponse) => scope.postMessage(m),
  (options) => new BatchTrainer(options),
  () => (ready ??= tf.setBackend('cpu').then(() => tf.ready())),
);

scope.onmessage = (event: MessageEvent<FitRequest>) => {
  const m = event.data;
  if (m.type === 'memory') scope.postMessage({ type: 'memory', runId: m.runId, numTensors: tf.memory().numTensors } satisfies FitResponse);
  else session.handle(m);
};
