/**
 * The interactive session's Fit Lab features (initial weights, live losses between snapshots, single steps, the
 * per-epoch delay, batched compare), slices that end between optimizer steps when an epoch is too long for one,
 * the same session on the cpu backend, the batch job runner, the dispatcher the worker and the main-thread
 * fallback share, and that fallback itself (local.ts: the worker's engine on the cpu backend).
 */
import * as tf from '@tensorflow/tfjs-core';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { BackendName } from '../../../src/core/engine/backend';
import type { DeepConfig, DeepUpdate } from '../../../src/core/train/deep-types';
import { seedDataset } from '../../../src/core/data/dataset';
import { DeepTrainer } from '../../../src/core/engine/deep-trainer';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { runSeedJob, type SeedJobResult, type SeedJobStatus } from '../../../src/core/sessions/seed-job';
import { planChunks } from '../../../src/core/sessions/seed-chunks';
import {
  TrainingSession,
  type LossUpdate,
  type RunRequest,
  type TrainerFactory,
} from '../../../src/core/sessions/session';
import type { RunUpdate } from '../../../src/core/sessions/snapshots';
import { trainNetworks } from '../../../src/core/engine/train';
import { seedRunOf } from '../../../src/core/analysis/seed-run';
import { DEFAULT_SETTINGS } from '../../../src/core/settings/fit-lab';
import type { NetworkParams, RunStatus } from '../../../src/core/train/types';
import { createDispatcher } from '../../../src/worker/dispatch';
import { createLocalEngine } from '../../../src/worker/local';
import type { FromWorker, ToWorker } from '../../../src/worker/protocol';
import { config, engineBackend } from './engine-setup';

const data = seedDataset();
const training = { lr: DEFAULT_SETTINGS.lr, epochs: DEFAULT_SETTINGS.epochs, batchSize: DEFAULT_SETTINGS.batch };
const engine: TrainerFactory = (o) => new ShallowTrainer(o);

beforeAll(() => engineBackend('wasm'));
// Tests that move to the cpu backend (as the main-thread fallback does) leave the others on wasm.
afterEach(() => engineBackend('wasm'));

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
    const all: Array<[number, number[]]> = [
      ...updates.map((u) => [u.epoch, u.losses[0]!] as [number, number[]]),
      ...losses.map((l) => [l.epoch, l.losses[0]!] as [number, number[]]),
    ];
    return all.sort((a, b) => a[0] - b[0]).flatMap(([, l]) => l);
  };
  return { session, updates, losses, statuses, waits, history };
}

