import { describe, expect, it } from 'vitest';
import { FLAT_SLOPE_FRACTION, flatStart, peakSlope } from '../../../src/core/analysis/flat-start';
import { factKind } from '../../../src/core/analysis/seed-facts';
import { longerTransitions, outcomesByStartSigns, type SeedRun } from '../../../src/core/analysis/seed-stats';
import { seedDataset } from '../../../src/core/data/dataset';
import { initialParams } from '../../../src/core/train/random';
import { formatFact } from '../../../src/shared/format';

const run = (seed: number, finalMse: number, initNegativeW1: number): SeedRun => ({
  seed,
  finalMse,
  deadAtInit: 0,
  deadAtEnd: 0,
  negativeAtInit: 0,
  negativeAtEnd: 0,
  initNegativeW1,
});

describe('longer training: good fits gained and lost', () => {
  it('counts runs that cross the threshold either way, so the counts add up', () => {
    const t = longerTransitions([
      { seed: 0, mse: [0.3, 0.005, 0.004], deadAtInit: 0, dead: [0, 0, 0], negative: [0, 0, 0] },
      { seed: 1, mse: [0.009, 0.011, 0.012], deadAtInit: 0, dead: [0, 0, 0], negative: [0, 0, 0] },
      { seed: 2, mse: [0.2, 0.008, 0.02], deadAtInit: 0, dead: [0, 0, 0], negative: [0, 0, 0] },
      { seed: 3, mse: [0.002, 0.001, 0.001], deadAtInit: 0, dead: [0, 0, 0], negative: [0, 0, 0] },
      { seed: 4, mse: [0.35, 0.35, 0.35], deadAtInit: 1, dead: [1, 1, 1], negative: [0, 0, 0] },
    ]);
    expect(t).toEqual({ goodAtFirst: 2, goodAtLast: 2, gained: 1, lost: 1, goodOnceNotAtLast: 2 });
    expect(t.goodAtFirst - t.lost + t.gained).toBe(t.goodAtLast);
  });
});

describe('outcomes by the signs of the starting weights', () => {
  it('groups runs by how many input weights start negative', () => {
    const line = 0.5;
    const groups = outcomesByStartSigns(
      [run(0, 0.001, 0), run(1, 0.49, 0), run(2, 0.2, 1), run(3, 0.005, 2), run(4, Infinity, 2)],
      2,
      line,
    );
    expect(groups).toEqual([
      { negativeAtStart: 0, runs: 2, goodShare: 0.5, lineShare: 0.5 },
      { negativeAtStart: 1, runs: 1, goodShare: 0, lineShare: 0 },
      { negativeAtStart: 2, runs: 2, goodShare: 0.5, lineShare: 0.5 },
    ]);
  });
});

describe('how flat saturating units start', () => {
  const xs = seedDataset().x;

  it("finds each activation's peak slope", () => {
    expect(peakSlope('sigmoid')).toBeCloseTo(0.25, 6);
    expect(peakSlope('tanh')).toBeCloseTo(1, 6);
  });

  it('counts the (neuron, input) pairs below a tenth of the peak slope, from the study’s own draw', () => {
    const seeds = [0, 1, 2, 3, 4, 5, 6, 7];
    const runs = seeds.map((seed) => ({ seed, finalMse: seed < 4 ? 0.001 : 0.5 }));
    const one = flatStart(runs, 'tanh', 2, xs, 0.5);
    // The same count written out: tanh′(z) = 1 − tanh²(z), peak 1.
    let flat = 0;
    for (const seed of seeds)
      for (const w of initialParams(seed, 2).w1)
        for (const x of xs) if (1 - Math.tanh(w * x) ** 2 < FLAT_SLOPE_FRACTION) flat++;
    expect(one.flatShare).toBeCloseTo(flat / (seeds.length * 2 * xs.length), 12);
    expect(one.flat.runs + one.live.runs).toBe(seeds.length);
    // tanh(z) = 2σ(2z) − 1: from the same draw, a tanh unit is a sigmoid twice as steep, so more of it is flat.
    expect(one.flatShare).toBeGreaterThan(flatStart(runs, 'sigmoid', 2, xs, 0.5).flatShare);
  });
});

describe('ratios in the prose', () => {
  it('are named …Ratio and written as “N×” / “N 倍”', () => {
    expect(factKind('sigmoid-h2.thresholdOverBestRatio')).toBe('ratio');
    expect(formatFact(70.0456, 'ratio', 'en')).toBe('70×');
    expect(formatFact(1.7734, 'ratio', 'zh-cn')).toBe('1.8 倍');
  });
});
