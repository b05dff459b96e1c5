/** The training engine's contract: batching, determinism, Adam's form, divergence, tensor hygiene, controls. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../src/lib/dataset';
import { adamStepSize, adamUpdate, gradientScaledScalars } from '../../src/lib/engine/adam';
import { BatchTrainer } from '../../src/lib/engine/batch-trainer';
import { TrainingSession, type LossUpdate, type StatusInfo } from '../../src/lib/engine/session';
import { ensureFusedStep, fusedTrainStep } from '../../src/lib/engine/fused-step';
import { ACTIVATIONS } from '../../src/lib/activations';
import { HIDDEN_ACTIVATION_IDS, type ActivationParams, type HiddenActivationId } from '../../src/lib/activation-types';
import type { RunUpdate } from '../../src/lib/engine/snapshots';
import { trainBatch } from '../../src/lib/engine/train';
import { initialParams } from '../../src/lib/random';
import type { RunStatus, TrainConfig } from '../../src/lib/train-types';
import { config, engineBackend } from './engine-setup';

const data = seedDataset();

beforeAll(() => engineBackend('wasm'));

function closeTo(a: number[], b: number[], tol: number): void {
  expect(a.length).toBe(b.length);
  a.forEach((v, i) => expect(Math.abs(v - b[i]!)).toBeLessThanOrEqual(tol * Math.max(1, Math.abs(b[i]!))));
}

describe('batched training', () => {
  it('gives each network what a run of its own gives (mixed seeds and activations)', () => {
    const configs: TrainConfig[] = [
      config('relu', 3, { epochs: 60, hidden: 3 }),
      config('sigmoid', 3, { epochs: 60, hidden: 3 }),
      config('tanh', 11, { epochs: 60, hidden: 3 }),
      config('leaky_relu', 5, { epochs: 60, hidden: 3, activationParams: { alpha: 0.1 } }),
      config('relu', 7, { epochs: 60, hidden: 3 }),
      config('swish', 2, { epochs: 60, hidden: 3 }),
    ];
    const batched = trainBatch(configs, data);
    configs.forEach((c, s) => {
      const [single] = trainBatch([c], data);
      const b = batched[s]!;
      closeTo([...b.params.w1, ...b.params.b1, ...b.params.w2, b.params.b2], [...single!.params.w1, ...single!.params.b1, ...single!.params.w2, single!.params.b2], 1e-5);
      closeTo(b.losses, single!.losses, 1e-5);
    });
  });

  it('is deterministic for a seed, and a new seed starts elsewhere', () => {
    const a = trainBatch([config('relu', 42, { epochs: 20 })], data)[0]!;
    const b = trainBatch([config('relu', 42, { epochs: 20 })], data)[0]!;
    expect(b.params).toEqual(a.params);
    expect(b.losses).toEqual(a.losses);
    expect(initialParams(43, 2).w1).not.toEqual(initialParams(42, 2).w1);
  });

  it('gives the same run on the cpu and wasm backends (the step kernel is the same code on both)', async () => {
    const configs = [config('relu', 4, { epochs: 30 }), config('gelu', 4, { epochs: 30 }), config('swish', 4, { epochs: 30, activationParams: { beta: 2 } })];
    try {
      await engineBackend('cpu');
      const onCpu = trainBatch(configs, data);
      await engineBackend('wasm');
      const onWasm = trainBatch(configs, data);
      expect(onCpu.map((r) => [r.params, r.losses])).toEqual(onWasm.map((r) => [r.params, r.losses]));
    } finally {
      await engineBackend('wasm');
    }
  });

  it('gives the same state whether steps run one launch at a time or many per launch', () => {
    const configs = [config('relu', 6, { epochs: 5 }), config('elu', 6, { epochs: 5 })];
    const oneByOne = new BatchTrainer({ configs, data });
    const together = new BatchTrainer({ configs, data });
    try {
      for (let i = 0; i < 11; i++) oneByOne.runSteps(1); // 4 steps per epoch: ends 3 steps into epoch 3
      together.runSteps(3);
      together.runSteps(8);
      expect(together.read()).toEqual(oneByOne.read());
      oneByOne.runEpochs(5);
      together.runEpochs(5);
      const [a, b] = [oneByOne.read(), together.read()];
      expect(b).toEqual(a);
      expect(a.epoch).toBe(5);
    } finally {
      oneByOne.dispose();
      together.dispose();
    }
  });

  it('starts every activation from the same weights for one seed', () => {
    const trainer = new BatchTrainer({ configs: [config('relu', 9), config('sigmoid', 9), config('tanh', 9)], data });
    try {
      const [r, s, t] = trainer.read().networks;
      expect(s!.params).toEqual(r!.params);
      expect(t!.params).toEqual(r!.params);
    } finally {
      trainer.dispose();
    }
  });

  it('takes ceil(N / batch) steps per epoch, keeping the last partial batch', () => {
    const trainer = new BatchTrainer({ configs: [config('relu', 1)], data });
    expect(trainer.stepsPerEpoch).toBe(4);
    trainer.dispose();
  });

  it('refuses networks that cannot share a batch, and sizes outside 1–32', () => {
    expect(() => new BatchTrainer({ configs: [config('relu', 1), config('relu', 2, { lr: 0.01 })], data })).toThrow(RangeError);
    expect(() => new BatchTrainer({ configs: [config('relu', 1, { hidden: 33 })], data })).toThrow(RangeError);
    expect(() => new BatchTrainer({ configs: [config('relu', 1, { hidden: 0 })], data })).toThrow(RangeError);
  });
});

describe('Adam', () => {
  it('folds the bias correction into the step size (Keras form)', () => {
    expect(adamStepSize(0.04, 1)).toBeCloseTo((0.04 * Math.sqrt(1 - 0.999)) / (1 - 0.9), 12);
    expect(adamStepSize(0.04, 1000)).toBeCloseTo((0.04 * Math.sqrt(1 - 0.999 ** 1000)) / (1 - 0.9 ** 1000), 12);
  });

});

/** Each registry activation with its defaults, and the parametrised ones with non-default values too. */
const STEP_CASES: [HiddenActivationId, ActivationParams][] = [
  ...HIDDEN_ACTIVATION_IDS.map((id): [HiddenActivationId, ActivationParams] => [id, {}]),
  ['leaky_relu', { alpha: 0.05 }],
  ['swish', { beta: 2.5 }],
];

