/**
 * PReLU's learned slopes in the engine: where they sit in the flat parameters, that they start at 0 (a ReLU),
 * that the hand-derived gradient of α equals TF.js autodiff of tf.prelu, and where they are refused.
 */
import * as tf from '@tensorflow/tfjs-core';
// Autodiff needs the gradient registry, which the engine (hand-derived gradients) never loads.
import '@tensorflow/tfjs-core/dist/register_all_gradients';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { flattenParams, paramWidth, unflattenParams } from '../../../src/core/engine/params';
import { inputWithOnes, NetworkProgram, targetRows } from '../../../src/core/engine/program';
import { ShallowTrainer } from '../../../src/core/engine/shallow-trainer';
import { trainNetworks } from '../../../src/core/engine/train';
import { assertDeepTrainable } from '../../../src/core/train/deep-init';
import { createRng, initialParams } from '../../../src/core/train/random';
import { checkMessage } from '../../../src/worker/validate';
import { config, engineBackend } from './engine-setup';

const data = seedDataset();

beforeAll(() => engineBackend('wasm'));

describe('PReLU in the engine', () => {
  it('lays out a network as [w1 | b1 | w2 | b2 | α] and reads it back', () => {
    const p = { w1: [1, 2], b1: [3, 4], w2: [5, 6], b2: 7, alpha: [0.25, -0.5] };
    expect(paramWidth(2, true)).toBe(9);
    expect(Array.from(flattenParams(p))).toEqual([1, 2, 3, 4, 5, 6, 7, 0.25, -0.5]);
    expect(unflattenParams(flattenParams(p), 2, 1, true)).toEqual(p);
    const { alpha: _, ...plain } = p;
    expect(unflattenParams(flattenParams(plain), 2)).toEqual(plain);
  });

  it('starts every slope at 0, where the network is exactly a ReLU network; then the slopes learn', () => {
    const seeds = [0, 1, 2];
    const prelu = new ShallowTrainer({ configs: seeds.map((s) => config('prelu', s, { hidden: 3 })), data });
    const relu = new ShallowTrainer({ configs: seeds.map((s) => config('relu', s, { hidden: 3 })), data });
    try {
      const start = prelu.read().networks;
      start.forEach((n) => expect(n.params.alpha).toEqual([0, 0, 0]));
      expect(relu.read().networks[0]!.params.alpha).toBeUndefined();
      // The first step: the same forward pass and the same weight gradients as ReLU, plus α's own gradient.
      prelu.runSteps(1);
      relu.runSteps(1);
      const [a, b] = [prelu.read().networks, relu.read().networks];
      a.forEach((n, s) => {
        const r = b[s]!;
        expect(n.losses).toEqual(r.losses);
        expect([n.grad!.w1, n.grad!.b1, n.grad!.w2, n.grad!.b2]).toEqual([
          r.grad!.w1,
          r.grad!.b1,
          r.grad!.w2,
          r.grad!.b2,
        ]);
        expect(n.grad!.alpha).toHaveLength(3);
      });
      expect(a.some((n) => n.grad!.alpha!.some((g) => g !== 0))).toBe(true);
    } finally {
      prelu.dispose();
      relu.dispose();
    }
  });

  it('starts from given slopes, and a run that resumes where another stopped continues it', () => {
    const [done] = trainNetworks([config('prelu', 4, { epochs: 40 })], data);
    expect(done!.params.alpha!.some((a) => a !== 0)).toBe(true);
    const trainer = new ShallowTrainer({
      configs: [config('prelu', 4, { epochs: 40 })],
      data,
      initial: [done!.params],
    });
    try {
      expect(trainer.read().networks[0]!.params).toEqual(done!.params);
    } finally {
      trainer.dispose();
    }
    expect(
      () =>
        new ShallowTrainer({
          configs: [config('prelu', 4)],
          data,
          initial: [{ ...initialParams(4, 2), alpha: [0.1] }],
        }),
    ).toThrow(RangeError);
  });

  it('computes ∂L/∂α (and every other gradient) as TF.js autodiff of tf.prelu does', () => {
    const S = 2;
    const H = 3;
    const B = 16;
    const rng = createRng(11, 0);
    const uniform = (n: number, scale: number) => Float32Array.from({ length: n }, () => (2 * rng.next() - 1) * scale);
    const w1 = uniform(S * H, 1.5);
    const b1 = uniform(S * H, 1);
    const w2 = uniform(S * H, 1);
    const b2 = uniform(S, 0.5);
    const alpha = uniform(S * H, 0.6);
    const x = uniform(S * B, Math.PI);
    const y = uniform(S * B, 1);
    const program = new NetworkProgram({
      shapes: [
        [1, H],
        [H, 1],
      ],
      groups: [{ activation: 'prelu', params: {}, size: S }],
      initial: [
        { kernel: w1, bias: b1 },
        { kernel: w2, bias: b2 },
      ],
      alpha,
      lr: 0.04,
    });
    tf.dispose(tf.tidy(() => program.step(inputWithOnes(x, S, B), targetRows(y, S, B))));
    const rows = program.lastGradient()!;
    const got = Array.from(rows.dataSync());
    rows.dispose();
    program.dispose();

    const width = paramWidth(H, true);
    for (let s = 0; s < S; s++) {
      const cut = (a: Float32Array, n: number) => tf.tensor1d(a.subarray(s * n, (s + 1) * n));
      const xs = tf.tensor2d(x.subarray(s * B, (s + 1) * B), [B, 1]);
      const ys = tf.tensor2d(y.subarray(s * B, (s + 1) * B), [B, 1]);
      const loss = (k: tf.Tensor, b: tf.Tensor, v: tf.Tensor, c: tf.Tensor, a: tf.Tensor) =>
        tf.mean(
          tf.square(
            tf.sub(
              tf.add(tf.matMul(tf.prelu(tf.add(tf.matMul(xs, tf.reshape(k, [1, H])), b), a), tf.reshape(v, [H, 1])), c),
              ys,
            ),
          ),
        ) as tf.Scalar;
      const inputs = [cut(w1, H), cut(b1, H), cut(w2, H), cut(b2, 1), cut(alpha, H)];
      const grads = tf.grads(loss)(inputs);
      const expected = grads.flatMap((g) => Array.from(g.dataSync()));
      const mine = got.slice(s * width, (s + 1) * width);
      mine.forEach((v, i) => expect(Math.abs(v - expected[i]!), `network ${s}, parameter ${i}`).toBeLessThan(1e-5));
      tf.dispose([xs, ys, ...inputs, ...grads]);
    }
  });

  it('is refused where slopes are not trained: mixed programs, deep stacks, slopes for other activations', () => {
    const initial = [
      { kernel: new Float32Array(2), bias: new Float32Array(2) },
      { kernel: new Float32Array(2), bias: new Float32Array(1) },
    ];
    const shapes: [number, number][] = [
      [1, 2],
      [2, 1],
    ];
    expect(
      () =>
        new NetworkProgram({
          shapes,
          groups: [
            { activation: 'prelu', params: {}, size: 1 },
            { activation: 'relu', params: {}, size: 1 },
          ],
          initial: initial.map((l) => ({
            kernel: new Float32Array(2 * l.kernel.length),
            bias: new Float32Array(2 * l.bias.length),
          })),
          lr: 0.04,
        }),
    ).toThrow(/PReLU/);
    expect(
      () =>
        new NetworkProgram({
          shapes,
          groups: [{ activation: 'relu', params: {}, size: 1 }],
          initial,
          alpha: new Float32Array(2),
          lr: 0.04,
        }),
    ).toThrow(/PReLU/);
    expect(() =>
      assertDeepTrainable({
        layers: 2,
        width: 4,
        epochs: 10,
        batchSize: 32,
        lr: 0.01,
        seed: 0,
        networks: [{ activation: 'prelu' }],
      }),
    ).toThrow(/prelu/);
  });

  it('the worker accepts starting slopes for PReLU runs only, one finite number per neuron', () => {
    const start = (activation: 'prelu' | 'relu', alpha: unknown) => ({
      type: 'start',
      runId: 1,
      networks: [config(activation, 0)],
      data: { x: [0, 1], y: [0, 1] },
      snapshotEvery: 10,
      initial: [{ ...initialParams(0, 2), alpha }],
    });
    const refusal = (m: unknown) => {
      const checked = checkMessage(m);
      return checked.ok ? '' : JSON.stringify(checked.reply);
    };
    expect(checkMessage(start('prelu', [0.1, 0.2])).ok).toBe(true);
    expect(refusal(start('prelu', [0.1]))).toMatch(/initial\[0\]\.alpha/);
    expect(refusal(start('prelu', [0.1, NaN]))).toMatch(/initial\[0\]\.alpha/);
    expect(refusal(start('relu', [0, 0]))).toMatch(/only PReLU networks learn slopes/);
  });
});