describe('training session', () => {
  it.each(['wasm', 'cpu'] as BackendName[])(
    'streams every epoch loss between rare snapshots, and starts from given weights (%s backend)',
    async (backend) => {
      await engineBackend(backend);
      const c = config('tanh', 2, { epochs: 40 });
      const start = trainNetworks([{ ...c, epochs: 10 }], data)[0]!.params;
      const { session, updates, losses, statuses, history } = recorded(engine, 0);
      const request: RunRequest = {
        networks: [c],
        data,
        initial: [start],
        snapshotEvery: 1_000_000,
        streamLosses: true,
      };
      session.start(request);
      expect(updates[0]!.networks[0]!.params).toEqual(start);
      await until(() => session.status === 'done');
      expect(statuses).toEqual(['training', 'done']);
      expect(updates.map((u) => u.epoch)).toEqual([0, 40]);
      expect(losses.length).toBeGreaterThan(0);
      const reference = trainNetworks([c], data, { initial: [start] })[0]!;
      expect(history()).toHaveLength(40);
      history().forEach((l, i) => expect(l).toBeCloseTo(reference.losses[i]!, 3));
    },
  );

  it('steps one epoch at a time when asked, and waits epochDelayMs per epoch trained', async () => {
    const { session, updates, statuses, waits } = recorded(engine, 1e9);
    session.start({
      networks: [config('relu', 1, { epochs: 6 })],
      data,
      snapshotEvery: 5,
      stepEpochs: 1,
      epochDelayMs: 40,
      paused: true,
    });
    session.step();
    session.step();
    expect(updates.map((u) => u.epoch)).toEqual([0, 1, 2]);
    expect(session.status).toBe('paused');
    session.resume();
    await until(() => session.status === 'done');
    expect(updates.map((u) => u.epoch)).toEqual([0, 1, 2, 5, 6]);
    expect(statuses).toEqual(['paused', 'training', 'done']);
    // Resuming trains on a task of its own (the 0 ms wait), and three epochs are paced after their slice.
    expect(waits).toEqual([0, 120]);
  });

  it('compares a batch to the end like trainNetworks, and a newer request supersedes it', async () => {
    const configs = [
      config('relu', 4, { epochs: 30 }),
      config('sigmoid', 4, { epochs: 30 }),
      config('elu', 4, { epochs: 30 }),
    ];
    const { session } = recorded(engine);
    const baseline = tf.memory().numTensors;
    const results = await session.compare(configs, data);
    const reference = trainNetworks(configs, data);
    expect(results!.map((r) => r.params)).toEqual(reference.map((r) => r.params));
    const superseded = session.compare(configs, data);
    session.cancel();
    expect(await superseded).toBeNull();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

/**
 * A ShallowTrainer on a fake clock: every optimizer step takes `msPerStep`; `steps` counts them. Whole epochs go
 * through runSteps too, so the clock sees every step whichever way the session asks.
 */
function clocked(msPerStep: number) {
  let now = 0;
  const counter = { steps: 0 };
  vi.spyOn(performance, 'now').mockImplementation(() => now);
  const factory: TrainerFactory = (o) => {
    const t = new ShallowTrainer(o);
    const runSteps = (n: number) => {
      for (let i = 0; i < n && !t.finished; i++) {
        t.runSteps(1);
        counter.steps++;
        now += msPerStep;
      }
    };
    return {
      get epoch() {
        return t.epoch;
      },
      get finished() {
        return t.finished;
      },
      runSteps,
      runEpochs(n: number) {
        const target = t.epoch + n;
        while (t.epoch < target && !t.finished) runSteps(1);
      },
      read: () => t.read(),
      dispose: () => t.dispose(),
    };
  };
  return { factory, counter };
}

describe('slices', () => {
  afterEach(() => vi.restoreAllMocks());

  /** Optimizer steps trained in each slice of a run (batch size 1: 100 steps an epoch), and what it reported. */
  async function slicesOf(msPerStep: number, snapshotEvery: number, epochs: number) {
    const { factory, counter } = clocked(msPerStep);
    const perSlice: number[] = [];
    const updates: RunUpdate[] = [];
    const losses: LossUpdate[] = [];
    let state: RunStatus = 'idle';
    const session = new TrainingSession(
      { update: (u) => updates.push(u), losses: (l) => losses.push(l), status: (s) => (state = s) },
      {
        makeTrainer: factory,
        sliceMs: 12,
        wait: () => (perSlice.push(counter.steps), (counter.steps = 0), Promise.resolve()),
      },
    );
    const c = config('relu', 3, { epochs, batchSize: 1 });
    session.start({ networks: [c], data, snapshotEvery, streamLosses: true });
    await until(() => state === 'done');
    perSlice.push(counter.steps);
    vi.restoreAllMocks();
    // The first wait comes before any training: the loop starts on a task of its own.
    expect(perSlice[0]).toBe(0);
    return { perSlice: perSlice.slice(1), updates, losses, c };
  }

  it.each([1, 1_000_000])(
    'end between optimizer steps when an epoch outlasts them, reporting whole epochs (snapshot every %i)',
    async (every) => {
      // 1 ms a step: an epoch (100 steps) takes 100 ms, a slice 12, so every epoch ends within some slice. Ten
      // epochs (each step trained alone for the fake clock, about a millisecond of real time each).
      const { perSlice, updates, losses, c } = await slicesOf(1, every, 10);
      expect(Math.max(...perSlice), `steps per slice: ${perSlice.join(' ')}`).toBeLessThanOrEqual(12);
      expect(perSlice.reduce((a, b) => a + b, 0)).toBe(10 * 100);
      expect(updates.map((u) => u.epoch)).toEqual(every === 1 ? Array.from({ length: 11 }, (_, e) => e) : [0, 10]);
      // Slices that end inside an epoch report nothing; the losses of every epoch arrive once, in order.
      for (const l of losses) expect(l.losses[0]!.length).toBeGreaterThan(0);
      const history = [
        ...updates.map((u) => [u.epoch, u.losses[0]!] as const),
        ...losses.map((l) => [l.epoch, l.losses[0]!] as const),
      ]
        .sort((x, y) => x[0] - y[0])
        .flatMap(([, l]) => l);
      const reference = trainNetworks([c], data)[0]!;
      expect(history).toHaveLength(10);
      history.forEach((l, i) => expect(l).toBeCloseTo(reference.losses[i]!, 5));
      const flat = (p: NetworkParams) => [...p.w1, ...p.b1, ...p.w2, p.b2];
      const expected = flat(reference.params);
      flat(updates.at(-1)!.networks[0]!.params).forEach((v, i) => expect(v).toBeCloseTo(expected[i]!, 5));
    },
  );

  it('train whole epochs, several a slice, once an epoch fits well inside one', async () => {
    // 1/128 ms a step (exact in binary): an epoch takes 0.78 ms, so after the first (measured step by step) a
    // 12 ms slice holds 16 epochs.
    const { perSlice, updates } = await slicesOf(1 / 128, 1_000_000, 30);
    expect(perSlice[0]).toBe(1600);
    expect(perSlice.slice(1).every((steps) => steps % 100 === 0)).toBe(true);
    expect(updates.map((u) => u.epoch)).toEqual([0, 30]);
  });
});

describe('the main-thread fallback (local.ts)', () => {
  /** Send `messages` to a fresh local engine; resolves with everything it posted once `done` says so. */
  async function local(messages: ToWorker[], done: (posted: FromWorker[]) => boolean): Promise<FromWorker[]> {
    const posted: FromWorker[] = [];
    const send = createLocalEngine((m) => posted.push(m));
    for (const m of messages) send(m);
    await until(() => done(posted));
    return posted;
  }
  const ended = (posted: FromWorker[]) =>
    posted.some((m) => (m.type === 'status' || m.type === 'deep-status') && /^(done|diverged|error)$/.test(m.status));

  it('trains the worker’s engine on the cpu backend: the same run as a ShallowTrainer there, its tensors freed', async () => {
    const c = config('relu', 5, { epochs: 25 });
    const posted = await local([{ type: 'start', runId: 3, networks: [c], data, snapshotEvery: 10 }], ended);
    expect(tf.getBackend()).toBe('cpu');
    expect(posted).toContainEqual({ type: 'ready', backend: 'cpu' });
    const updates = posted.flatMap((m) => (m.type === 'update' && m.runId === 3 ? [m.update] : []));
    expect(updates.map((u) => u.epoch)).toEqual([0, 10, 20, 25]);
    expect(posted.at(-1)).toMatchObject({ type: 'status', runId: 3, status: 'done', epoch: 25 });
    const reference = trainNetworks([c], data)[0]!;
    expect(updates.at(-1)!.networks[0]!.params).toEqual(reference.params);
    expect(updates.flatMap((u) => u.losses[0]!)).toEqual(reference.losses);
    expect(tf.memory().numTensors).toBe(0);
  });

  it('reports divergence with the engine’s rule, and no snapshot of non-finite weights', async () => {
    const c = config('relu', 0, { lr: 1e6 });
    const posted = await local([{ type: 'start', runId: 1, networks: [c], data, snapshotEvery: 1 }], ended);
    const reference = new ShallowTrainer({ configs: [c], data });
    reference.runEpochs(c.epochs);
    const divergedAt = reference.read().networks[0]!.divergedAt;
    reference.dispose();
    expect(divergedAt).not.toBeNull();
    expect(posted.at(-1)).toMatchObject({ type: 'status', status: 'diverged', divergedAt });
    for (const m of posted)
      if (m.type === 'update') expect(m.update.networks[0]!.params.w1.every(Number.isFinite)).toBe(true);
  });

  it('answers a side-by-side comparison like trainNetworks on the cpu backend', async () => {
    const configs = [config('relu', 4, { epochs: 20 }), config('sigmoid', 4, { epochs: 20 })];
    const posted = await local([{ type: 'compare', runId: 2, networks: configs, data }], (p) =>
      p.some((m) => m.type === 'compared'),
    );
    const compared = posted.find((m) => m.type === 'compared');
    expect(compared?.type === 'compared' && compared.results.map((r) => r.params)).toEqual(
      trainNetworks(configs, data).map((r) => r.params),
    );
  });

  it('runs deep stacks with the engine’s DeepTrainer on the cpu backend', async () => {
    const config: DeepConfig = {
      layers: 3,
      width: 4,
      lr: 0.01,
      epochs: 6,
      batchSize: 32,
      seed: 2,
      networks: [{ activation: 'sigmoid' }, { activation: 'relu' }],
    };
    const posted = await local([{ type: 'deep-start', deepId: 4, config, data, snapshotEvery: 3 }], ended);
    const updates = posted.flatMap((m) => (m.type === 'deep-update' ? [m.update] : []));
    expect(updates.map((u) => u.epoch)).toEqual([0, 3, 6]);
    expect(posted.at(-1)).toMatchObject({ type: 'deep-status', deepId: 4, status: 'done' });
    const reference = new DeepTrainer({ config, data });
    const expected: DeepUpdate[] = [reference.read()];
    for (let e = 0; e < 2; e++) {
      reference.runEpochs(3);
      expected.push(reference.read());
    }
    reference.dispose();
    expect(updates).toEqual(expected);
    expect(tf.memory().numTensors).toBe(0);
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
    void runSeedJob(session, request, {
      status: (s) => statuses.push(s),
      progress: (done) => progress.push(done),
      results: (r) => runs.push(...r),
    });
    await until(() => statuses.includes('done'));
    expect(statuses).toEqual(['training', 'done']);
    expect(progress.at(-1)).toBe(6);
    const chunk = request.chunks[0]!;
    const trained = trainNetworks(chunk, data);
    expect(runs).toEqual(
      chunk.map((c, s) => ({
        activation: c.activation,
        run: seedRunOf(c.seed, c.activation, c.hidden, trained[s]!.params, data),
      })),
    );
    expect(tf.memory().numTensors).toBe(baseline);
  });

  it('cancels midway, reporting only after its tensors are freed', async () => {
    const { session } = recorded(engine);
    const statuses: SeedJobStatus[] = [];
    const baseline = tf.memory().numTensors;
    let tensorsAtCancelled = -1;
    void runSeedJob(
      session,
      { chunks: planChunks({ activations: ['relu'], hidden: 2, count: 5, ...training }), data },
      {
        status: (s) => {
          statuses.push(s);
          if (s === 'cancelled') tensorsAtCancelled = tf.memory().numTensors;
        },
        progress: (_done, _total, partial) => partial > 0 && session.cancel(),
        results: () => undefined,
      },
    );
    await until(() => statuses.includes('cancelled'));
    expect(statuses).toEqual(['training', 'cancelled']);
    expect(tensorsAtCancelled).toBe(baseline);
  });
});

describe('dispatcher', () => {
  it('tags run reports with their run id and drops controls of gone runs', async () => {
    const out: FromWorker[] = [];
    // One slice per compare whatever the machine's speed, so the reports below do not depend on timing.
    const dispatch = createDispatcher({
      post: (m) => out.push(m),
      makeTrainer: engine,
      ready: Promise.resolve(null),
      sliceMs: 1e9,
    });
    await dispatch({
      type: 'start',
      runId: 1,
      networks: [config('relu', 0, { epochs: 3 })],
      data,
      snapshotEvery: 1,
      paused: true,
    });
    await dispatch({ type: 'step', runId: 0 });
    await dispatch({ type: 'step', runId: 1 });
    await dispatch({
      type: 'job',
      jobId: 2,
      chunks: planChunks({ activations: ['relu'], hidden: 2, count: 1, ...training, epochs: 2 }),
      data,
    });
    const kinds = out.map((m) =>
      'runId' in m
        ? `${m.type}:${m.runId}:${m.type === 'update' ? m.update.epoch : m.type === 'status' ? m.status : ''}`
        : m.type === 'job-status'
          ? `job:${m.status}`
          : m.type,
    );
    expect(kinds).toEqual([
      'status:1:loading',
      'update:1:0',
      'status:1:paused',
      'update:1:1',
      'status:1:idle',
      'job:training',
      'job-progress',
      'job-progress',
      'job-results',
      'job-progress',
      'job:done',
    ]);
  });

  it('holds a job between slices while its panel is out of sight, and lets it finish after release', async () => {
    const out: FromWorker[] = [];
    const dispatch = createDispatcher({ post: (m) => out.push(m), makeTrainer: engine, ready: Promise.resolve(null) });
    const job = dispatch({
      type: 'job',
      jobId: 3,
      chunks: planChunks({ activations: ['relu'], hidden: 2, count: 2, ...training }),
      data,
    });
    await until(() => out.some((m) => m.type === 'job-progress'));
    await dispatch({ type: 'hold-job', jobId: 3 });
    await dispatch({ type: 'hold-job', jobId: 99 }); // another job's hold is ignored
    const seen = out.length;
    await new Promise((resolve) => setTimeout(resolve, 400));
    // At most the slice that was running when the hold arrived reports; then nothing while held.
    expect(out.length - seen).toBeLessThanOrEqual(1);
    expect(out.some((m) => m.type === 'job-status' && m.status === 'done')).toBe(false);
    await dispatch({ type: 'release-job', jobId: 3 });
    await job;
    expect(out.filter((m) => m.type === 'job-status').map((m) => m.type === 'job-status' && m.status)).toEqual([
      'training',
      'done',
    ]);
  });

  it('a pause holds a sweep of compares across sizes until resume; a cancel ends a held compare at once', async () => {
    const out: FromWorker[] = [];
    const dispatch = createDispatcher({ post: (m) => out.push(m), makeTrainer: engine, ready: Promise.resolve(null) });
    const net = config('relu', 1);
    const first = dispatch({ type: 'compare', runId: 0, networks: [net], data });
    await dispatch({ type: 'pause', runId: 0 });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(out.filter((m) => m.type === 'compared')).toEqual([]);
    // The next size of the sweep starts held too (the panel is still out of sight).
    const second = dispatch({ type: 'compare', runId: 1, networks: [net], data });
    await first; // superseded by the second, so it reports nothing
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(out.filter((m) => m.type === 'compared')).toEqual([]);
    await dispatch({ type: 'resume', runId: 1 });
    await second;
    expect(out.filter((m) => m.type === 'compared').map((m) => m.type === 'compared' && m.runId)).toEqual([1]);
    await dispatch({ type: 'pause', runId: 1 });
    const third = dispatch({ type: 'compare', runId: 2, networks: [net], data });
    await new Promise((resolve) => setTimeout(resolve, 200));
    await dispatch({ type: 'cancel', runId: 2 });
    await third;
    expect(out.filter((m) => m.type === 'compared')).toHaveLength(1);
  });

  it('cancels a job whose backend is still loading: it reports cancelled and never trains', async () => {
    const out: FromWorker[] = [];
    let backendLoaded = (): void => undefined;
    const dispatch = createDispatcher({
      post: (m) => out.push(m),
      makeTrainer: engine,
      ready: Promise.resolve(null),
      backendFor: () => new Promise<void>((resolve) => (backendLoaded = resolve)),
    });
    const job = dispatch({
      type: 'job',
      jobId: 7,
      chunks: planChunks({ activations: ['relu'], hidden: 2, count: 1, ...training, epochs: 2 }),
      data,
    });
    await dispatch({ type: 'cancel-job', jobId: 7 });
    backendLoaded();
    await job;
    expect(out.map((m) => (m.type === 'job-status' ? `job:${m.status}` : m.type))).toEqual(['job:cancelled']);
  });
});
