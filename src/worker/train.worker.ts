/// <reference lib="webworker" />
/**
 * The site's training worker, the only one: starts the wasm backend once, then answers the page's messages
 * (protocol.ts) through the shared dispatcher — interactive runs (Fit Lab, TrainingClient) and batch jobs (the
 * many-seeds live panel) — with the engine's BatchTrainer, and deep-stack runs with its DeepTrainer.
 */
import { memory } from '@tensorflow/tfjs-core';
import { BatchTrainer } from '../lib/engine/batch-trainer';
import { DeepTrainer } from '../lib/engine/deep-trainer';
import { createDispatcher } from './dispatch';
import type { FromWorker, ToWorker } from './protocol';
import { initWasmBackend } from './wasm-backend';

declare const self: DedicatedWorkerGlobalScope;

const post = (m: FromWorker) => self.postMessage(m);

/** Resolves to null once wasm runs, or to the reason it could not start. */
const ready: Promise<string | null> = initWasmBackend().then(
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

const dispatch = createDispatcher({
  post,
  makeTrainer: (options) => new BatchTrainer(options),
  ready,
  memory,
  loadDeepTrainer: () => Promise.resolve((request) => new DeepTrainer(request)),
});

self.onmessage = (event: MessageEvent<ToWorker>) => void dispatch(event.data);
