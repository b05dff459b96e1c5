/** Deep runs through the worker's dispatcher: their own ids and session, errors as statuses, Fit Lab runs untouched. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { DeepTrainer } from '../../../src/core/engine/deep-trainer';
import type { DeepConfig } from '../../../src/core/train/deep-types';
import { createDispatcher } from '../../../src/worker/dispatch';
import type { FromWorker } from '../../../src/worker/protocol';
import { engineBackend } from './engine-setup';

beforeAll(() => engineBackend('wasm'));

const data = seedDataset();
const deepConfig = (o: Partial<DeepConfig> = {}): DeepConfig => ({
  layers: 3,
  width: 4,
  lr: 0.01,
  epochs: 20,
  batchSize: 32,
  seed: 1,
  networks: [{ activation: 'sigmoid' }, { activation: 'relu' }],
  ...o,
});

function setup(withDeep = true) {
  const posted: FromWorker[] = [];
  const dispatch = createDispatcher({
    post: (m) => posted.push(m),
    makeTrainer: () => {
      throw new Error('not used');
    },
    ready: Promise.resolve(null),
    sliceMs: 2,
    ...(withDeep ? { loadDeepTrainer: () => Promise.resolve((r) => new DeepTrainer(r)) } : {}),
  });
  const statuses = (id: number) =>
    posted.flatMap((m) => (m.type === 'deep-status' && m.deepId === id ? [m.status] : []));
  /** Polls until `pred` holds; fails the test (rather than letting the next assertion puzzle) if it never does. */
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 20_000 && !pred(); i++) await new Promise((r) => setTimeout(r, 0));
    expect(
      pred(),
      `timed out; statuses so far: ${JSON.stringify(posted.filter((m) => m.type === 'deep-status'))}`,
    ).toBe(true);
  };
  return { posted, dispatch, statuses, until };
}

describe('deep runs in the dispatcher', () => {
  it('train to done, reporting loading, training, snapshots and done under their id', async () => {
    const { posted, dispatch, statuses, until } = setup();
    const before = tf.memory().numTensors;
    await dispatch({ type: 'deep-start', deepId: 1, config: deepConfig(), data, snapshotEvery: 5 });
    await until(() => statuses(1).includes('done'));
    expect(statuses(1)).toEqual(['loading', 'training', 'done']);
    const epochs = posted.flatMap((m) => (m.type === 'deep-update' ? [m.update.epoch] : []));
    expect(epochs).toEqual([0, 5, 10, 15, 20]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('a new start supersedes the old run, and stale controls are ignored', async () => {
    const { dispatch, statuses, until } = setup();
    await dispatch({ type: 'deep-start', deepId: 1, config: deepConfig({ epochs: 5000 }), data, snapshotEvery: 5 });
    await dispatch({ type: 'deep-start', deepId: 2, config: deepConfig({ epochs: 10 }), data, snapshotEvery: 5 });
    await dispatch({ type: 'deep-cancel', deepId: 1 });
    await until(() => statuses(2).includes('done'));
    expect(statuses(1)).toContain('idle');
    expect(statuses(2).at(-1)).toBe('done');
  });

  it('pauses, resumes and cancels', async () => {
    const { dispatch, statuses, until } = setup();
    await dispatch({ type: 'deep-start', deepId: 3, config: deepConfig({ epochs: 5000 }), data, snapshotEvery: 5 });
    await dispatch({ type: 'deep-pause', deepId: 3 });
    expect(statuses(3).at(-1)).toBe('paused');
    await dispatch({ type: 'deep-resume', deepId: 3 });
    expect(statuses(3).at(-1)).toBe('training');
    await dispatch({ type: 'deep-cancel', deepId: 3 });
    await until(() => statuses(3).at(-1) === 'idle');
    expect(statuses(3).at(-1)).toBe('idle');
  });

  it('report an error status, never a throw, where no deep trainer exists or the config is bad', async () => {
    const { dispatch, statuses } = setup(false);
    await dispatch({ type: 'deep-start', deepId: 4, config: deepConfig(), data, snapshotEvery: 5 });
    expect(statuses(4).at(-1)).toBe('error');
    const other = setup();
    await other.dispatch({ type: 'deep-start', deepId: 5, config: deepConfig({ width: 99 }), data, snapshotEvery: 5 });
    expect(other.statuses(5).at(-1)).toBe('error');
  });
});
