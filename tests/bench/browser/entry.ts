/**
 * The in-browser half of `npm run bench:browser` (tests/bench/browser/run.ts bundles it into one classic script).
 * It runs in a dedicated Web Worker, as the site's training does, or on the page itself (`--page`): the same
 * bundle answers `postMessage` requests in a worker and exposes `globalThis.benchHandle` on a page.
 *
 * One request = one timed workload on one backend. The driver decides the order (backends alternate), so this
 * side only trains and times; times are wall clock (`performance.now`) inside the worker, where nothing but the
 * training runs.
 */
import { env, memory } from '@tensorflow/tfjs-core';
import type { HiddenActivationId } from '../../../src/core/activations/types';
import { seedDataset } from '../../../src/core/data/dataset';
import { DEEP_DEFAULTS, DEEP_SNAPSHOT_EVERY, deepDataset, toDeepConfig } from '../../../src/labs/deep/settings';
import { activeBackend, useBackend, type BackendName } from '../../../src/core/engine/backend';
import { DeepTrainer } from '../../../src/core/engine/deep-trainer';
import { trainNetworks } from '../../../src/core/engine/train';
import type { TrainConfig } from '../../../src/core/train/types';
import type { BenchReply, BenchRequest, RunResult, Workload } from './protocol';

const LR = 0.04;
const BATCH = 32;
const HIDDEN = 2;
const data = seedDataset();

let wasmBase: string | null = null;

function configs(workload: Extract<Workload, { kind: 'batch' }>): TrainConfig[] {
  return Array.from({ length: workload.networks }, (_, i) => ({
    activation: workload.mix === 'relu' || i % 2 === 0 ? 'relu' : 'sigmoid',
    activationParams: {},
    hidden: HIDDEN,
    lr: LR,
    epochs: workload.epochs,
    batchSize: BATCH,
    seed: workload.seed + i,
  }));
}

/** The one-layer runs go through trainNetworks, which reads back every 50 epochs as the site's sessions do. */
function runBatch(workload: Extract<Workload, { kind: 'batch' }>): Omit<RunResult, 'ms' | 'backend' | 'tensorsAfter'> {
  const results = trainNetworks(configs(workload), data);
  return {
    networks: workload.networks,
    firstLoss: results[0]!.losses.at(-1) ?? NaN,
    diverged: results.filter((r) => r.status === 'diverged').length,
  };
}

/**
 * The deep demo as the page runs it: its default settings, every activation side by side in one DeepTrainer,
 * a snapshot (read) at the start and every DEEP_SNAPSHOT_EVERY epochs.
 */
function runDeep(workload: Extract<Workload, { kind: 'deep' }>): Omit<RunResult, 'ms' | 'backend' | 'tensorsAfter'> {
  const activations = [...DEEP_DEFAULTS.activations] as HiddenActivationId[];
  const config = toDeepConfig({ ...DEEP_DEFAULTS, activations, epochs: workload.epochs });
  const trainer = new DeepTrainer({ config, data: deepDataset() });
  try {
    let update = trainer.read();
    while (!trainer.finished) {
      trainer.runEpochs(workload.snapshots ? DEEP_SNAPSHOT_EVERY : config.epochs);
      update = trainer.read();
    }
    return {
      networks: activations.length,
      firstLoss: update.networks[0]!.loss,
      diverged: update.divergedAt.filter((d) => d !== null).length,
    };
  } finally {
    trainer.dispose();
  }
}

async function handle(request: BenchRequest): Promise<unknown> {
  if (request.kind === 'init') {
    wasmBase = request.wasmBase;
    // As in the site's worker (src/worker/wasm-backend.ts): never the multi-threaded wasm build. The flag exists
    // once the wasm backend's module has loaded (useBackend would load it too; this is the same module).
    await import('@tensorflow/tfjs-backend-wasm');
    env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    return {
      worker: typeof document === 'undefined',
      userAgent: navigator.userAgent,
      crossOriginIsolated: globalThis.crossOriginIsolated === true,
    };
  }
  if (request.kind === 'backend') {
    // Timed on its own: the first call registers the backend (for wasm: fetch and compile the binary).
    const t0 = performance.now();
    await select(request.backend);
    return { ms: performance.now() - t0, backend: activeBackend() };
  }
  await select(request.backend);
  const t0 = performance.now();
  const out = request.workload.kind === 'deep' ? runDeep(request.workload) : runBatch(request.workload);
  const ms = performance.now() - t0;
  const result: RunResult = { ...out, ms, backend: activeBackend(), tensorsAfter: memory().numTensors };
  return result;
}

async function select(backend: BackendName): Promise<void> {
  if (wasmBase === null) throw new Error('init must come first');
  const base = wasmBase;
  await useBackend(backend, {
    wasmPaths: {
      'tfjs-backend-wasm.wasm': `${base}tfjs-backend-wasm.wasm`,
      'tfjs-backend-wasm-simd.wasm': `${base}tfjs-backend-wasm-simd.wasm`,
      'tfjs-backend-wasm-threaded-simd.wasm': `${base}tfjs-backend-wasm-threaded-simd.wasm`,
    },
  });
  if (activeBackend() !== backend) throw new Error(`asked for ${backend}, tfjs runs ${activeBackend()}`);
}

async function reply(request: BenchRequest): Promise<BenchReply> {
  try {
    return { id: request.id, ok: true, value: await handle(request) };
  } catch (e) {
    return { id: request.id, ok: false, error: e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e) };
  }
}

const scope = globalThis as unknown as {
  importScripts?: unknown;
  postMessage(message: unknown): void;
  onmessage: ((event: MessageEvent<BenchRequest>) => void) | null;
  benchHandle?: (request: BenchRequest) => Promise<BenchReply>;
};

if (typeof document === 'undefined' && typeof scope.importScripts === 'function') {
  scope.onmessage = (event) => {
    void reply(event.data).then((r) => scope.postMessage(r));
  };
} else {
  scope.benchHandle = reply;
}
