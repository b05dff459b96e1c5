/** The training engine's contract: batching, determinism, Adam's form, divergence, tensor hygiene, controls. */
import * as tf from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { ADAM_BETA1, ADAM_BETA2, ADAM_EPSILON, adamStepSize } from '../../../src/core/engine/adam';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { TrainingSession, type LossUpdate, type StatusInfo } from '../../../src/core/sessions/session';
import { inputWithOnes, NetworkProgram, targetRows } from '../../../src/core/engine/program';
import { ACTIVATIONS } from '../../../src/core/activations/registry';
import {
  HIDDEN_ACTIVATION_IDS,
  learnsSlopes,
  type ActivationParams,
  type HiddenActivationId,
} from '../../../src/core/activations/types';
import type { RunUpdate } from '../../../src/core/sessions/snapshots';
import { trainNetworks } from '../../../src/core/engine/train';
import { createRng, initialParams } from '../../../src/core/train/random';
import type { RunStatus, TrainConfig } from '../../../src/core/train/types';
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
    const batched = trainNetworks(configs, data);
    configs.forEach((c, s) => {
      const [single] = trainNetworks([c], data);
      const b = batched[s]!;
      closeTo(
        [...b.params.w1, ...b.params.b1, ...b.params.w2, b.params.b2],
        [...single!.params.w1, ...single!.params.b1, ...single!.params.w2, single!.params.b2],
        1e-5,
      );
      closeTo(b.losses, single!.losses, 1e-5);
    });
  });

  it('is deterministic for a seed, and a new seed starts elsewhere', () => {
    const a = trainNetworks([config('relu', 42, { epochs: 20 })], data)[0]!;
    const b = trainNetworks([config('relu', 42, { epochs: 20 })], data)[0]!;
    expect(b.params).toEqual(a.params);
    expect(b.losses).toEqual(a.losses);
    expect(initialParams(43, 2).w1).not.toEqual(initialParams(42, 2).w1);
  });

  it('gives the same run on the cpu and wasm backends, within float32 rounding', async () => {
    const configs = [
      config('relu', 4, { epochs: 30 }),
      config('gelu', 4, { epochs: 30 }),
      config('swish', 4, { epochs: 30, activationParams: { beta: 2 } }),
    ];
    try {
      await engineBackend('cpu');
      const onCpu = trainNetworks(configs, data);
      await engineBackend('wasm');
      const onWasm = trainNetworks(configs, data);
      onCpu.forEach((r, i) => {
        const w = onWasm[i]!;
        closeTo(
          [...r.params.w1, ...r.params.b1, ...r.params.w2, r.params.b2],
          [...w.params.w1, ...w.params.b1, ...w.params.w2, w.params.b2],
          1e-4,
        );
        closeTo(r.losses, w.losses, 1e-4);
      });
    } finally {
      await engineBackend('wasm');
    }
  });

  it('gives the same state whether steps run one at a time or many per call', () => {
    const configs = [config('relu', 6, { epochs: 5 }), config('elu', 6, { epochs: 5 })];
    const oneByOne = new ShallowTrainer({ configs, data });
    const together = new ShallowTrainer({ configs, data });
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
    const trainer = new ShallowTrainer({ configs: [config('relu', 9), config('sigmoid', 9), config('tanh', 9)], data });
    try {
      const [r, s, t] = trainer.read().networks;
      expect(s!.params).toEqual(r!.params);
      expect(t!.params).toEqual(r!.params);
    } finally {
      trainer.dispose();
    }
  });

  it('takes ceil(N / batch) steps per epoch, keeping the last partial batch', () => {
    const trainer = new ShallowTrainer({ configs: [config('relu', 1)], data });
    expect(trainer.stepsPerEpoch).toBe(4);
    trainer.dispose();
  });

  it('refuses networks that cannot share a batch, and sizes outside 1–32', () => {
    expect(() => new ShallowTrainer({ configs: [config('relu', 1), config('relu', 2, { lr: 0.01 })], data })).toThrow(
      RangeError,
    );
    expect(() => new ShallowTrainer({ configs: [config('relu', 1, { hidden: 33 })], data })).toThrow(RangeError);
    expect(() => new ShallowTrainer({ configs: [config('relu', 1, { hidden: 0 })], data })).toThrow(RangeError);
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

describe('one step of the tensor program', () => {
  /**
   * The program's step (TF.js ops, the registry's tensor φ and φ′, hand-derived gradients, Keras' Adam) against the
   * same step computed here in float64 from the registry's scalar f and f′: the batch-MSE gradient, then
   * m ← β1·m + (1−β1)·g, v ← β2·v + (1−β2)·g², θ ← θ − lr·√(1−β2ᵗ)/(1−β1ᵗ)·m/(√v + ε), t = 1.
   */
  it.each(STEP_CASES)('equals the float64 step from the scalar forms (%s %o)', (activation, params) => {
    const S = 3;
    const H = 4;
    const B = 32;
    const lr = 0.04;
    const rng = createRng(7, 0);
    const uniform = (n: number, scale: number) => Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * scale);
    const initial = { w1: uniform(S * H, 1.5), b1: uniform(S * H, 1), w2: uniform(S * H, 1), b2: uniform(S, 0.5) };
    // PReLU's slopes away from their start (0), so both sides of its kink and its α gradient are exercised.
    const slopes = learnsSlopes(activation) ? uniform(S * H, 0.5) : null;
    const x = uniform(S * B, Math.PI);
    const y = uniform(S * B, 1);
    const before = tf.memory().numTensors;
    const program = new NetworkProgram({
      shapes: [
        [1, H],
        [H, 1],
      ],
      groups: [{ activation, params, size: S }],
      initial: [
        { kernel: initial.w1, bias: initial.b1 },
        { kernel: initial.w2, bias: initial.b2 },
      ],
      ...(slopes ? { alpha: slopes } : {}),
      lr,
    });
    const squares = tf.tidy(() => program.step(inputWithOnes(x, S, B), targetRows(y, S, B)));
    const rows = program.parameters();
    const after = Array.from(rows.dataSync());
    rows.dispose();
    const gradient = program.lastGradient()!;
    const grad = Array.from(gradient.dataSync());
    gradient.dispose();
    const sq = Array.from(squares.dataSync());
    squares.dispose();
    program.dispose();
    expect(tf.memory().numTensors).toBe(before);

    for (let s = 0; s < S; s++) {
      // Neuron j's activation: PReLU reads its own slope as params.alpha.
      const pj = (j: number): ActivationParams => (slopes ? { ...params, alpha: slopes[s * H + j]! } : params);
      const f = (z: number, j: number) => ACTIVATIONS[activation].f(z, pj(j));
      const fPrime = (z: number, j: number) => ACTIVATIONS[activation].fPrime(z, pj(j));
      const g = new Array<number>(3 * H + 1 + (slopes ? H : 0)).fill(0);
      let squaresRef = 0;
      for (let k = 0; k < B; k++) {
        const xk = x[s * B + k]!;
        const z = Array.from({ length: H }, (_, j) => initial.w1[s * H + j]! * xk + initial.b1[s * H + j]!);
        const out = z.reduce((acc, zj, j) => acc + initial.w2[s * H + j]! * f(zj, j), initial.b2[s]!);
        const e = out - y[s * B + k]!;
        squaresRef += e * e;
        const d = (2 / B) * e;
        z.forEach((zj, j) => {
          const back = d * initial.w2[s * H + j]! * fPrime(zj, j);
          g[j] = g[j]! + back * xk;
          g[H + j] = g[H + j]! + back;
          g[2 * H + j] = g[2 * H + j]! + d * f(zj, j);
          // ∂f/∂αⱼ = min(z, 0) on PReLU's negative side.
          if (slopes) g[3 * H + 1 + j] = g[3 * H + 1 + j]! + d * initial.w2[s * H + j]! * Math.min(zj, 0);
        });
        g[3 * H] = g[3 * H]! + d;
      }
      const theta: number[] = [
        ...initial.w1.subarray(s * H, (s + 1) * H),
        ...initial.b1.subarray(s * H, (s + 1) * H),
        ...initial.w2.subarray(s * H, (s + 1) * H),
        initial.b2[s]!,
        ...(slopes ? slopes.subarray(s * H, (s + 1) * H) : []),
      ];
      const stepped = theta.map((p, i) => {
        const m = (1 - ADAM_BETA1) * g[i]!;
        const v = (1 - ADAM_BETA2) * g[i]! * g[i]!;
        return p - (adamStepSize(lr, 1) * m) / (Math.sqrt(v) + ADAM_EPSILON);
      });
      const width = g.length;
      closeTo(grad.slice(s * width, (s + 1) * width), g, 2e-5);
      closeTo(after.slice(s * width, (s + 1) * width), stepped, 2e-5);
      closeTo([sq[s]!], [squaresRef], 2e-5);
    }
  });
});

/** A session whose events are recorded, driven without timers (wait = a resolved promise). */
function recordingController(sliceMs?: number) {
  const statuses: { status: RunStatus; info: StatusInfo }[] = [];
  const updates: RunUpdate[] = [];
  const losses: LossUpdate[] = [];
  const controller = new TrainingSession(
    {
      update: (u) => updates.push(u),
      losses: (l) => losses.push(l),
      status: (status, info) => statuses.push({ status, info }),
    },
    { makeTrainer: (o) => new ShallowTrainer(o), wait: () => Promise.resolve(), sliceMs },
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
    for (const u of updates)
      for (const n of u.networks)
        expect([...n.params.w1, ...n.params.b1, ...n.params.w2, n.params.b2].every(Number.isFinite)).toBe(true);
  });

  it('is reported per network by trainNetworks', () => {
    const [r] = trainNetworks([config('sigmoid', 0, { lr: 1e6, epochs: 30 })], data);
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

  it('a single step reaches the next report however short the slice (a cold first epoch outlasts 12 ms)', () => {
    const { controller, updates } = recordingController(0);
    controller.start({ networks: [config('relu', 2, { epochs: 12 })], data, snapshotEvery: 4, paused: true });
    controller.step();
    controller.step();
    expect(updates.map((u) => u.epoch)).toEqual([0, 4, 8]);
    expect(controller.status).toBe('paused');
    controller.cancel();
  });

  it('returns tf.memory() to its baseline after 20 runs, cancels and errors included', async () => {
    const { controller, until } = recordingController();
    controller.start({ networks: [config('relu', 0, { epochs: 2 })], data, snapshotEvery: 1 });
    await until(() => controller.status === 'done');
    const baseline = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      const activation = (['relu', 'sigmoid', 'swish', 'elu'] as const)[i % 4]!;
      controller.start({
        networks: [
          config(activation, i, { epochs: 6, hidden: 1 + (i % 5) }),
          config('tanh', i, { epochs: 6, hidden: 1 + (i % 5) }),
        ],
        data,
        snapshotEvery: 2,
      });
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

describe("the engine's tfjs op subset", () => {
  it('serves every registry activation (forward and derivative) and matches the numeric f, f′', async () => {
    const { ACTIVATIONS } = await import('../../../src/core/activations/registry');
    const { registryTf, tf: ops } = await import('../../../src/core/engine/tf');
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
