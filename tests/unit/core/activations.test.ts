import { beforeAll, describe, expect, it } from 'vitest';
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
import {
  ACTIVATIONS,
  ALL_ACTIVATION_IDS,
  activationProse,
  getActivation,
} from '../../../src/core/activations/registry';
import { HIDDEN_ACTIVATION_IDS, type ActivationParams } from '../../../src/core/activations/types';
import { erf } from '../../../src/core/activations/special-functions';

beforeAll(async () => {
  await tf.setBackend('cpu');
  await tf.ready();
});

/** 241 points in [−8, 8], none within `gap` of a kink. */
function samplePoints(kinks: readonly number[], gap = 1e-3): number[] {
  const xs: number[] = [];
  for (let i = 0; i <= 240; i++) {
    // An irrational offset keeps the grid off round numbers such as the kink at 0.
    const x = -8 + (16 * i) / 240 + 0.0123456789;
    if (x <= 8 && kinks.every((k) => Math.abs(x - k) > gap)) xs.push(x);
  }
  return xs;
}

/** Each entry with its default parameters, and the parametrised ones with a non-default value too. */
const cases: Array<[string, (typeof HIDDEN_ACTIVATION_IDS)[number], ActivationParams | undefined]> = [
  ...HIDDEN_ACTIVATION_IDS.map(
    (id) => [id, id, undefined] as [string, (typeof HIDDEN_ACTIVATION_IDS)[number], undefined],
  ),
  ['leaky_relu α=0.05', 'leaky_relu', { alpha: 0.05 }],
  ['swish β=2.5', 'swish', { beta: 2.5 }],
];

