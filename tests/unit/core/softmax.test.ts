import { describe, expect, it } from 'vitest';
import { logSumExp, parseLogit, softmax, softmaxJacobian } from '../../../src/core/activations/softmax';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('softmax', () => {
  const cases: number[][] = [
    [2, 1, 0.1],
    [0, 0, 0],
    [1000, -1000, 0, 3],
    [-1000, -1000, -999],
    [1e300, -1e300, 5],
    [3.7, -2.2, 0.5, 9.1, -8, 1e-9],
  ];

  it.each(cases)('sums to 1 within 1e-12 and stays finite: %j', (...logits) => {
    for (const t of [0.1, 1, 5]) {
      const p = softmax(logits, t);
      expect(p.every((v) => Number.isFinite(v) && v >= 0 && v <= 1)).toBe(true);
      expect(Math.abs(sum(p) - 1)).toBeLessThan(1e-12);
    }
  });

  it('is finite at logits of ±1000 and puts the mass on the largest', () => {
    const p = softmax([1000, -1000, 999]);
    expect(p[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
    expect(p[1]).toBe(0);
  });

  it('is invariant to adding a constant to every logit', () => {
    const z = [2, -1, 0.5, 4];
    const base = softmax(z);
    for (const c of [-1000, -3.5, 7, 1000]) {
      const shifted = softmax(z.map((v) => v + c));
      shifted.forEach((v, i) => expect(Math.abs(v - base[i]!)).toBeLessThan(1e-12));
    }
  });

  it('matches the textbook formula on small logits', () => {
    const z = [1, 2, 3];
    const e = z.map(Math.exp);
    softmax(z).forEach((v, i) => expect(v).toBeCloseTo(e[i]! / sum(e), 15));
  });

  it('flattens with high temperature and sharpens with low temperature', () => {
    const z = [2, 1, 0];
    expect(Math.max(...softmax(z, 5))).toBeLessThan(Math.max(...softmax(z, 1)));
    expect(softmax(z, 0.1)[0]).toBeGreaterThan(0.9999);
    // T scales the logits: softmax(z, T) = softmax(z / T).
    softmax(z, 2).forEach((v, i) => expect(v).toBeCloseTo(softmax(z.map((x) => x / 2))[i]!, 15));
  });

  it('refuses a temperature that is not positive and finite', () => {
    expect(() => softmax([1, 2], 0)).toThrow(RangeError);
    expect(() => softmax([1, 2], NaN)).toThrow(RangeError);
    expect(() => softmax([1, NaN])).toThrow(RangeError);
  });

  it('has the Jacobian p_i(δ_ij − p_j), which matches finite differences and whose rows sum to 0', () => {
    const z = [0.3, -1.2, 2];
    const p = softmax(z);
    const jac = softmaxJacobian(p);
    const h = 1e-6;
    for (let j = 0; j < z.length; j++) {
      const plus = softmax(z.map((v, k) => (k === j ? v + h : v)));
      const minus = softmax(z.map((v, k) => (k === j ? v - h : v)));
      for (let i = 0; i < z.length; i++) expect(jac[i]![j]!).toBeCloseTo((plus[i]! - minus[i]!) / (2 * h), 8);
    }
    for (const row of jac) expect(Math.abs(sum(row))).toBeLessThan(1e-15);
  });

  it('logSumExp does not overflow', () => {
    expect(logSumExp([1000, 1000])).toBeCloseTo(1000 + Math.log(2), 10);
    expect(logSumExp([-1000])).toBe(-1000);
  });
});

describe('parseLogit', () => {
  it.each([
    ['2', 2],
    [' -3.5 ', -3.5],
    ['−1000', -1000],
    ['+1e3', 1000],
    ['.5', 0.5],
    ['4.', 4],
    ['－２．５', -2.5],
    ['-0', 0],
  ])('accepts %j as %d', (text, value) => {
    expect(parseLogit(text)).toEqual({ ok: true, value });
  });

  it.each(['', 'abc', '1,5', '2x', 'NaN', 'Infinity', '1e999', '0x10', '1 2', '--1', 'alert(1)', 'e5'])(
    'refuses %j',
    (text) => {
      expect(parseLogit(text)).toEqual({ ok: false });
    },
  );
});
