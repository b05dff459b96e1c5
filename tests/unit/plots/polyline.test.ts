import { describe, expect, it } from 'vitest';
import { polylinePath } from '../../../src/plots/svg';

const points = (d: string) =>
  [...d.matchAll(/([ML])(-?[\d.]+),(-?[\d.]+)/g)].map((m) => [m[1], Number(m[2]), Number(m[3])] as const);

describe('polylinePath', () => {
  it('draws a straight run as two points and keeps a kink exactly', () => {
    const xs = Array.from({ length: 241 }, (_, j) => j);
    const hinge = xs.map((x) => Math.max(0, x - 100) * 0.5);
    expect(points(polylinePath(xs, hinge))).toEqual([
      ['M', 0, 0],
      ['L', 100, 0],
      ['L', 240, 70],
    ]);
  });

  it('stays within the tolerance of every dropped point of a curve', () => {
    const xs = Array.from({ length: 241 }, (_, j) => j * 2.5);
    const ys = xs.map((x) => 150 + 100 * Math.sin(x / 60));
    const kept = points(polylinePath(xs, ys, 0.25));
    expect(kept.length).toBeLessThan(xs.length / 3);
    xs.forEach((x, j) => {
      const k = kept.findIndex((p) => p[1] >= x - 1e-9);
      const [, xb, yb] = kept[k]!;
      const [, xa, ya] = kept[Math.max(0, k - 1)]!;
      const y = xb === xa ? yb : ya + ((x - xa) / (xb - xa)) * (yb - ya);
      expect(Math.abs(y - ys[j]!)).toBeLessThan(0.25 + 0.1);
    });
  });

  it('breaks the line at non-finite values and writes nothing for an empty series', () => {
    const d = polylinePath([0, 1, 2, 3, 4], [0, 1, NaN, 3, Infinity]);
    expect(points(d).map((p) => p[0])).toEqual(['M', 'L', 'M']);
    expect(polylinePath([], [])).toBe('');
  });
});
