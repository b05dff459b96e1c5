/** The first draw of w₁ (init-weights.ts) and its histogram (plots/initWeights.ts). */
import { describe, expect, it } from 'vitest';
import { seedDataset } from '../../../src/core/data/dataset';
import { heLimit, type InitSpec } from '../../../src/core/train/init-schemes';
import { initWeightsHistogram, weightEdges } from '../../../src/core/analysis/init-weights';
import { initialParams } from '../../../src/core/train/random';
import { initWeightsSvg } from '../../../src/plots/initWeights';

const xs = seedDataset().x;
const sum = (a: readonly number[]) => a.reduce((s, v) => s + v, 0);
const labels = { title: 'T <b>', desc: 'D', xAxis: 'w', yAxis: 'n', active: 'on', off: 'off', band: 'U' };

describe('the first draw of w₁', () => {
  it('with b = 0, a ReLU unit starts off exactly when w₁ ≤ 0 (the sign, not the scale)', () => {
    for (const kernel of ['glorot_uniform', 'he_uniform'] as const) {
      const h = initWeightsHistogram({ kernel, hiddenBias: 0 }, 'relu', 2, 300, xs);
      const negatives = Array.from({ length: 300 }, (_, s) => initialParams(s, 2).w1.filter((w) => w <= 0).length);
      expect(h.offUnits).toBe(sum(negatives));
      expect(h.networksWithOff).toBe(negatives.filter((n) => n > 0).length);
      expect(sum(h.active) + sum(h.off)).toBe(600);
      // Off units sit left of 0, active ones right of it: the middle bin straddles 0 and may hold both.
      const mid = (h.edges.length - 2) / 2;
      h.off.forEach((n, k) => k > mid && expect(n).toBe(0));
      h.active.forEach((n, k) => k < mid && expect(n).toBe(0));
    }
  });

  it('a positive bias leaves no unit off; zero kernels with zero bias leave every unit off; sigmoid is never off', () => {
    expect(initWeightsHistogram({ kernel: 'he_uniform', hiddenBias: 0.1 }, 'relu', 2, 100, xs).offUnits).toBe(0);
    const zeros = initWeightsHistogram({ kernel: 'zeros', hiddenBias: 0 }, 'relu', 2, 100, xs);
    expect(zeros.offUnits).toBe(200);
    expect(zeros.off[(zeros.edges.length - 2) / 2]).toBe(200); // all in the middle bin, around 0
    expect(zeros.limit).toBe(0);
    expect(initWeightsHistogram({ kernel: 'zeros', hiddenBias: 0 }, 'leaky_relu', 2, 10, xs).offUnits).toBe(20);
    expect(initWeightsHistogram({ kernel: 'glorot_uniform', hiddenBias: 0 }, 'sigmoid', 2, 100, xs).offUnits).toBe(0);
    // A negative bias also switches off small positive weights: w·2π + b ≤ 0.
    const neg: InitSpec = { kernel: 'glorot_uniform', hiddenBias: -1 };
    const expected = sum(
      Array.from({ length: 100 }, (_, s) => initialParams(s, 2, neg).w1.filter((w) => w * 2 * Math.PI - 1 <= 0).length),
    );
    expect(initWeightsHistogram(neg, 'relu', 2, 100, xs).offUnits).toBe(expected);
  });

  it('bins on a fixed symmetric axis wide enough for He, with 0 inside the middle bin', () => {
    const e = weightEdges(heLimit(1) + 0.05);
    expect(e[0]).toBeCloseTo(-e[e.length - 1]!, 12);
    expect((e.length - 1) % 2).toBe(1);
    const mid = (e.length - 2) / 2;
    expect(e[mid]! < 0 && e[mid + 1]! > 0).toBe(true);
  });

  it('draws an accessible SVG whose bars are the counts, text escaped', () => {
    const h = initWeightsHistogram({ kernel: 'he_uniform', hiddenBias: 0 }, 'relu', 2, 50, xs);
    const svg = initWeightsSvg(h, { width: 400, height: 160, idPrefix: 'x' }, labels);
    expect(svg).toContain('role="img"');
    expect(svg).toContain('T &lt;b&gt;');
    expect(svg).toContain(`data-off-units="${h.offUnits}"`);
    const bars = [...svg.matchAll(/data-active="(\d+)" data-off="(\d+)"/g)].map((m) => [Number(m[1]), Number(m[2])]);
    expect(sum(bars.map(([a, o]) => a! + o!))).toBe(100);
    expect(svg).toContain(`data-band="${Math.round(heLimit(1) * 100) / 100}"`);
    expect(
      initWeightsSvg(
        initWeightsHistogram({ kernel: 'zeros', hiddenBias: 0 }, 'relu', 2, 5, xs),
        { width: 400, height: 160, idPrefix: 'z' },
        labels,
      ),
    ).not.toContain('data-band');
  });
});
