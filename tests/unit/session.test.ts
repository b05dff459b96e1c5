/**
 * The interactive session's Fit Lab features (initial weights, live losses between snapshots, single steps, the
 * per-epoch delay, batched compare), the same session on the plain main-thread trainer, the batch job runner, and
 * the dispatcher the worker and the main-thread fallback share.
 */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/lib/dataset';
import { BatchTrainer } from '../../src/lib/engine/batch-trainer';
import { runSeedJob, type SeedJobResult, type SeedJobStatus } from '../../src/lib/engine/seed-job';
import { planChunks } from '../../src/lib/seed-chunks';
import { TrainingSession, type LossUpdate, type RunRequest, type TrainerFactory } from '../../src/lib/engine/session';
import type { RunUpdate } from '../../src/lib/engine/snapshots';
import { trainBatch } from '../../src/lib/engine/train';
import { PlainBatch, PlainTrainer } from '../../src/lib/plain-trainer';
import { seedRunOf } from '../../src/lib/seed-run';
import { DEFAULT_SETTINGS } from '../../src/lib/settings';
import type { RunStatus } from '../../src/lib/train-types';
import { createDispatcher } from '../../src/worker/dispatch';
import type { FromWorker } from '../../src/worker/protocol';
import { config, engineBackend } from './engine-setup';

const data = seedDataset();
const training = { lr: DEFAULT_SETTINGS.lr, epochs: DEFAULT_SETTINGS.epochs, batchSize: DEFAULT_SETTINGS.batch };
const engine: TrainerFactory = (o) => new BatchTrainer(o);
const plain: TrainerFactory = (o) => (o.configs.length === 1 ? new PlainTrainer(o) : new PlainBatch(o));

beforeAll(() => engineBackend('wasm'));

async function until(pred: () => boolean): Promise<void> {
  for (let i = 0; i < 100_000 && !pred(); i++) await new Promise((r) => setTimeout(r, 0));
  expect(pred()).toBe(true);
}

function recorded(makeTrainer: TrainerFactory, sliceMs?: number) {
  const updates: RunUpdate[] = [];
  const losses: LossUpdate[] = [];
  const statuses: RunStatus[] = [];
  const waits: number[] = [];
  const session = new TrainingSession(
    { update: (u) => updates.push(u), losses: (l) => losses.push(l), status: (s) => statuses.push(s) },
    { makeTrainer, sliceMs, wait: (ms) => (waits.push(ms), Promise.resolve()) },
  );
  /** Every epoch loss of network 0, in order, as the island assembles its loss curve. */
  const history = () => {
    const all: Array<[number, number[]]> = [...updates.map((u) => [u.epoch, u.losses[0]!] as [number, number[]]), ...losses.map((l) => [l.epoch, l.losses[0]!] as [number, number[]])];
    return all.sort((a, b) => a[0] - b[0]).flatMap(([, l]) => l);
  };
  return { session, updates, losses, statuses, waits, history };
}

