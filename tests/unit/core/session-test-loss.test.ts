/**
 * A run with held-out points reports its test MSE beside its losses: at the start, at every snapshot and with every
 * streamed loss report, from the parameters of that moment; none without held-out points; null once diverged. The
 * worker checks the held-out points of a start message like its training points.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { testMse } from '../../../src/core/analysis/test-loss';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { DEFAULT_SETTINGS, toTrainConfig, toTrainingData } from '../../../src/core/settings/fit-lab';
import {
  TrainingSession,
  type LossUpdate,
  type RunRequest,
  type SessionTrainer,
} from '../../../src/core/sessions/session';
import type { RunUpdate } from '../../../src/core/sessions/snapshots';
import type { NetworkParams, RunStatus, TrainConfig } from '../../../src/core/train/types';
import { createDispatcher } from '../../../src/worker/dispatch';
import type { FromWorker } from '../../../src/worker/protocol';
import { checkMessage } from '../../../src/worker/validate';
import { engineBackend } from '../engine/engine-setup';

const config: TrainConfig = {
  activation: 'relu',
  activationParams: {},
  hidden: 1,
  lr: 0.04,
  epochs: 6,
  batchSize: 32,
  seed: 0,
};
const data = { x: [0, 1, 2], y: [0, 0, 0] };
const test = { x: [0.5, 1.5], y: [1, 3] };

/** A stand-in trainer whose output is the constant c = epoch (so the test MSE is known), diverging at `divergeAt`. */
function fakeTrainer(divergeAt: number | null = null): SessionTrainer {
  let epoch = 0;
  let pending: number[] = [];
  const params = (): NetworkParams => ({
    w1: [0],
    b1: [0],
    w2: [0],
    b2: divergeAt !== null && epoch >= divergeAt ? NaN : epoch,
  });
  return {
    get epoch() {
      return epoch;
    },
    get finished() {
      return epoch >= config.epochs;
    },
    runEpochs(n: number) {
      for (let k = 0; k < n && epoch < config.epochs; k++) pending.push(++epoch);
    },
    read() {
      const losses = pending;
      pending = [];
      const diverged = divergeAt !== null && epoch >= divergeAt;
      return {
        epoch,
        firstEpoch: epoch - losses.length + 1,
        networks: [{ params: params(), grad: null, losses, divergedAt: diverged ? divergeAt : null }],
      };
    },
    dispose() {},
  };
}

/** The MSE on `test` of a network whose output is the constant c. */
const mseOfConstant = (c: number) => ((c - 1) ** 2 + (c - 3) ** 2) / 2;

function recorded(divergeAt: number | null = null, sliceMs = 1e9) {
  const updates: RunUpdate[] = [];
  const losses: LossUpdate[] = [];
  const statuses: RunStatus[] = [];
  const session = new TrainingSession(
    { update: (u) => updates.push(u), losses: (l) => losses.push(l), status: (s) => statuses.push(s) },
    { makeTrainer: () => fakeTrainer(divergeAt), sliceMs, wait: () => Promise.resolve() },
  );
  return { session, updates, losses, statuses };
}

const request = (extra: Partial<RunRequest>): RunRequest => ({
  networks: [config],
  data,
  snapshotEvery: 1,
  paused: true,
  stepEpochs: 1,
  ...extra,
});

