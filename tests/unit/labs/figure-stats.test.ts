import { describe, expect, it } from 'vitest';
import { figureStat } from '../../../src/labs/fit-lab/figure-stats';
import { fitFigure } from '../../../src/labs/fit-lab/figures';

describe('numbers quoted from a recorded Fit Lab figure', () => {
  it('gives the kinks −b/w of the trained network, left to right', () => {
    const { w1, b1 } = fitFigure('fitlab-relu').run.params;
    const kinks = w1.map((w, i) => -b1[i]! / w).sort((a, b) => a - b);
    expect(figureStat('fitlab-relu', 'kink.0')).toBe(kinks[0]);
    expect(figureStat('fitlab-relu', 'kink.1')).toBe(kinks[1]);
    // Two distinct kinks inside the data: the recorded ReLU fit is a trough with a flat bottom, not a V.
    expect(kinks[1]! - kinks[0]!).toBeGreaterThan(0.1);
  });

  it('refuses what it does not know', () => {
    expect(() => figureStat('fitlab-relu', 'kink.2')).toThrow(/kink\.2/);
    expect(() => figureStat('fitlab-relu', 'slope')).toThrow(/slope/);
    expect(() => figureStat('no-such-figure', 'kink.0')).toThrow(/no-such-figure/);
  });
});