describe('the fused train step', () => {
  /**
   * The same step written as tfjs ops: the registry's tensor forms for φ and φ′ (float32 on the wasm backend),
   * the MSE gradient and adamUpdate. The kernel uses the registry's scalar forms, so this also checks that the
   * two forms agree in float32, parameters included.
   */
  it.each(STEP_CASES)('equals the step written as tfjs ops (%s %o)', (activation, params) => {
    expect(ensureFusedStep()).toBe(true);
    const S = 3;
    const H = 4;
    const B = 32;
    const offset = 32;
    const N = data.x.length;
    const lr = 0.04;
    const t = 5; // Adam's update count
    const stepSize = adamStepSize(lr, t);
    const before = tf.memory().numTensors;
    const order = Int32Array.from({ length: S * N }, (_, i) => (i * 37 + Math.floor(i / N) * 11) % N);
    tf.tidy(() => {
      const rand = (shape: number[], scale: number, seed: number) => tf.mul(tf.randomUniform(shape, -1, 1, 'float32', seed), scale);
      const w1b1 = rand([S, 2, H], 1.5, 1);
      const w2 = rand([S, 1, H], 1, 2);
      const b2 = rand([S, 1, 1], 1, 3);
      const m = rand([S, 3 * H + 1], 0.1, 4);
      const v = tf.add(tf.abs(rand([S, 3 * H + 1], 0.01, 5)), 0.001);
      // The kernel works in place: keep copies of the inputs for the op form (tf.clone may share memory).
      const [w1b1Before, w2Before, b2Before, mBefore, vBefore] = [w1b1, w2, b2, m, v].map((t) => tf.tensor(t.dataSync().slice(), t.shape)) as tf.Tensor[];
      const grad = tf.zeros([S, 3 * H + 1]);
      const loss = tf.zeros([S, 2]);
      fusedTrainStep(
        { w1b1, w2, b2, m, v, grad, loss, order: tf.tensor2d(order, [S, N], 'int32'), xs: tf.tensor1d(Float32Array.from(data.x)), ys: tf.tensor1d(Float32Array.from(data.y)) },
        { firstStep: 1, steps: 1, batchSize: B, lr, firstUpdate: t, lossColumn: 1, groups: [{ activation, params, size: S }] },
      );

      const pick = (values: readonly number[]) => tf.tensor3d(Array.from({ length: S * B }, (_, j) => values[order[Math.floor(j / B) * N + offset + (j % B)]!]!), [S, B, 1]);
      const x = pick(data.x);
      const y = pick(data.y);
      const [w1, b1] = tf.split(w1b1Before!, 2, 1);
      const z = tf.add(tf.mul(x, w1!), b1!); // [S, B, H]
      const act = ACTIVATIONS[activation];
      const a = act.tensor(tf, z, params);
      const err = tf.sub(tf.add(tf.sum(tf.mul(a, w2Before!), 2, true), b2Before!), y); // [S, B, 1]
      const dz = tf.mul(tf.mul(err, w2Before!), act.tensorPrime(tf, z, params));
      const sumB = (t: tf.Tensor) => tf.reshape(tf.sum(t, 1), [S, -1]);
      const opGrad = tf.mul(tf.concat([sumB(tf.mul(dz, x)), sumB(dz), sumB(tf.mul(err, a)), sumB(err)], 1), 2 / B);
      const flatParams = tf.concat([tf.reshape(w1b1Before!, [S, -1]), tf.reshape(w2Before!, [S, -1]), tf.reshape(b2Before!, [S, -1])], 1);
      const ops = adamUpdate(tf, { params: flatParams, m: mBefore!, v: vBefore! }, opGrad, tf.scalar(stepSize), gradientScaledScalars(tf, 1));
      const fusedParams = tf.concat([tf.reshape(w1b1, [S, -1]), tf.reshape(w2, [S, -1]), tf.reshape(b2, [S, -1])], 1);

      const values = (t: tf.Tensor) => Array.from(t.dataSync());
      closeTo(values(grad), values(opGrad), 1e-5);
      closeTo(values(fusedParams), values(ops.params), 1e-5);
      closeTo(values(m), values(ops.m), 1e-5);
      closeTo(values(v), values(ops.v), 1e-5);
      const squares = values(tf.reshape(tf.sum(tf.square(err), 1), [S]));
      closeTo(values(loss), squares.flatMap((q) => [0, q]), 1e-5);
    });
    expect(tf.memory().numTensors).toBe(before);
  });
});