describe('test loss in a run', () => {
  it('comes with the starting point and every snapshot, from that moment’s parameters', () => {
    const { session, updates } = recorded();
    session.start(request({ test }));
    session.step();
    session.step();
    expect(updates.map((u) => [u.epoch, u.testLoss])).toEqual([
      [0, [mseOfConstant(0)]],
      [1, [mseOfConstant(1)]],
      [2, [mseOfConstant(2)]],
    ]);
  });

  it('comes with every streamed loss report between snapshots, and with the last snapshot', async () => {
    // Slices of no time: each ends after one epoch, before a snapshot is due, and reports its loss.
    const { session, updates, losses, statuses } = recorded(null, 0);
    session.start(request({ test, snapshotEvery: 100, streamLosses: true, paused: false }));
    for (let i = 0; i < 1000 && statuses.at(-1) !== 'done'; i++) await Promise.resolve();
    expect(statuses.at(-1)).toBe('done');
    expect(losses.map((l) => [l.epoch, l.losses[0], l.testLoss])).toEqual(
      [1, 2, 3, 4, 5].map((e) => [e, [e], [mseOfConstant(e)]]),
    );
    expect(updates.map((u) => [u.epoch, u.testLoss])).toEqual([
      [0, [mseOfConstant(0)]],
      [6, [mseOfConstant(6)]],
    ]);
  });

  it('is absent without held-out points (or with none in them)', () => {
    for (const extra of [{}, { test: { x: [], y: [] } }]) {
      const { session, updates } = recorded();
      session.start(request(extra));
      session.step();
      expect(updates.every((u) => !('testLoss' in u))).toBe(true);
    }
  });

  it('is null for a network that diverged, reported with its last losses', () => {
    const { session, losses, statuses } = recorded(2);
    session.start(request({ test }));
    session.step();
    session.step();
    expect(losses.at(-1)).toEqual({ epoch: 2, losses: [[2]], testLoss: [null] });
    expect(statuses.at(-1)).toBe('diverged');
  });
});

describe('held-out points in a start message', () => {
  const start = (extra: Record<string, unknown>) => ({
    type: 'start',
    runId: 1,
    networks: [config],
    data,
    snapshotEvery: 1,
    ...extra,
  });

  it('are checked like the training points', () => {
    expect(checkMessage(start({ test })).ok).toBe(true);
    expect(checkMessage(start({})).ok).toBe(true);
    for (const bad of [null, 'x', { x: [1], y: [] }, { x: [NaN], y: [1] }, { x: [], y: [] }, { x: [1] }]) {
      const r = checkMessage(start({ test: bad }));
      expect(r.ok, JSON.stringify(bad)).toBe(false);
      if (!r.ok) expect(r.reply).toMatchObject({ type: 'status', runId: 1, status: 'error' });
      if (!r.ok && r.reply.type === 'status') expect(r.reply.message).toMatch(/test/);
    }
  });
});

describe('a Fit Lab run with held-out points, through the worker’s dispatcher and engine', () => {
  beforeAll(() => engineBackend('wasm'));

  it('reports, with each snapshot, the test MSE of the weights it reports', async () => {
    const settings = {
      ...DEFAULT_SETTINGS,
      activation: 'relu' as const,
      epochs: 30,
      noise: 0.1,
      holdout: 0.2,
      seed: 4,
    };
    const { train, test: heldOut } = toTrainingData(settings);
    const out: FromWorker[] = [];
    const dispatch = createDispatcher({
      post: (m) => out.push(m),
      makeTrainer: (o) => new ShallowTrainer(o),
      ready: Promise.resolve(null),
      sliceMs: 1e9,
    });
    await dispatch({
      type: 'start',
      runId: 1,
      networks: [toTrainConfig(settings)],
      data: train,
      test: heldOut,
      snapshotEvery: 10,
    });
    for (let i = 0; i < 10_000 && !out.some((m) => m.type === 'status' && m.status === 'done'); i++)
      await new Promise((r) => setTimeout(r, 0));
    const updates = out.flatMap((m) => (m.type === 'update' ? [m.update] : []));
    expect(updates.map((u) => u.epoch)).toEqual([0, 10, 20, 30]);
    for (const u of updates) {
      expect(u.testLoss).toEqual([testMse(u.networks[0]!.params, settings, heldOut)]);
      expect(u.testLoss![0]).toBeGreaterThan(0);
    }
    // Training on 80 points and testing on 20 others: the test error is measured on points it never saw.
    expect(heldOut.x).toHaveLength(20);
    expect(train.x.filter((x) => heldOut.x.includes(x))).toEqual([]);
  });
});