describe('activation registry', () => {
  it('has one entry per hidden id, keyed by its own id, plus softmax prose', () => {
    expect(Object.keys(ACTIVATIONS).sort()).toEqual([...HIDDEN_ACTIVATION_IDS].sort());
    for (const id of HIDDEN_ACTIVATION_IDS) expect(getActivation(id).id).toBe(id);
    expect(ALL_ACTIVATION_IDS).toContain('softmax');
    expect(activationProse('softmax').tex.fPrime).toContain('\\delta_{ij}');
  });

  it.each(cases)('%s: fPrime matches a central finite difference of f within 1e-5', (_label, id, params) => {
    const a = getActivation(id);
    const xs = samplePoints(a.facts.kinks);
    expect(xs.length).toBeGreaterThanOrEqual(200);
    const h = 1e-5;
    for (const x of xs) {
      const numeric = (a.f(x + h, params) - a.f(x - h, params)) / (2 * h);
      expect(Math.abs(a.fPrime(x, params) - numeric), `x = ${x}`).toBeLessThan(1e-5);
    }
  });

  it.each(cases)(
    '%s: the tensor ops match f and fPrime within float32 tolerance (1e-6 relative to max(1, |value|))',
    (_label, id, params) => {
      const a = getActivation(id);
      const xs = samplePoints(a.facts.kinks);
      const before = tf.memory().numTensors;
      const [ys, dys] = tf.tidy(() => {
        const x = tf.tensor1d(xs, 'float32');
        return [a.tensor(tf, x, params).dataSync(), a.tensorPrime(tf, x, params).dataSync()];
      });
      expect(tf.memory().numTensors).toBe(before);
      xs.forEach((x, i) => {
        // The tensor saw x rounded to float32, so compare against f at that same input.
        const x32 = Math.fround(x);
        const f = a.f(x32, params);
        const fp = a.fPrime(x32, params);
        expect(Math.abs(ys[i]! - f), `f at x = ${x}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(f)));
        expect(Math.abs(dys[i]! - fp), `f′ at x = ${x}`).toBeLessThanOrEqual(1e-6 * Math.max(1, Math.abs(fp)));
      });
    },
  );

  it('tensor ops leak no tensors when called outside tf.tidy', () => {
    const x = tf.tensor1d([-2, -0.5, 0, 0.5, 2]);
    for (const a of Object.values(ACTIVATIONS)) {
      const before = tf.memory().numTensors;
      const y = a.tensor(tf, x);
      const dy = a.tensorPrime(tf, x);
      expect(tf.memory().numTensors, a.id).toBe(before + 2);
      y.dispose();
      dy.dispose();
    }
    x.dispose();
  });

  it.each([
    'sigmoid',
    'tanh',
    'softplus',
    'swish',
    'gelu',
    'mish',
    'elu',
    'gaussian',
    'softsign',
    'step',
    'sine',
  ] as const)('%s stays finite at ±1e4 (numbers and tensors)', (id) => {
    const a = getActivation(id);
    for (const x of [-1e4, 1e4]) {
      expect(Number.isFinite(a.f(x)), `f(${x})`).toBe(true);
      expect(Number.isFinite(a.fPrime(x)), `f′(${x})`).toBe(true);
    }
    const [ys, dys] = tf.tidy(() => {
      const x = tf.tensor1d([-1e4, 1e4]);
      return [a.tensor(tf, x).dataSync(), a.tensorPrime(tf, x).dataSync()];
    });
    for (const v of [...ys, ...dys]) expect(Number.isFinite(v)).toBe(true);
    expect(getActivation('softplus').f(1e4)).toBe(1e4);
    expect(getActivation('sigmoid').f(-1e4)).toBeGreaterThanOrEqual(0);
  });

  it('uses the TensorFlow convention at the kinks: relu′(0) = 0, leaky′(0) = α', () => {
    expect(getActivation('relu').fPrime(0)).toBe(0);
    expect(getActivation('leaky_relu').fPrime(0)).toBe(0.2);
    expect(getActivation('leaky_relu').fPrime(0, { alpha: 0.3 })).toBe(0.3);
    const [relu0, leaky0] = tf.tidy(() => {
      const z = tf.tensor1d([0]);
      return [
        getActivation('relu').tensorPrime(tf, z).dataSync()[0],
        getActivation('leaky_relu').tensorPrime(tf, z, { alpha: 0.3 }).dataSync()[0],
      ];
    });
    expect(relu0).toBe(0);
    expect(leaky0).toBeCloseTo(0.3, 7);
  });

  it('step: f jumps from 0 to 1 at x = 0 (f(0) = 0), and f′ is 0 everywhere, the jump included, as numbers and tensors', () => {
    const step = getActivation('step');
    expect([-3, -1e-9, 0, 1e-9, 3].map((x) => step.f(x))).toEqual([0, 0, 0, 1, 1]);
    expect([-3, 0, 3].map((x) => step.fPrime(x))).toEqual([0, 0, 0]);
    expect(step.facts.zeroGradient).toBe(true);
    const [ys, dys] = tf.tidy(() => {
      const z = tf.tensor1d([-3, -1e-30, 0, 1e-30, 3]);
      return [Array.from(step.tensor(tf, z).dataSync()), Array.from(step.tensorPrime(tf, z).dataSync())];
    });
    expect(ys).toEqual([0, 0, 0, 1, 1]);
    expect(dys).toEqual([0, 0, 0, 0, 0]);
    // Every other activation passes a gradient somewhere.
    for (const a of Object.values(ACTIVATIONS).filter((a) => a.id !== 'step'))
      expect(a.facts.zeroGradient, a.id).toBe(false);
  });

  it('gaussian, sine and softsign: their defining values (peak, period, asymptotes)', () => {
    const g = getActivation('gaussian');
    expect(g.f(0)).toBe(1);
    expect(g.fPrime(0)).toBe(-0);
    expect(g.f(1)).toBeCloseTo(Math.exp(-1), 15);
    expect(g.f(-1.7)).toBe(g.f(1.7));
    const s = getActivation('sine');
    expect(s.f(Math.PI / 2)).toBe(1);
    expect(s.f(1.3 + 2 * Math.PI)).toBeCloseTo(s.f(1.3), 14);
    const soft = getActivation('softsign');
    expect(soft.f(1)).toBe(0.5);
    expect(soft.f(-3)).toBe(-0.75);
    expect(soft.fPrime(0)).toBe(1);
    // Slower than tanh towards ±1: at x = 3, tanh is within 0.005 of 1, softsign still 0.25 short.
    expect(1 - soft.f(3)).toBe(0.25);
    expect(1 - Math.tanh(3)).toBeLessThan(0.005);
  });

  it('falls back to the default for missing or non-finite parameters', () => {
    const leaky = getActivation('leaky_relu');
    expect(leaky.f(-1, { alpha: NaN })).toBe(-0.2);
    expect(getActivation('swish').f(1, {})).toBeCloseTo(0.7310585786300049, 15);
  });

  it('erf matches reference values to double precision', () => {
    const reference: Array<[number, number]> = [
      [0.1, 0.1124629160182849],
      [0.5, 0.5204998778130465],
      [1, 0.8427007929497149],
      [2, 0.9953222650189527],
      [3.5, 0.9999992569016276],
    ];
    for (const [x, v] of reference) {
      expect(Math.abs(erf(x) - v)).toBeLessThan(1e-15);
      expect(Math.abs(erf(-x) + v)).toBeLessThan(1e-15);
    }
  });

  it('states ranges that match the sampled minima and maxima', () => {
    for (const a of Object.values(ACTIVATIONS)) {
      const [lo, hi] = a.facts.range;
      let min = Infinity;
      let max = -Infinity;
      // A fine grid near 0, and far points for curves that approach their bounds slowly (softsign: 1/(1 + |x|)).
      const far = [-1e7, -1e6, 1e6, 1e7];
      for (let x = -30; x <= 30; x += 0.0005) far.push(x);
      for (const x of far) {
        const y = a.f(x);
        min = Math.min(min, y);
        max = Math.max(max, y);
      }
      expect(min, a.id).toBeGreaterThanOrEqual(lo - 1e-6);
      expect(max, a.id).toBeLessThanOrEqual(hi + 1e-6);
      if (Number.isFinite(lo)) expect(min - lo, `${a.id} reaches its lower bound`).toBeLessThan(1e-6);
      if (Number.isFinite(hi)) expect(hi - max, `${a.id} approaches its upper bound`).toBeLessThan(1e-6);
    }
  });
});
