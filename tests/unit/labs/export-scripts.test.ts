/** The export scripts' building blocks: exact float32 literals, and comments that hold whatever the target says. */
import { describe, expect, it } from 'vitest';
import {
  float32Literal,
  kerasScript,
  tfjsScript,
  type ExportedRun,
} from '../../../src/labs/fit-lab/export/export-scripts';
import { createRng } from '../../../src/core/train/random';

describe('float32Literal', () => {
  const rng = createRng(2024, 9);
  const values = [
    0,
    1,
    -1,
    0.1,
    Math.PI,
    2 * Math.PI,
    1e-30,
    -3.4e38,
    1.17549435e-38,
    0.5000001,
    ...Array.from({ length: 2000 }, () => (rng.next() - 0.5) * 10 ** Math.floor(rng.next() * 16 - 8)),
  ];

  it('reads back (as a double, then rounded to float32) as exactly the float32 the page trains with', () => {
    for (const v of values) expect(Math.fround(Number(float32Literal(v)))).toBe(Math.fround(v));
  });

  it('is the shortest such decimal', () => {
    for (const v of values) {
      const text = float32Literal(v);
      const digits = text.replace(/^-/, '').replace(/e.*$/, '').replace('.', '').replace(/^0+/, '').length;
      if (digits <= 1) continue;
      expect(Math.fround(Number(Math.fround(v).toPrecision(digits - 1)))).not.toBe(Math.fround(v));
    }
  });

  it('refuses what float32 cannot hold', () => {
    expect(() => float32Literal(Number.NaN)).toThrow(RangeError);
    expect(() => float32Literal(1e39)).toThrow(RangeError);
  });
});

describe('comments and docstrings', () => {
  const hostile: ExportedRun = {
    activation: 'relu',
    activationParams: {},
    hidden: 2,
    lr: 0.04,
    epochs: 3,
    batch: 32,
    seed: 0,
    targetText: 'x\n"""\nimport os\u2028// */ \\ `x`',
    data: { x: [0, 1], y: [1, 0] },
  };
  const benign: ExportedRun = { ...hostile, targetText: 'x' };
  it.each([
    ['Keras', kerasScript],
    ['TensorFlow.js', tfjsScript],
  ] as const)('%s: the target text stays on its comment line, without quotes or backslashes', (_, write) => {
    const script = write(hostile);
    const line = script.split('\n').find((l) => l.includes('Target: y ='))!;
    expect(line).toMatch(/^(\/\/ )?Target: y = x import os \/\/ \*\/ x, on 2 points/);
    expect(script).not.toMatch(/^import os/m);
    expect(script.split('\n')).toHaveLength(write(benign).split('\n').length);
    expect(script.split('"""')).toHaveLength(write(benign).split('"""').length);
  });
});
