/**
 * The page's client when its worker cannot start: it loads the main-thread stand-in (local.ts) only then, replays
 * the current run there — the worker's engine on the cpu backend — and says so in an error status if even the
 * stand-in cannot load, instead of leaving the island in 'loading'.
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { trainNetworks } from '../../../src/core/engine/train';
import type { RunStatus } from '../../../src/core/train/types';
import { TrainingClient, type TrainingClientOptions } from '../../../src/worker/client';
import { createLocalEngine } from '../../../src/worker/local';
import type { RunUpdate } from '../../../src/worker/protocol';
import { config, engineBackend } from './engine-setup';

const data = seedDataset();

afterEach(() => engineBackend('wasm'));

/** A worker that never answers; `fail()` makes it report that it could not start, as a blocked script does. */
function deadWorker() {
  const posted: unknown[] = [];
  const worker = {
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: { message: string; preventDefault(): void }) => void) | null,
    postMessage: (m: unknown) => posted.push(m),
    terminate: () => undefined,
  };
  return {
    posted,
    worker,
    fail: () => worker.onerror?.({ message: 'script blocked', preventDefault: () => undefined }),
  };
}

function client(fallback: TrainingClientOptions['fallback']) {
  const dead = deadWorker();
  const statuses: RunStatus[] = [];
  const updates: RunUpdate[] = [];
  let loads = 0;
  let fellBack = false;
  const c = new TrainingClient({
    createWorker: () => dead.worker as unknown as Worker,
    onStatus: (s) => statuses.push(s),
    onUpdate: (u) => updates.push(u),
    onFallback: () => (fellBack = true),
    fallback: fallback && (() => (loads++, fallback())),
  });
  return { c, dead, statuses, updates, loads: () => loads, fellBack: () => fellBack };
}

async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !pred(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(pred()).toBe(true);
}

describe('TrainingClient without a worker', () => {
  it('loads the stand-in only when the worker fails, and trains the current run there with the engine on cpu', async () => {
    const run = client(() => Promise.resolve(createLocalEngine));
    const c = config('sigmoid', 1, { epochs: 12 });
    run.c.start([c], data, { snapshotEvery: 4 });
    expect(run.dead.posted).toHaveLength(1); // sent to the worker while it might still start
    expect(run.loads()).toBe(0);
    run.dead.fail();
    expect(run.fellBack()).toBe(true);
    await until(() => run.statuses.includes('done'));
    expect(run.loads()).toBe(1);
    expect(tf.getBackend()).toBe('cpu');
    expect(run.statuses).toEqual(['loading', 'training', 'done']);
    expect(run.updates.map((u) => u.epoch)).toEqual([0, 4, 8, 12]);
    expect(run.updates.at(-1)!.networks[0]!.params).toEqual(trainNetworks([c], data)[0]!.params);
    run.c.dispose();
  });

  it('reports an error, not endless loading, when the stand-in cannot load either', async () => {
    const run = client(() => Promise.reject(new Error('chunk blocked')));
    run.c.start([config('relu', 0)], data);
    run.dead.fail();
    await until(() => run.statuses.includes('error'));
    expect(run.statuses).toEqual(['error']);
  });

  it('reports the worker’s failure as an error when it has no fallback', () => {
    const run = client(undefined);
    run.c.start([config('relu', 0)], data);
    run.dead.fail();
    expect(run.statuses).toEqual(['error']);
  });
});
