/** The deep engine's contract: L = 1 is the batch trainer, gradients are right, runs repeat, divergence, no leaks. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { gradientRatio, layerStats, preactivationHistogram } from '../../../src/core/analysis/deep-stats';
import { deepInitialParams } from '../../../src/core/train/deep-init';
import {
  PREACT_BINS,
  type DeepConfig,
  type DeepParams,
  type DeepStatus,
  type DeepUpdate,
} from '../../../src/core/train/deep-types';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { DeepSession } from '../../../src/core/sessions/deep-session';
import { DeepTrainer } from '../../../src/core/engine/deep-trainer';
import { initialParams } from '../../../src/core/train/random';
import {
  deepReferenceLoss,
  finiteDifferenceGradient,
  type DeepReferenceActivation,
} from '../../reference/deep-reference';
import { config, engineBackend } from './engine-setup';

const data = seedDataset();

beforeAll(() => engineBackend('wasm'));

function deepConfig(overrides: Partial<DeepConfig> = {}): DeepConfig {
  return {
    layers: 3,
    width: 4,
    lr: 0.01,
    epochs: 10,
    batchSize: 32,
    seed: 7,
    networks: [{ activation: 'sigmoid' }, { activation: 'tanh' }, { activation: 'relu' }, { activation: 'leaky_relu' }],
    ...overrides,
  };
}

function expectClose(actual: readonly number[], expected: readonly number[], rel: number, abs = 0): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((v, i) => expect(Math.abs(v - expected[i]!)).toBeLessThanOrEqual(rel * Math.abs(expected[i]!) + abs));
}

describe('deep initial weights', () => {
  it('draw one layer exactly as the one-hidden-layer engine does', () => {
    const deep = deepInitialParams(5, 1, 6);
    const shallow = initialParams(5, 6);
    expect(deep.kernels[0]).toEqual(shallow.w1);
    expect(deep.kernels[1]).toEqual(shallow.w2);
    expect(deep.biases).toEqual([new Array(6).fill(0), [0]]);
  });

  it('use each layer’s own glorot limit √(6/(fan_in+fan_out))', () => {
    const p = deepInitialParams(1, 4, 16);
    expect(p.kernels.map((k) => k.length)).toEqual([16, 256, 256, 256, 16]);
    const limits = [Math.sqrt(6 / 17), Math.sqrt(6 / 32), Math.sqrt(6 / 32), Math.sqrt(6 / 32), Math.sqrt(6 / 17)];
    p.kernels.forEach((k, l) => {
      expect(Math.max(...k.map(Math.abs))).toBeLessThanOrEqual(limits[l]!);
      expect(Math.max(...k.map(Math.abs))).toBeGreaterThan(0.8 * limits[l]!);
    });
  });
});

describe('DeepTrainer', () => {
  it('with one hidden layer trains exactly like ShallowTrainer (losses and weights)', () => {
    for (const activation of ['sigmoid', 'relu', 'tanh'] as const) {
      const shallow = new ShallowTrainer({
        configs: [config(activation, 3, { hidden: 5, lr: 0.02, epochs: 40 })],
        data,
      });
      const deep = new DeepTrainer({
        config: deepConfig({ layers: 1, width: 5, lr: 0.02, epochs: 40, seed: 3, networks: [{ activation }] }),
        data,
      });
      try {
        shallow.runEpochs(40);
        deep.runEpochs(40);
        const s = shallow.read().networks[0]!;
        const d = deep.read();
        expectClose(d.losses[0]!, s.losses, 1e-4, 1e-6);
        const p = deep.readParams()[0]!;
        expectClose(
          [...p.kernels[0]!, ...p.biases[0]!, ...p.kernels[1]!, ...p.biases[1]!],
          [...s.params.w1, ...s.params.b1, ...s.params.w2, s.params.b2],
          1e-4,
          1e-5,
        );
      } finally {
        shallow.dispose();
        deep.dispose();
      }
    }
  });

  it('computes per-layer gradients that match float64 finite differences (L = 3, first step)', () => {
    // 24 points and batch 32: the first step's batch is the whole data set, so its gradient is the full-data one.
    // Finite differences need a differentiable point: x = 0 with zero biases puts every ReLU exactly on its kink,
    // so the points start at 0.1 and the biases start small but non-zero.
    const x = Array.from({ length: 24 }, (_, k) => 0.1 + (k / 23) * 6);
    const small = { x, y: x.map((v) => Math.cos(v) + 1) };
    const acts: DeepReferenceActivation[] = ['sigmoid', 'tanh', 'relu', 'leaky_relu'];
    const seeded = deepInitialParams(7, 3, 5);
    const initial = acts.map(() => ({
      kernels: seeded.kernels,
      biases: seeded.biases.map((b, l) => b.map((_, j) => 0.1 * Math.sin(3 * l + j + 1))),
    }));
    const trainer = new DeepTrainer({
      config: deepConfig({ layers: 3, width: 5, networks: acts.map((activation) => ({ activation })) }),
      data: small,
      initial,
    });
    try {
      const start = trainer.readParams();
      const grads = trainer.gradients();
      acts.forEach((act, s) => {
        const fd = finiteDifferenceGradient(start[s]!, act, small.x, small.y);
        fd.kernels.forEach((k, l) => expectClose(grads[s]!.kernels[l]!, k, 2e-3, 2e-5));
        fd.biases.forEach((b, l) => expectClose(grads[s]!.biases[l]!, b, 2e-3, 2e-5));
      });
      // And the first epoch's loss is the MSE at the starting weights.
      trainer.runEpochs(1);
      const update = trainer.read();
      acts.forEach((act, s) =>
        expect(update.losses[s]![0]!).toBeCloseTo(deepReferenceLoss(start[s]!, act, small.x, small.y), 4),
      );
    } finally {
      trainer.dispose();
    }
  });

  it('starts every activation from the same weights and repeats a seed exactly', () => {
    const run = () => {
      const t = new DeepTrainer({ config: deepConfig(), data });
      try {
        const start = t.readParams();
        t.runEpochs(10);
        return { start, end: t.readParams(), update: t.read() };
      } finally {
        t.dispose();
      }
    };
    const a = run();
    const b = run();
    for (const p of a.start) expect(p).toEqual(a.start[0]);
    expect(b.end).toEqual(a.end);
    expect(b.update).toEqual(a.update);
    expect(a.end[0]).not.toEqual(a.end[2]); // sigmoid and ReLU learn differently
  });

  it('reports divergence at a huge learning rate', () => {
    const t = new DeepTrainer({ config: deepConfig({ lr: 1e6, epochs: 50 }), data });
    try {
      t.runEpochs(50);
      expect(t.finished).toBe(true);
      const update = t.read();
      expect(update.divergedAt.some((d) => d !== null && d >= 1)).toBe(true);
    } finally {
      t.dispose();
    }
  });

  it('summarises every hidden layer of every network', () => {
    const t = new DeepTrainer({ config: deepConfig({ layers: 5, width: 6 }), data });
    try {
      const u = t.read();
      expect(u.epoch).toBe(0);
      for (const n of u.networks) {
        expect(n.layers).toHaveLength(5);
        for (const layer of n.layers) {
          expect(layer.hist).toHaveLength(PREACT_BINS);
          expect(layer.hist.reduce((a, b) => a + b, 0)).toBe(100 * 6);
          expect(layer.gradW).toBeGreaterThanOrEqual(0);
          expect(layer.quantiles[0]).toBeLessThanOrEqual(layer.quantiles[6]!);
        }
        expect(n.output.gradW).toBeGreaterThan(0);
      }
      // Sigmoid's gradient shrinks towards the input: σ′ ≤ 1/4 at every layer it passes.
      expect(gradientRatio(u.networks[0]!.layers)).toBeLessThan(0.5);
    } finally {
      t.dispose();
    }
  });
});

describe('on the cpu backend (the main-thread fallback)', () => {
  /** Snapshots at the start and after `epochs`, and the weights then, trained on `backend`. */
  async function run(backend: 'cpu' | 'wasm', c: DeepConfig) {
    await engineBackend(backend);
    const t = new DeepTrainer({ config: c, data });
    try {
      const start = t.read();
      t.runEpochs(c.epochs);
      return { start, end: t.read(), params: t.readParams() };
    } finally {
      t.dispose();
      await engineBackend('wasm');
    }
  }

  it('trains like on wasm: same snapshots at the start, same losses and weights after 20 epochs', async () => {
    const c = deepConfig({ layers: 4, width: 5, epochs: 20 });
    const wasm = await run('wasm', c);
    const cpu = await run('cpu', c);
    wasm.start.networks.forEach((n, s) => {
      expectClose(
        cpu.start.networks[s]!.layers.map((l) => l.gradW),
        n.layers.map((l) => l.gradW),
        1e-4,
        1e-7,
      );
      expect(cpu.start.networks[s]!.layers.map((l) => l.hist)).toEqual(n.layers.map((l) => l.hist));
    });
    wasm.end.losses.forEach((l, s) => expectClose(cpu.end.losses[s]!, l, 2e-3, 1e-6));
    const flat = (ps: DeepParams[]) => ps.map((q) => [...q.kernels.flat(), ...q.biases.flat()]);
    const [fw, fc] = [flat(wasm.params), flat(cpu.params)];
    fw.forEach((w, s) => expectClose(fc[s]!, w, 2e-3, 2e-4));
  });

  it('diverges at lr 1e6 at the same epochs as on wasm', async () => {
    const c = deepConfig({ lr: 1e6, epochs: 50 });
    const wasm = await run('wasm', c);
    const cpu = await run('cpu', c);
    expect(wasm.end.divergedAt.some((d) => d !== null)).toBe(true);
    expect(cpu.end.divergedAt).toEqual(wasm.end.divergedAt);
  });
});