/** A session whose events are recorded, driven without timers (wait = a resolved promise). */
function recordingController(sliceMs?: number) {
  const statuses: { status: RunStatus; info: StatusInfo }[] = [];
  const updates: RunUpdate[] = [];
  const losses: LossUpdate[] = [];
  const controller = new TrainingSession(
    { update: (u) => updates.push(u), losses: (l) => losses.push(l), status: (status, info) => statuses.push({ status, info }) },
    { makeTrainer: (o) => new BatchTrainer(o), wait: () => Promise.resolve(), sliceMs },
  );
  const until = async (pred: () => boolean) => {
    for (let i = 0; i < 10_000 && !pred(); i++) await Promise.resolve();
    expect(pred()).toBe(true);
  };
  return { controller, statuses, updates, losses, until };
}

describe('divergence', () => {
  it('lr = 1e6 ends with status diverged and the epoch, and never emits non-finite weights', async () => {
    const { controller, statuses, updates, until } = recordingController();
    controller.start({ networks: [config('relu', 0, { lr: 1e6 })], data, snapshotEvery: 1 });
    await until(() => controller.status === 'diverged');
    const last = statuses.at(-1)!;
    expect(last.status).toBe('diverged');
    expect(last.info.divergedAt).toBeGreaterThanOrEqual(1);
    for (const u of updates) for (const n of u.networks) expect([...n.params.w1, ...n.params.b1, ...n.params.w2, n.params.b2].every(Number.isFinite)).toBe(true);
  });

  it('is reported per network by trainBatch', () => {
    const [r] = trainBatch([config('sigmoid', 0, { lr: 1e6, epochs: 30 })], data);
    expect(r!.status).toBe('diverged');
    expect(r!.divergedAt).toBeGreaterThanOrEqual(1);
  });
});