describe('training session', () => {
  it.each([
    ['engine', engine],
    ['plain fallback', plain],
  ] as const)('streams every epoch loss between rare snapshots, and starts from given weights (%s)', async (_name, factory) => {
    const c = config('tanh', 2, { epochs: 40 });
    const start = trainBatch([{ ...c, epochs: 10 }], data)[0]!.params;
    const { session, updates, losses, statuses, history } = recorded(factory, 0);
    const request: RunRequest = { networks: [c], data, initial: [start], snapshotEvery: 1_000_000, streamLosses: true };
    session.start(request);
    expect(updates[0]!.networks[0]!.params).toEqual(start);
    await until(() => session.status === 'done');
    expect(statuses).toEqual(['training', 'done']);
    expect(updates.map((u) => u.epoch)).toEqual([0, 40]);
    expect(losses.length).toBeGreaterThan(0);
    const reference = trainBatch([c], data, { initial: [start] })[0]!;
    expect(history()).toHaveLength(40);
    history().forEach((l, i) => expect(l).toBeCloseTo(reference.losses[i]!, 3));
  });

  it('steps one epoch at a time when asked, and waits epochDelayMs per epoch trained', async () => {
    const { session, updates, statuses, waits } = recorded(engine, 1e9);
    session.start({ networks: [config('relu', 1, { epochs: 6 })], data, snapshotEvery: 5, stepEpochs: 1, epochDelayMs: 40, paused: true });
    session.step();
    session.step();
    expect(updates.map((u) => u.epoch)).toEqual([0, 1, 2]);
    expect(session.status).toBe('paused');
    session.resume();
    await until(() => session.status === 'done');
    expect(updates.map((u) => u.epoch)).toEqual([0, 1, 2, 5, 6]);
    expect(statuses).toEqual(['paused', 'training', 'done']);
    expect(waits).toEqual([120]);
  });

  it('compares a batch to the end like trainBatch, and a newer request supersedes it', async () => {
    const configs = [config('relu', 4, { epochs: 30 }), config('sigmoid', 4, { epochs: 30 }), config('elu', 4, { epochs: 30 })];
    const { session } = recorded(engine);
    const baseline = tf.memory().numTensors;
    const results = await session.compare(configs, data);
    const reference = trainBatch(configs, data);
    expect(results!.map((r) => r.params)).toEqual(reference.map((r) => r.params));
    const superseded = session.compare(configs, data);
    session.cancel();
    expect(await superseded).toBeNull();
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('reports divergence on the plain trainer too, with no snapshot of non-finite weights', async () => {
    const { session, updates, statuses } = recorded(plain);
    session.start({ networks: [config('relu', 0, { lr: 1e6 })], data, snapshotEvery: 1 });
    await until(() => session.status === 'diverged');
    expect(statuses.at(-1)).toBe('diverged');
    for (const u of updates) expect(u.networks[0]!.params.w1.every(Number.isFinite)).toBe(true);
  });
});

describe('seed job runner', () => {
  it('plans chunks that hold every activation, and streams the runs seedRunOf gives', async () => {
    const big = planChunks({ activations: ['relu', 'tanh', 'sigmoid'], hidden: 2, count: 1000, ...training });
    expect(big.flat()).toHaveLength(3000);
    for (const chunk of big) {
      expect(chunk.length).toBeLessThanOrEqual(200);
      expect(new Set(chunk.map((c) => c.activation)).size).toBe(3);
    }
    const request = { chunks: planChunks({ activations: ['relu', 'tanh'], hidden: 2, count: 3, ...training }), data };
    expect(request.chunks.flat()).toHaveLength(6);
    const { session } = recorded(engine);
    const statuses: SeedJobStatus[] = [];
    const runs: SeedJobResult[] = [];
    const progress: number[] = [];
    const baseline = tf.memory().numTensors;
    void runSeedJob(session, request, { status: (s) => statuses.push(s), progress: (done) => progress.push(done), results: (r) => runs.push(...r) });
    await until(() => statuses.includes('done'));
    expect(statuses).toEqual(['training', 'done']);
    expect(progress.at(-1)).toBe(6);
    const chunk = request.chunks[0]!;
    const trained = trainBatch(chunk, data);
    expect(runs).toEqual(chunk.map((c, s) => ({ activation: c.activation, run: seedRunOf(c.seed, c.activation, c.hidden, trained[s]!.params, data) })));
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('cancels midway, reporting only after its tensors are freed', async () => {
    const { session } = recorded(engine);
    const statuses: SeedJobStatus[] = [];
    const baseline = tf.memory().numTensors;
    let tensorsAtCancelled = -1;
    void runSeedJob(session, { chunks: planChunks({ activations: ['relu'], hidden: 2, count: 5, ...training }), data }, {
      status: (s) => {
        statuses.push(s);
        if (s === 'cancelled') tensorsAtCancelled = tf.memory().numTensors;
      },
      progress: (_done, _total, partial) => partial > 0 && session.cancel(),
      results: () => undefined,
    });
    await until(() => statuses.includes('cancelled'));
    expect(statuses).toEqual(['training', 'cancelled']);
    expect(tensorsAtCancelled).toBe(baseline);
  });
});

describe('dispatcher', () => {
  it('tags run reports with their run id, drops controls of gone runs, and answers memory', async () => {
    const out: FromWorker[] = [];
    const dispatch = createDispatcher({ post: (m) => out.push(m), makeTrainer: plain, ready: Promise.resolve(null), memory: () => ({ numTensors: 7, numBytes: 1 }) });
    await dispatch({ type: 'start', runId: 1, networks: [config('relu', 0, { epochs: 3 })], data, snapshotEvery: 1, paused: true });
    await dispatch({ type: 'step', runId: 0 });
    await dispatch({ type: 'step', runId: 1 });
    await dispatch({ type: 'memory', requestId: 9 });
    await dispatch({ type: 'job', jobId: 2, chunks: planChunks({ activations: ['relu'], hidden: 2, count: 1, ...training, epochs: 2 }), data });
    const kinds = out.map((m) => ('runId' in m ? `${m.type}:${m.runId}:${m.type === 'update' ? m.update.epoch : m.type === 'status' ? m.status : ''}` : m.type === 'job-status' ? `job:${m.status}` : m.type));
    expect(kinds).toEqual(['status:1:loading', 'update:1:0', 'status:1:paused', 'update:1:1', 'memory', 'status:1:idle', 'job:training', 'job-progress', 'job-progress', 'job-results', 'job-progress', 'job:done']);
  });
});