describe('layer statistics', () => {
  it('counts dead ReLU units and saturated sigmoid units with analysis.ts’s rule', () => {
    // 3 points × 2 units: unit 0 is ≤ 0 everywhere, unit 1 is positive somewhere.
    const z = [-1, 2, 0, -3, -2, 5];
    expect(layerStats(z, 2, { activation: 'relu' }, [1], [0]).dead).toBe(0.5);
    expect(layerStats(z, 2, { activation: 'leaky_relu' }, [1], [0]).dead).toBe(0);
    // σ′(±10) ≈ 4.5e-5 < 0.1; σ′(0) = 0.25.
    const s = layerStats([10, 0, -10, 0, 10, 0], 2, { activation: 'sigmoid' }, [3, 4], [0]);
    expect(s.saturated).toBe(0.5);
    expect(s.gradW).toBeCloseTo(5);
  });

  it('puts out-of-range values in the end bins and ignores NaN', () => {
    const h = preactivationHistogram([-100, 100, 0, NaN]);
    expect(h[0]).toBe(1);
    expect(h[PREACT_BINS - 1]).toBe(1);
    expect(h.reduce((a, b) => a + b, 0)).toBe(3);
  });
});

describe('a read begun ahead (prepareRead)', () => {
  it('gives the very same snapshot as a read in one go, and training in between starts it over; nothing leaks', () => {
    const baseline = tf.memory().numTensors;
    const config = deepConfig({ layers: 4, networks: [{ activation: 'gelu' }, { activation: 'linear' }] });
    const whole = new DeepTrainer({ config, data });
    const split = new DeepTrainer({ config, data });
    split.prepareRead();
    expect(split.read()).toEqual(whole.read());
    for (const t of [whole, split]) t.runEpochs(3);
    split.prepareRead();
    split.runSteps(2); // the begun read described weights that have moved on
    whole.runSteps(2);
    expect(split.read()).toEqual(whole.read());
    split.prepareRead();
    split.dispose();
    whole.dispose();
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('DeepSession', () => {
  const makeSession = (sink: { updates: DeepUpdate[]; statuses: DeepStatus[] }) =>
    new DeepSession(
      { update: (u) => sink.updates.push(u), status: (s) => sink.statuses.push(s) },
      { makeTrainer: (r) => new DeepTrainer(r), wait: () => Promise.resolve(), sliceMs: 1 },
    );

  async function settle(session: DeepSession): Promise<void> {
    for (let i = 0; i < 10_000 && session.status === 'training'; i++) await Promise.resolve();
  }

  it('runs to done with a snapshot every k epochs', async () => {
    const sink = { updates: [] as DeepUpdate[], statuses: [] as DeepStatus[] };
    const session = makeSession(sink);
    session.start({ config: deepConfig({ epochs: 12 }), data, snapshotEvery: 4 });
    await settle(session);
    expect(sink.statuses.at(-1)).toBe('done');
    expect(sink.updates.map((u) => u.epoch)).toEqual([0, 4, 8, 12]);
    expect(sink.updates.slice(1).every((u) => u.losses[0]!.length === 4)).toBe(true);
  });

  it('stops as diverged at lr 1e6', async () => {
    const sink = { updates: [] as DeepUpdate[], statuses: [] as DeepStatus[] };
    const session = makeSession(sink);
    session.start({ config: deepConfig({ lr: 1e6, epochs: 200 }), data, snapshotEvery: 5 });
    await settle(session);
    expect(sink.statuses.at(-1)).toBe('diverged');
  });

  it('leaves no tensors behind across runs, pauses and cancels', async () => {
    const sink = { updates: [] as DeepUpdate[], statuses: [] as DeepStatus[] };
    const session = makeSession(sink);
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 6; i++) {
      session.start({ config: deepConfig({ epochs: 30, layers: 1 + i }), data, snapshotEvery: 3 });
      if (i % 3 === 0) session.cancel();
      else if (i % 3 === 1) {
        await Promise.resolve();
        session.pause();
        session.resume();
        await settle(session);
      } else await settle(session);
      expect(tf.memory().numTensors).toBe(baseline);
    }
    session.start({ config: deepConfig({ lr: 1e6, epochs: 100 }), data, snapshotEvery: 5 });
    await settle(session);
    expect(tf.memory().numTensors).toBe(baseline);
    // A bad configuration is an error status, not a throw, and leaks nothing.
    session.start({ config: deepConfig({ layers: 0 }), data, snapshotEvery: 1 });
    expect(sink.statuses.at(-1)).toBe('error');
    expect(tf.memory().numTensors).toBe(baseline);
  });
});