describe('controls and tensor hygiene', () => {
  it('pause, single step, resume and finish', async () => {
    const { controller, statuses, updates, until } = recordingController();
    controller.start({ networks: [config('tanh', 1, { epochs: 12 })], data, snapshotEvery: 3, paused: true });
    expect(controller.status).toBe('paused');
    expect(updates.map((u) => u.epoch)).toEqual([0]);
    controller.step();
    expect(updates.map((u) => u.epoch)).toEqual([0, 3]);
    expect(controller.status).toBe('paused');
    controller.resume();
    await until(() => controller.status === 'done');
    expect(updates.map((u) => u.epoch)).toEqual([0, 3, 6, 9, 12]);
    expect(statuses.map((s) => s.status)).toEqual(['paused', 'training', 'done']);
    const snap = updates.at(-1)!.networks[0]!;
    expect(snap.gradNorm).toHaveLength(2);
    expect(snap.dead).toHaveLength(2);
    expect(updates.at(-1)!.losses[0]).toHaveLength(3);
  });

  it('returns tf.memory() to its baseline after 20 runs, cancels and errors included', async () => {
    const { controller, until } = recordingController();
    controller.start({ networks: [config('relu', 0, { epochs: 2 })], data, snapshotEvery: 1 });
    await until(() => controller.status === 'done');
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const activation = (['relu', 'sigmoid', 'swish', 'elu'] as const)[i % 4]!;
      controller.start({ networks: [config(activation, i, { epochs: 6, hidden: 1 + (i % 5) }), config('tanh', i, { epochs: 6, hidden: 1 + (i % 5) })], data, snapshotEvery: 2 });
      if (i % 3 === 0) controller.cancel();
      else if (i % 3 === 1) await until(() => controller.status === 'done');
      else {
        controller.pause();
        controller.step();
        controller.cancel();
      }
      expect(tf.memory().numTensors).toBe(baseline);
    }
    // An error while building a trainer (a bad configuration) frees what it allocated too.
    controller.start({ networks: [config('relu', 0), config('relu', 1, { lr: 2 })], data, snapshotEvery: 1 });
    expect(controller.status).toBe('error');
    expect(tf.memory().numTensors).toBe(baseline);
  });
});

describe('the engine\'s tfjs op subset', () => {
  it('serves every registry activation (forward and derivative) and matches the numeric f, f′', async () => {
    const { ACTIVATIONS } = await import('../../src/lib/activations');
    const { registryTf, tf: ops } = await import('../../src/lib/engine/tf');
    const xs = [-3, -0.5, 0.25, 2];
    for (const a of Object.values(ACTIVATIONS)) {
      const x = ops.tensor3d(xs, [1, 1, 4]);
      const y = a.tensor(registryTf, x);
      const d = a.tensorPrime(registryTf, x);
      const yv = Array.from(y.dataSync());
      const dv = Array.from(d.dataSync());
      xs.forEach((v, i) => {
        expect(yv[i]!, `${a.id}(${v})`).toBeCloseTo(a.f(v), 4);
        expect(dv[i]!, `${a.id}'(${v})`).toBeCloseTo(a.fPrime(v), 4);
      });
      for (const t of [x, y, d]) t.dispose();
    }
  });
});
